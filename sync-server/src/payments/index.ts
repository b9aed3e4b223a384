// Payments (issue 8): money received and given back, allocated to invoices; where each invoice stands.
export { customerCredit, invoiceStandings, type InvoiceStanding } from './balances';
export { customerCredits, listPayments, PAYMENTS_PAGE_MAX } from './list';
export { paymentMethods, paymentView, readPayment, recordPayment, recordRequest, refundPayment, refundRequest, type RecordRequest } from './record';
export type { PaymentView } from '@facturo/core';
