import { Show } from 'solid-js';
import type { Permission } from '@facturo/core';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';

/**
 * Says why the page is read-only when the member's role lacks `needs`. A replica the server made read-only says so
 * itself (the sync status), so the notice stays silent then rather than blaming the role.
 */
export function LockedNotice(props: { needs: Permission; testid: string; text: string }) {
  const { can, replica } = useCompany();
  return (
    <Show when={!can(props.needs) && !replica.readOnly()}>
      <Notice kind="info" testid={props.testid}>{props.text}</Notice>
    </Show>
  );
}
