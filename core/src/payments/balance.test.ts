import { describe, expect, it } from 'vitest';
import { openAmount, paymentStatus, type PaymentStatusInput } from './balance';
import { fieldOf } from './errors.testing';

describe('openAmount', () => {
  it('is the total less payments less credit notes', () => {
    const b = openAmount('120.00', [{ amount: '50.00' }, { amount: '20.00' }], [{ amount: '10.00' }]);
    expect(b).toEqual({ total: '120.00', paid: '70.00', credited: '10.00', open: '40.00', overpaid: '0.00' });
  });

  it('counts a refund (a negative allocation) as money no longer paid', () => {
    expect(openAmount('100.00', [{ amount: '100.00' }, { amount: '-25.00' }], []).open).toBe('25.00');
  });

  it('shows an invoice paid then credited as open 0 with the excess overpaid, never a negative open amount', () => {
    const b = openAmount('100.00', [{ amount: '100.00' }], [{ amount: '30.00' }]);
    expect([b.open, b.overpaid]).toEqual(['0.00', '30.00']);
  });

  it('refuses refunds beyond what was paid', () => {
    expect(fieldOf(() => openAmount('100.00', [{ amount: '10.00' }, { amount: '-10.01' }], []))).toBe('allocations');
  });

  it('refuses a negative credit note, naming it', () => {
    expect(fieldOf(() => openAmount('100.00', [], [{ amount: '5.00' }, { amount: '-5.00' }]))).toBe('creditNotes[1].amount');
  });

  it('refuses an allocation with more decimals than the currency', () => {
    expect(fieldOf(() => openAmount('100', [{ amount: '1.5' }], [], 'JPY'))).toBe('allocations[0].amount');
  });
});

describe('paymentStatus', () => {
  const base: PaymentStatusInput = { dueDate: '2026-03-31', total: '100.00', open: '100.00', credited: '0.00' };
  const status = (change: Partial<PaymentStatusInput>, today = '2026-03-15') => paymentStatus({ ...base, ...change }, today);

  it('is issued while nothing is paid and the due date is not passed', () => {
    expect(status({})).toBe('issued');
  });

  it('is still issued on the due date itself', () => {
    expect(status({}, '2026-03-31')).toBe('issued');
  });

  it('is overdue the day after the due date while something is open', () => {
    expect(status({}, '2026-04-01')).toBe('overdue');
  });

  it('is overdue rather than partially paid once the due date is passed', () => {
    expect(status({ open: '40.00' }, '2026-04-01')).toBe('overdue');
  });

  it('is partially paid when part was paid before the due date', () => {
    expect(status({ open: '40.00' })).toBe('partially_paid');
  });

  it('is issued, not partially paid, when only a credit note lowered the open amount', () => {
    expect(status({ open: '70.00', credited: '30.00' })).toBe('issued');
  });

  it('is paid when nothing is open, even long after the due date', () => {
    expect(status({ open: '0.00' }, '2027-01-01')).toBe('paid');
  });

  it('is paid when a payment and a credit note together cover it', () => {
    expect(status({ open: '0.00', credited: '30.00' })).toBe('paid');
  });

  it('is settled when credit notes alone cover it', () => {
    expect(status({ open: '0.00', credited: '100.00' })).toBe('settled');
  });

  it('is paid when it was paid and later fully credited, if the paid amount is given', () => {
    expect(status({ open: '0.00', credited: '100.00', paid: '100.00' })).toBe('paid');
  });

  it('refuses an open amount above the total less credit notes', () => {
    expect(fieldOf(() => status({ open: '80.00', credited: '30.00' }))).toBe('invoice.open');
  });

  it('refuses a due date that is not a date, and a bad today', () => {
    expect(fieldOf(() => status({ dueDate: '2026-13-01' }))).toBe('invoice.dueDate');
    expect(fieldOf(() => status({}, 'today'))).toBe('today');
  });
});
