import { z } from 'zod';
import { renderDocument, leaf, node, type XmlElement } from '../documents/xml/writer';
import { Money, formatAmount } from '../money';
import { parseOrThrow, decimalString } from '../schema/fields';
import { checkCreditorIdentifier } from './creditor-identifier';
import { cut, toSepaIdentifier, toSepaText } from './charset';
import { ibanCode, isoDate, mandateInput, optionalBic } from './mandate';
import type { SequenceType } from './sequence';

/*
 * The customer-to-bank direct debit file, ISO 20022 pain.008.001.02 as the EPC SDD Core
 * customer-to-bank implementation guidelines profile it: one group header, one payment information
 * block per (sequence type, due date), since both are set at that level, and one transaction per debit.
 * Written with the in-house XML writer of core/documents (already escaping, deterministic, no new
 * dependency); fast-xml-parser, already a dependency, reads it back in the tests.
 */

export const pain008Namespace = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02';

const checked = (check: (v: string) => { ok: true; normalized: string } | { ok: false; message: string }) =>
  z.string().transform((value, ctx) => {
    const result = check(value);
    if (result.ok) return result.normalized;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  });

/** EPC guidelines: an amount from 0.01 to 999999999.99 euros, in cents. */
const amount = decimalString.refine((v) => {
  const d = new Money(v);
  return d.decimalPlaces() <= 2 && d.gte('0.01') && d.lte('999999999.99');
}, 'an amount in euros from 0.01 to 999999999.99, at most 2 decimals');

const identifier = z.string().trim().min(1).max(35).regex(/^[A-Za-z0-9/?:().,'+ -]+$/, "only letters, digits, spaces and / - ? : ( ) . , ' +");

/** A text the file must carry: something must remain once reduced to the SEPA set, or the element would be empty. */
const sepaText = (what: string) =>
  z.string().refine((v) => toSepaText(v) !== '', `enter the ${what} (letters or digits: nothing is left once reduced to the SEPA character set)`);

export const directDebitInput = z.object({
  endToEndId: z.string().refine((v) => toSepaIdentifier(v, 35) !== '', 'enter the end-to-end id (letters or digits)'),
  amount,
  sequenceType: z.enum(['FRST', 'RCUR', 'OOFF', 'FNAL']),
  collectionDate: isoDate,
  invoiceNumber: sepaText('invoice number'),
  mandate: mandateInput.pick({ rum: true, signedOn: true, iban: true, bic: true }).extend({ debtorName: sepaText("debtor's name") }),
});

export const directDebitBatch = z.object({
  messageId: identifier,
  /** ISODateTime of the file's creation, given by the caller (core has no clock). */
  createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/, 'a date-time such as 2026-12-01T09:30:00Z'),
  batchBooking: z.boolean().default(true),
  creditor: z.object({
    name: sepaText("creditor's name"),
    iban: ibanCode,
    bic: optionalBic,
    creditorId: checked(checkCreditorIdentifier),
  }),
  debits: z.array(directDebitInput).min(1, 'a batch holds at least one direct debit'),
});
export type DirectDebitInput = z.input<typeof directDebitInput>;
export type DirectDebitBatchInput = z.input<typeof directDebitBatch>;
type Batch = z.output<typeof directDebitBatch>;
type Debit = Batch['debits'][number];

const text = (value: string, max: number) => cut(toSepaText(value), max);

function sumOf(debits: Debit[]): string {
  return formatAmount(debits.reduce((s, d) => s.plus(d.amount), new Money(0)));
}

/** Debits grouped by (sequence type, due date), groups in order of first appearance. */
function paymentGroups(debits: Debit[]): { sequenceType: SequenceType; date: string; debits: Debit[] }[] {
  const groups = new Map<string, { sequenceType: SequenceType; date: string; debits: Debit[] }>();
  for (const d of debits) {
    const key = `${d.sequenceType} ${d.collectionDate}`;
    const group = groups.get(key) ?? { sequenceType: d.sequenceType, date: d.collectionDate, debits: [] };
    group.debits.push(d);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** EPC guidelines since 2016: without a BIC the agent is identified as "NOTPROVIDED" (IBAN-only). */
function agent(bic: string | undefined): XmlElement {
  return node('FinInstnId', [bic === undefined ? node('Othr', [leaf('Id', 'NOTPROVIDED')]) : leaf('BIC', bic)]);
}

function transaction(d: Debit): XmlElement {
  return node('DrctDbtTxInf', [
    node('PmtId', [leaf('EndToEndId', toSepaIdentifier(d.endToEndId, 35))]),
    leaf('InstdAmt', formatAmount(new Money(d.amount)), { Ccy: 'EUR' }),
    node('DrctDbtTx', [node('MndtRltdInf', [leaf('MndtId', d.mandate.rum), leaf('DtOfSgntr', d.mandate.signedOn)])]),
    node('DbtrAgt', [agent(d.mandate.bic)]),
    node('Dbtr', [leaf('Nm', text(d.mandate.debtorName, 70))]),
    node('DbtrAcct', [node('Id', [leaf('IBAN', d.mandate.iban)])]),
    node('RmtInf', [leaf('Ustrd', text(d.invoiceNumber, 140))]),
  ]);
}

function paymentInformation(batch: Batch, group: ReturnType<typeof paymentGroups>[number], index: number): XmlElement {
  const suffix = `-${index + 1}`;
  const { creditor } = batch;
  return node('PmtInf', [
    leaf('PmtInfId', `${batch.messageId.slice(0, 35 - suffix.length)}${suffix}`),
    leaf('PmtMtd', 'DD'),
    leaf('BtchBookg', String(batch.batchBooking)),
    leaf('NbOfTxs', String(group.debits.length)),
    leaf('CtrlSum', sumOf(group.debits)),
    node('PmtTpInf', [
      node('SvcLvl', [leaf('Cd', 'SEPA')]),
      node('LclInstrm', [leaf('Cd', 'CORE')]),
      leaf('SeqTp', group.sequenceType),
    ]),
    leaf('ReqdColltnDt', group.date),
    node('Cdtr', [leaf('Nm', text(creditor.name, 70))]),
    node('CdtrAcct', [node('Id', [leaf('IBAN', creditor.iban)])]),
    node('CdtrAgt', [agent(creditor.bic)]),
    // EPC guidelines: SLEV (each party pays its own bank's charges) is the only value SEPA allows.
    leaf('ChrgBr', 'SLEV'),
    node('CdtrSchmeId', [
      node('Id', [node('PrvtId', [node('Othr', [leaf('Id', creditor.creditorId), node('SchmeNm', [leaf('Prtry', 'SEPA')])])])]),
    ]),
    ...group.debits.map(transaction),
  ]);
}

/** The pain.008.001.02 file of a batch; throws ValidationError naming each wrong field (`debits[2].amount`, …). */
export function pain008(input: DirectDebitBatchInput): string {
  const batch = parseOrThrow(directDebitBatch, input);
  const groups = paymentGroups(batch.debits);
  const root = node(
    'Document',
    [
      node('CstmrDrctDbtInitn', [
        node('GrpHdr', [
          leaf('MsgId', batch.messageId),
          leaf('CreDtTm', batch.createdAt),
          leaf('NbOfTxs', String(batch.debits.length)),
          leaf('CtrlSum', sumOf(batch.debits)),
          node('InitgPty', [leaf('Nm', text(batch.creditor.name, 70))]),
        ]),
        ...groups.map((g, i) => paymentInformation(batch, g, i)),
      ]),
    ],
    { xmlns: pain008Namespace },
  );
  return renderDocument(root);
}
