import { useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { t } from '../i18n';
import { db } from '../stores/db';
import { readPaymentPayload, type PaymentPayload } from '../stores/payments';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { RecordPaymentForm, type RecordPaymentStart } from '../components/payments/RecordPaymentForm';

/**
 * /c/:companyId/payments/new — "Enregistrer un paiement": ?invoice= from an issued invoice, ?customer= from a
 * customer, ?retry= to correct a payment the server refused. Back to where it came from once queued.
 */
export default function PaymentNew() {
  const { company, can } = useCompany();
  const navigate = useNavigate();
  const [search] = useSearchParams<{ invoice?: string; customer?: string; retry?: string }>();
  const [retry] = createResource(
    () => search.retry ?? false,
    async (entryId): Promise<RecordPaymentStart['retry'] | null> => {
      const entry = await db.outbox.get(entryId);
      const payload = entry ? readPaymentPayload(entry.payload) : null;
      return entry && payload ? { entryId, payload, fields: entry.fields ?? {} } : null;
    },
  );
  const from = () => search.invoice ?? retry()?.payload.from;
  const back = () => (from() ? { href: `/c/${company.id}/invoices/${from()}`, label: t('payForm.backToInvoice') } : { href: `/c/${company.id}/payments`, label: t('payForm.backToPayments') });
  const start = (): RecordPaymentStart => ({
    ...(search.customer ? { customerId: search.customer } : {}),
    ...(search.invoice ? { invoiceId: search.invoice } : {}),
    ...(retry() ? { retry: retry() ?? undefined, invoiceId: retry()?.payload.from } : {}),
  });
  const done = (payload: PaymentPayload) => navigate(payload.from ? `/c/${company.id}/invoices/${payload.from}` : `/c/${company.id}/payments`);
  return (
    <>
      <PageHead title={t('payForm.title')} lead={t('payForm.lead')} back={back()} />
      <Show when={can('payments.record')} fallback={<Notice kind="info" testid="payment-locked">{t('payForm.locked')}</Notice>}>
        <Show when={!search.retry || retry.state === 'ready'} fallback={<p class="muted">{t('common.loading')}</p>}>
          <RecordPaymentForm companyId={company.id} start={start()} onQueued={done} />
        </Show>
      </Show>
    </>
  );
}
