import { describe, expect, it } from 'vitest';
import { allocatePayment, refund, ValidationError } from '@facturo/core';
import { paymentMessage } from './errorText';

const money = (wire: string) => `«${wire}»`;

/** The message core gives for a bad call, so these tests follow core's own wording. */
function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof ValidationError) return Object.values(e.fields)[0] ?? '';
  }
  throw new Error('expected a ValidationError');
}

const invoice = { id: 'dc_1', number: 'F-1', issueDate: '2026-01-01', dueDate: '2026-01-31', total: '500.00', open: '200.00', currency: 'EUR' };
const pay = (amount: string, allocations?: { invoiceId: string; amount: string }[]) => () =>
  allocatePayment({ amount, currency: 'EUR', receivedOn: '2026-02-01' }, [invoice], allocations);

describe('paymentMessage', () => {
  it('quotes what the invoice still owes, in the user’s writing of money', () => {
    expect(paymentMessage(messageOf(pay('500', [{ invoiceId: 'dc_1', amount: '300' }])), money)).toEqual({ key: 'payErr.overInvoice', vars: { open: '«200.00»' } });
  });

  it('quotes what remains of the payment when the shares add up to more', () => {
    expect(paymentMessage(messageOf(pay('100', [{ invoiceId: 'dc_1', amount: '150' }])), money)).toEqual({ key: 'payErr.overPayment', vars: { rest: '«100.00»' } });
  });

  it('words a zero, a mistyped amount, too many decimals and an unknown invoice', () => {
    expect(paymentMessage(messageOf(pay('0')), money)?.key).toBe('payErr.positive');
    expect(paymentMessage(messageOf(pay('12,5')), money)?.key).toBe('payErr.decimal');
    expect(paymentMessage(messageOf(pay('12.555')), money)?.key).toBe('payErr.decimals');
    expect(paymentMessage(messageOf(pay('10', [{ invoiceId: 'dc_x', amount: '10' }])), money)?.key).toBe('payErr.notOpen');
  });

  it('words refunds above the customer’s credit or above what the invoice was paid', () => {
    const balance = { credit: '30.00', invoices: [{ id: 'dc_1', paid: '300.00', currency: 'EUR' }] };
    const fromCredit = messageOf(() => refund({ amount: '50', currency: 'EUR', refundedOn: '2026-02-01' }, balance));
    const fromInvoice = messageOf(() => refund({ amount: '400', currency: 'EUR', refundedOn: '2026-02-01', invoiceId: 'dc_1' }, balance));
    expect(paymentMessage(fromCredit, money)).toEqual({ key: 'payErr.overCredit', vars: { credit: '«30.00»' } });
    expect(paymentMessage(fromInvoice, money)).toEqual({ key: 'payErr.overRefundInvoice', vars: { paid: '«300.00»' } });
  });

  it('words the server’s own refusals of the customer and of a foreign invoice', () => {
    expect(paymentMessage('choose a customer', money)?.key).toBe('payErr.customer');
    expect(paymentMessage('invoice F-2026-00003 is another customer\'s', money)?.key).toBe('payErr.otherCustomer');
  });

  it('leaves a message it does not know to the caller', () => {
    expect(paymentMessage('something new', money)).toBeNull();
  });
});
