import type { Identifier, Invoice } from '../xml/model';
import { missing, rule, when, type BusinessRule, type Finding } from './rule';

/*
 * The French rules (BR-FR-…) of the 2026 e-invoicing reform, as the FNFE-MPE schematron for the
 * EN 16931 profile (v1.4.0, "Flux 2") states them, on what Facturo emits. Left out: BR-FR-11 and
 * BR-FR-20/21/22/31 (we write no BAR note), BR-FR-17/18/29/30 (no attachments, no invoiced
 * objects), BR-FR-24/26 (no 0224 identifiers), BR-FR-27/28 (no item attributes), the multi-vendor
 * and bidirectional rules (BR-FR-MV-…, BR-FR-BD-…).
 *
 * Our reading, not the schematron's letter: French e-invoicing carries B2B invoices (a sale to an
 * individual is e-reported instead), so the buyer's electronic address (BR-FR-12) and the recovery
 * indemnity note (PMT in BR-FR-05), which French law owes between professionals only, are required
 * when the buyer is a business: identified by a SIREN (BT-47) or a VAT number (BT-48).
 */

export const isBusinessBuyer = (inv: Invoice): boolean => !missing(inv.buyer.legalId?.id) || !missing(inv.buyer.vatId);

/** BR-FR-04: the UNTDID 1001 type codes French e-invoicing accepts. */
const frenchTypeCodes = ['380', '389', '393', '501', '386', '500', '384', '471', '472', '473', '261', '262', '381', '396', '502', '503'];

/** BR-FR-08: the cadres de facturation (rule G1.02). */
const billingFrames = ['B1', 'S1', 'M1', 'B2', 'S2', 'M2', 'S3', 'B4', 'S4', 'M4', 'S5', 'S6', 'B7', 'S7', 'B8', 'S8', 'M8', 'B9', 'S9', 'M9'];

/** BR-FR-15: the VAT categories that exist in France. */
const frenchCategories = ['S', 'E', 'AE', 'K', 'G', 'O', 'Z'];

/** BR-FR-16: the rates French VAT has or had (mainland, Corsica, overseas), as written in the XML. */
const frenchRates = [
  '0', '0.0', '0.00', '10', '10.0', '10.00', '13', '13.0', '13.00', '20', '20.0', '20.00', '8.5', '8.50', '19.6', '19.60', '2.1', '2.10',
  '5.5', '5.50', '7', '7.0', '7.00', '20.6', '20.60', '1.05', '0.9', '0.90', '1.75', '9.2', '9.20', '9.6', '9.60',
]; // prettier-ignore

const invoiceNumber = /^[A-Za-z0-9+\-_/]+$/;

function numbers(inv: Invoice): { path: string; value: string }[] {
  return [{ path: 'number', value: inv.number }, ...inv.precedingInvoices.map((p, i) => ({ path: `precedingInvoices[${i}].number`, value: p.number }))];
}

/** A real calendar date between 2000 and 2099. */
function plausibleDate(iso: string): boolean {
  const m = /^(20\d\d)-(\d\d)-(\d\d)$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of the next month: this month's length
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

function dates(inv: Invoice): { path: string; value: string | undefined }[] {
  return [
    { path: 'issueDate', value: inv.issueDate },
    { path: 'dueDate', value: inv.dueDate },
    { path: 'delivery.date', value: inv.delivery?.date },
    ...inv.precedingInvoices.map((p, i) => ({ path: `precedingInvoices[${i}].issueDate`, value: p.issueDate })),
  ];
}

function vatItems(inv: Invoice): { path: string; category?: string; rate?: string }[] {
  return [
    ...inv.vatBreakdown.map((v, i) => ({ path: `vatBreakdown[${i}]`, category: v.category, rate: v.rate })),
    ...inv.lines.map((l, i) => ({ path: `lines[${i}]`, category: l.vatCategory, rate: l.vatRate })),
    ...inv.allowances.map((a, i) => ({ path: `allowances[${i}]`, category: a.vatCategory, rate: a.vatRate })),
    ...inv.charges.map((c, i) => ({ path: `charges[${i}]`, category: c.vatCategory, rate: c.vatRate })),
  ];
}

const notes = (inv: Invoice, code: string) => inv.notes.filter((n) => n.subjectCode === code);

function electronicAddresses(inv: Invoice): { path: string; address: Identifier }[] {
  return (['seller', 'buyer'] as const).flatMap((role) => {
    const address = inv[role].electronicAddress;
    return address ? [{ path: `${role}.electronicAddress`, address }] : [];
  });
}

/** BR-FR-09: a SIRET (scheme 0009) is 14 digits starting with the party's SIREN. */
function siretCoherence(inv: Invoice): Finding[] {
  return (['seller', 'buyer'] as const).flatMap((role) => {
    const party = inv[role];
    const siren = party.legalId?.scheme === '0002' ? party.legalId.id : undefined;
    return party.identifiers.flatMap((id, i) =>
      when(id.scheme === '0009' && !(/^\d{14}$/.test(id.id) && id.id.slice(0, 9) === siren), `${role}.identifiers[${i}]`, `the SIRET ${id.id} must be 14 digits starting with the SIREN ${siren ?? '(none)'} (BR-FR-09)`),
    );
  });
}

export const frenchRules: BusinessRule[] = [
  rule('BR-FR-01', (inv) => numbers(inv).flatMap(({ path, value }) => when(value.length > 35, path, `${value} is longer than 35 characters (BR-FR-01)`))),
  rule('BR-FR-02', (inv) =>
    numbers(inv).flatMap(({ path, value }) => when(value !== '' && !invoiceNumber.test(value), path, `${value} has characters other than letters, digits and + - _ / (BR-FR-02)`)),
  ),
  rule('BR-FR-03', (inv) => dates(inv).flatMap(({ path, value }) => when(value !== undefined && value !== '' && !plausibleDate(value), path, `${value} is not a date between 2000 and 2099 (BR-FR-03)`))),
  rule('BR-FR-04', (inv) => when(!frenchTypeCodes.includes(inv.typeCode), 'typeCode', `type code ${inv.typeCode} is not one French e-invoicing accepts (BR-FR-04)`)),
  rule('BR-FR-05', (inv): Finding[] => {
    const needed = isBusinessBuyer(inv) ? ['PMD', 'PMT', 'AAB'] : ['PMD', 'AAB'];
    const labels: Record<string, string> = { PMD: 'late-payment penalties', PMT: 'fixed recovery indemnity', AAB: 'early-payment discount or its absence' };
    return needed.flatMap((code) => when(notes(inv, code).length === 0, 'notes', `the ${labels[code]} note (subject code ${code}) is missing (BR-FR-05)`));
  }),
  rule('BR-FR-06', (inv) => ['PMT', 'PMD', 'AAB', 'TXD'].flatMap((code) => when(notes(inv, code).length > 1, 'notes', `subject code ${code} is on more than one note (BR-FR-06)`))),
  rule('BR-FR-08', (inv) =>
    when(!billingFrames.includes(inv.businessProcess ?? ''), 'businessProcess', `the cadre de facturation (BT-23) is ${inv.businessProcess ? `${inv.businessProcess}, not a French one` : 'missing'} (BR-FR-08)`),
  ),
  rule('BR-FR-09', siretCoherence),
  rule('BR-FR-10', (inv) => {
    const siren = inv.seller.legalId?.scheme === '0002' ? inv.seller.legalId.id : undefined;
    return when(!siren || !/^\d{9}$/.test(siren), 'seller.legalId', 'the seller’s SIREN (BT-30, scheme 0002) is required: 9 digits (BR-FR-10)');
  }),
  rule('BR-FR-12', (inv) => when(isBusinessBuyer(inv) && missing(inv.buyer.electronicAddress?.id), 'buyer.electronicAddress', 'the buyer’s electronic address (BT-49) is required (BR-FR-12)')),
  rule('BR-FR-13', (inv) => when(missing(inv.seller.electronicAddress?.id), 'seller.electronicAddress', 'the seller’s electronic address (BT-34) is required (BR-FR-13)')),
  rule('BR-FR-15', (inv) =>
    vatItems(inv).flatMap(({ path, category }) => when(!frenchCategories.includes(category ?? ''), `${path}.vatCategory`, `VAT category ${category ?? '(none)'} does not exist in France: use S, E, AE, K, G, O or Z (BR-FR-15)`)),
  ),
  rule('BR-FR-16', (inv) =>
    vatItems(inv).flatMap(({ path, rate }) => when(rate !== undefined && !frenchRates.includes(rate), `${path}.vatRate`, `${rate} % is not a French VAT rate (BR-FR-16)`)),
  ),
  rule('BR-FR-23', (inv) =>
    electronicAddresses(inv).flatMap(({ path, address }) =>
      when(address.scheme === '0225' && !/^[A-Za-z0-9+\-_.]+$/.test(address.id), path, `${address.id}: a directory address has only letters, digits and + - _ . (BR-FR-23)`),
    ),
  ),
  rule('BR-FR-25', (inv) => electronicAddresses(inv).flatMap(({ path, address }) => when(address.id.length > 125, path, `an electronic address has at most 125 characters (BR-FR-25)`))),
  rule('BR-FR-32', (inv) =>
    (['seller', 'buyer'] as const).flatMap((role) => {
      const sirens = [...(inv[role].legalId ? [{ id: inv[role].legalId, path: `${role}.legalId` }] : []), ...inv[role].identifiers.map((id, i) => ({ id, path: `${role}.identifiers[${i}]` }))];
      return sirens.flatMap(({ id, path }) => when(id.scheme === '0002' && !/^\d{9}$/.test(id.id), path, `the SIREN ${id.id} must be exactly 9 digits (BR-FR-32)`));
    }),
  ),
];
