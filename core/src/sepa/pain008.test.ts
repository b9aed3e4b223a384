import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../schema/fields';
import { batch, creditor, debit, nth, readPain008 } from './pain008.fixtures.testing';
import { pain008, pain008Namespace } from './pain008';

const threeDebits = batch([
  debit({ endToEndId: 'E1', amount: '120.00', invoiceNumber: 'F-2026-00001' }),
  debit({ endToEndId: 'E2', amount: '80.5', invoiceNumber: 'F-2026-00002', mandate: { rum: 'RUM-0002', signedOn: '2026-10-01', debtorName: 'Café Léa', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' } }),
  debit({ endToEndId: 'E3', amount: '45.25', sequenceType: 'RCUR', invoiceNumber: 'F-2026-00003' }),
]);

describe('pain008: a batch of 2 FRST and 1 RCUR', () => {
  const init = readPain008(pain008(threeDebits));

  it('is well-formed XML in the pain.008.001.02 namespace', () => {
    expect(XMLValidator.validate(pain008(threeDebits))).toBe(true);
    expect(init['@xmlns']).toBe(pain008Namespace);
  });

  it('counts 3 transactions for 245.75 in the group header, with the given creation time and initiating party', () => {
    expect(init.GrpHdr).toEqual({
      MsgId: 'MSG-2026-12-01-1',
      CreDtTm: '2026-12-01T09:30:00Z',
      NbOfTxs: '3',
      CtrlSum: '245.75',
      InitgPty: { Nm: 'Atelier Dupre + Fils' },
    });
  });

  it('makes one payment information block per sequence type, with its own count and sum', () => {
    expect(init.PmtInf.map((p) => [p.PmtTpInf.SeqTp, p.NbOfTxs, p.CtrlSum])).toEqual([['FRST', '2', '200.50'], ['RCUR', '1', '45.25']]);
  });

  it('fills every mandatory element of a payment information block', () => {
    const p = nth(init.PmtInf, 0);
    expect(p.PmtInfId).toBe('MSG-2026-12-01-1-1');
    expect(p.PmtMtd).toBe('DD');
    expect(p.BtchBookg).toBe('true');
    expect(p.PmtTpInf).toEqual({ SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: 'FRST' });
    expect(p.ReqdColltnDt).toBe('2026-12-10');
    expect(p.Cdtr).toEqual({ Nm: 'Atelier Dupre + Fils' });
    expect(p.CdtrAcct).toEqual({ Id: { IBAN: creditor.iban } });
    expect(p.CdtrAgt).toEqual({ FinInstnId: { BIC: 'BNPAFRPPXXX' } });
    expect(p.ChrgBr).toBe('SLEV');
    expect(p.CdtrSchmeId).toEqual({ Id: { PrvtId: { Othr: { Id: 'FR72ZZZ123456', SchmeNm: { Prtry: 'SEPA' } } } } });
  });

  it('fills every mandatory element of a transaction, amounts with 2 decimals', () => {
    expect(nth(nth(init.PmtInf, 0).DrctDbtTxInf, 1)).toEqual({
      PmtId: { EndToEndId: 'E2' },
      InstdAmt: { '#text': '80.50', '@Ccy': 'EUR' },
      DrctDbtTx: { MndtRltdInf: { MndtId: 'RUM-0002', DtOfSgntr: '2026-10-01' } },
      DbtrAgt: { FinInstnId: { BIC: 'AGRIFRPP' } },
      Dbtr: { Nm: 'Cafe Lea' },
      DbtrAcct: { Id: { IBAN: 'FR7630006000011234567890189' } },
      RmtInf: { Ustrd: 'F-2026-00002' },
    });
  });

  it('writes NOTPROVIDED as the debtor agent when the mandate has no BIC', () => {
    expect(nth(nth(init.PmtInf, 1).DrctDbtTxInf, 0).DbtrAgt).toEqual({ FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } });
  });

  it('writes the elements in the order of the schema', () => {
    const xml = pain008(threeDebits);
    const order = ['<PmtInfId>', '<PmtMtd>', '<BtchBookg>', '<NbOfTxs>', '<CtrlSum>', '<PmtTpInf>', '<ReqdColltnDt>', '<Cdtr>', '<CdtrAcct>', '<CdtrAgt>', '<ChrgBr>', '<CdtrSchmeId>', '<DrctDbtTxInf>'];
    const positions = order.map((tag) => xml.indexOf(tag, xml.indexOf('<PmtInf>')));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('pain008: grouping and limits', () => {
  it('separates debits of the same sequence type due on different dates', () => {
    const xml = pain008(batch([debit(), debit({ endToEndId: 'E2', collectionDate: '2026-12-11' }), debit({ endToEndId: 'E3' })]));
    const blocks = readPain008(xml).PmtInf;
    expect(blocks.map((p) => [p.ReqdColltnDt, p.NbOfTxs])).toEqual([['2026-12-10', '2'], ['2026-12-11', '1']]);
  });

  it('cuts names to 70 characters, remittance to 140 and end-to-end ids to 35', () => {
    const long = debit({ endToEndId: 'E'.repeat(50), invoiceNumber: 'F'.repeat(200), mandate: { ...debit().mandate, debtorName: 'N'.repeat(100) } });
    const tx = nth(nth(readPain008(pain008(batch([long]))).PmtInf, 0).DrctDbtTxInf, 0);
    expect([tx.PmtId.EndToEndId.length, tx.Dbtr.Nm.length, tx.RmtInf.Ustrd.length]).toEqual([35, 70, 140]);
  });

  it('rejects a zero amount, sub-cent amounts and a bad IBAN, naming each field', () => {
    const bad = batch([debit({ amount: '0' }), debit({ amount: '1.005' }), debit({ mandate: { ...debit().mandate, iban: 'FR00123' } })]);
    try {
      pain008(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(Object.keys((e as ValidationError).fields).sort()).toEqual(['debits[0].amount', 'debits[1].amount', 'debits[2].mandate.iban']);
    }
  });

  it('rejects an empty batch and a wrong creditor identifier', () => {
    expect(() => pain008({ ...batch([]), creditor: { ...creditor, creditorId: 'FR71ZZZ123456' } })).toThrow(/debits.*creditor\.creditorId|creditor\.creditorId.*debits/);
  });
});
