import { Show } from 'solid-js';
import type { Permission } from '@facturo/core';
import { Notice } from '../Notice';
import { LockedNotice } from './LockedNotice';
import { PageHead } from './PageHead';

export interface RecordEditorHeadProps {
  title: string;
  lead?: string;
  back: { href: string; label: string };
  /** What changing the record needs, and the notice shown to a role without it. */
  locked: { needs: Permission; testid: string; text: string };
  /** Shown while the record is archived. */
  archived: { when: boolean; testid?: string; text: string };
}

/** A record editor's heading: the way back to the list, the title, and why the form may not be changed. */
export function RecordEditorHead(props: RecordEditorHeadProps) {
  return (
    <>
      <PageHead title={props.title} lead={props.lead} back={props.back} />
      <LockedNotice needs={props.locked.needs} testid={props.locked.testid} text={props.locked.text} />
      <Show when={props.archived.when}>
        <Notice kind="warning" testid={props.archived.testid}>{props.archived.text}</Notice>
      </Show>
    </>
  );
}
