import type { BankChange } from '../api/bank';
import { ApiError } from '../api/http';
import { fieldErrorText, translate, type Lang, type MessageKey } from '../i18n';

// The company's bank details change in two steps (sync-server/src/security/bank.ts): a member allowed to
// change them asks, another one approves. A fake change of bank details ("fraude au changement de RIB")
// is the commonest fraud against small businesses: one person alone can never redirect the payments.

/** The change waiting for a second person, if any (the server keeps at most one). */
export function pendingChange(changes: readonly BankChange[] | undefined): BankChange | null {
  return changes?.find((c) => c.status === 'pending') ?? null;
}

/** The decided changes, newest first, for the record under the form. */
export function pastChanges(changes: readonly BankChange[] | undefined, max = 5): BankChange[] {
  return (changes ?? []).filter((c) => c.status !== 'pending').slice(0, max);
}

/**
 * What this member may do with a pending change: its asker may withdraw it; someone else allowed to
 * change the bank details approves or rejects it; everyone else only reads it.
 */
export function mayDo(change: Pick<BankChange, 'requestedBy'>, me: { userId: string; bankEdit: boolean }): 'withdraw' | 'decide' | 'read' {
  if (change.requestedBy === me.userId) return 'withdraw';
  return me.bankEdit ? 'decide' : 'read';
}

export type BankField = 'iban' | 'bic';

/** The server's refusal of a request, by field, in the reader's language (core's IBAN and BIC checks). */
export function bankFieldErrors(e: unknown, l: Lang): Partial<Record<BankField, string>> {
  if (!(e instanceof ApiError) || e.status !== 400) return {};
  const out: Partial<Record<BankField, string>> = {};
  for (const field of ['iban', 'bic'] as const) {
    const message = e.fields[field];
    if (!message) continue;
    out[field] = /already in use/.test(message) ? translate(l, 'bank.same') : fieldErrorText(message, l);
  }
  return out;
}

/** A refusal that deserves its own sentence, or null (the generic description then). */
export function bankRefusal(e: unknown): MessageKey | null {
  if (!(e instanceof ApiError)) return null;
  if (e.code === 'bank_change_pending') return 'bank.alreadyPending';
  if (e.code === 'not_pending') return 'bank.decidedMeanwhile';
  if (e.status === 403 && /second person/.test(e.message)) return 'bank.notYourOwn';
  if (e.status === 403 && /only who asked/.test(e.message)) return 'bank.onlyAsker';
  if (e.status === 400 && e.fields.reason) return 'bank.reasonTooShort';
  return null;
}
