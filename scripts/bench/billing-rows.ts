import { createHash } from 'node:crypto';
import { canonicalJson } from '@facturo/core';
import { seal } from '../../sync-server/src/log/keys';

/*
 * The rows a monthly billing run writes (docs/design/recurring-billing.md), made up for the billing
 * floor bench: one issued invoice per subscription, its frozen content shaped like an issued invoice
 * (seller, buyer, two lines with the period printed, VAT breakdown, French mandatory mentions), about
 * 1.5 KB of canonical JSON, sealed under the company key as commands/issue.ts seals it.
 */
export const COMPANY_ID = 'co_benchBilling0001';
export const SERIES_ID = 'sr_recurring';
export const PERIOD = '2027';
export const PERIOD_START = '2027-03-01';
const PERIOD_END = '2027-03-31';
const ISSUE_DATE = '2027-03-01';
const DUE_DATE = '2027-03-31';
const AT = '2027-03-01T01:00:00.000Z';

/** Amounts are strings (ARCHITECTURE invariant 2): one plan at 49.00 + one add-on at 12.50, VAT 20 %. */
const TOTALS = { totalWithoutVat: '61.50', vatTotal: '12.30', totalWithVat: '73.80' };

export interface Subscription {
  /** the invoice this billing will create (its id is known before its number) */
  invoiceId: string;
  subscriptionId: string;
  customerId: string;
}

export function subscriptionAt(i: number): Subscription {
  const n = String(i).padStart(8, '0');
  return { invoiceId: `dc_bill${n}`, subscriptionId: `sb_${n}`, customerId: `cu_${n}` };
}

export function invoiceNumber(seq: number): string {
  return `F-${PERIOD}-${String(seq).padStart(6, '0')}`;
}

function frozenContent(sub: Subscription, number: string): string {
  return canonicalJson({
    kind: 'invoice', id: sub.invoiceId, number, issueDate: ISSUE_DATE, dueDate: DUE_DATE, currency: 'EUR',
    seller: {
      name: 'Facturo Bench SAS', siren: '552100554', vatId: 'FR27552100554', rcsCity: 'Paris',
      address: { line1: '1 rue de la Paix', postcode: '75002', city: 'Paris', country: 'FR' },
    },
    buyer: {
      id: sub.customerId, name: `Client ${sub.customerId}`, siren: '732829320', vatId: 'FR44732829320',
      address: { line1: '12 avenue des Champs-Élysées', postcode: '75008', city: 'Paris', country: 'FR' },
    },
    subscription: { id: sub.subscriptionId, periodStart: PERIOD_START, periodEnd: PERIOD_END },
    lines: [
      { id: 'l1', description: `Abonnement Pro — période du ${PERIOD_START} au ${PERIOD_END}`, quantity: '1', unitPrice: '49.00', vatRate: '20', vatCategory: 'S', netAmount: '49.00', periodStart: PERIOD_START, periodEnd: PERIOD_END },
      { id: 'l2', description: `Option stockage 50 Go — période du ${PERIOD_START} au ${PERIOD_END}`, quantity: '1', unitPrice: '12.50', vatRate: '20', vatCategory: 'S', netAmount: '12.50', periodStart: PERIOD_START, periodEnd: PERIOD_END },
    ],
    vatBreakdown: [{ category: 'S', rate: '20', taxableAmount: '61.50', taxAmount: '12.30' }],
    totals: { lineTotal: '61.50', ...TOTALS, amountDue: TOTALS.totalWithVat },
    payment: { means: '59', mandateReference: `RUM-${sub.subscriptionId}`, creditorId: 'FR72ZZZ123456' },
    // CGI art. 242 nonies A and C. com. L441-10: late-payment penalties and the 40 € recovery indemnity are printed.
    mentions: [
      'Pénalités de retard : trois fois le taux d\'intérêt légal, exigibles dès le lendemain de l\'échéance.',
      'Indemnité forfaitaire pour frais de recouvrement : 40 €. Pas d\'escompte pour paiement anticipé.',
    ],
  });
}

export interface InvoiceRow {
  args: (string | number | Buffer | null)[];
  number: string;
  sha256: string;
  bytes: number;
}

export const DOCUMENT_COLUMNS = `id, company_id, kind, status, customer_id, series_id, period, seq, number, issue_date, due_date, currency,
  total_excl, total_tax, total_incl, content_key_id, content_iv, content, content_sha256, created_at, updated_at, issued_at, issued_by`;
const COLUMN_COUNT = 23;

/** The frozen invoice of `sub` numbered `seq`: its canonical JSON hashed and sealed, as a documents row. */
export function invoiceRow(sub: Subscription, seq: number, key: { keyId: string; key: Buffer }): InvoiceRow {
  const number = invoiceNumber(seq);
  const content = frozenContent(sub, number);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const bytes = new TextEncoder().encode(content);
  const sealed = seal(key.key, bytes, `document:${COMPANY_ID}:${sub.invoiceId}`);
  return {
    number, sha256, bytes: bytes.length,
    args: [sub.invoiceId, COMPANY_ID, 'invoice', 'issued', sub.customerId, SERIES_ID, PERIOD, seq, number, ISSUE_DATE, DUE_DATE, 'EUR',
      TOTALS.totalWithoutVat, TOTALS.vatTotal, TOTALS.totalWithVat, key.keyId, sealed.iv, sealed.data, sha256, AT, AT, AT, 'system:billing'],
  };
}

/** One multi-row INSERT for a chunk (23 parameters a row: 500 rows stay under SQLite's 32,766). */
export function insertDocuments(rows: InvoiceRow[]): { sql: string; args: (string | number | Buffer | null)[] } {
  const one = `(${Array.from({ length: COLUMN_COUNT }, () => '?').join(', ')})`;
  return { sql: `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES ${Array.from({ length: rows.length }, () => one).join(', ')}`, args: rows.flatMap((r) => r.args) };
}
