import type { DocKind } from '@facturo/core';
import { session } from '../auth/session';
import { grantedIn, roomReadOnly } from '../auth/access';
import type { RoomOptions } from './room';

export type MemberRoomOptions = Omit<RoomOptions, 'onLoaded'>;

/** The room options of the signed-in person for a company; read-only follows their role as it changes. */
export function optionsFor(companyId: string, kind: DocKind): MemberRoomOptions {
  const me = session.me();
  const company = session.company(companyId);
  if (!me || !company) throw new Error('not signed in to this company');
  return { user: { id: me.user.id, name: me.user.displayName }, readOnly: () => roomReadOnly(kind, grantedIn(session.company(companyId))) };
}
