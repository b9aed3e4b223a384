import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { Customer, Workspace } from '@facturo/core';
import type { CustomerRow } from '../../stores/db';
import { editMeta } from '../../stores/draftEdits';
import type { DraftReplica } from '../../sync/draftReplica';
import { formatDay, t } from '../../i18n';
import type { FieldSpec } from '../Field';
import { LiveField } from '../LiveField';
import { useCompany } from '../companyContext';
import { InsertTextBlock } from './InsertTextBlock';

const detailSpecs: FieldSpec[] = [
  {
    name: 'operationCategory',
    label: 'invoice.operationCategory',
    hint: 'invoice.operationCategoryHint',
    kind: 'text',
    control: 'select',
    options: [
      { value: 'services', label: 'operation.services' },
      { value: 'goods', label: 'operation.goods' },
      { value: 'mixed', label: 'operation.mixed' },
    ],
  },
  { name: 'deliveryDate', label: 'invoice.deliveryDate', hint: 'invoice.deliveryDateHint', kind: 'text', type: 'date' },
  { name: 'paymentTermsDays', label: 'field.paymentTermsDays', hint: 'invoice.paymentTermsHint', kind: 'integer', inputmode: 'numeric' },
  { name: 'dueDate', label: 'invoice.dueDate', hint: 'invoice.dueDateHint', kind: 'text', type: 'date' },
  { name: 'purchaseOrderRef', label: 'invoice.purchaseOrderRef', hint: 'invoice.purchaseOrderRefHint', kind: 'text', maxlength: 100 },
  { name: 'notes', label: 'invoice.notes', hint: 'invoice.notesHint', kind: 'text', control: 'textarea', rows: 2, wide: true },
];

/**
 * The customer, or the other header fields, of a draft, edited live. `customers`: this device's rows (the
 * choice); `customer`: the chosen one's record, from its own document.
 */
export function DraftFields(props: {
  d: DraftReplica;
  ws: Workspace;
  base: string;
  readOnly: boolean;
  part: 'customer' | 'details';
  customers: ReadonlyMap<string, CustomerRow>;
  customer: Customer | undefined;
}) {
  const { can } = useCompany();
  const room = props.d.room;
  const draft = props.d.draft;
  const meta = createMemo(() => (room.version(), draft.readMeta()));
  const customers = createMemo(() => [...props.customers.values()].filter((r) => !r.archived).sort((a, b) => a.name.localeCompare(b.name)));
  const customer = () => props.customer;
  const customerSpec = (): FieldSpec => ({
    name: 'customerId',
    label: 'invoice.customer',
    kind: 'text',
    control: 'select',
    wide: true,
    required: true,
    options: [{ value: '', label: 'invoice.chooseCustomer' }, ...customers().map((c) => ({ value: c.id, text: c.city ? `${c.name} — ${c.city}` : c.name }))],
  });
  const chooseCustomer = (raw: string) => {
    const result = editMeta(draft, 'customerId', 'text', raw);
    if (result.ok) props.ws.indexDocument(props.d.documentId, { customerId: raw });
    return result;
  };
  const live = (spec: FieldSpec, edit: (raw: string) => ReturnType<typeof editMeta>) => (
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
    const c = customer();
    return c ? [c.line1, c.line2, [c.postcode, c.city].filter(Boolean).join(' '), c.country].filter(Boolean).join(', ') : '';
  };

  return (
    <Show
      when={props.part === 'customer'}
      fallback={
        <fieldset class="card section" disabled={props.readOnly}>
          <legend class="section-title">{t('invoice.details')}</legend>
          <div class="grid">
            <For each={detailSpecs}>{(spec) => live(spec, (raw) => editMeta(draft, spec.name, spec.kind, raw))}</For>
          </div>
          <Show when={!props.readOnly}>
            <InsertTextBlock d={props.d} ws={props.ws} customer={customer()} base={props.base} />
          </Show>
        </fieldset>
      }
    >
      <fieldset class="card section" disabled={props.readOnly}>
        <legend class="section-title">{t('invoice.customerSection')}</legend>
        <Show when={meta().kind === 'credit_note' && meta().precedingNumber}>
          <p class="preceding" data-testid="preceding-invoice">
            {t('invoice.precedingFull', { number: meta().precedingNumber ?? '', date: formatDay(meta().precedingIssueDate) })}
          </p>
        </Show>
        <div class="grid">
          {live(customerSpec(), chooseCustomer)}
        </div>
        <Show when={customer()}>
          {(c) => (
            <div class="customer-summary" data-testid="customer-summary">
              <span>{address() || t('invoice.noAddress')}</span>
              <Show when={c().siren}>
                <span>SIREN {c().siren}</span>
              </Show>
              <Show when={c().vatNumber}>
                <span>{t('field.vatNumber')} {c().vatNumber}</span>
              </Show>
              <A href={`${props.base}/customers/${c().id}`}>{t('invoice.editCustomer')}</A>
            </div>
          )}
        </Show>
        <Show when={customers().length === 0}>
          <p class="muted small">
            {t('invoice.noCustomers')}{' '}
            <Show when={can('customers.edit')}>
              <A href={`${props.base}/customers/new`}>{t('customers.new')}</A>
            </Show>
          </p>
        </Show>
      </fieldset>
    </Show>
  );
}
