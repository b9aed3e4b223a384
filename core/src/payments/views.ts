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

/** A page of GET /api/v1/payments, newest first; `next` is the cursor of the older page (`?before=`), null at the end. */
export interface PaymentPage {
  items: PaymentView[];
  next: string | null;
}

/** GET /api/v1/customers/{id}/credit: what the customer paid beyond their invoices, per currency they paid in. */
export interface CustomerCreditView {
  customerId: string;
  credits: { currency: string; amount: string }[];
}

/** The payment gateways a company may connect (issue 8). */
export const gatewayNames = ['stripe', 'paypal'] as const;
export type GatewayName = (typeof gatewayNames)[number];

/** What GET /companies/{id}/gateways/{gateway} shows of a gateway's set-up: whether it is, how, and where its webhook must point. Never a secret. */
export interface GatewayView {
  gateway: GatewayName;
  configured: boolean;
  /** Stripe: test or live, from the key's prefix; PayPal: sandbox or live. */
  mode: 'test' | 'live' | 'sandbox' | null;
  /** PayPal's client id and webhook id identify the app and the webhook; they are not secrets. */
  clientId: string | null;
  webhookId: string | null;
  apiBase: string | null;
  /** The URL to give the gateway as the webhook endpoint. */
  webhookUrl: string;
}
