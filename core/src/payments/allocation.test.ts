import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import { allocatePayment, type OpenInvoice, type PaymentInput } from './allocation';
import { fieldOf } from './errors.testing';

const invoice = (id: string, dueDate: string, open: string, extra: Partial<OpenInvoice> = {}): OpenInvoice => ({
  id,
  issueDate: '2026-01-01',
  dueDate,
  total: open,
  open,
  currency: 'EUR',
  ...extra,
});
const payment = (amount: string, extra: Partial<PaymentInput> = {}): PaymentInput => ({ amount, currency: 'EUR', receivedOn: '2026-03-01', ...extra });

describe('automatic allocation', () => {
  it('pays the invoice due first before a later one', () => {
    const result = allocatePayment(payment('120.00'), [invoice('a', '2026-02-01', '100.00'), invoice('b', '2026-01-15', '50.00')]);
    expect(result).toEqual({ allocations: [{ invoiceId: 'b', amount: '50.00' }, { invoiceId: 'a', amount: '70.00' }], credit: '0.00' });
  });

  it('keeps what exceeds every open invoice as the customer credit', () => {
    const result = allocatePayment(payment('200.00'), [invoice('a', '2026-02-01', '100.00'), invoice('b', '2026-01-15', '50.00')]);
    expect(result.credit).toBe('50.00');
  });

  it('pays the earlier issued invoice first when both fall due the same day', () => {
    const result = allocatePayment(payment('10.00'), [
      invoice('late-issue', '2026-02-01', '40.00', { issueDate: '2026-01-10' }),
      invoice('early-issue', '2026-02-01', '40.00', { issueDate: '2026-01-02' }),
    ]);
    expect(result.allocations).toEqual([{ invoiceId: 'early-issue', amount: '10.00' }]);
  });

  it('skips invoices in another currency and invoices already paid', () => {
    const result = allocatePayment(payment('30.00'), [
      invoice('usd', '2026-01-01', '100.00', { currency: 'USD' }),
      invoice('paid', '2026-01-02', '0.00', { total: '80.00' }),
      invoice('eur', '2026-01-03', '100.00'),
    ]);
    expect(result.allocations).toEqual([{ invoiceId: 'eur', amount: '30.00' }]);
  });

  it('makes the whole payment credit when the customer owes nothing', () => {
    expect(allocatePayment(payment('25.50'), [])).toEqual({ allocations: [], credit: '25.50' });
  });
});

describe('explicit allocation', () => {
  const open = [invoice('a', '2026-02-01', '100.00'), invoice('b', '2026-01-15', '50.00')];

  it('allocates exactly the amounts given and keeps the rest as credit', () => {
    const result = allocatePayment(payment('100.00'), open, [{ invoiceId: 'a', amount: '60.00' }]);
    expect(result).toEqual({ allocations: [{ invoiceId: 'a', amount: '60.00' }], credit: '40.00' });
  });

  it('refuses an amount above what remains of the payment, naming that line', () => {
    const call = () => allocatePayment(payment('100.00'), open, [{ invoiceId: 'a', amount: '60.00' }, { invoiceId: 'b', amount: '50.00' }]);
    expect(fieldOf(call)).toBe('allocations[1].amount');
  });

  it("refuses an amount above the invoice's open amount", () => {
    expect(fieldOf(() => allocatePayment(payment('500.00'), open, [{ invoiceId: 'b', amount: '50.01' }]))).toBe('allocations[0].amount');
  });

  it('refuses an invoice in another currency than the payment', () => {
    const usd = [invoice('u', '2026-01-01', '10.00', { currency: 'USD' })];
    expect(fieldOf(() => allocatePayment(payment('10.00'), usd, [{ invoiceId: 'u', amount: '10.00' }]))).toBe('allocations[0].amount');
  });

  it('refuses an invoice the customer does not owe', () => {
    expect(fieldOf(() => allocatePayment(payment('10.00'), open, [{ invoiceId: 'zz', amount: '1.00' }]))).toBe('allocations[0].invoiceId');
  });

  it('refuses the same invoice twice', () => {
    const twice = [{ invoiceId: 'a', amount: '1.00' }, { invoiceId: 'a', amount: '2.00' }];
    expect(fieldOf(() => allocatePayment(payment('10.00'), open, twice))).toBe('allocations[1].invoiceId');
  });

  it('refuses a zero allocation', () => {
    expect(fieldOf(() => allocatePayment(payment('10.00'), open, [{ invoiceId: 'a', amount: '0.00' }]))).toBe('allocations[0].amount');
  });
});

describe('refused inputs', () => {
  it('refuses a payment of zero or less (a refund is its own movement)', () => {
    expect(fieldOf(() => allocatePayment(payment('0.00'), []))).toBe('payment.amount');
    expect(fieldOf(() => allocatePayment(payment('-5.00'), []))).toBe('payment.amount');
  });

  it('refuses more decimals than the currency has', () => {
    expect(fieldOf(() => allocatePayment(payment('10.005'), []))).toBe('payment.amount');
    expect(fieldOf(() => allocatePayment(payment('10.5', { currency: 'JPY' }), []))).toBe('payment.amount');
  });

  it('refuses a payment date that is not a calendar date', () => {
    expect(fieldOf(() => allocatePayment(payment('1.00', { receivedOn: '2026-02-30' }), []))).toBe('payment.receivedOn');
  });

  it('refuses an open amount above the invoice total', () => {
    expect(fieldOf(() => allocatePayment(payment('1.00'), [invoice('a', '2026-01-01', '100.00', { total: '90.00' })]))).toBe('openInvoices[0].open');
  });

  it('reports a refusal as a ValidationError whose fields the API can return', () => {
    try {
      allocatePayment(payment('abc'), []);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fields)).toEqual(['payment.amount']);
    }
  });
});
