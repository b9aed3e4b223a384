import { createSignal } from 'solid-js';
import { onReauthRequired, type ApiError } from '../api/http';
import { describeError } from '../errors';
import { confirmWithPasskey } from './passkeys';

/*
 * Re-authentication before sensitive actions: the server answers 401 `reauth_required` when the sign-in
 * is more than a few minutes old; api/http.ts then calls confirm() here and retries the request once.
 * ReauthDialog shows the prompt (a button press, so that every browser lets the passkey ceremony run);
 * requests refused at the same time share one prompt.
 */

interface Pending {
  refusal: ApiError;
  ceremony: () => Promise<void>;
  promise: Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const [pending, setPending] = createSignal<Pending | null>(null);
const [busy, setBusy] = createSignal(false);
const [error, setError] = createSignal<string | null>(null);

export const reauth = {
  /** True while the prompt is shown. */
  open: () => pending() !== null,
  busy,
  error,
};

/** Shows the prompt; resolves once the person has confirmed, rejects with the refusal if they cancel. */
export function confirm(refusal: ApiError, ceremony: () => Promise<void> = confirmWithPasskey): Promise<void> {
  const current = pending();
  if (current) return current.promise;
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  setError(null);
  setPending({ refusal, ceremony, promise, resolve, reject });
  return promise;
}

/** The prompt's button: the passkey ceremony; on failure the prompt stays, with what went wrong. */
export async function proceed(): Promise<void> {
  const p = pending();
  if (!p || busy()) return;
  setBusy(true);
  setError(null);
  try {
    await p.ceremony();
    setPending(null);
    p.resolve();
  } catch (e) {
    setError(describeError(e));
  } finally {
    setBusy(false);
  }
}

/** The prompt's Cancel: the action fails with the server's refusal (describeError says to confirm). */
export function cancel(): void {
  const p = pending();
  if (!p) return;
  setPending(null);
  setError(null);
  p.reject(p.refusal);
}

onReauthRequired((refusal) => confirm(refusal));
