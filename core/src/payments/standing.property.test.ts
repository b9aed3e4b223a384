import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoiceStanding, openAmount, paymentStatus } from './balance';
import { fromCents } from './errors.testing';

/* invoiceStanding reads each amount once for the 100,000 invoices of a dunning pass: it must say what openAmount and paymentStatus say. */

const cents = (max: number) => fc.bigInt({ min: 0n, max: BigInt(max) });
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-03-${String(d).padStart(2, '0')}`); // number-ok: test dates

describe('invoiceStanding', () => {
  it('gives the balance of openAmount and the status of paymentStatus, for any payments, refunds and credit notes', () => {
    fc.assert(
      fc.property(
        cents(200_000), fc.array(cents(100_000), { maxLength: 4 }), fc.array(cents(30_000), { maxLength: 2 }), fc.array(cents(100_000), { maxLength: 2 }), day, day,
        (total, payments, refunds, credits, dueDate, today) => {
          // Refunds never exceed what was paid (openAmount refuses that): each is capped by the payments' sum.
          const paid = payments.reduce((a, b) => a + b, 0n);
          const allocations = [...payments.map((c) => ({ amount: fromCents(c) })), ...refunds.map((c) => ({ amount: fromCents(-(c > paid ? paid : c)) }))];
          if (allocations.reduce((a, x) => a + BigInt(x.amount.replace('.', '')), 0n) < 0n) return;
          const creditNotes = credits.map((c) => ({ amount: fromCents(c) }));
          const both = invoiceStanding({ total: fromCents(total), dueDate }, allocations, creditNotes, today);
          const balance = openAmount(fromCents(total), allocations, creditNotes);
          expect(both).toEqual({ ...balance, status: paymentStatus({ dueDate, total: balance.total, open: balance.open, credited: balance.credited, paid: balance.paid }, today) });
        },
      ),
    );
  });

  it('names the field of a bad date or amount, as the two calls do', () => {
    expect(() => invoiceStanding({ total: '10.00', dueDate: '2027-02-30' }, [], [], '2027-03-01')).toThrow(/invoice\.dueDate/);
    expect(() => invoiceStanding({ total: '-1.00', dueDate: '2027-03-01' }, [], [], '2027-03-01')).toThrow(/total/);
  });
});
