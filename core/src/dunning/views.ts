// The wire type of a dunning hold (GET /invoices/{id}/dunning-holds), declared once for the server and the app.

/** What suspends an invoice's reminders: a promise to pay until a date, a dispute until released, a pause. */
export const holdKinds = ['promise', 'dispute', 'pause'] as const;
export type HoldKind = (typeof holdKinds)[number];

export interface DunningHoldView {
  id: string;
  invoiceId: string;
  kind: HoldKind;
  until: string | null;
  note: string | null;
  createdAt: string;
  /** Who placed it: a member, an API token, or `gateway:stripe` / `gateway:paypal` for a dispute. */
  createdBy: string | null;
}
