import type { Integrity } from '../api/audit';
import { translate, type Lang } from '../i18n';

// The audit log is a hash chain: each entry carries the hash of the one before, so an entry changed or
// removed behind the server's back breaks it (sync-server/src/log/verify.ts names the first broken link).
// Its reasons are the verifier's English: people read these.

/** Why the chain broke, in the reader's language. */
export function breakReason(reason: string, l: Lang): string {
  const missing = /^entry (\d+) is missing/.exec(reason);
  if (missing) return translate(l, 'integrity.reasonMissing', { entry: missing[1] ?? '?' });
  if (/does not match its hash/.test(reason)) return translate(l, 'integrity.reasonAltered');
  if (/^unknown kind|^unknown entry format|has no name$/.test(reason)) return translate(l, 'integrity.reasonUnreadable');
  return reason ? translate(l, 'integrity.reasonOther', { reason }) : translate(l, 'integrity.reasonAltered');
}

/** What the status line at the top of the audit page says. */
export type IntegrityTone = 'ok' | 'broken' | 'unchecked';

export function integrityTone(state: Pick<Integrity, 'status' | 'broken'> | undefined): IntegrityTone {
  if (!state) return 'unchecked';
  if (state.status === 'broken' || state.broken) return 'broken';
  return state.status === 'ok' ? 'ok' : 'unchecked';
}
