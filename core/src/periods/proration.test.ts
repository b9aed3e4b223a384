import { describe, expect, it } from 'vitest';
import { changes, planChange, prorate, prorateParts } from './index';

// Examples an accountant checks by hand: share = price × days / days in the period, rounded half up to the cent.
const march = { start: '2026-03-01', end: '2026-04-01' }; // 31 days

describe('planChange', () => {
  it('credits −20.32 and charges +30.48 when 30.00 € becomes 45.00 € on 11 March', () => {
    // 11..31 March = 21 of 31 days. 30.00 × 21 / 31 = 20.3226 → 20.32; 45.00 × 21 / 31 = 30.4839 → 30.48.
    expect(planChange({ period: march, changeDate: '2026-03-11', oldAmount: '30.00', newAmount: '45.00', currency: 'EUR' })).toEqual({
      credit: '-20.32',
      charge: '30.48',
      net: '10.16',
    });
  });
  it('credits all of the old price and charges all of the new one on the first day', () => {
    expect(planChange({ period: march, changeDate: '2026-03-01', oldAmount: '30.00', newAmount: '45.00', currency: 'EUR' })).toEqual({
      credit: '-30.00',
      charge: '45.00',
      net: '15.00',
    });
  });
  it('moves one day on the last day: 30.00 / 31 = 0.97 and 45.00 / 31 = 1.45', () => {
    expect(planChange({ period: march, changeDate: '2026-03-31', oldAmount: '30.00', newAmount: '45.00', currency: 'EUR' }).net).toBe('0.48');
  });
  it('rounds yen to the unit: 1 000 ¥ to 1 500 ¥ on 11 March credits −677 and charges 1 016', () => {
    // 1000 × 21 / 31 = 677.42 → 677; 1500 × 21 / 31 = 1016.13 → 1016.
    expect(planChange({ period: march, changeDate: '2026-03-11', oldAmount: '1000', newAmount: '1500', currency: 'JPY' })).toEqual({
      credit: '-677',
      charge: '1016',
      net: '339',
    });
  });
  it('refuses a change on the period end, naming the field', () => {
    expect(() => planChange({ period: march, changeDate: '2026-04-01', oldAmount: '30', newAmount: '45', currency: 'EUR' })).toThrow(/changeDate/);
  });
  it('refuses an amount that is not a decimal, naming the field', () => {
    expect(() => planChange({ period: march, changeDate: '2026-03-11', oldAmount: '30,00', newAmount: '45', currency: 'EUR' })).toThrow(/oldAmount/);
  });
});

describe('prorate', () => {
  it('charges a stub from 11 March: 30.00 × 21 / 31 = 20.32', () => {
    expect(prorate('30.00', march, { start: '2026-03-11', end: '2026-04-01' }, 'EUR')).toBe('20.32');
  });
  it('rounds an exact half cent up: 0.15 € over 30 days for 1 day is 0.005 → 0.01', () => {
    expect(prorate('0.15', { start: '2026-04-01', end: '2026-05-01' }, { start: '2026-04-01', end: '2026-04-02' }, 'EUR')).toBe('0.01');
  });
  it('counts only the days inside the period', () => {
    // 25 Feb..5 Mar overlaps March on 1..4 March: 4 days. 31.00 × 4 / 31 = 4.00.
    expect(prorate('31.00', march, { start: '2026-02-25', end: '2026-03-05' }, 'EUR')).toBe('4.00');
  });
});

describe('prorateParts', () => {
  it('splits 30.00 € at 11 and 21 March into 9.68 + 9.67 + 10.65', () => {
    // From 21 March: 30 × 11 / 31 = 10.645 → 10.65; from 11 March: 20.32 (above).
    // Parts: 30.00 − 20.32 = 9.68; 20.32 − 10.65 = 9.67; 10.65.
    expect(prorateParts('30.00', march, ['2026-03-21', '2026-03-11'], 'EUR').map((p) => [p.start, p.days, p.amount])).toEqual([
      ['2026-03-01', 10, '9.68'],
      ['2026-03-11', 10, '9.67'],
      ['2026-03-21', 11, '10.65'],
    ]);
  });
  it('never gives a negative part where per-part rounding would: 0.03 € over six one-day parts', () => {
    const period = { start: '2026-03-01', end: '2026-03-07' };
    const parts = prorateParts('0.03', period, ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'], 'EUR');
    expect(parts.map((p) => p.amount)).toEqual(['0.00', '0.01', '0.00', '0.01', '0.00', '0.01']);
  });
  it('refuses a cut outside the period, naming it', () => {
    expect(() => prorateParts('30', march, ['2026-04-02'], 'EUR')).toThrow(/cutDates\[0\]/);
  });
});

describe('changes', () => {
  it('bills 45.48 € for March at 30 €, 45 € from 11 March and 60 € from 21 March', () => {
    // Change 1: −20.32 + 30.48 = 10.16. Change 2: 45 × 11 / 31 = 15.97 credited, 60 × 11 / 31 = 21.29 charged: 5.32.
    // 30.00 + 10.16 + 5.32 = 45.48.
    const bill = changes(march, '30.00', [{ date: '2026-03-11', amount: '45.00' }, { date: '2026-03-21', amount: '60.00' }], 'EUR');
    expect(bill.adjustments.map((a) => [a.credit, a.charge, a.net])).toEqual([
      ['-20.32', '30.48', '10.16'],
      ['-15.97', '21.29', '5.32'],
    ]);
    expect(bill.total).toBe('45.48');
    expect(bill.spans.map((s) => [s.price, s.days, s.amount])).toEqual([
      ['30.00', 10, '9.68'],
      ['45.00', 10, '14.51'],
      ['60.00', 11, '21.29'],
    ]);
  });
  it('refuses changes out of order, naming the change', () => {
    expect(() => changes(march, '30', [{ date: '2026-03-20', amount: '45' }, { date: '2026-03-10', amount: '60' }], 'EUR')).toThrow(/changes\[1\]\.date/);
  });
});
