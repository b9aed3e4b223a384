import type { InvoiceStatus } from '../../stores/invoiceList';
import { t, type MessageKey } from '../../i18n';
import './invoice.css';

const labels: Record<InvoiceStatus, MessageKey> = {
  draft: 'invoiceStatus.draft',
  pending: 'invoiceStatus.pending',
  issued: 'invoiceStatus.issued',
};

export function StatusChip(props: { status: InvoiceStatus }) {
  return (
    <span class="chip status-chip" data-testid="invoice-status" data-status={props.status}>
      <span class="dot" aria-hidden="true" />
      {t(labels[props.status])}
    </span>
  );
}
