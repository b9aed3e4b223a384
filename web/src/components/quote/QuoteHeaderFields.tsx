import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Customer, Workspace } from '@facturo/core';
import type { CustomerRow } from '../../stores/db';
import { editQuoteMeta, type Reprice } from '../../stores/quoteEdits';
import type { EditResult } from '../../stores/workspaceEdits';
import type { QuoteReplica } from '../../sync/quoteReplica';
import { t } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';

const headerSpecs: FieldSpec[] = [
  { name: 'title', label: 'quoteField.title', kind: 'text', maxlength: 200, wide: true },
  { name: 'validUntil', label: 'quoteField.validUntil', hint: 'quoteField.validUntilHint', kind: 'text', type: 'date' },
  { name: 'paymentTermsDays', label: 'quoteField.paymentTermsDays', kind: 'integer', inputmode: 'numeric' },
  { name: 'depositPercent', label: 'quoteField.depositPercent', hint: 'quoteField.depositPercentHint', kind: 'decimal', inputmode: 'decimal' },
  { name: 'commitmentMonths', label: 'quoteField.commitmentMonths', hint: 'quoteField.commitmentMonthsHint', kind: 'integer', inputmode: 'numeric' },
];
const textSpecs: Record<'intro' | 'closing', FieldSpec> = {
  intro: { name: 'intro', label: 'quoteField.intro', hint: 'quoteField.introHint', kind: 'text', control: 'textarea', rows: 3, wide: true },
  closing: { name: 'closing', label: 'quoteField.closing', hint: 'quoteField.closingHint', kind: 'text', control: 'textarea', rows: 3, wide: true },
};

/** The quote's header (customer, title, validity, terms, deposit) or its opening/closing texts, co-edited live. */
export function QuoteHeaderFields(props: {
  r: QuoteReplica;
  ws: Workspace;
  base: string;
  part: 'header' | 'intro' | 'closing';
  readOnly: boolean;
  customers: ReadonlyMap<string, CustomerRow>;
  customer: Customer | undefined;
  reprice: Reprice;
}) {
  const room = props.r.room;
  const quote = props.r.quote;
  const meta = createMemo(() => (room.version(), quote.readMeta()));
  const customers = createMemo(() => [...props.customers.values()].filter((r) => !r.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const customerSpec = (): FieldSpec => ({
    name: 'customerId', label: 'quoteField.customer', kind: 'text', control: 'select', wide: true, required: true,
    options: [{ value: '', label: 'newQuote.chooseCustomer' }, ...customers().map((c) => ({ value: c.id, text: c.city ? `${c.name} — ${c.city}` : c.name }))],
  });
  const chooseCustomer = (raw: string): EditResult => {
    const result = editQuoteMeta(quote, 'customerId', 'text', raw);
    if (result.ok) {
      props.ws.indexDocument(props.r.documentId, { customerId: raw });
      props.reprice(); // rules on the customer's place or segment
    }
    return result;
  };
  const editField = (spec: FieldSpec) => (raw: string) => {
    const result = editQuoteMeta(quote, spec.name, spec.kind, raw);
    if (result.ok && spec.name === 'commitmentMonths') props.reprice();
    return result;
  };
  const live = (spec: FieldSpec, edit: (raw: string) => EditResult) => (
    <LiveField
      spec={spec}
      value={() => meta()[spec.name as keyof ReturnType<typeof meta>] as string | number | undefined}
      edit={edit}
      others={room.others()}
      presenceKey={`meta:${spec.name}`}
      setEditing={room.setEditing}
    />
  );
  const address = () => {
    const c = props.customer;
    return c ? [c.line1, [c.postcode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ') : '';
  };

  return (
    <Show
      when={props.part === 'header'}
      fallback={
        <fieldset class="plain quote-text" disabled={props.readOnly}>
          {live(textSpecs[props.part === 'closing' ? 'closing' : 'intro'], editField(textSpecs[props.part === 'closing' ? 'closing' : 'intro']))}
        </fieldset>
      }
    >
      <fieldset class="card section" disabled={props.readOnly} data-testid="quote-header">
        <legend class="section-title">{t('quote.headerSection')}</legend>
        <div class="grid">
          {live(customerSpec(), chooseCustomer)}
          <Show when={props.customer}>
            {(c) => (
              <div class="customer-summary wide" data-testid="customer-summary">
                <span>{address() || t('invoice.noAddress')}</span>
                <A href={`${props.base}/customers/${c().id}`}>{t('invoice.editCustomer')}</A>
              </div>
            )}
          </Show>
          <For each={headerSpecs}>{(spec) => live(spec, editField(spec))}</For>
        </div>
      </fieldset>
    </Show>
  );
}
