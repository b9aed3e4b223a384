import { ApiError, NetworkError } from '../../api/http';
import { formatAmount, Money, type PaymentAllocation } from '@facturo/core';
import type { PaymentView, RecordPaymentBody, RefundBody } from '../../api/payments';
import type { FacturoDb, MetaRow, OutboxEntry } from '../db';
import { enqueue, type Send, type SendResult } from '../outbox';
import type { PaymentForm } from './form';

// Recording a payment or a refund is a server command that works offline (issue 8; ARCHITECTURE invariant 6): the
// click queues it in the Dexie outbox with an Idempotency-Key made on the device, the outbox sends it (again after
// a lost answer, with the same key: recorded once), and the server's answer is kept in `meta` for the screens
// that show "Paiement en attente d'envoi" until then. A refusal (400 with `fields`) stays in the outbox for the
// user to correct or discard, like a refused `issue`.

export const paymentCommand = 'payment';
export const refundCommand = 'refund';

export interface PaymentPayload {
  body: RecordPaymentBody;
  /** The form as typed, to correct it after a refusal. */
  form: PaymentForm;
  /** The invoices it should touch as this device saw them (its split, and the invoice it was opened from). */
  invoiceIds: string[];
  /** The invoice it was recorded from, if any: the page to return to. */
  from?: string;
  /** Where this device expects the money to go (core's split on the open amounts it knew), shown until the answer. */
  expected?: PaymentAllocation[];
}

export interface RefundPayload {
  paymentId: string;
  customerId: string | null;
  /** The payment's: a refund gives back money in the currency it came in. */
  currency: string;
  body: RefundBody;
  invoiceIds: string[];
}

/** The server's answer to a command, kept until the user hides it. */
export interface PaymentOutcome {
  companyId: string;
  kind: 'payment' | 'refund';
  entryId: string;
  invoiceIds: string[];
  result: PaymentView;
  /** When it was acknowledged (ISO instant). */
  at: string;
}

export const outcomePrefix = 'paymentResult:';
export const outcomeKey = (entryId: string) => `${outcomePrefix}${entryId}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function readPaymentPayload(p: unknown): PaymentPayload | null {
  if (!isRecord(p) || !isRecord(p.body) || !isRecord(p.form) || !isStrings(p.invoiceIds)) return null;
  return p as unknown as PaymentPayload;
}

export function readRefundPayload(p: unknown): RefundPayload | null {
  if (!isRecord(p) || typeof p.paymentId !== 'string' || typeof p.currency !== 'string' || !isRecord(p.body) || !isStrings(p.invoiceIds)) return null;
  return p as unknown as RefundPayload;
}

/** Done, worth another try (offline, server down, signed out for now), or refused for good with the fields to fix. */
export function outcomeOfError(e: unknown): SendResult {
  if (e instanceof NetworkError) return { ok: false, retry: true, error: e.message };
  if (!(e instanceof ApiError)) throw e;
  const transient = e.status >= 500 || e.status === 408 || e.status === 429 || e.status === 401;
  return { ok: false, retry: transient, error: `${e.status} ${e.code}: ${e.message}`, ...(Object.keys(e.fields).length > 0 ? { fields: e.fields } : {}) };
}

export interface PaymentSenderDeps {
  record(companyId: string, body: RecordPaymentBody, idempotencyKey: string): Promise<PaymentView>;
  refund(companyId: string, paymentId: string, body: RefundBody, idempotencyKey: string): Promise<PaymentView>;
  /** Keeps the answer and refreshes what it changed (the invoices' payment status). */
  onDone(outcome: PaymentOutcome): Promise<void>;
  now?: () => Date;
}

/** The outbox's senders for `payment` and `refund`, each posting the queued body with the entry's own key. */
export function paymentSenders(deps: PaymentSenderDeps): { [paymentCommand]: Send; [refundCommand]: Send } {
  const done = async (entry: OutboxEntry, kind: PaymentOutcome['kind'], invoiceIds: string[], result: PaymentView): Promise<SendResult> => {
    const touched = [...new Set([...invoiceIds, ...result.allocations.map((a) => a.invoiceId)])];
    const at = (deps.now?.() ?? new Date()).toISOString();
    await deps.onDone({ companyId: entry.companyId, kind, entryId: entry.id, invoiceIds: touched, result, at }).catch(() => undefined);
    return { ok: true };
  };
  return {
    [paymentCommand]: async (entry) => {
      const p = readPaymentPayload(entry.payload);
      if (!p) return { ok: false, retry: false, error: 'a payment command without its body' };
      let result: PaymentView;
      try {
        result = await deps.record(entry.companyId, p.body, entry.idempotencyKey);
      } catch (e) {
        return outcomeOfError(e);
      }
      return done(entry, 'payment', p.invoiceIds, result);
    },
    [refundCommand]: async (entry) => {
      const p = readRefundPayload(entry.payload);
      if (!p) return { ok: false, retry: false, error: 'a refund command without its payment and body' };
      let result: PaymentView;
      try {
        result = await deps.refund(entry.companyId, p.paymentId, p.body, entry.idempotencyKey);
      } catch (e) {
        return outcomeOfError(e);
      }
      return done(entry, 'refund', p.invoiceIds, result);
    },
  };
}

/** Queues the command with a key made now (one click, one key); a refused one the user corrected is replaced. */
export async function queuePaymentCommand(db: FacturoDb, companyId: string, kind: typeof paymentCommand | typeof refundCommand, payload: PaymentPayload | RefundPayload, replaces?: string): Promise<OutboxEntry> {
  if (replaces) {
    const old = await db.outbox.get(replaces);
    if (old?.rejected) await db.outbox.delete(replaces);
  }
  return enqueue(db, { companyId, kind, payload });
}

/** A payment or refund still in the outbox: waiting to be sent, or refused by the server. */
export interface QueuedPayment {
  entryId: string;
  kind: 'payment' | 'refund';
  amount: string;
  currency: string;
  date: string;
  method: string;
  customerId: string | null;
  invoiceIds: string[];
  /** The payment a refund is for. */
  paymentId?: string;
  /** A payment's split as this device previewed it. */
  expected: PaymentAllocation[];
  /** The split the request gives (manual), whose lines a refusal names as `allocations[i]`. */
  allocations: PaymentAllocation[];
  rejected: boolean;
  error: string | null;
  fields: Record<string, string>;
}

/** The company's queued payments and refunds, in the order they will be sent. */
export function queuedPayments(entries: readonly OutboxEntry[], companyId: string): QueuedPayment[] {
  return [...entries].sort((a, b) => a.seq - b.seq).flatMap((e): QueuedPayment[] => {
    if (e.companyId !== companyId) return [];
    const common = { entryId: e.id, rejected: e.rejected === true, error: e.lastError, fields: e.fields ?? {} };
    const pay = e.kind === paymentCommand ? readPaymentPayload(e.payload) : null;
    if (pay) {
      const b = pay.body;
      return [{ ...common, kind: 'payment', amount: b.amount, currency: b.currency, date: b.receivedOn, method: b.method, customerId: b.customerId, invoiceIds: pay.invoiceIds, expected: pay.expected ?? [], allocations: b.allocations ?? [] }];
    }
    const ref = e.kind === refundCommand ? readRefundPayload(e.payload) : null;
    if (ref) {
      const b = ref.body;
      return [{ ...common, kind: 'refund', amount: b.amount, currency: ref.currency, date: b.refundedOn, method: b.method ?? '', customerId: ref.customerId, invoiceIds: ref.invoiceIds, paymentId: ref.paymentId, expected: [], allocations: [] }];
    }
    return [];
  });
}

/** The answers kept for the company, newest first, those older than `maxAgeMs` left out (they were seen by then). */
export function recentOutcomes(rows: readonly MetaRow[], companyId: string, now: Date, maxAgeMs = 86_400_000): (PaymentOutcome & { key: string })[] {
  return rows
    .flatMap((r) => (r.key.startsWith(outcomePrefix) && isRecord(r.value) && isRecord(r.value.result) ? [{ ...(r.value as unknown as PaymentOutcome), key: r.key }] : []))
    .filter((o) => o.companyId === companyId && now.getTime() - Date.parse(o.at) <= maxAgeMs)
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** The invoice a refusal's field names (`allocations[1].amount` → the second line's invoice), if any. */
export function refusedInvoice(q: Pick<QueuedPayment, 'fields' | 'allocations'>): string | undefined {
  for (const field of Object.keys(q.fields)) {
    const line = /^allocations\[(\d+)\]/.exec(field);
    if (line) return q.allocations[Number(line[1])]?.invoiceId;
  }
  return undefined;
}

/**
 * What an invoice will still owe once the payments waiting on this device are recorded as they were previewed
 * (never below zero); null when none waits for it. The server's answer replaces this guess.
 */
export function openAfterPending(open: string, queued: readonly QueuedPayment[], invoiceId: string, currency: string): string | null {
  const parts = queued.filter((q) => q.kind === 'payment' && !q.rejected).flatMap((q) => q.expected.filter((a) => a.invoiceId === invoiceId));
  if (parts.length === 0) return null;
  const rest = parts.reduce((sum, a) => sum.minus(a.amount), new Money(open));
  return formatAmount(Money.max(rest, 0), currency);
}
