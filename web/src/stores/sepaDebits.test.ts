import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bankAnswer, creditorFixes, debitChip, dueBy, fileNameOf, rejectReasonKey, rejectReasons, shortDay } from './sepaDebits';

const pending = (amount: string, collectionDate: string) => ({ amount, currency: 'EUR', collectionDate });

describe('the direct debits screen', () => {
  it('sums the pending collections due by the cut-off date, to the cent', () => {
    const list = [pending('49.90', '2027-03-10'), pending('0.10', '2027-03-15'), pending('1200.00', '2027-04-01')];
    expect(dueBy(list, '2027-03-15')).toEqual({ count: 2, total: '50.00', currency: 'EUR' });
  });

  it('takes every pending collection when no cut-off date is given', () => {
    expect(dueBy([pending('0.10', '2027-03-10'), pending('0.20', '2027-05-01')], '')).toEqual({ count: 2, total: '0.30', currency: 'EUR' });
  });

  it('answers nothing due with a zero total', () => {
    expect(dueBy([pending('10.00', '2027-05-01')], '2027-04-30')).toEqual({ count: 0, total: '0.00', currency: 'EUR' });
  });

  it('never loses a cent however the cut-off splits the collections', () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2027-03-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(cents, day), { maxLength: 30 }), day, (rows, cut) => {
        const list = rows.map(([c, d]) => pending(`${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`, d)); // number-ok: cents
        const before = dueBy(list, cut);
        const after = dueBy(list.filter((c) => c.collectionDate > cut), '');
        const all = dueBy(list, '');
        const sumCents = (t: string) => BigInt(t.replace('.', ''));
        expect(sumCents(before.total) + sumCents(after.total)).toBe(sumCents(all.total));
        expect(before.count + after.count).toBe(list.length);
      }),
    );
  });

  it('sends the ticked lines with their reason, in the batch order, and nothing for the settled ones', () => {
    const lines = [{ invoiceId: 'a' }, { invoiceId: 'b' }, { invoiceId: 'c' }];
    expect(bankAnswer(lines, new Map([['c', 'MS02'], ['a', 'AM04']]))).toEqual({ rejected: [{ invoiceId: 'a', reason: 'AM04' }, { invoiceId: 'c', reason: 'MS02' }] });
    expect(bankAnswer(lines, new Map())).toEqual({ rejected: [] });
  });

  it('ignores a tick on an invoice that is not in the batch', () => {
    expect(bankAnswer([{ invoiceId: 'a' }], new Map([['zz', 'AM04']]))).toEqual({ rejected: [] });
  });

  it('names every common R-transaction code in words, and leaves other reasons as the bank wrote them', () => {
    for (const code of rejectReasons) expect(rejectReasonKey(code)).toBe(`sepaReject.${code}`);
    expect(rejectReasonKey(' am04 ')).toBe('sepaReject.AM04');
    expect(rejectReasonKey('mandate lapsed (36 months)')).toBeNull();
    expect(rejectReasonKey(null)).toBeNull();
  });

  it("saves the pain.008 file under the server's name", () => {
    expect(fileNameOf('attachment; filename="FACTURO-7Hq2.xml"', 'x.xml')).toBe('FACTURO-7Hq2.xml');
    expect(fileNameOf("attachment; filename=\"a.xml\"; filename*=UTF-8''pr%C3%A9l%C3%A8vement.xml", 'x.xml')).toBe('prélèvement.xml');
    expect(fileNameOf('attachment; filename=plain.xml', 'x.xml')).toBe('plain.xml');
  });

  it('falls back to a name of its own when the header names none or only a path', () => {
    expect(fileNameOf(null, 'FACTURO-1.xml')).toBe('FACTURO-1.xml');
    expect(fileNameOf('attachment', 'FACTURO-1.xml')).toBe('FACTURO-1.xml');
    expect(fileNameOf('attachment; filename="../../etc/passwd"', 'f.xml')).toBe('etc-passwd');
  });

  it('lists the settings to complete in the order of the settings page, each with where to fill it in', () => {
    const fixes = creditorFixes({ iban: 'enter the IBAN', sepaCreditorId: 'enter the ICS', legalName: 'enter the name' });
    expect(fixes.map((f) => [f.field, f.anchor])).toEqual([
      ['legalName', 'field-legalName'],
      ['sepaCreditorId', 'field-sepaCreditorId'],
      ['iban', 'field-iban'],
    ]);
    expect(fixes[1]?.message).toBe('enter the ICS');
  });

  it('sends the BIC to the bank details and an unknown setting to its own field', () => {
    expect(creditorFixes({ bic: 'x', country: 'y' }).map((f) => f.anchor)).toEqual(['field-iban', 'field-country']);
  });
});

describe("an invoice's direct debit in the list", () => {
  it('says when a pending debit will be taken', () => {
    expect(debitChip({ status: 'pending', collectionDate: '2027-03-15' })).toEqual({ key: 'debit.pending', tone: 'waiting', date: '2027-03-15' });
    expect(shortDay('2027-03-15')).toBe('15/03');
  });

  it('tells each later state apart by its words and colour', () => {
    const chips = (['batched', 'confirmed', 'rejected', 'cancelled'] as const).map((status) => debitChip({ status, collectionDate: '2027-03-15' }));
    expect(chips.map((c) => c?.key)).toEqual(['debit.batched', 'debit.confirmed', 'debit.rejected', 'debit.cancelled']);
    expect(new Set(chips.map((c) => c?.tone)).size).toBe(4);
  });

  it('shows nothing for an invoice without a direct debit', () => {
    expect(debitChip(null)).toBeNull();
    expect(debitChip(undefined)).toBeNull();
  });
});
