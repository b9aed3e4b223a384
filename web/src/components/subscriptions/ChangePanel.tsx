import { createSignal, Show } from 'solid-js';
import type { StoredPlan, ItemState } from '@facturo/core';
import { ApiError } from '../../api/http';
import { subscriptionsApi, type ChangeKindSent, type ChangeResult } from '../../api/subscriptions';
import { newIdempotencyKey } from '../../stores/ids';
import { parseInput } from '../../stores/fieldInput';
import { t } from '../../i18n';
import { FormField } from './FormField';
import { ProrationTable } from './ProrationTable';
import { refusalOf, RefusalNotice, type Refusal } from './Refusal';

export interface ChangePanelProps {
  companyId: string;
  subscriptionId: string;
  currency: string;
  /** The items as they stand today. */
  items: ItemState[];
  plans: readonly StoredPlan[];
  itemName: (index: number) => string;
  today: string;
  disabled: boolean;
  onChanged: (result: ChangeResult) => void;
}

const kinds: ChangeKindSent[] = ['quantity', 'plan', 'price'];

/** Change an item's quantity, plan or price from a date; shows the proration the server answers. */
export function ChangePanel(props: ChangePanelProps) {
  const [kind, setKind] = createSignal<ChangeKindSent>('quantity');
  const [itemIndex, setItemIndex] = createSignal(0);
  const [value, setValue] = createSignal('');
  const [at, setAt] = createSignal(props.today);
  const [busy, setBusy] = createSignal(false);
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [fields, setFields] = createSignal<Record<string, string>>({});
  const [done, setDone] = createSignal<{ result: ChangeResult; at: string } | null>(null);
  const sent = () => (kind() === 'plan' ? value() : String(parseInput('decimal', value())));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefusal(null);
    setFields({});
    try {
      const result = await subscriptionsApi.change(props.companyId, props.subscriptionId, { at: at(), kind: kind(), itemIndex: itemIndex(), value: sent() }, newIdempotencyKey());
      setDone({ result, at: at() });
      setValue('');
      props.onChanged(result);
    } catch (err) {
      if (err instanceof ApiError) setFields(err.fields);
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card section" data-testid="change-panel">
      <h2 class="section-title">{t('change.title')}</h2>
      <p class="muted small">{t('change.help')}</p>
      <form class="form" onSubmit={(e) => void submit(e)} novalidate>
        <fieldset class="plain" disabled={props.disabled}>
          <div class="grid">
            <FormField field="kind" label="change.kind" value={kind()} onInput={(v) => { setKind(v as ChangeKindSent); setValue(''); }} errors={fields()} testid="change-kind" options={kinds.map((k) => ({ value: k, label: t(`change.kind.${k}`) }))} />
            <Show when={props.items.length > 1}>
              <FormField field="itemIndex" label="change.item" value={String(itemIndex())} onInput={(v) => setItemIndex(Number(v))} errors={fields()} testid="change-item" options={props.items.map((_, i) => ({ value: String(i), label: props.itemName(i) }))} />
            </Show>
            <Show
              when={kind() === 'plan'}
              fallback={<FormField field="value" label={kind() === 'quantity' ? 'change.newQuantity' : 'change.newPrice'} inputmode="decimal" value={value()} onInput={setValue} errors={fields()} required testid="change-value" />}
            >
              <FormField
                field="value" label="change.newPlan" value={value()} onInput={setValue} errors={fields()} required testid="change-value"
                options={[{ value: '', label: t('subForm.choosePlan') }, ...props.plans.filter((p) => !p.archived && p.id !== props.items[itemIndex()]?.planId).map((p) => ({ value: p.id, label: p.name }))]}
              />
            </Show>
            <FormField field="at" label="change.at" hint="change.atHint" type="date" value={at()} onInput={setAt} errors={fields()} required testid="change-at" />
          </div>
          <div class="actions">
            <button type="submit" class="btn primary" disabled={busy() || value().trim() === ''} data-testid="apply-change">{t('change.apply')}</button>
          </div>
        </fieldset>
      </form>
      <Show when={refusal()}>{(r) => <RefusalNotice refusal={r()} testid="change-refusal" />}</Show>
      <Show when={done()}>
        {(d) => (
          <>
            <p class="notice success" role="status" data-testid="change-done">{t('change.done')}</p>
            <ProrationTable proration={d().result.proration} at={d().at} currency={props.currency} itemName={props.itemName} />
          </>
        )}
      </Show>
    </section>
  );
}
