import { createSignal, For, Show } from 'solid-js';
import { subscriptionsApi, type CancelBody, type LifecycleResult, type SubscriptionView } from '../../api/subscriptions';
import { newIdempotencyKey } from '../../stores/ids';
import { formatDay, t } from '../../i18n';
import { FormField } from './FormField';
import { refusalOf, RefusalNotice, type Refusal } from './Refusal';

export interface LifecyclePanelProps {
  companyId: string;
  sub: SubscriptionView;
  today: string;
  disabled: boolean;
  /** The subscription as it now stands; with `creditNoteId` when the server credited days already invoiced. */
  onDone: (sub: LifecycleResult) => void;
}

type CancelWhen = 'now' | 'date' | 'periodEnd';

function cancelBody(when: CancelWhen, date: string, today: string, force: boolean): CancelBody {
  const f = force ? { force: true as const } : {};
  if (when === 'periodEnd') return { atPeriodEnd: true, ...f };
  return { at: when === 'now' ? today : date, ...f };
}

/** Pause, resume, cancel (now, at a date, at the period's end); a commitment refusal offers to cancel anyway. */
export function LifecyclePanel(props: LifecyclePanelProps) {
  const [pauseAt, setPauseAt] = createSignal(props.today);
  const [when, setWhen] = createSignal<CancelWhen>('periodEnd');
  const [cancelAt, setCancelAt] = createSignal(props.today);
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const paused = () => props.sub.pausedFrom !== undefined;

  const run = async (action: () => Promise<LifecycleResult>) => {
    setBusy(true);
    setRefusal(null);
    try {
      props.onDone(await action());
      setConfirming(false);
    } catch (e) {
      setRefusal(refusalOf(e));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const pauseOrResume = () =>
    run(() => (paused() ? subscriptionsApi.resume : subscriptionsApi.pause)(props.companyId, props.sub.id, pauseAt(), newIdempotencyKey()));
  const cancel = (force: boolean) => run(() => subscriptionsApi.cancel(props.companyId, props.sub.id, cancelBody(when(), cancelAt(), props.today, force), newIdempotencyKey()));

  return (
    <section class="card section" data-testid="lifecycle-panel">
      <h2 class="section-title">{t('subLife.title')}</h2>
      <fieldset class="plain" disabled={props.disabled || busy()}>
        <div class="inline-row">
          <FormField field="pauseAt" label={paused() ? 'subLife.resumeAt' : 'subLife.pauseAt'} type="date" value={pauseAt()} onInput={setPauseAt} errors={{}} testid="pause-at" />
          <button type="button" class="btn" onClick={() => void pauseOrResume()} data-testid={paused() ? 'resume-subscription' : 'pause-subscription'}>
            {t(paused() ? 'subLife.resume' : 'subLife.pause')}
          </button>
        </div>
        <p class="muted small">{paused() ? t('subLife.pausedFrom', { date: formatDay(props.sub.pausedFrom) }) : t('subLife.pauseHelp')}</p>
        <fieldset class="choice-list">
          <legend>{t('subLife.cancel')}</legend>
          <For each={['periodEnd', 'now', 'date'] as const}>
            {(w) => (
              <label class="choice">
                <input type="radio" name="cancel-when" value={w} checked={when() === w} onChange={() => { setWhen(w); setConfirming(false); }} data-testid={`cancel-${w}`} />
                <span>
                  <strong>{t(`subLife.cancel.${w}`)}</strong>
                  <span class="muted small"> — {t(`subLife.cancel.${w}Help`)}</span>
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <Show when={when() === 'date'}>
          <FormField field="cancelAt" label="subLife.cancelAt" type="date" value={cancelAt()} onInput={setCancelAt} errors={{}} testid="cancel-at" />
        </Show>
        <div class="actions wrap">
          <Show
            when={confirming()}
            fallback={<button type="button" class="btn danger" onClick={() => setConfirming(true)} data-testid="cancel-subscription">{t('subLife.cancelButton')}</button>}
          >
            <span>{t('subLife.confirm')}</span>
            <button type="button" class="btn danger" onClick={() => void cancel(false)} data-testid="confirm-cancel">{t('subLife.confirmYes')}</button>
            <button type="button" class="btn ghost" onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </Show>
        </div>
      </fieldset>
      <Show when={refusal()}>
        {(r) => (
          <RefusalNotice refusal={r()} testid="lifecycle-refusal">
            <Show when={r().code === 'committed'}>
              <p class="small">{t('subLife.forceHelp')}</p>
              <button type="button" class="btn danger" disabled={busy() || props.disabled} onClick={() => void cancel(true)} data-testid="force-cancel">{t('subLife.force')}</button>
            </Show>
          </RefusalNotice>
        )}
      </Show>
    </section>
  );
}
