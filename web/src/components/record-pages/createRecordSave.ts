import { useLocation, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';

/** What the last save said: nothing yet (or the form changed since), saved, or refused with field errors. */
export type SaveStatus = 'saved' | 'invalid' | null;

export type SaveOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * A record editor's save state. A new record, once saved, reopens under its id (`savedHref`, replacing the "new"
 * entry in the history): the "saved" notice travels with the navigation.
 */
export function createRecordSave(options: { isNew: boolean; savedHref: string }) {
  const navigate = useNavigate();
  const location = useLocation<{ saved?: boolean }>();
  const [status, setStatus] = createSignal<SaveStatus>(location.state?.saved ? 'saved' : null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const settle = (result: SaveOutcome) => {
    setErrors(result.ok ? {} : result.errors);
    setStatus(result.ok ? 'saved' : 'invalid');
    if (result.ok && options.isNew) navigate(options.savedHref, { replace: true, state: { saved: true } });
  };
  return { status, setStatus, errors, setErrors, settle };
}
