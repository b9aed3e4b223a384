import type { Transaction } from '@libsql/client';
import { docIds } from '@facturo/core';
import { inWriteTransaction } from '../../sync-server/src/db';
import type { NewEntry } from '../../sync-server/src/log';
import type { Services } from '../../sync-server/src/services';
import { COMPANY_ID, insertDocuments, invoiceRow, PERIOD, PERIOD_START, SERIES_ID, subscriptionAt, type InvoiceRow, type Subscription } from './billing-rows';

/*
 * The write path of a future billing run, chunk by chunk (docs/design/recurring-billing.md, "Shape" 2),
 * and the bare insert it is measured against. Each part of a chunk is timed inside its transaction;
 * COMMIT is what the chunk's promise takes after its callback returned.
 */
export type Variant = 'floor' | 'perInvoice' | 'perInvoiceOneFrame' | 'perChunk';

export interface Parts {
  build: number;
  claims: number;
  numbering: number;
  documents: number;
  log: number;
  commit: number;
}

export const emptyParts = (): Parts => ({ build: 0, claims: 0, numbering: 0, documents: 0, log: 0, commit: 0 });

/** The scratch tables and rows a run needs, outside what is timed. */
export async function prepareRun(s: Services): Promise<{ keyId: string; key: Buffer }> {
  await s.db.execute({ sql: `INSERT INTO companies (id, slug, name, created_at) VALUES (?, 'bench-billing', 'Bench Billing', '2027-01-01T00:00:00Z')`, args: [COMPANY_ID] });
  await s.db.execute({ sql: 'INSERT INTO series_counters (company_id, series_id, period, last_seq) VALUES (?, ?, ?, 0)', args: [COMPANY_ID, SERIES_ID, PERIOD] });
  await s.log.prepare(COMPANY_ID);
  return s.keys.current(COMPANY_ID);
}

const lap = (parts: Parts, part: keyof Parts, since: number): number => {
  const now = performance.now();
  parts[part] += now - since;
  return now;
};

/** The floor: the same documents rows, numbered and sealed beforehand, one multi-row INSERT per transaction. */
async function floorChunk(s: Services, subs: Subscription[], firstSeq: number, key: { keyId: string; key: Buffer }, parts: Parts): Promise<InvoiceRow[]> {
  const t = performance.now();
  const rows = subs.map((sub, k) => invoiceRow(sub, firstSeq + k, key));
  lap(parts, 'build', t);
  let end = 0;
  const start = performance.now();
  await inWriteTransaction(s.db, async (tx) => {
    await tx.execute(insertDocuments(rows));
    end = lap(parts, 'documents', start);
  });
  lap(parts, 'commit', end);
  return rows;
}

function logEntries(variant: Variant, rows: InvoiceRow[], subs: Subscription[]): NewEntry[] {
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  const base = { companyId: COMPANY_ID, kind: 'command' as const, actor: 'system:billing', device: null };
  if (variant === 'perChunk') {
    return [{ ...base, docId: null, payload: encode({ type: 'recurring_invoices_issued', periodStart: PERIOD_START, invoices: rows.map((r, k) => ({ id: subs[k]!.invoiceId, number: r.number, contentSha256: r.sha256 })) }) }];
  }
  // perInvoice: logged under each invoice's own document id (as issue.ts logs), so each entry is a frame and a
  // log row of its own; perInvoiceOneFrame: the same entries with no document id, so a chunk's share one frame.
  return rows.map((r, k) => ({
    ...base, docId: variant === 'perInvoice' ? docIds.document(COMPANY_ID, subs[k]!.invoiceId) : null,
    payload: encode({ type: 'recurring_invoice_issued', id: subs[k]!.invoiceId, number: r.number, contentSha256: r.sha256 }),
  }));
}

async function claim(tx: Transaction, subs: Subscription[]): Promise<Set<string>> {
  const rs = await tx.execute({
    sql: `INSERT INTO subscription_billings (company_id, subscription_id, period_start, period_end, invoice_id, status, billed_at) VALUES ${subs.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
          ON CONFLICT DO NOTHING RETURNING invoice_id`,
    args: subs.flatMap((sub) => [COMPANY_ID, sub.subscriptionId, PERIOD_START, '2027-04-01', sub.invoiceId, 'issued', '2027-03-01T01:00:00.000Z']),
  });
  return new Set(rs.rows.map((r) => String(r.invoice_id)));
}

/** One chunk of the billing run's write path, in one transaction: claims, a block of numbers, documents, log. */
async function runChunk(s: Services, variant: Variant, batch: Subscription[], key: { keyId: string; key: Buffer }, parts: Parts): Promise<InvoiceRow[]> {
  let end = 0;
  const rows = await inWriteTransaction(s.db, async (tx) => {
    let t = performance.now();
    const claimed = await claim(tx, batch);
    const subs = batch.filter((sub) => claimed.has(sub.invoiceId));
    t = lap(parts, 'claims', t);
    if (subs.length === 0) return [];
    // The chunk owns [last_seq − n + 1, last_seq]: consecutive numbers, taken and used in this transaction only.
    const counter = await tx.execute({
      sql: 'UPDATE series_counters SET last_seq = last_seq + ? WHERE company_id = ? AND series_id = ? AND period = ? RETURNING last_seq',
      args: [subs.length, COMPANY_ID, SERIES_ID, PERIOD],
    });
    const first = Number(counter.rows[0]!.last_seq) - subs.length + 1;
    t = lap(parts, 'numbering', t);
    const made = subs.map((sub, k) => invoiceRow(sub, first + k, key));
    t = lap(parts, 'build', t);
    await tx.execute(insertDocuments(made));
    t = lap(parts, 'documents', t);
    await s.log.appendWithin(tx, logEntries(variant, made, subs));
    end = lap(parts, 'log', t);
    return made;
  });
  lap(parts, 'commit', end);
  return rows;
}

/** Writes `size` billings in chunks of `chunk`; returns the content bytes of the first invoice. */
export async function writeBillings(s: Services, variant: Variant, size: number, chunk: number, key: { keyId: string; key: Buffer }, parts: Parts): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < size; i += chunk) {
    const subs = Array.from({ length: Math.min(chunk, size - i) }, (_, k) => subscriptionAt(i + k));
    const rows = variant === 'floor' ? await floorChunk(s, subs, i + 1, key, parts) : await runChunk(s, variant, subs, key, parts);
    bytes ||= rows[0]?.bytes ?? 0;
  }
  return bytes;
}
