import { A, useParams } from '@solidjs/router';
import { createMemo, onCleanup, Show } from 'solid-js';
import { editCustomer, setCustomerArchived } from '../stores/workspaceEdits';
import { openCustomer, startCustomer, wasErasedHere } from '../sync/customerReplica';
import { useCompany } from '../components/companyContext';
import type { StoredValue } from '../components/LiveSection';
import { EditRecordForm, NewRecordForm, type RecordAccess } from '../components/RecordForms';
import { ContactsSection } from '../components/ContactsSection';
import { Notice } from '../components/Notice';
import { SyncStatus } from '../components/SyncStatus';
import { EraseCustomerSection } from '../components/customers/EraseCustomerSection';
import { customerSections } from './formSpecs';
import { focusFromHash } from '../components/focusFromHash';
import { HistoryPanel } from '../components/audit/HistoryPanel';
import { formatDate, t } from '../i18n';

const access: RecordAccess = { needs: 'customers.edit', lockedNote: 'access.customersLocked' };

/** SIREN and VAT number only make sense for a company. */
function sectionsFor(kind: StoredValue) {
  return kind === 'individual' ? customerSections.map((s) => ({ ...s, specs: s.specs.filter((f) => f.name !== 'siren' && f.name !== 'vatNumber') })) : customerSections;
}

/** A customer's page; an erased customer's says so without opening (and so recreating) its document. */
function CustomerPage(props: { id: string; back: string }) {
  const { company, replica } = useCompany();
  const erasedAt = () => (replica.version(), replica.workspace.customerEntry(props.id)?.erasedAt);
  return (
    <Show
      when={!erasedAt() && !wasErasedHere(company.id, props.id)}
      fallback={
        <>
          <Notice kind="info" testid="customer-erased">
            {erasedAt() ? t('erase.erasedOn', { date: formatDate(erasedAt() ?? '') }) : t('erase.erased')}
          </Notice>
          <div class="actions">
            <A href={props.back} class="btn">← {t('common.backToList')}</A>
          </div>
        </>
      }
    >
      <EditCustomer id={props.id} back={props.back} />
    </Show>
  );
}

/** The customer's own document (record and contacts), opened for as long as the page is shown. */
function EditCustomer(props: { id: string; back: string }) {
  const { company, can } = useCompany();
  focusFromHash();
  const id = props.id;
  const { replica: customer, release } = openCustomer(company.id, id);
  onCleanup(release);
  const { book, room } = customer;
  const record = createMemo(() => (room.version(), book.getCustomer(id) as Record<string, StoredValue> | undefined));
  const sections = createMemo(() => sectionsFor(record()?.kind));
  return (
    <Show when={room.loaded()} fallback={<p class="muted">{t('common.loading')}</p>}>
      <EditRecordForm
        record={record()}
        backHref={props.back}
        notFound="customers.notFound"
        archivedNotice="customers.archivedNotice"
        archiveLabel="customers.archive"
        sections={sections()}
        presencePrefix={`customer:${id}`}
        edit={(spec, raw) => editCustomer(book, id, spec.name, spec.kind, raw)}
        setArchived={(a) => setCustomerArchived(book, id, a)}
        access={access}
        room={room}
        status={() => <SyncStatus state={room.syncState()} testid="doc-sync-status" />}
        extraSection={{ after: 'customer.contact', render: () => <ContactsSection customerId={id} presencePrefix={`customer:${id}`} book={book} room={room} /> }}
        footer={() => (
          <>
            {/* Issue 8: money received from this customer, split over their open invoices. */}
            <Show when={can('payments.record')}>
              <div class="actions">
                <A href={`/c/${company.id}/payments/new?customer=${id}`} class="btn" data-testid="customer-record-payment">{t('payForm.fromCustomer')}</A>
              </div>
            </Show>
            {/* The server answers customers/cu_… in the workspace from the customer's own document. */}
            <HistoryPanel doc="workspace" prefix={['customers', id]} scope={{ kind: 'customer' }} />
            <Show when={company.role === 'owner'}>
              <EraseCustomerSection customerId={id} name={String(record()?.name ?? '')} back={props.back} />
            </Show>
          </>
        )}
      />
    </Show>
  );
}

export default function CustomerEditor() {
  const params = useParams<{ customerId: string }>();
  const { company, replica } = useCompany();
  const ws = replica.workspace;
  const back = `/c/${company.id}/customers`;
  return (
    <Show when={params.customerId} keyed>
      {(id) => (
        <Show
          when={id !== 'new'}
          fallback={
            <NewRecordForm
              title="customers.newTitle"
              submitLabel="customers.create"
              backHref={back}
              sections={(v) => sectionsFor(v.kind)}
              initial={{ kind: 'company', language: 'fr' }}
              access={access}
              create={(draft) => {
                const { result, id: cid } = startCustomer(company.id, ws, draft);
                return { result, href: `${back}/${cid}` };
              }}
            />
          }
        >
          <CustomerPage id={id} back={back} />
        </Show>
      )}
    </Show>
  );
}
