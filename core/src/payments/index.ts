// Payments, allocations, refunds, late-payment penalties, aging and DSO (issue 8; docs/design/payments-api.md, Core).
// Pure: plain data in, decimal strings out.
export { PaymentError } from './fields';
export { allocatePayment, type PaymentInput, type OpenInvoice, type PaymentAllocation, type AllocationResult } from './allocation';
export { refund, type RefundInput, type RefundBalance, type RefundResult } from './refund';
export { invoiceStanding, openAmount, paymentStatus, type InvoiceBalance, type PaymentStatus, type PaymentStatusInput } from './balance';
export { ecbMainRefinancingRates, ecbRatesKnownUntil, ecbRateOn, type EcbRate, type EcbRateOn } from './ecb-rates';
export {
  latePenalty,
  recoveryIndemnity,
  type LatePenaltyInput,
  type LatePenalty,
  type PenaltyPeriod,
  type CustomerKind,
  type RecoveryIndemnity,
} from './penalties';
export { aging, agingBucketOf, agingBuckets, type AgingInvoice, type AgingBucket, type AgingRow, type AgingReport } from './aging';
export { dso, type DsoInput, type DsoMonth, type DsoMethod, type DsoStep, type DsoResult } from './dso';
export { gatewayNames } from './views';
export type { CustomerCreditView, GatewayName, GatewayView, PaymentPage, PaymentView } from './views';
