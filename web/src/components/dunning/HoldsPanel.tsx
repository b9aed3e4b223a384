import { createResource, createSignal, For, Show } from 'solid-js';
import { dunningApi, holdKinds, type HoldKind, type HoldView } from '../../api/dunning';
import { ApiError } from '../../api/http';
import { formatDay, t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';
import { DunningField } from './DunningField';

/** What a hold says in a line: its kind and, for a promise or a pause, its last day. */
function holdLine(h: HoldView): string {
  return h.kind === 'dispute' ? t('holds.line.dispute') : t(`holds.line.${h.kind}` as MessageKey, { date: formatDay(h.until) });
}

/**
 * An issued invoice's reminders (issue 8): suspend them — a promise to pay until a day, a dispute, a pause — and lift
 * a hold. Holds are the server's (the dunning pass reads them), so this needs a connection.
 */
export function HoldsPanel(props: { companyId: string; invoiceId: string; canAct: boolean }) {
  const [holds, { refetch }] = createResource(() => props.invoiceId, (id) => dunningApi.holds(props.companyId, id));
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<HoldKind>('promise');
  const [until, setUntil] = createSignal('');
  const [note, setNote] = createSignal('');
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (kind() !== 'dispute' && !until()) return setErrors({ until: 'a promise or a pause lasts until a date' }); // the server's own words, translated beside the field
    try {
      await dunningApi.hold(props.companyId, props.invoiceId, { kind: kind(), ...(kind() !== 'dispute' ? { until: until() } : {}), ...(note().trim() ? { note: note().trim() } : {}) });
      setOpen(false);
      setErrors({});
      setUntil('');
      setNote('');
      void refetch();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields);
      else setFailure(err instanceof Error ? err.message : String(err));
    }
  };
  const release = async (id: string) => {
    try {
      await dunningApi.release(props.companyId, id);
      void refetch();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section class="card section dunning-holds no-print" data-testid="dunning-holds">
      <div class="dunning-step-head">
        <h2 class="section-title">{t('holds.title')}</h2>
        <Show when={props.canAct && !open() && !holds.error}>
          <button type="button" class="btn" onClick={() => setOpen(true)} data-testid="suspend-reminders">{t('holds.suspend')}</button>
        </Show>
      </div>
      <Show when={failure()}>{(f) => <Notice kind="error" testid="holds-error">{f()}</Notice>}</Show>
      <Show when={open()}>
        <form class="form" onSubmit={submit} novalidate data-testid="hold-form">
          <div class="grid">
            <DunningField field="kind" label="holds.kind" value={kind()} errors={errors()} onInput={(v) => setKind(v as HoldKind)} options={holdKinds.map((k) => ({ value: k, label: t(`holds.kind.${k}` as MessageKey) }))} testid="hold-kind" />
            <Show when={kind() !== 'dispute'}>
              <DunningField field="until" label="holds.until" type="date" value={until()} errors={errors()} onInput={setUntil} testid="hold-until" required />
            </Show>
            <DunningField field="note" label="holds.note" value={note()} errors={errors()} onInput={setNote} testid="hold-note" wide />
          </div>
          <div class="actions">
            <button type="submit" class="btn primary" data-testid="hold-submit">{t('holds.submit')}</button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>{t('holds.cancel')}</button>
          </div>
        </form>
      </Show>
      <Show when={!holds.error} fallback={<p class="muted">{t('holds.offline')}</p>}>
        <Show when={(holds() ?? []).length > 0} fallback={<Show when={holds()}><p class="muted" data-testid="holds-none">{t('holds.none')}</p></Show>}>
          <h3>{t('holds.active')}</h3>
          <ul data-testid="hold-list">
            <For each={holds()}>
              {(h) => (
                <li data-testid="hold-row" data-kind={h.kind}>
                  <span>
                    <strong data-testid="hold-line">{holdLine(h)}</strong>
                    <Show when={h.note}>{(n) => <span class="muted"> — {n()}</span>}</Show>
                  </span>
                  <Show when={props.canAct}>
                    <button type="button" class="btn small" onClick={() => void release(h.id)} data-testid="release-hold">{t('holds.release')}</button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}

