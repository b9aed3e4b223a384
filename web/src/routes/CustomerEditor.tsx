import { useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { newId } from '../stores/ids';
import { createCustomer, editCustomer, setArchived } from '../stores/workspaceEdits';
import { useCompany } from '../components/companyContext';
import type { StoredValue } from '../components/LiveSection';
import { EditRecordForm, NewRecordForm, type RecordAccess } from '../components/RecordForms';
import { ContactsSection } from '../components/ContactsSection';
import { customerSections } from './formSpecs';
import { focusFromHash } from '../components/focusFromHash';
import { HistoryPanel } from '../components/audit/HistoryPanel';

const access: RecordAccess = { needs: 'customers.edit', lockedNote: 'access.customersLocked' };

/** SIREN and VAT number only make sense for a company. */
function sectionsFor(kind: StoredValue) {
  return kind === 'individual' ? customerSections.map((s) => ({ ...s, specs: s.specs.filter((f) => f.name !== 'siren' && f.name !== 'vatNumber') })) : customerSections;
}

function EditCustomer(props: { id: string; back: string }) {
  const { replica } = useCompany();
  focusFromHash();
  const ws = replica.workspace;
  const id = props.id;
  const record = createMemo(() => (replica.version(), ws.getCustomer(id) as Record<string, StoredValue> | undefined));
  const sections = createMemo(() => sectionsFor(record()?.kind));
  return (
    <EditRecordForm
      record={record()}
      backHref={props.back}
      notFound="customers.notFound"
      archivedNotice="customers.archivedNotice"
      archiveLabel="customers.archive"
      sections={sections()}
      presencePrefix={`customer:${id}`}
      edit={(spec, raw) => editCustomer(ws, id, spec.name, spec.kind, raw)}
      setArchived={(a) => setArchived(ws, 'customer', id, a)}
      access={access}
      extraSection={{ after: 'customer.contact', render: () => <ContactsSection customerId={id} presencePrefix={`customer:${id}`} /> }}
      footer={() => <HistoryPanel doc="workspace" prefix={['customers', id]} scope={{ kind: 'customer' }} />}
    />
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
                const cid = newId('cu');
                return { result: createCustomer(ws, cid, draft, new Date().toISOString()), href: `${back}/${cid}` };
              }}
            />
          }
        >
          <EditCustomer id={id} back={back} />
        </Show>
      )}
    </Show>
  );
}
