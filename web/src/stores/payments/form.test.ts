import { describe, expect, it } from 'vitest';
import type { InvoiceSummary } from '../../api/invoices';
import { checkPayment, formErrorsOf, newPaymentForm, openInvoicesOf, orphanShareErrors, paymentBodyOf, shareField, sharesFromSplit, wireAmount, type OpenInvoiceRow, type PaymentForm } from './form';

const summary = (id: string, over: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  id, kind: 'invoice', status: 'issued', number: `F-2026-${id}`, customer: 'cu_A', issueDate: '2026-01-10', dueDate: '2026-02-09', currency: 'EUR',
  totalExclTax: '800.00', totalTax: '160.00', totalInclTax: '960.00', paymentStatus: 'issued', openAmount: '960.00', ...over,
});

const open: OpenInvoiceRow[] = [
  { id: 'dc_old', number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-31', total: '500.00', open: '200.00', currency: 'EUR' },
  { id: 'dc_new', number: 'F-2', issueDate: '2026-02-01', dueDate: '2026-03-03', total: '960.00', open: '960.00', currency: 'EUR' },
];

const form = (over: Partial<PaymentForm> = {}): PaymentForm => ({
  customerId: 'cu_A', amount: '1 160,00', receivedOn: '2026-03-10', method: 'cheque', reference: '', split: 'oldest', shares: {}, ...over,
});

describe('openInvoicesOf', () => {
  it('lists the customer’s issued invoices that still owe something, the oldest due first', () => {
    const rows = [
      summary('3', { dueDate: '2026-04-01' }),
      summary('1', { dueDate: '2026-02-01', openAmount: '120.00', paymentStatus: 'partially_paid' }),
      summary('paid', { openAmount: '0.00', paymentStatus: 'paid' }),
      summary('other', { customer: 'cu_B' }),
      summary('draft', { status: 'draft', number: null }),
      summary('credit', { kind: 'credit_note' }),
    ];
    expect(openInvoicesOf(rows, 'cu_A').map((i) => [i.id, i.open])).toEqual([['1', '120.00'], ['3', '960.00']]);
  });

  it('takes the total as still due when the cached summary predates payment statuses', () => {
    const { paymentStatus: _p, openAmount: _o, ...old } = summary('1');
    expect(openInvoicesOf([old], 'cu_A')[0]?.open).toBe('960.00');
  });
});

describe('newPaymentForm', () => {
  it('prefills the amount with what the invoice it was opened from still owes, in French writing', () => {
    const f = newPaymentForm({ customerId: 'cu_A', invoiceId: 'dc_new', open: [open[1]!], today: '2026-03-10', lang: 'fr' });
    expect(f).toMatchObject({ amount: '960,00', receivedOn: '2026-03-10', split: 'oldest', shares: {} });
  });

  it('opened from one invoice among several, puts the money on that invoice rather than on the oldest', () => {
    const f = newPaymentForm({ customerId: 'cu_A', invoiceId: 'dc_new', open, today: '2026-03-10', lang: 'fr' });
    expect(f.split).toBe('manual');
    expect(f.shares).toEqual({ dc_new: '960,00' });
  });

  it('opened from a customer, proposes all they owe, split oldest first', () => {
    const f = newPaymentForm({ customerId: 'cu_A', open, today: '2026-03-10', lang: 'en' });
    expect(f).toMatchObject({ amount: '1160.00', split: 'oldest' });
  });
});

describe('paymentBodyOf', () => {
  it('writes amounts as decimal strings with a dot and leaves the split to the server when oldest first', () => {
    expect(paymentBodyOf(form({ reference: '  CHQ 0042 ' }), open, 'EUR')).toEqual({
      customerId: 'cu_A', method: 'cheque', amount: '1160.00', currency: 'EUR', receivedOn: '2026-03-10', reference: 'CHQ 0042',
    });
  });

  it('lists a manual split oldest invoice first, leaving out empty and zero shares', () => {
    const body = paymentBodyOf(form({ split: 'manual', shares: { dc_new: '900,5', dc_old: '0', dc_gone: '5' } }), open, 'EUR');
    expect(body.allocations).toEqual([{ invoiceId: 'dc_new', amount: '900.50' }]);
    expect(body).not.toHaveProperty('reference');
  });

  it('keeps a mistyped share so that core names its line', () => {
    const body = paymentBodyOf(form({ split: 'manual', shares: { dc_old: '12,3,4' } }), open, 'EUR');
    expect(body.allocations).toEqual([{ invoiceId: 'dc_old', amount: '12.3,4' }]);
  });
});

describe('checkPayment', () => {
  it('shows where an oldest-first payment goes and what stays as credit', () => {
    const check = checkPayment(paymentBodyOf(form({ amount: '1200' }), open, 'EUR'), open);
    expect(check.errors).toEqual({});
    expect(check.split).toEqual({ allocations: [{ invoiceId: 'dc_old', amount: '200.00' }, { invoiceId: 'dc_new', amount: '960.00' }], credit: '40.00' });
  });

  it('names the share that is more than its invoice still owes beside that invoice', () => {
    const body = paymentBodyOf(form({ amount: '500', split: 'manual', shares: { dc_old: '300' } }), open, 'EUR');
    const check = checkPayment(body, open);
    expect(check.split).toBeNull();
    expect(Object.keys(check.errors)).toEqual([shareField('dc_old')]);
    expect(check.errors[shareField('dc_old')]).toMatch(/still owes \(200\.00\)/);
  });

  it('names the amount when it is not a positive decimal', () => {
    expect(Object.keys(checkPayment(paymentBodyOf(form({ amount: '' }), open, 'EUR'), open).errors)).toEqual(['amount']);
    expect(Object.keys(checkPayment(paymentBodyOf(form({ amount: '-3' }), open, 'EUR'), open).errors)).toEqual(['amount']);
  });

  it('asks for the customer first', () => {
    expect(checkPayment(paymentBodyOf(form({ customerId: '' }), open, 'EUR'), open).errors).toEqual({ customerId: 'choose a customer' });
  });
});

describe('formErrorsOf', () => {
  it('puts the server’s allocations[i] refusal beside the share of the invoice that line named', () => {
    const body = paymentBodyOf(form({ split: 'manual', shares: { dc_old: '100', dc_new: '50' } }), open, 'EUR');
    expect(formErrorsOf({ 'allocations[1].amount': 'too much' }, body)).toEqual({ [shareField('dc_new')]: 'too much' });
  });

  it('maps core’s payment.* names and the server’s own to the form’s fields', () => {
    const body = paymentBodyOf(form(), open, 'EUR');
    expect(formErrorsOf({ 'payment.amount': 'a', 'payment.receivedOn': 'b', allocations: 'c', customerId: 'd' }, body)).toEqual({ amount: 'a', receivedOn: 'b', allocations: 'c', customerId: 'd' });
  });
});

describe('orphanShareErrors', () => {
  it('sets apart the refusal of a share whose invoice is no longer open here, keeping the others in place', () => {
    const errors = { [shareField('dc_old')]: 'too much', [shareField('dc_paid')]: 'not open', amount: 'bad' };
    expect(orphanShareErrors(errors, open)).toEqual({ errors: { [shareField('dc_old')]: 'too much', amount: 'bad' }, orphans: [{ invoiceId: 'dc_paid', message: 'not open' }] });
  });
});

describe('wireAmount', () => {
  it('writes a typed amount with the currency’s decimals and a dot', () => {
    expect(wireAmount('500', 'EUR')).toBe('500.00');
    expect(wireAmount('1 250,5', 'EUR')).toBe('1250.50');
    expect(wireAmount('1250', 'JPY')).toBe('1250');
  });

  it('leaves an amount it cannot write exactly for core to refuse', () => {
    expect(wireAmount('10,005', 'EUR')).toBe('10.005');
    expect(wireAmount('abc', 'EUR')).toBe('abc');
  });
});

describe('sharesFromSplit', () => {
  it('turns a split into shares as a French user types them', () => {
    expect(sharesFromSplit({ allocations: [{ invoiceId: 'dc_old', amount: '200.00' }], credit: '0.00' }, 'fr')).toEqual({ dc_old: '200,00' });
  });
});
