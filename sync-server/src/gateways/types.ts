import type { GatewayName } from './credentials';

/*
 * What each gateway adapter answers, in our words (STYLE 7f): the rest of the module never reads a Stripe or
 * PayPal object.
 */

/** What a payment link asks the gateway for: one invoice, its open amount. */
export interface LinkRequest {
  companyId: string;
  invoiceId: string;
  /** The invoice's legal number, shown to the payer. */
  number: string;
  amount: string;
  currency: string;
  successUrl: string;
  cancelUrl: string;
  /** The same key for the same link attempt: two concurrent requests get one session or order from the gateway. */
  idempotencyKey: string;
  now: Date;
}

export interface CreatedLink {
  externalId: string;
  url: string;
  /** When the gateway stops accepting this link (Stripe says; PayPal does not). */
  expiresAt: string | null;
}

/**
 * A payment as the gateway holds it now. `captured`: the money was taken (whatever happened to it since);
 * `pending`: it may still be; `failed`: it never will be under this reference.
 */
export interface GatewayCharge {
  gateway: GatewayName;
  /** Our payment's unique reference at the gateway: the PaymentIntent (Stripe), the capture (PayPal). */
  gatewayRef: string;
  state: 'captured' | 'pending' | 'failed';
  /** The gateway's own status word, kept in the event's outcome. */
  status: string;
  amount: string;
  currency: string;
  fee: string | null;
  capturedAt: Date | null;
  /** How the payer paid: card, paypal, sepa_debit… */
  method: string;
  /** Where we put them when creating the link (metadata, custom_id); absent on a payment made elsewhere. */
  companyId: string | null;
  invoiceId: string | null;
  /** Refunded at the gateway already (the refund itself is recorded apart, refunds.ts). */
  refunded: boolean;
}

/** A webhook call whose signature held: the event and the company whose secret verified it. */
export interface VerifiedEvent {
  gateway: GatewayName;
  companyId: string;
  id: string;
  type: string;
}

/** Money a gateway gave back on a charge: a refund (its id) or a lost dispute (the dispute's id). */
export interface GatewayRefund {
  /** The gateway's id for it: our refund is recorded once under it. */
  id: string;
  amount: string;
  currency: string;
  at: Date;
  /** How the refund's reference names it: "Stripe refund re_…", "PayPal dispute PP-D-…". */
  label: string;
}

/** A dispute (chargeback, claim) on a charge, as the gateway's event says it stands. */
export interface GatewayDispute {
  id: string;
  state: 'open' | 'won' | 'lost';
  /** The gateway's own words (status, reason), kept in the hold's note and the event's outcome. */
  status: string;
  amount: string;
  currency: string;
  at: Date;
}
