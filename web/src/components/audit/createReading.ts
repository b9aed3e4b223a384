import { createMemo, createResource, type Accessor } from 'solid-js';
import { membersApi, rolesApi } from '../../api/members';
import { tokensApi } from '../../api/tokens';
import type { Reading } from '../../audit/reading';
import { builtInRoleInfos } from '../../auth/roles';
import { lang } from '../../i18n';
import { useCompany } from '../companyContext';

/**
 * What a page of the audit trail, the alerts or the bank details needs to name people: the company's
 * members, its roles and (for those who may list them) its API tokens. Online; an answer that fails names less.
 */
export function createReading(): Accessor<Reading> {
  const { company, can } = useCompany();
  const [members] = createResource(() => company.id, (id) => membersApi.list(id).catch(() => []));
  const [roles] = createResource(() => company.id, (id) => rolesApi.list(id).then((r) => r.roles, () => builtInRoleInfos));
  const [tokens] = createResource(() => (can('tokens.manage') ? company.id : false), (id) => tokensApi.list(id).catch(() => []));
  const memberNames = createMemo(() => new Map((members() ?? []).map((m) => [m.userId, m.displayName])));
  const tokenNames = createMemo(() => new Map((tokens() ?? []).map((t) => [t.id, t.name])));
  return () => ({ lang: lang(), members: memberNames(), tokens: tokenNames(), roles: roles() ?? builtInRoleInfos });
}
