import type { PaymentStatus } from '@facturo/core';
import type { InvoiceStatus } from '../../stores/invoiceList';
import { displayAmount } from '../../stores/fieldInput';
import { paymentChipOf } from '../../stores/payments';
import { lang, t } from '../../i18n';
import './invoice.css';
import '../payments/payments.css';

export interface StatusChipProps {
  status: InvoiceStatus;
  /** Once issued, the chip follows the payment (issue 8): "Partiellement payée — reste 120,00 €", "Payée"… */
  paymentStatus?: PaymentStatus | null | undefined;
  openAmount?: string | null | undefined;
  currency?: string;
}

/** `data-status` is the lifecycle (draft, pending, issued); `data-payment` where an issued invoice's payment stands. */
export function StatusChip(props: StatusChipProps) {
  const chip = () => paymentChipOf({ status: props.status, paymentStatus: props.paymentStatus, openAmount: props.openAmount, currency: props.currency ?? 'EUR' }, (a, c) => displayAmount(a, c, lang()));
  return (
    <span class="chip status-chip" data-testid="invoice-status" data-status={props.status} data-payment={chip().tone}>
      <span class="dot" aria-hidden="true" />
      {t(chip().key, chip().vars)}
    </span>
  );
}
