import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { liveQuery } from 'dexie';
import { db } from '../../stores/db';
import { kickOutbox } from '../../stores/outboxLoop';
import {
  outcomePrefix, paymentCommand, queuedPayments, queuePaymentCommand, recentOutcomes, refundCommand,
  type PaymentOutcome, type PaymentPayload, type QueuedPayment, type RefundPayload,
} from '../../stores/payments';

export interface PaymentQueue {
  /** Payments and refunds still in the outbox: waiting to be sent, or refused. */
  queued: Accessor<QueuedPayment[]>;
  /** The server's answers of the last day, until hidden. */
  outcomes: Accessor<(PaymentOutcome & { key: string })[]>;
  dismiss(key: string): Promise<void>;
  discard(entryId: string): Promise<void>;
}

/** The company's queued payments and their answers, live for the component's life. */
export function createPaymentQueue(companyId: string): PaymentQueue {
  const [queued, setQueued] = createSignal<QueuedPayment[]>([]);
  const [outcomes, setOutcomes] = createSignal<(PaymentOutcome & { key: string })[]>([]);
  const q = liveQuery(async () => queuedPayments(await db.outbox.where('companyId').equals(companyId).filter((e) => e.kind === paymentCommand || e.kind === refundCommand).toArray(), companyId))
    .subscribe({ next: setQueued, error: () => undefined });
  const o = liveQuery(async () => recentOutcomes(await db.meta.where('key').startsWith(outcomePrefix).toArray(), companyId, new Date()))
    .subscribe({ next: setOutcomes, error: () => undefined });
  onCleanup(() => {
    q.unsubscribe();
    o.unsubscribe();
  });
  return {
    queued,
    outcomes,
    dismiss: async (key) => void (await db.meta.delete(key)),
    discard: async (entryId) => void (await db.outbox.delete(entryId)),
  };
}

/** Queues a payment (replacing a refused one being corrected) and tries to send it at once. */
export async function queuePayment(companyId: string, payload: PaymentPayload, replaces?: string): Promise<string> {
  const entry = await queuePaymentCommand(db, companyId, paymentCommand, payload, replaces);
  kickOutbox();
  return entry.id;
}

export async function queueRefund(companyId: string, payload: RefundPayload, replaces?: string): Promise<string> {
  const entry = await queuePaymentCommand(db, companyId, refundCommand, payload, replaces);
  kickOutbox();
  return entry.id;
}
