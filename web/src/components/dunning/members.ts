import { createResource } from 'solid-js';
import { membersApi } from '../../api/members';

/** The company's members (id and name) for choosing who does a letter or a call; none while offline. */
export function createMemberChoices(companyId: string) {
  const [members] = createResource(() => companyId, (id) => membersApi.list(id).catch(() => []));
  return () => (members() ?? []).map((m) => ({ id: m.userId, name: m.displayName }));
}
