import type { Permission } from './permissions';

/*
 * The wire shapes of the security and audit API (sync-server/src/api/{audit,security,companies}.ts),
 * declared once for the server that sends them and the web app that reads them.
 */

/** One field that changed, read back from the log: where, and from what to what. */
export interface FieldChange {
  /** Root, then keys: ['customers', 'cu_…', 'city'], ['meta', 'dueDate'], ['lines', 'ln_…', 'quantity']. */
  path: string[];
  action: 'add' | 'update' | 'delete';
  before?: unknown;
  after?: unknown;
}

/** One update of a document and what it changed. */
export interface HistoryItem {
  companySeq: number;
  at: string | null;
  /** A user id, `token:<id>`, `system:<what>`, or null. */
  actor: string | null;
  /** The actor in words (a member's name, 'API: <token name>'), or null. */
  actorName: string | null;
  device: string | null;
  docId: string;
  changes: FieldChange[];
}

/** A security or command event of the audit log. */
export interface AuditEvent {
  /** The entry's place in the company's log: pages go back with ?before=. */
  companySeq: number;
  at: string | null;
  actor: string | null;
  actorName: string | null;
  device: string | null;
  kind: 'event' | 'command';
  docId: string | null;
  /** `{type, …}`: what happened; the other fields depend on the type. */
  event: unknown;
}

export interface EventPage {
  items: AuditEvent[];
  /** The `before` of the next (older) page, or null at the start of the log. */
  next: number | null;
}

/** A break found in a company's hash chain. */
export interface ChainBreak {
  companySeq: number;
  seq: number;
  /** The verifier's words (English), e.g. "entry 12 is missing (found 13 next)". */
  reason: string;
  detectedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  note: string | null;
}

export interface Integrity {
  status: 'unchecked' | 'ok' | 'broken';
  checkedAt: string | null;
  /** The break that pauses the company now. */
  broken: ChainBreak | null;
  /** Breaks owners have reviewed, oldest first. */
  acknowledged: ChainBreak[];
}

/** A change of the company's bank details, asked by one member and decided by another. */
export interface BankChange {
  id: string;
  target: 'company';
  iban: string;
  bic: string | null;
  /** The company's bank details as they are now (not as they were when asked). */
  current: { iban: string | null; bic: string | null };
  /** A user id, or `token:<id>` for an API token. */
  requestedBy: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why it was rejected. */
  reason: string | null;
}

export type AlertKind =
  | 'bank_change_requested' | 'bank_change_approved' | 'sign_in_locked' | 'new_device' | 'unusual_place' | 'unusual_hour'
  | 'mass_deletions' | 'full_export';

export interface Alert {
  id: string;
  kind: AlertKind;
  /** Whom it is about: a user id, `token:<id>`, or null. */
  actor: string | null;
  /** Depends on the kind, e.g. {from, to, bic} for a change of bank details, {device, ip} for a new device. */
  details: Record<string, unknown>;
  createdAt: string;
  readBy: string | null;
  readAt: string | null;
}

/** An API token as listed (never its secret). */
export interface ApiToken {
  id: string;
  name: string;
  /** A built-in role's name or a custom role's id. */
  role: string;
  /** null: everything the role grants. */
  scopes: Permission[] | null;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
