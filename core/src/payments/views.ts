import type { PaymentAllocation } from './allocation';

// The wire shape of a payment or a refund (GET/POST /api/v1/payments), one declaration for the server and the app.

/** A payment or a refund as the server keeps it. A refund's allocations are negative. */
export interface PaymentView {
  id: string;
  kind: 'payment' | 'refund';
  customerId: string | null;
  method: string;
  amount: string;
  currency: string;
  receivedOn: string;
  reference: string | null;
  fee: string | null;
  gateway: string | null;
  gatewayRef: string | null;
  refundOf: string | null;
  allocations: PaymentAllocation[];
  /** A payment: what went to the customer's credit. A refund: what was taken from that credit. */
  unallocated: string;
  createdAt: string;
}
