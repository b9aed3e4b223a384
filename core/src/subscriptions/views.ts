import type { UpcomingInvoice } from './lines';
import type { Subscription, SubscriptionState } from './subscription';

/*
 * The wire shapes of the subscriptions API (sync-server/src/api/subscriptions.ts, docs/design/subscriptions-api.md
 * "SubscriptionView"), declared once for the server that sends them and the web app that reads them. Types only.
 */

/** A subscription as the API answers it: the record, its state today and what it bills next. */
export type SubscriptionView = Subscription & {
  /** On the day asked, whatever the last command said: a pause or cancellation dated later takes effect on its day. */
  state: SubscriptionState;
  currency: string;
  createdAt: string;
  updatedAt: string;
  /** The next billing date the run will look at. */
  nextBillingOn: string | null;
  /** Why the billing run holds this subscription (e.g. the customer has no address), until someone fixes it. */
  billingError: string | null;
  next: UpcomingInvoice | null;
};

/** One period the subscription billed and the invoice (or draft) that billed it. */
export interface SubscriptionBilling {
  periodStart: string;
  periodEnd: string;
  invoiceId: string;
  number: string | null;
  /** The invoice's status, or the billing's own while no document stands for it. */
  status: string;
  totalInclTax: string | null;
}

export type SubscriptionDetail = SubscriptionView & { billings: SubscriptionBilling[] };

/** A subscription the billing run could not bill, and why. */
export interface BillingFailure {
  subscriptionId: string;
  periodStart: string;
  /** A sentence naming each problem ("customer.address: …; BR-FR-05: …"). */
  error: string;
  /** The same problems by field or rule id, when they are checks that failed (ValidationError). */
  fields?: Record<string, string>;
}

/** What a billing run did (POST /api/v1/billing/run answers this). */
export interface BillingRunSummary {
  /** Invoices issued by this run. */
  billed: number;
  /** Drafts left for review by this run. */
  drafts: number;
  /** Due periods another run had claimed meanwhile. */
  skipped: number;
  failed: BillingFailure[];
}
