import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocatePayment, type OpenInvoice } from './allocation';
import { cents, fieldOf, fromCents } from './errors.testing';

/*
 * Allocation invariants over random open invoices and payments, checked in integer cents (bigint) so the oracle
 * shares nothing with the decimal.js code under test.
 */

const amountCents = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) });
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-0${1 + (d % 9)}-${String(d).padStart(2, '0')}`); // number-ok: test dates

const openInvoices: fc.Arbitrary<OpenInvoice[]> = fc
  .array(fc.record({ total: amountCents(500_000), share: fc.integer({ min: 0, max: 100 }), dueDate: day, usd: fc.boolean() }), { maxLength: 8 })
  .map((rows) =>
    rows.map((r, i) => ({
      id: `inv-${i}`,
      issueDate: '2026-01-01',
      dueDate: r.dueDate,
      total: fromCents(r.total),
      open: fromCents((r.total * BigInt(r.share)) / 100n),
      currency: r.usd && i % 3 === 0 ? 'USD' : 'EUR',
    })),
  );

const payment = amountCents(1_000_000).filter((c) => c > 0n);

describe('allocatePayment properties', () => {
  it('never allocates more than the payment nor more than an invoice owes, and allocations + credit = payment', () => {
    fc.assert(
      fc.property(openInvoices, payment, (invoices, amount) => {
        const result = allocatePayment({ amount: fromCents(amount), currency: 'EUR', receivedOn: '2026-05-01' }, invoices);
        const open = new Map(invoices.map((i) => [i.id, cents(i.open)]));
        const allocated = result.allocations.reduce((sum, a) => sum + cents(a.amount), 0n);
        for (const a of result.allocations) {
          expect(cents(a.amount)).toBeGreaterThan(0n);
          expect(cents(a.amount)).toBeLessThanOrEqual(open.get(a.invoiceId) ?? -1n);
        }
        expect(allocated).toBeLessThanOrEqual(amount);
        expect(allocated + cents(result.credit)).toBe(amount);
      }),
    );
  });

  it('leaves credit only when every open invoice in the currency is fully paid', () => {
    fc.assert(
      fc.property(openInvoices, payment, (invoices, amount) => {
        const result = allocatePayment({ amount: fromCents(amount), currency: 'EUR', receivedOn: '2026-05-01' }, invoices);
        if (cents(result.credit) === 0n) return;
        const owed = invoices.filter((i) => i.currency === 'EUR').reduce((sum, i) => sum + cents(i.open), 0n);
        expect(amount - cents(result.credit)).toBe(owed);
      }),
    );
  });

  it('either refuses explicit amounts with the line field, or keeps every bound', () => {
    // Amounts around each invoice's open amount (up to 110 % of it), on any invoice or an unknown one, so that both
    // accepted and refused proposals occur.
    const explicit = fc.array(fc.record({ index: fc.nat(9), share: fc.integer({ min: 1, max: 110 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(openInvoices, payment, explicit, (invoices, amount, lines) => {
        const wanted = lines.map((l) => {
          const owed = cents(invoices[l.index]?.open ?? '10.00');
          return { invoiceId: `inv-${l.index}`, amount: fromCents((owed * BigInt(l.share)) / 100n) };
        });
        const call = () => allocatePayment({ amount: fromCents(amount), currency: 'EUR', receivedOn: '2026-05-01' }, invoices, wanted);
        const field = fieldOf(call);
        if (field !== undefined) {
          expect(field).toMatch(/^allocations\[\d+\]\.(amount|invoiceId)$/);
          return;
        }
        const result = allocatePayment({ amount: fromCents(amount), currency: 'EUR', receivedOn: '2026-05-01' }, invoices, wanted);
        const open = new Map(invoices.map((i) => [i.id, cents(i.open)]));
        for (const a of result.allocations) expect(cents(a.amount)).toBeLessThanOrEqual(open.get(a.invoiceId) ?? -1n);
        expect(result.allocations.reduce((sum, a) => sum + cents(a.amount), 0n) + cents(result.credit)).toBe(amount);
      }),
    );
  });
});
