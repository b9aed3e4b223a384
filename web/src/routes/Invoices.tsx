import { A, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { liveQuery } from 'dexie';
import { db, type DraftRow, type InvoiceRow } from '../stores/db';
import { refreshInvoiceList } from '../stores/frozenCache';
import { filterInvoices, mergeInvoiceList, toCollect, type InvoiceListRow, type ListFilter, type QueuedIssue } from '../stores/invoiceList';
import { isFor } from '../stores/outboxLoop';
import { displayAmount } from '../stores/fieldInput';
import { startDraft, warmDrafts } from '../sync/draftReplica';
import { session } from '../auth/session';
import { formatDay, lang, t, type MessageKey } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { createCustomerRows } from '../components/customerRows';
import { StatusChip } from '../components/invoice/StatusChip';
import { DirectDebitChip } from '../components/sepa/DirectDebitChip';
import { createPaymentQueue } from '../components/payments/createPaymentQueue';
import { InvoiceRowMenu } from '../components/payments/InvoiceRowMenu';

const statusFilters: { value: ListFilter['status']; label: MessageKey }[] = [
  { value: 'all', label: 'invoices.allStatuses' },
  { value: 'draft', label: 'invoiceStatus.draft' },
  { value: 'pending', label: 'invoiceStatus.pending' },
  { value: 'issued', label: 'invoiceStatus.issued' },
  { value: 'to_collect', label: 'invoices.filterToCollect' },
  { value: 'overdue', label: 'invoices.filterOverdue' },
  { value: 'paid', label: 'invoices.filterPaid' },
];
const kindFilters: { value: ListFilter['kind']; label: MessageKey }[] = [
  { value: 'all', label: 'invoices.allKinds' },
  { value: 'invoice', label: 'invoices.kindInvoice' },
  { value: 'credit_note', label: 'invoices.kindCreditNote' },
];

/** Subscribes a signal to a Dexie query for the life of the component. */
function live<T>(query: () => Promise<T>, initial: T) {
  const [value, setValue] = createSignal<T>(initial);
  const sub = liveQuery(query).subscribe({ next: setValue, error: () => undefined });
  onCleanup(() => sub.unsubscribe());
  return value;
}

export default function Invoices() {
  const { company, replica, canWrite, can } = useCompany();
  const ws = replica.workspace;
  const navigate = useNavigate();
  const base = `/c/${company.id}/invoices`;
  const [filter, setFilter] = createSignal<ListFilter>({ status: 'all', kind: 'all' });
  const [offline, setOffline] = createSignal(false);
  const server = live<InvoiceRow[]>(() => db.invoices.where('companyId').equals(company.id).toArray(), []);
  const local = live<DraftRow[]>(() => db.drafts.where('companyId').equals(company.id).toArray(), []);
  const customers = createCustomerRows(company.id);
  const queued = live<QueuedIssue[]>(
    async () =>
      (await db.outbox.where('companyId').equals(company.id).filter((e) => e.kind === 'issue').toArray()).flatMap((e) => {
        const id = (e.payload as { documentId?: unknown } | null)?.documentId;
        return typeof id === 'string' && isFor(e.payload, id) ? [{ documentId: id, rejected: e.rejected === true }] : [];
      }),
    [],
  );
  onMount(() => {
    refreshInvoiceList(db, company.id).then(
      () => setOffline(false),
      () => setOffline(true),
    );
  });
  const all = createMemo(() =>
    mergeInvoiceList({
      index: (replica.version(), ws.listInvoiceDocuments()),
      server: server(),
      local: local(),
      queued: queued(),
      customerName: (id) => customers().get(id)?.name,
    }),
  );
  const rows = createMemo(() => filterInvoices(all(), filter()));
  // Drafts without totals were never opened here: open them in the background while online.
  createEffect(() => {
    const unseen = all().filter((r) => r.status !== 'issued' && r.totalInclTax === undefined).map((r) => r.id);
    if (unseen.length > 0 && session.reachable()) void warmDrafts(company.id, unseen.slice(0, 30));
  });
  // An invoice issued elsewhere (the server's billing run, a teammate) arrives live through the workspace index with
  // its number only: its amounts and dates are fetched from the server once for each such arrival.
  const fetchedFor = new Set<string>();
  createEffect(() => {
    const bare = all().filter((r) => r.status === 'issued' && r.totalInclTax === undefined && !fetchedFor.has(r.id)).map((r) => r.id);
    if (bare.length === 0 || !session.reachable()) return;
    for (const id of bare) fetchedFor.add(id);
    void refreshInvoiceList(db, company.id).catch(() => undefined);
  });
  const newInvoice = () => navigate(`${base}/${startDraft(company.id, ws, 'invoice')}`);
  const total = (r: InvoiceListRow) => (r.totalInclTax ? displayAmount(r.totalInclTax, r.currency, lang()) : '—');
  // Issue 8: what each issued invoice still owes, and the payments queued on this device for it.
  const payments = createPaymentQueue(company.id);
  const paymentPending = (id: string) => payments.queued().some((q) => !q.rejected && q.kind === 'payment' && q.invoiceIds.includes(id));
  const open = (r: InvoiceListRow) => (r.openAmount && r.kind === 'invoice' ? displayAmount(r.openAmount, r.currency, lang()) : '—');
  // One row menu open at a time, closed by a click elsewhere or Escape.
  const [menuFor, setMenuFor] = createSignal<string | null>(null);
  const closeMenu = () => setMenuFor(null);
  const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeMenu();
  document.addEventListener('click', closeMenu);
  document.addEventListener('keydown', onKey);
  onCleanup(() => {
    document.removeEventListener('click', closeMenu);
    document.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <div class="page-head">
        <h1>{t('invoices.title')}</h1>
        <Show when={canWrite('documents.edit')}>
          <button type="button" class="btn primary" onClick={newInvoice} data-testid="new-invoice">
            {t('invoices.new')}
          </button>
        </Show>
      </div>
      <Show when={offline() && session.reachable()}>
        <Notice kind="info" testid="invoices-offline">{t('invoices.offline')}</Notice>
      </Show>
      <Show when={all().length > 0} fallback={<EmptyState title={t('invoices.empty')}><p class="muted">{t('invoices.emptyHelp')}</p></EmptyState>}>
        <div class="toolbar">
          <div class="field">
            <label for="filter-status">{t('invoices.filterStatus')}</label>
            <select id="filter-status" value={filter().status} onChange={(e) => setFilter((f) => ({ ...f, status: e.currentTarget.value as ListFilter['status'] }))}>
              <For each={statusFilters}>{(o) => <option value={o.value}>{t(o.label)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="filter-kind">{t('invoices.filterKind')}</label>
            <select id="filter-kind" value={filter().kind} onChange={(e) => setFilter((f) => ({ ...f, kind: e.currentTarget.value as ListFilter['kind'] }))}>
              <For each={kindFilters}>{(o) => <option value={o.value}>{t(o.label)}</option>}</For>
            </select>
          </div>
        </div>
        <Show when={rows().length > 0} fallback={<EmptyState title={t('invoices.noMatch')} testid="no-match" />}>
          <table class="table clickable invoice-table" data-testid="invoice-list">
            <thead>
              <tr>
                <th scope="col">{t('invoices.colNumber')}</th>
                <th scope="col">{t('invoices.colCustomer')}</th>
                <th scope="col" class="hide-sm">{t('invoices.colIssueDate')}</th>
                <th scope="col" class="hide-sm">{t('invoices.colDueDate')}</th>
                <th scope="col" class="num">{t('invoices.colTotal')}</th>
                <th scope="col" class="num hide-sm">{t('invoices.colOpen')}</th>
                <th scope="col">{t('invoices.colStatus')}</th>
                <th scope="col"><span class="visually-hidden">{t('invoices.colActions')}</span></th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(r) => (
                  <tr data-testid="invoice-row" data-id={r.id} data-kind={r.kind} onClick={() => navigate(`${base}/${r.id}`)}>
                    <td>
                      <A href={`${base}/${r.id}`} data-testid="invoice-number">
                        {r.number ?? t(r.kind === 'credit_note' ? 'invoices.draftCreditNote' : 'invoices.draftInvoice')}
                      </A>
                      <Show when={r.kind === 'credit_note' && r.number}>
                        <span class="badge muted">{t('invoices.creditBadge')}</span>
                      </Show>
                      <Show when={r.subscriptionId}>
                        {(sub) => (
                          <A
                            href={`/c/${company.id}/subscriptions/${sub()}`} class="badge muted subscription-marker" title={t('debit.subscriptionTitle')}
                            onClick={(e) => e.stopPropagation()} data-testid="invoice-subscription"
                          >
                            {t('debit.subscription')}
                          </A>
                        )}
                      </Show>
                    </td>
                    <td>{r.customerName ?? <span class="muted">{t('invoices.noCustomer')}</span>}</td>
                    <td class="hide-sm date">{formatDay(r.issueDate)}</td>
                    <td class="hide-sm date">{formatDay(r.dueDate)}</td>
                    <td class="num" data-testid="invoice-total">{total(r)}</td>
                    <td class="num hide-sm open-amount" classList={{ zero: !toCollect(r) }} data-testid="invoice-open">{open(r)}</td>
                    <td>
                      <div class="status-cell">
                        <StatusChip status={r.status} paymentStatus={r.paymentStatus} openAmount={r.openAmount} currency={r.currency} />
                        <Show when={paymentPending(r.id)}>
                          <span class="badge warning" data-testid="payment-pending-badge">{t('invoices.paymentPending')}</span>
                        </Show>
                        <DirectDebitChip debit={r.directDebit} />
                        <Show when={r.lateEdits}>
                          <span class="badge warning" title={t('invoices.lateEditsHint')} data-testid="late-edits-badge">{t('invoices.lateEdits')}</span>
                        </Show>
                        <Show when={r.issueRefused}>
                          <span class="badge danger" title={t('invoices.refusedHint')}>{t('invoices.refused')}</span>
                        </Show>
                      </div>
                    </td>
                    <td class="actions-cell">
                      <Show when={r.status === 'issued' && r.number}>
                        {(number) => (
                          <InvoiceRowMenu
                            companyId={company.id} invoiceId={r.id} number={number()} canRecord={can('payments.record') && toCollect(r)}
                            open={menuFor() === r.id} onToggle={(o) => setMenuFor(o ? r.id : null)}
                          />
                        )}
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </>
  );
}
