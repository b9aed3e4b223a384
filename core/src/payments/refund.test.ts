import { describe, expect, it } from 'vitest';
import { openAmount } from './balance';
import { fieldOf } from './errors.testing';
import { refund, type RefundBalance, type RefundInput } from './refund';

const balance: RefundBalance = { credit: '50.00', invoices: [{ id: 'inv', paid: '100.00', currency: 'EUR' }] };
const input = (amount: string, extra: Partial<RefundInput> = {}): RefundInput => ({ amount, currency: 'EUR', refundedOn: '2026-04-01', ...extra });

describe('refund out of credit', () => {
  it("lowers the customer's credit by the refund", () => {
    expect(refund(input('20.00'), balance)).toEqual({ fromCredit: '20.00', allocations: [], credit: '30.00' });
  });

  it('refuses more than the credit and says how to refund an invoice instead', () => {
    expect(fieldOf(() => refund(input('50.01'), balance))).toBe('refund.amount');
    expect(() => refund(input('50.01'), balance)).toThrow(/invoiceId/);
  });
});

describe('refund of a paid invoice', () => {
  it('is a negative allocation against the invoice and leaves the credit alone', () => {
    expect(refund(input('30.00', { invoiceId: 'inv' }), balance)).toEqual({
      fromCredit: '0.00',
      allocations: [{ invoiceId: 'inv', amount: '-30.00' }],
      credit: '50.00',
    });
  });

  it('reopens the invoice by the refunded amount', () => {
    const result = refund(input('30.00', { invoiceId: 'inv' }), balance);
    expect(openAmount('100.00', [{ amount: '100.00' }, ...result.allocations], []).open).toBe('30.00');
  });

  it('refuses more than the invoice was paid', () => {
    expect(fieldOf(() => refund(input('100.01', { invoiceId: 'inv' }), balance))).toBe('refund.amount');
  });

  it('refuses an invoice with no payment', () => {
    expect(fieldOf(() => refund(input('1.00', { invoiceId: 'other' }), balance))).toBe('refund.invoiceId');
  });

  it('refuses a refund in another currency than the invoice was paid in', () => {
    expect(fieldOf(() => refund(input('1.00', { invoiceId: 'inv', currency: 'USD' }), balance))).toBe('refund.currency');
  });
});

describe('refused refunds', () => {
  it('refuses a refund of zero or a negative amount', () => {
    expect(fieldOf(() => refund(input('0.00'), balance))).toBe('refund.amount');
    expect(fieldOf(() => refund(input('-1.00', { invoiceId: 'inv' }), balance))).toBe('refund.amount');
  });

  it('refuses a refund date that is not a date', () => {
    expect(fieldOf(() => refund(input('1.00', { refundedOn: '01/04/2026' }), balance))).toBe('refund.refundedOn');
  });
});
