import type { MandateStatus, MandateType } from './mandate';

/*
 * The wire shapes of the SEPA API (sync-server/src/api/sepa.ts, docs/design/subscriptions-api.md "SEPA"), declared
 * once for the server that sends them and the web app that reads them. Types only: nothing here runs.
 */

/** A mandate as lists show it: the debtor's IBAN stays sealed on the server, only its last four characters travel. */
export interface MandateView {
  id: string;
  customerId: string;
  /** The unique mandate reference (RUM, EPC SDD Core AT-01). */
  rum: string;
  signedOn: string;
  type: MandateType;
  /** `lapsed` is derived: 36 months without a collection (mandateLapsed, EPC SDD Core rulebook 4.7.1). */
  status: MandateStatus;
  ibanLast4: string;
  lastCollectionOn: string | null;
  createdAt: string;
}

/** One mandate opened: the debtor's bank data and name, for the members allowed to read it. */
export interface MandateDetail extends MandateView {
  iban: string;
  bic?: string;
  debtorName: string;
}

/**
 * Where an invoice's direct debit stands: `pending` until a batch takes it, `batched` once in a file for the bank,
 * then `confirmed` or `rejected` by the bank's answer; `cancelled` when its mandate may no longer be used.
 */
export type CollectionStatus = 'pending' | 'batched' | 'confirmed' | 'rejected' | 'cancelled';

export interface CollectionView {
  invoiceId: string;
  number: string | null;
  customerId: string;
  mandateId: string;
  amount: string;
  currency: string;
  collectionDate: string;
  /** FRST or RCUR, decided per mandate when a batch takes the collection (null while pending). */
  sequenceType: string | null;
  status: CollectionStatus;
  batchId: string | null;
  prenotifiedAt: string | null;
  settledAt: string | null;
  /** The bank's R-transaction code (e.g. AM04), or why the collection was cancelled. */
  rejectReason: string | null;
}

/** A pain.008 file as lists show it. */
export interface BatchView {
  id: string;
  messageId: string;
  /** The latest requested collection date in the file. */
  collectionDate: string;
  count: number;
  total: string;
  sha256: string;
  status: 'created' | 'confirmed';
  createdAt: string;
}

/** A collection the bank rejected (or that was cancelled), with its reason. */
export interface BankRejection {
  invoiceId: string;
  reason: string;
}

export interface CreatedBatch extends BatchView {
  /** Collections left out and cancelled because their mandate may no longer be used (lapsed, one-off used). */
  cancelled: BankRejection[];
}

/** The bank's answer recorded: the collections it settled and those it rejected. */
export interface ConfirmedBatch extends BatchView {
  confirmed: string[];
  rejected: BankRejection[];
}
