import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import { batch, debit, nth, readPain008} from './pain008.fixtures.testing';
import { pain008 } from './pain008';
import type { DirectDebitInput } from './pain008';

/** Amounts drawn as whole cents (a count, not money) and written as decimal strings. */
const cents = fc.bigInt({ min: 1n, max: 99_999_999_999n });
const toAmount = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

const randomDebit = fc.record({
  cents,
  sequenceType: fc.constantFrom('FRST', 'RCUR', 'OOFF', 'FNAL' as const),
  collectionDate: fc.constantFrom('2026-12-10', '2026-12-11', '2027-01-04'),
});

const sumCents = (items: { cents: bigint }[]) => items.reduce((s, d) => s + d.cents, 0n);

describe('pain008 properties', () => {
  it('group header and each payment block count their transactions and sum them exactly', () => {
    fc.assert(
      fc.property(fc.array(randomDebit, { minLength: 1, maxLength: 30 }), (drawn) => {
        const debits = drawn.map((d, i) => debit({ endToEndId: `E${i}`, amount: toAmount(d.cents), sequenceType: d.sequenceType, collectionDate: d.collectionDate }));
        const doc = readPain008(pain008(batch(debits)));
        expect(doc.GrpHdr.NbOfTxs).toBe(String(drawn.length));
        expect(doc.GrpHdr.CtrlSum).toBe(toAmount(sumCents(drawn)));
        for (const block of doc.PmtInf) {
          const members = drawn.filter((d) => d.sequenceType === block.PmtTpInf.SeqTp && d.collectionDate === block.ReqdColltnDt);
          expect(block.NbOfTxs).toBe(String(members.length));
          expect(block.CtrlSum).toBe(toAmount(sumCents(members)));
          expect(block.DrctDbtTxInf).toHaveLength(members.length);
        }
        expect(doc.PmtInf.reduce((n, b) => n + b.DrctDbtTxInf.length, 0)).toBe(drawn.length);
      }),
    );
  });

  it('any text in names, end-to-end ids and invoice numbers gives well-formed XML within the SEPA set and the maxima, or an error naming the field', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    const sepa = /^[A-Za-z0-9/?:().,'+ -]+$/;
    fc.assert(
      fc.property(anyText, anyText, anyText, (name, endToEndId, invoiceNumber) => {
        const d: DirectDebitInput = debit({ endToEndId, invoiceNumber, mandate: { ...debit().mandate, debtorName: name } });
        let xml: string;
        try {
          xml = pain008(batch([d]));
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          const fields = Object.keys((e as ValidationError).fields);
          expect(fields.length).toBeGreaterThan(0);
          expect(fields.every((f) => ['debits[0].endToEndId', 'debits[0].invoiceNumber', 'debits[0].mandate.debtorName'].includes(f))).toBe(true);
          return;
        }
        expect(XMLValidator.validate(xml)).toBe(true);
        const tx = nth(nth(readPain008(xml).PmtInf, 0).DrctDbtTxInf, 0);
        expect(tx.Dbtr.Nm).toMatch(sepa);
        expect(tx.RmtInf.Ustrd).toMatch(sepa);
        expect(tx.PmtId.EndToEndId).toMatch(sepa);
        expect(tx.Dbtr.Nm.length).toBeLessThanOrEqual(70);
        expect(tx.RmtInf.Ustrd.length).toBeLessThanOrEqual(140);
        expect(tx.PmtId.EndToEndId.length).toBeLessThanOrEqual(35);
      }),
    );
  });

  it('rejects a debtor name with nothing left in the SEPA set instead of writing an empty Nm', () => {
    expect(() => pain008(batch([debit({ mandate: { ...debit().mandate, debtorName: '€€ ★' } })]))).toThrow(/debits\[0\]\.mandate\.debtorName/);
  });
});
