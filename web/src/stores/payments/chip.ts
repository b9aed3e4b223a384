import type { PaymentStatus } from '@facturo/core';
import type { MessageKey, Vars } from '../../i18n';
import type { InvoiceStatus } from '../invoiceList';

// What an invoice's status chip says (issue 8): a draft or one waiting to be issued as before; an issued invoice by
// where its payment stands, as the server computed it (total − payments − credit notes, sync-server payments).

export type ChipTone = InvoiceStatus | Exclude<PaymentStatus, 'issued'>;

export interface Chip {
  key: MessageKey;
  vars?: Vars;
  /** The chip's colour (`data-payment` in the DOM): the lifecycle status, or the payment status once issued. */
  tone: ChipTone;
}

export interface ChipInput {
  status: InvoiceStatus;
  paymentStatus?: PaymentStatus | null;
  openAmount?: string | null;
  currency: string;
}

/** The chip of a document; `money` shows an amount ("120,00 €") in the user's language. */
export function paymentChipOf(r: ChipInput, money: (amount: string, currency: string) => string): Chip {
  if (r.status === 'draft') return { key: 'invoiceStatus.draft', tone: 'draft' };
  if (r.status === 'pending') return { key: 'invoiceStatus.pending', tone: 'pending' };
  switch (r.paymentStatus) {
    case 'partially_paid':
      return { key: 'payStatus.partial', vars: { rest: money(r.openAmount ?? '0.00', r.currency) }, tone: 'partially_paid' };
    case 'paid':
      return { key: 'payStatus.paid', tone: 'paid' };
    case 'overdue':
      return { key: 'payStatus.overdue', tone: 'overdue' };
    case 'settled':
      return { key: 'payStatus.settled', tone: 'settled' };
    default:
      // Issued and nothing received yet, a credit note, or a server that predates issue 8.
      return { key: 'invoiceStatus.issued', tone: 'issued' };
  }
}
