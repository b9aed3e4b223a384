import { useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { newId } from '../stores/ids';
import { createProduct, editProduct, setProductArchived } from '../stores/workspaceEdits';
import { useCompany } from '../components/companyContext';
import type { StoredValue } from '../components/LiveSection';
import { EditRecordForm, NewRecordForm, type RecordAccess } from '../components/RecordForms';
import { productSections } from './formSpecs';
import { HistoryPanel } from '../components/audit/HistoryPanel';
import { t } from '../i18n';

const access: RecordAccess = { needs: 'catalog.edit', lockedNote: 'access.catalogLocked' };

function EditProduct(props: { id: string; back: string }) {
  const { replica } = useCompany();
  const ws = replica.workspace;
  const id = props.id;
  const record = createMemo(() => (replica.version(), ws.getProduct(id) as Record<string, StoredValue> | undefined));
  return (
    <EditRecordForm
      record={record()}
      backHref={props.back}
      notFound="products.notFound"
      archivedNotice="products.archivedNotice"
      archiveLabel="products.archive"
      sections={productSections}
      presencePrefix={`product:${id}`}
      edit={(spec, raw) => editProduct(ws, id, spec.name, spec.kind, raw)}
      setArchived={(a) => setProductArchived(ws, id, a)}
      access={access}
      footer={() => <HistoryPanel doc="workspace" prefix={['products', id]} scope={{ kind: 'product' }} />}
    />
  );
}

export default function ProductEditor() {
  const params = useParams<{ productId: string }>();
  const { company, replica } = useCompany();
  const ws = replica.workspace;
  const back = `/c/${company.id}/products`;
  return (
    <Show when={params.productId} keyed>
      {(id) => (
        <Show
          when={id !== 'new'}
          fallback={
            <NewRecordForm
              title="products.newTitle"
              submitLabel="products.create"
              backHref={back}
              sections={() => productSections}
              initial={{ unit: t('unit.default'), vatRate: '20' }}
              access={access}
              create={(draft) => {
                const pid = newId('pr');
                return { result: createProduct(ws, pid, draft, new Date().toISOString()), href: `${back}/${pid}` };
              }}
            />
          }
        >
          <EditProduct id={id} back={back} />
        </Show>
      )}
    </Show>
  );
}
