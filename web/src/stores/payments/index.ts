// Getting paid on the device (issue 8): the payment form, the invoices' chips, the outbox commands, the payments list.
export { paymentChipOf, type Chip, type ChipInput, type ChipTone } from './chip';
export { paymentMessage } from './errorText';
export {
  checkPayment, formErrorsOf, newPaymentForm, orphanShareErrors, openInvoicesOf, paymentBodyOf, shareField, sharesFromSplit, wireAmount,
  type FormStart, type OpenInvoiceRow, type PaymentCheck, type PaymentForm, type SplitMode,
} from './form';
export { checkRefund, newRefundForm, refundBodyOf, refundErrorsOf, refundSources, type RefundForm, type RefundSource } from './refundForm';
export { allocationLines, customerCredit, movementsOf, paidOnInvoice, type AllocationLine, type InvoiceMovement } from './list';
export {
  openAfterPending, outcomeKey, outcomeOfError, outcomePrefix, paymentCommand, paymentSenders, queuedPayments, queuePaymentCommand, readPaymentPayload, readRefundPayload, recentOutcomes, refundCommand, refusedInvoice,
  type PaymentOutcome, type PaymentPayload, type PaymentSenderDeps, type QueuedPayment, type RefundPayload,
} from './queue';
