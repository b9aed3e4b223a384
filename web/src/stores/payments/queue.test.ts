import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/http';
import type { PaymentView, RecordPaymentBody } from '../../api/payments';
import { FacturoDb } from '../db';
import { flushOutbox } from '../outbox';
import { openAfterPending, refusedInvoice, outcomeKey, paymentSenders, queuedPayments, queuePaymentCommand, recentOutcomes, type PaymentOutcome, type PaymentPayload, type PaymentSenderDeps, type QueuedPayment } from './queue';

let n = 0;
const dbs: FacturoDb[] = [];
function freshDb() {
  const db = new FacturoDb(`payments-queue-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const company = 'co_AAAAAAAAAAAAAAAA';
const body: RecordPaymentBody = { customerId: 'cu_A', method: 'transfer', amount: '500.00', currency: 'EUR', receivedOn: '2026-03-10' };
const payload: PaymentPayload = {
  body, invoiceIds: ['dc_1'], from: 'dc_1',
  form: { customerId: 'cu_A', amount: '500,00', receivedOn: '2026-03-10', method: 'transfer', reference: '', split: 'oldest', shares: {} },
};
const view = (over: Partial<PaymentView> = {}): PaymentView => ({
  id: 'py_1', kind: 'payment', customerId: 'cu_A', method: 'transfer', amount: '500.00', currency: 'EUR', receivedOn: '2026-03-10', reference: null, fee: null,
  gateway: null, gatewayRef: null, refundOf: null, allocations: [{ invoiceId: 'dc_1', amount: '500.00' }], unallocated: '0.00', createdAt: '2026-03-10T09:00:00Z', ...over,
});

function deps(record: PaymentSenderDeps['record']) {
  const done: PaymentOutcome[] = [];
  const d: PaymentSenderDeps = {
    record,
    refund: async () => view({ kind: 'refund' }),
    onDone: async (o) => void done.push(o),
    now: () => new Date('2026-03-10T10:00:00Z'),
  };
  return { senders: paymentSenders(d), done };
}

describe('payment commands in the outbox', () => {
  it('posts the queued body with the key made on the device, and keeps the server’s answer', async () => {
    const db = freshDb();
    const seen: { body: RecordPaymentBody; key: string }[] = [];
    const { senders, done } = deps(async (_c, b, key) => (seen.push({ body: b, key }), view()));
    const entry = await queuePaymentCommand(db, company, 'payment', payload);
    expect(await flushOutbox(db, (e) => senders.payment(e))).toMatchObject({ sent: 1 });
    expect(seen).toEqual([{ body, key: entry.idempotencyKey }]);
    expect(done).toEqual([{ companyId: company, kind: 'payment', entryId: entry.id, invoiceIds: ['dc_1'], result: view(), at: '2026-03-10T10:00:00.000Z' }]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps a payment made offline with the same key for the next try', async () => {
    const db = freshDb();
    const keys: string[] = [];
    let online = false;
    const { senders } = deps(async (_c, _b, key) => {
      keys.push(key);
      if (!online) throw new NetworkError(new TypeError('Failed to fetch'));
      return view();
    });
    await queuePaymentCommand(db, company, 'payment', payload);
    expect(await flushOutbox(db, (e) => senders.payment(e))).toMatchObject({ sent: 0, stopped: true });
    expect(queuedPayments(await db.outbox.toArray(), company)).toMatchObject([{ kind: 'payment', amount: '500.00', rejected: false }]);
    online = true;
    await flushOutbox(db, (e) => senders.payment(e), Date.now(), true);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('keeps a refusal with the server’s fields for the user to correct, and stops trying it', async () => {
    const db = freshDb();
    const { senders } = deps(async () => {
      throw new ApiError(400, 'invalid', 'allocations[0].amount: too much', { 'allocations[0].amount': 'too much' });
    });
    await queuePaymentCommand(db, company, 'payment', payload);
    expect(await flushOutbox(db, (e) => senders.payment(e))).toMatchObject({ rejected: 1 });
    expect(queuedPayments(await db.outbox.toArray(), company)).toMatchObject([{ rejected: true, fields: { 'allocations[0].amount': 'too much' } }]);
  });

  it('replaces a refused payment by its correction, with a new key', async () => {
    const db = freshDb();
    const first = await queuePaymentCommand(db, company, 'payment', payload);
    await db.outbox.update(first.id, { rejected: true });
    const second = await queuePaymentCommand(db, company, 'payment', payload, first.id);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([second.id]);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
  });

  it('never replaces a payment still waiting to be sent', async () => {
    const db = freshDb();
    const first = await queuePaymentCommand(db, company, 'payment', payload);
    await queuePaymentCommand(db, company, 'payment', payload, first.id);
    expect(await db.outbox.count()).toBe(2);
  });
});

describe('recentOutcomes', () => {
  it('shows the company’s answers of the last day, newest first', () => {
    const o = (entryId: string, at: string, companyId = company) => ({ key: outcomeKey(entryId), value: { companyId, kind: 'payment', entryId, invoiceIds: [], result: view(), at } });
    const rows = [o('a', '2026-03-10T08:00:00Z'), o('b', '2026-03-10T09:00:00Z'), o('old', '2026-03-08T09:00:00Z'), o('c', '2026-03-10T09:30:00Z', 'co_other'), { key: 'other', value: 1 }];
    expect(recentOutcomes(rows, company, new Date('2026-03-10T10:00:00Z')).map((r) => r.entryId)).toEqual(['b', 'a']);
  });
});

describe('openAfterPending', () => {
  const queued = (expected: { invoiceId: string; amount: string }[], rejected = false): QueuedPayment => ({
    entryId: 'ob_1', kind: 'payment', amount: '0', currency: 'EUR', date: '2026-03-10', method: 'cheque', customerId: 'cu_A', invoiceIds: expected.map((e) => e.invoiceId), expected, allocations: [], rejected, error: null, fields: {},
  });

  it('takes what the waiting payments should bring to this invoice off what it owes', () => {
    expect(openAfterPending('960.00', [queued([{ invoiceId: 'dc_1', amount: '500.00' }]), queued([{ invoiceId: 'dc_1', amount: '0.50' }, { invoiceId: 'dc_2', amount: '9.00' }])], 'dc_1', 'EUR')).toBe('459.50');
  });

  it('says nothing when no payment waits for this invoice, or only a refused one', () => {
    expect(openAfterPending('960.00', [queued([{ invoiceId: 'dc_2', amount: '5.00' }])], 'dc_1', 'EUR')).toBeNull();
    expect(openAfterPending('960.00', [queued([{ invoiceId: 'dc_1', amount: '5.00' }], true)], 'dc_1', 'EUR')).toBeNull();
  });

  it('never goes below zero when the open amount it knew was stale', () => {
    expect(openAfterPending('100.00', [queued([{ invoiceId: 'dc_1', amount: '150.00' }])], 'dc_1', 'EUR')).toBe('0.00');
  });
});

describe('refusedInvoice', () => {
  it('finds the invoice of the split line the server refused', () => {
    const allocations = [{ invoiceId: 'dc_1', amount: '660.00' }, { invoiceId: 'dc_2', amount: '300.00' }];
    expect(refusedInvoice({ fields: { 'allocations[1].invoiceId': 'not open' }, allocations })).toBe('dc_2');
    expect(refusedInvoice({ fields: { amount: 'bad' }, allocations })).toBeUndefined();
  });
});
