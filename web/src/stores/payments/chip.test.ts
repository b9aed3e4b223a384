import { describe, expect, it } from 'vitest';
import { paymentChipOf } from './chip';

const money = (amount: string, currency: string) => `${amount} ${currency}`;

describe('paymentChipOf', () => {
  it('keeps the lifecycle chip of a draft and of one waiting to be issued', () => {
    expect(paymentChipOf({ status: 'draft', currency: 'EUR' }, money)).toEqual({ key: 'invoiceStatus.draft', tone: 'draft' });
    expect(paymentChipOf({ status: 'pending', currency: 'EUR' }, money)).toEqual({ key: 'invoiceStatus.pending', tone: 'pending' });
  });

  it('says "Émise" for an issued invoice on which nothing was received yet', () => {
    expect(paymentChipOf({ status: 'issued', paymentStatus: 'issued', openAmount: '960.00', currency: 'EUR' }, money)).toEqual({ key: 'invoiceStatus.issued', tone: 'issued' });
  });

  it('names what is left of a partly paid invoice in its currency', () => {
    expect(paymentChipOf({ status: 'issued', paymentStatus: 'partially_paid', openAmount: '120.00', currency: 'EUR' }, money)).toEqual({
      key: 'payStatus.partial', vars: { rest: '120.00 EUR' }, tone: 'partially_paid',
    });
  });

  it('follows the server for paid, overdue and settled-by-credit-note invoices', () => {
    const chip = (paymentStatus: 'paid' | 'overdue' | 'settled') => paymentChipOf({ status: 'issued', paymentStatus, openAmount: '0.00', currency: 'EUR' }, money);
    expect(chip('paid')).toEqual({ key: 'payStatus.paid', tone: 'paid' });
    expect(chip('overdue')).toEqual({ key: 'payStatus.overdue', tone: 'overdue' });
    expect(chip('settled')).toEqual({ key: 'payStatus.settled', tone: 'settled' });
  });

  it('shows a credit note, or an invoice from a server without payment status, as simply issued', () => {
    expect(paymentChipOf({ status: 'issued', paymentStatus: null, currency: 'EUR' }, money).key).toBe('invoiceStatus.issued');
    expect(paymentChipOf({ status: 'issued', currency: 'EUR' }, money).key).toBe('invoiceStatus.issued');
  });
});
