import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../api/payments';
import { allocationLines, customerCredit, movementsOf, paidOnInvoice } from './list';

const payment = (over: Partial<PaymentView>): PaymentView => ({
  id: 'py_1', kind: 'payment', customerId: 'cu_A', method: 'transfer', amount: '0.00', currency: 'EUR', receivedOn: '2026-03-10', reference: null, fee: null,
  gateway: null, gatewayRef: null, refundOf: null, allocations: [], unallocated: '0.00', createdAt: '2026-03-10T09:00:00Z', ...over,
});

const pay = payment({ id: 'py_1', amount: '1000.00', allocations: [{ invoiceId: 'dc_1', amount: '600.00' }, { invoiceId: 'dc_2', amount: '300.00' }], unallocated: '100.00' });
const refundFromInvoice = payment({ id: 'py_2', kind: 'refund', amount: '50.00', refundOf: 'py_1', receivedOn: '2026-03-12', allocations: [{ invoiceId: 'dc_1', amount: '-50.00' }], unallocated: '0.00' });
const refundFromCredit = payment({ id: 'py_3', kind: 'refund', amount: '40.00', refundOf: 'py_1', receivedOn: '2026-03-13', unallocated: '40.00' });

describe('allocationLines', () => {
  it('lists the invoices a payment settled, then what it left as credit', () => {
    expect(allocationLines(pay)).toEqual([
      { kind: 'invoice', invoiceId: 'dc_1', amount: '600.00' },
      { kind: 'invoice', invoiceId: 'dc_2', amount: '300.00' },
      { kind: 'credit', amount: '100.00' },
    ]);
  });

  it('says where a refund came from, as positive amounts', () => {
    expect(allocationLines(refundFromInvoice)).toEqual([{ kind: 'fromInvoice', invoiceId: 'dc_1', amount: '50.00' }]);
    expect(allocationLines(refundFromCredit)).toEqual([{ kind: 'fromCredit', amount: '40.00' }]);
  });
});

describe('customerCredit', () => {
  it('is what payments left unallocated less what refunds took from it, per customer and currency', () => {
    const other = payment({ id: 'py_9', customerId: 'cu_B', unallocated: '7.00' });
    const dollars = payment({ id: 'py_8', currency: 'USD', unallocated: '5.00' });
    expect(customerCredit([pay, refundFromInvoice, refundFromCredit, other, dollars], 'cu_A', 'EUR')).toBe('60.00');
  });
});

describe('paidOnInvoice', () => {
  it('sums an invoice’s allocations, refunds deducted', () => {
    expect(paidOnInvoice([pay, refundFromInvoice], 'dc_1', 'EUR')).toBe('550.00');
    expect(paidOnInvoice([pay], 'dc_3', 'EUR')).toBe('0.00');
  });
});

describe('movementsOf', () => {
  it('lists what moved on one invoice, oldest first, refunds negative', () => {
    expect(movementsOf([refundFromInvoice, pay], 'dc_1')).toEqual([
      { paymentId: 'py_1', kind: 'payment', date: '2026-03-10', method: 'transfer', reference: null, amount: '600.00', currency: 'EUR' },
      { paymentId: 'py_2', kind: 'refund', date: '2026-03-12', method: 'transfer', reference: null, amount: '-50.00', currency: 'EUR' },
    ]);
  });
});
