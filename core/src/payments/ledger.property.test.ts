import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, type PaymentAllocation } from './allocation';
import { openAmount } from './balance';
import { cents, fieldOf, fromCents } from './errors.testing';
import { refund } from './refund';

/*
 * Any sequence of payments (automatic or explicit), refunds (out of credit or of an invoice) and credit notes:
 * each invoice's open amount stays total − allocations − credit notes to the cent (open − overpaid, never a
 * negative open), and no money appears or vanishes: received − refunded = Σ allocations + the customer's credit.
 * The oracle adds integer cents (bigint), apart from the decimal.js code under test.
 */

type Op =
  | { kind: 'pay'; amount: bigint; explicit: { index: number; share: number }[] | null }
  | { kind: 'refundCredit'; amount: bigint }
  | { kind: 'refundInvoice'; index: number; amount: bigint }
  | { kind: 'creditNote'; index: number; amount: bigint };

const amount = fc.bigInt({ min: 1n, max: 300_000n });
const index = fc.nat(3);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('pay' as const),
    amount,
    explicit: fc.option(fc.array(fc.record({ index, share: fc.integer({ min: 1, max: 100 }) }), { minLength: 1, maxLength: 3 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('refundCredit' as const), amount }),
  fc.record({ kind: fc.constant('refundInvoice' as const), index, amount }),
  fc.record({ kind: fc.constant('creditNote' as const), index, amount }),
);

interface Ledger {
  totals: bigint[];
  allocations: PaymentAllocation[][];
  creditNotes: string[][];
  credit: string;
  received: bigint;
  refunded: bigint;
}

const sum = (xs: string[]) => xs.reduce((s, x) => s + cents(x), 0n);
const balanceOf = (l: Ledger, i: number) =>
  openAmount(fromCents(l.totals[i] ?? 0n), l.allocations[i] ?? [], (l.creditNotes[i] ?? []).map((a) => ({ amount: a })));
const openInvoices = (l: Ledger) =>
  l.totals.map((_, i) => ({ id: `i${i}`, issueDate: '2026-01-01', dueDate: `2026-02-0${i + 1}`, total: fromCents(l.totals[i] ?? 0n), open: balanceOf(l, i).open, currency: 'EUR' }));

function pay(l: Ledger, o: Extract<Op, { kind: 'pay' }>): void {
  const invoices = openInvoices(l);
  const explicit = o.explicit?.map((e) => ({ invoiceId: `i${e.index}`, amount: fromCents((cents(invoices[e.index]?.open ?? '0.00') * BigInt(e.share)) / 100n) }));
  const input = { amount: fromCents(o.amount), currency: 'EUR', receivedOn: '2026-03-01' };
  if (fieldOf(() => allocatePayment(input, invoices, explicit)) !== undefined) return; // refused: nothing recorded
  const result = allocatePayment(input, invoices, explicit);
  for (const a of result.allocations) l.allocations[Number(a.invoiceId.slice(1))]?.push(a);
  l.credit = fromCents(cents(l.credit) + cents(result.credit));
  l.received += o.amount;
}

function apply(l: Ledger, o: Op): void {
  if (o.kind === 'pay') return pay(l, o);
  if (o.kind === 'creditNote') {
    const room = (l.totals[o.index] ?? 0n) - sum(l.creditNotes[o.index] ?? []);
    if (room > 0n) l.creditNotes[o.index]?.push(fromCents(o.amount < room ? o.amount : room));
    return;
  }
  const balance = { credit: l.credit, invoices: l.allocations.map((a, i) => ({ id: `i${i}`, paid: fromCents(sum(a.map((x) => x.amount))), currency: 'EUR' })) };
  const input = { amount: fromCents(o.amount), currency: 'EUR', refundedOn: '2026-03-02', invoiceId: o.kind === 'refundInvoice' ? `i${o.index}` : undefined };
  if (fieldOf(() => refund(input, balance)) !== undefined) return;
  const result = refund(input, balance);
  for (const a of result.allocations) l.allocations[Number(a.invoiceId.slice(1))]?.push(a);
  l.credit = result.credit;
  l.refunded += o.amount;
}

describe('payments, refunds and credit notes in any order', () => {
  it('keep every open amount at total − allocations − credit notes, and conserve the money', () => {
    const totals = fc.array(fc.bigInt({ min: 0n, max: 200_000n }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(totals, fc.array(op, { maxLength: 25 }), (ts, ops) => {
        const l: Ledger = { totals: ts, allocations: ts.map(() => []), creditNotes: ts.map(() => []), credit: '0.00', received: 0n, refunded: 0n };
        for (const o of ops) {
          apply(l, o);
          ts.forEach((total, i) => {
            const b = balanceOf(l, i);
            expect(cents(b.open)).toBeGreaterThanOrEqual(0n);
            expect(cents(b.overpaid)).toBeGreaterThanOrEqual(0n);
            expect(cents(b.open) - cents(b.overpaid)).toBe(total - sum((l.allocations[i] ?? []).map((a) => a.amount)) - sum(l.creditNotes[i] ?? []));
          });
          expect(cents(l.credit)).toBeGreaterThanOrEqual(0n);
          expect(l.received - l.refunded).toBe(sum(l.allocations.flat().map((a) => a.amount)) + cents(l.credit));
        }
      }),
    );
  });
});
