import type { DirectDebitBatchInput, DirectDebitInput } from './pain008';
import { XMLParser } from 'fast-xml-parser';

/** A small batch: two first collections on 2026-12-10 and one recurrent on the same day. */
export const creditor = { name: 'Atelier Dupré & Fils', iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX', creditorId: 'FR72ZZZ123456' };

export function debit(overrides: Partial<DirectDebitInput> = {}): DirectDebitInput {
  return {
    endToEndId: 'F-2026-00001',
    amount: '120.00',
    sequenceType: 'FRST',
    collectionDate: '2026-12-10',
    invoiceNumber: 'F-2026-00001',
    mandate: { rum: 'RUM-0001', signedOn: '2026-11-02', debtorName: 'Boulangerie Martin', iban: 'DE89370400440532013000' },
    ...overrides,
  };
}

export function batch(debits: DirectDebitInput[]): DirectDebitBatchInput {
  return { messageId: 'MSG-2026-12-01-1', createdAt: '2026-12-01T09:30:00Z', creditor, debits };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => name === 'PmtInf' || name === 'DrctDbtTxInf',
});

export interface ParsedTransaction {
  PmtId: { EndToEndId: string };
  InstdAmt: { '#text': string; '@Ccy': string };
  DrctDbtTx: { MndtRltdInf: { MndtId: string; DtOfSgntr: string } };
  DbtrAgt: unknown;
  Dbtr: { Nm: string };
  DbtrAcct: { Id: { IBAN: string } };
  RmtInf: { Ustrd: string };
}
export interface ParsedPaymentInformation {
  [element: string]: unknown;
  NbOfTxs: string;
  CtrlSum: string;
  ReqdColltnDt: string;
  PmtTpInf: { SeqTp: string };
  DrctDbtTxInf: ParsedTransaction[];
}
export interface ParsedPain008 {
  '@xmlns': string;
  GrpHdr: { NbOfTxs: string; CtrlSum: string; [element: string]: unknown };
  PmtInf: ParsedPaymentInformation[];
}

/** The parsed document as the tests read it; PmtInf and DrctDbtTxInf always as arrays. */
export function readPain008(xml: string): ParsedPain008 {
  const doc = parser.parse(xml) as { Document: { '@xmlns': string; CstmrDrctDbtInitn: Omit<ParsedPain008, '@xmlns'> } };
  return { '@xmlns': doc.Document['@xmlns'], ...doc.Document.CstmrDrctDbtInitn };
}

/** The i-th item, or a failed test when it is missing. */
export function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`expected at least ${i + 1} items, got ${items.length}`);
  return item;
}
