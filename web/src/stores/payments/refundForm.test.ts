import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../api/payments';
import { checkRefund, newRefundForm, refundBodyOf, refundErrorsOf, refundSources } from './refundForm';

const payment = (over: Partial<PaymentView>): PaymentView => ({
  id: 'py_1', kind: 'payment', customerId: 'cu_A', method: 'cheque', amount: '1000.00', currency: 'EUR', receivedOn: '2026-03-10', reference: null, fee: null,
  gateway: null, gatewayRef: null, refundOf: null, allocations: [{ invoiceId: 'dc_1', amount: '900.00' }], unallocated: '100.00', createdAt: '2026-03-10T09:00:00Z', ...over,
});
const pay = payment({});
const earlierRefund = payment({ id: 'py_2', kind: 'refund', amount: '30.00', allocations: [], unallocated: '30.00' });

describe('refundSources', () => {
  it('offers the customer’s credit left after earlier refunds, then what each invoice of the payment received', () => {
    const second = payment({ id: 'py_3', amount: '50.00', allocations: [{ invoiceId: 'dc_1', amount: '50.00' }], unallocated: '0.00' });
    expect(refundSources(pay, [pay, earlierRefund, second])).toEqual([
      { value: 'credit', available: '70.00', suggested: '70.00' },
      { value: 'dc_1', invoiceId: 'dc_1', available: '950.00', suggested: '900.00' },
    ]);
  });
});

describe('newRefundForm', () => {
  it('proposes what this payment put on the invoice, not what every payment did', () => {
    const card = payment({ unallocated: '0.00' });
    const other = payment({ id: 'py_3', allocations: [{ invoiceId: 'dc_1', amount: '60.00' }], unallocated: '0.00' });
    expect(newRefundForm(card, refundSources(card, [card, other]), '2026-03-20', 'fr')).toMatchObject({ source: 'dc_1', amount: '900,00' });
  });

  it('starts from the credit, all of it, by the payment’s method', () => {
    expect(newRefundForm(pay, refundSources(pay, [pay]), '2026-03-20', 'fr')).toEqual({ source: 'credit', amount: '100,00', refundedOn: '2026-03-20', method: 'cheque', reference: '' });
  });

  it('starts from the invoice when the payment left no credit, by transfer for a gateway payment', () => {
    const card = payment({ method: 'stripe', unallocated: '0.00' });
    expect(newRefundForm(card, refundSources(card, [card]), '2026-03-20', 'en')).toMatchObject({ source: 'dc_1', amount: '900.00', method: 'transfer' });
  });
});

describe('refundBodyOf', () => {
  it('names the invoice only for a refund out of an invoice, amounts with a dot', () => {
    expect(refundBodyOf({ source: 'credit', amount: '12,5', refundedOn: '2026-03-20', method: 'transfer', reference: ' ' }, 'EUR')).toEqual({ amount: '12.50', refundedOn: '2026-03-20', method: 'transfer' });
    expect(refundBodyOf({ source: 'dc_1', amount: '5', refundedOn: '2026-03-20', method: 'cash', reference: 'R1' }, 'EUR')).toEqual({ amount: '5.00', refundedOn: '2026-03-20', invoiceId: 'dc_1', method: 'cash', reference: 'R1' });
  });
});

describe('checkRefund', () => {
  it('refuses more than the credit holds, naming the amount', () => {
    const sources = refundSources(pay, [pay]);
    expect(Object.keys(checkRefund(refundBodyOf({ source: 'credit', amount: '150', refundedOn: '2026-03-20', method: 'cash', reference: '' }, 'EUR'), pay, sources))).toEqual(['amount']);
  });

  it('accepts taking back part of what an invoice was paid', () => {
    const sources = refundSources(pay, [pay]);
    expect(checkRefund(refundBodyOf({ source: 'dc_1', amount: '150', refundedOn: '2026-03-20', method: 'cash', reference: '' }, 'EUR'), pay, sources)).toEqual({});
  });
});

describe('refundErrorsOf', () => {
  it('maps core’s refund.* fields to the form’s', () => {
    expect(refundErrorsOf({ 'refund.amount': 'a', 'refund.invoiceId': 'b', 'refund.refundedOn': 'c' })).toEqual({ amount: 'a', source: 'b', refundedOn: 'c' });
  });
});
