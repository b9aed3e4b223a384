import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { auditApi, type Integrity } from '../../api/audit';
import { ApiError } from '../../api/http';
import { chainBroken } from '../../audit/chainBroken';
import { breakReason, integrityTone } from '../../audit/integrity';
import { actorName, formatInstant, type Reading } from '../../audit/reading';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';
import '../security/security.css';

/**
 * The top of the audit page: whether the log's hash chain is intact, a "Vérifier maintenant" button, and
 * when it is broken, the owners' form to acknowledge the break (with a note) so that work resumes.
 */
export function IntegrityPanel(props: { reading: Reading }) {
  const { company, can } = useCompany();
  const [state, { mutate }] = createResource(() => company.id, auditApi.integrity);
  const [checking, setChecking] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [checked, setChecked] = createSignal(false);
  const tone = () => integrityTone(state.latest);
  const owner = () => company.role === 'owner';
  const [acknowledgedSome, setAcknowledgedSome] = createSignal(false);
  const resumedHere = chainBroken.takeResumed(company.id);

  const settle = (next: Integrity) => {
    mutate(next);
    // The server now pauses the company (423 everywhere else), or someone acknowledged the break meanwhile.
    if (integrityTone(next) === 'broken') chainBroken.note(company.id);
    else if (chainBroken.has(company.id)) chainBroken.clear(company.id);
  };
  const check = async () => {
    setChecking(true);
    setFailure(null);
    setChecked(false);
    try {
      const next = await auditApi.check(company.id);
      settle(next);
      setChecked(integrityTone(next) === 'ok');
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setChecking(false);
    }
  };

  return (
    <section class="card" id="integrity" aria-labelledby="integrity-title" data-testid="integrity">
      <h2 id="integrity-title">{t('integrity.title')}</h2>
      <div class={`integrity ${tone()}`}>
        <div class="integrity-text">
          <Show when={state.latest} fallback={<p class="muted">{state.error ? describeError(state.error) : t('common.loading')}</p>}>
            {(s) => (
              <Switch>
                <Match when={tone() === 'broken' && s().broken}>
                  {(b) => (
                    <>
                      <p class="integrity-state" data-testid="integrity-state" data-status="broken">{t('integrity.broken', { entry: b().companySeq })}</p>
                      <p class="hint">{t('integrity.brokenAt', { when: formatInstant(b().detectedAt, props.reading.lang), reason: breakReason(b().reason, props.reading.lang) })}</p>
                    </>
                  )}
                </Match>
                <Match when={tone() === 'ok'}>
                  <p class="integrity-state" data-testid="integrity-state" data-status="ok">{t('integrity.ok')}</p>
                  <p class="hint">{t('integrity.okAt', { when: formatInstant(s().checkedAt, props.reading.lang) })}</p>
                </Match>
                <Match when={true}>
                  <p class="integrity-state" data-testid="integrity-state" data-status={tone()}>{t('integrity.unchecked')}</p>
                </Match>
              </Switch>
            )}
          </Show>
        </div>
        <Show when={can('audit.read')}>
          <button type="button" class="btn" disabled={checking()} onClick={() => void check()} data-testid="integrity-check">
            {checking() ? t('integrity.checking') : t('integrity.check')}
          </button>
        </Show>
      </div>
      {/* The page was opened again once the company resumed (the layout reopens its replica). */}
      <Show when={resumedHere}>
        <Notice kind="success" testid="integrity-acknowledged">{t('integrity.acknowledged')}</Notice>
      </Show>
      <Show when={checked()}>
        <Notice kind="success" testid="integrity-checked">{t('integrity.checkedOk')}</Notice>
      </Show>
      <Show when={failure()}>{(m) => <Notice kind="error">{m()}</Notice>}</Show>
      <Show when={tone() === 'broken'}>
        <Show when={owner()} fallback={<p class="hint locked-note">{t('integrity.ownerOnly')}</p>}>
          {/* Keyed by the break: a further one found past it asks for its own note. */}
          <Show when={state.latest?.broken?.seq} keyed>
            {(_seq) => (
              <AcknowledgeForm
                companyId={company.id}
                furtherBreak={acknowledgedSome()}
                onDone={(next) => {
                  setAcknowledgedSome(true);
                  settle(next);
                }}
              />
            )}
          </Show>
        </Show>
      </Show>
      <Show when={(state.latest?.acknowledged.length ?? 0) > 0}>
        <details class="bank-past">
          <summary>{t('integrity.pastTitle')}</summary>
          <ul class="list" data-testid="integrity-past">
            <For each={state.latest?.acknowledged ?? []}>
              {(b) => <li class="small">{t('integrity.past', { entry: b.companySeq, when: formatInstant(b.acknowledgedAt, props.reading.lang), who: actorName(b.acknowledgedBy, props.reading), note: b.note ?? '' })}</li>}
            </For>
          </ul>
        </details>
      </Show>
    </section>
  );
}

/** An owner's note on what they found; the company is served again once the server takes it. */
function AcknowledgeForm(props: { companyId: string; furtherBreak: boolean; onDone: (state: Integrity) => void }) {
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (note().trim().length < 3) return setError(t('integrity.noteTooShort'));
    setBusy(true);
    setError(null);
    try {
      const next = await auditApi.acknowledge(props.companyId, note().trim());
      props.onDone(next);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 400 ? t('integrity.noteTooShort') : describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
      <form class="ack-form" id="acknowledge" onSubmit={(e) => void submit(e)} novalidate data-testid="acknowledge-form">
        <h3 class="subsection-title">{t('integrity.ackTitle')}</h3>
        <Show when={props.furtherBreak}>
          <Notice kind="warning" testid="integrity-further">{t('integrity.further')}</Notice>
        </Show>
        <p class="hint">{t('integrity.ackLead')}</p>
        <div class="field" classList={{ invalid: error() !== null }}>
          <label for="integrity-note">{t('integrity.note')}</label>
          <textarea id="integrity-note" rows={3} maxlength={2000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} aria-describedby="integrity-note-hint" />
          <p class="hint" id="integrity-note-hint">{t('integrity.noteHint')}</p>
        </div>
        <Show when={error()}>{(m) => <Notice kind="error" testid="acknowledge-error">{m()}</Notice>}</Show>
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy()} data-testid="acknowledge-submit">{t('integrity.acknowledge')}</button>
        </div>
      </form>
  );
}
