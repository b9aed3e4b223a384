import { createHash } from 'node:crypto';
import type { Row, Transaction } from '@libsql/client';
import {
  earliestCollection, formatAmount, MandateUseError, mandateLapsed, Money, pain008, sequenceType, ValidationError,
  type BatchView, type CreatedBatch, type DirectDebitInput, type SequenceType,
} from '@facturo/core';
import { companyToday } from '../commands/issue';
import type { Actor, Outcome } from '../commands/run';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { open, seal } from '../log/keys';
import type { Services } from '../services';
import { sepaCommand } from './command';
import { creditorOf, type Creditor } from './creditor';
import { mandatesByIds, type StoredMandate } from './mandates';

/*
 * pain.008 batches (docs/design/subscriptions-api.md "SEPA"): every pending collection due by a date goes into one
 * customer-to-bank file, written by core's pain008 (pain.008.001.02, EPC SDD Core guidelines). The file is sealed
 * under the company's key and stored with its SHA-256 in the transaction that turns its collections `batched`, so
 * a collection is never in two files. FRST or RCUR is decided here, per mandate, from what was presented before.
 */

const aad = (companyId: string, id: string) => `sepa_batch:${companyId}:${id}`;

export function batchViewOf(row: Row): BatchView {
  return {
    id: String(row.id), messageId: String(row.message_id), collectionDate: String(row.collection_date), count: Number(row.count),
    total: String(row.total), sha256: String(row.sha256), status: String(row.status) as BatchView['status'], createdAt: String(row.created_at),
  };
}

const nothing = (date: string) => new AppError(422, 'nothing_to_collect', `no pending collection is due by ${date}`, { collectionDate: `no pending collection is due by ${date}` });

/** Collections presented before (in a file, not rejected), per mandate: what decides FRST or RCUR. */
async function presented(tx: Transaction, companyId: string, mandateIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (mandateIds.length === 0) return out;
  const rs = await tx.execute({
    sql: `SELECT mandate_id, count(*) AS n FROM sepa_collections WHERE company_id = ? AND status IN ('batched', 'confirmed')
          AND mandate_id IN (${mandateIds.map(() => '?').join(', ')}) GROUP BY mandate_id`,
    args: [companyId, ...mandateIds],
  });
  for (const r of rs.rows) out.set(String(r.mandate_id), Number(r.n));
  return out;
}

interface Planned {
  invoiceId: string;
  sequenceType: SequenceType;
  collectionDate: string;
  debit: DirectDebitInput;
}

/** Each due collection as a debit of the file, or cancelled when its mandate may not be used. */
function plan(rows: Row[], mandates: Map<string, StoredMandate>, counts: Map<string, number>, earliest: string) {
  const planned: Planned[] = [];
  const cancelled: { invoiceId: string; reason: string }[] = [];
  for (const r of rows) {
    const invoiceId = String(r.invoice_id);
    const m = mandates.get(String(r.mandate_id))!;
    // A date already past (a batch made late) becomes the earliest the bank accepts (D-1 business day).
    const date = String(r.collection_date) < earliest ? earliest : String(r.collection_date);
    const status = m.revoked ? 'revoked' : mandateLapsed(m, m.lastCollectionOn ?? undefined, date) ? 'lapsed' : 'active';
    let seq: SequenceType;
    try {
      seq = sequenceType({ rum: m.rum, type: m.type, status }, counts.get(m.id) ?? 0);
    } catch (e) {
      if (!(e instanceof MandateUseError)) throw e;
      cancelled.push({ invoiceId, reason: e.message });
      continue;
    }
    counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    const number = r.number === null ? invoiceId : String(r.number);
    planned.push({
      invoiceId, sequenceType: seq, collectionDate: date,
      debit: {
        endToEndId: number, amount: String(r.amount), sequenceType: seq, collectionDate: date, invoiceNumber: number,
        mandate: { rum: m.rum, signedOn: m.signedOn, iban: m.iban, ...(m.bic ? { bic: m.bic } : {}), debtorName: m.debtorName },
      },
    });
  }
  return { planned, cancelled };
}

/** core's ValidationError names `debits[i]…`: the answer names the invoice instead. */
function fileProblems(e: ValidationError, planned: Planned[]): AppError {
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(e.fields)) {
    const i = /^debits\[(\d+)\]\.?(.*)$/.exec(path);
    fields[i ? `${planned[Number(i[1])]?.invoiceId ?? path}${i[2] ? `.${i[2]}` : ''}` : path] = message;
  }
  return new AppError(422, 'batch_invalid', 'the direct debit file cannot be written: ' + Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; '), fields);
}

async function writeBatch(s: Services, tx: Transaction, actor: Actor, creditor: Creditor, planned: Planned[]) {
  const id = newId('sb');
  // pain.008 identifiers use the SEPA character set, which has no '_'.
  const messageId = `FACTURO-${id.slice(3)}`;
  let xml: string;
  try {
    xml = pain008({ messageId, createdAt: s.now().toISOString(), creditor, debits: planned.map((p) => p.debit) });
  } catch (e) {
    throw e instanceof ValidationError ? fileProblems(e, planned) : e;
  }
  const sha256 = createHash('sha256').update(xml, 'utf8').digest('hex');
  const key = await s.keys.current(actor.companyId);
  const sealed = seal(key.key, Buffer.from(xml, 'utf8'), aad(actor.companyId, id));
  const total = formatAmount(planned.reduce((sum, p) => sum.plus(p.debit.amount), new Money(0)));
  const collectionDate = planned.map((p) => p.collectionDate).sort().at(-1)!;
  const at = s.now().toISOString();
  await tx.execute({
    sql: `INSERT INTO sepa_batches (company_id, id, message_id, collection_date, count, total, status, key_id, iv, xml, sha256, created_at, created_by)
          VALUES (?, ?, ?, ?, ?, ?, 'created', ?, ?, ?, ?, ?, ?)`,
    args: [actor.companyId, id, messageId, collectionDate, planned.length, total, key.keyId, sealed.iv, sealed.data, sha256, at, actor.by],
  });
  for (const p of planned) {
    await tx.execute({
      sql: `UPDATE sepa_collections SET status = 'batched', batch_id = ?, sequence_type = ?, collection_date = ? WHERE company_id = ? AND invoice_id = ? AND status = 'pending'`,
      args: [id, p.sequenceType, p.collectionDate, actor.companyId, p.invoiceId],
    });
  }
  return { id, messageId, collectionDate, count: planned.length, total, sha256, status: 'created' as const, createdAt: at };
}

/**
 * Makes the pain.008 file of every pending collection due by `collectionDate` (default: the latest pending date).
 * 422 `creditor_incomplete` names the settings to fill in (sepaCreditorId, iban, legalName), 422
 * `nothing_to_collect` when nothing is due. Idempotent by key.
 */
export async function createBatch(s: Services, actor: Actor, request: { collectionDate?: string }): Promise<Outcome<CreatedBatch>> {
  return sepaCommand(s, actor, 'sepa_batch_created', request, async () => {
    const creditor = await creditorOf(s, actor.companyId);
    return async (tx) => {
      const latest = (await tx.execute({ sql: `SELECT max(collection_date) AS d FROM sepa_collections WHERE company_id = ? AND status = 'pending'`, args: [actor.companyId] })).rows[0];
      const until = request.collectionDate ?? (latest?.d === null || latest?.d === undefined ? null : String(latest.d));
      if (until === null) throw nothing(companyToday(s.now()));
      const rows = (await tx.execute({
        sql: `SELECT c.invoice_id, c.mandate_id, c.amount, c.collection_date, d.number FROM sepa_collections c
              LEFT JOIN documents d ON d.company_id = c.company_id AND d.id = c.invoice_id
              WHERE c.company_id = ? AND c.status = 'pending' AND c.collection_date <= ? ORDER BY c.collection_date, c.invoice_id`,
        args: [actor.companyId, until],
      })).rows;
      if (rows.length === 0) throw nothing(until);
      const mandateIds = [...new Set(rows.map((r) => String(r.mandate_id)))];
      const mandates = await mandatesByIds(s, actor.companyId, mandateIds, tx);
      const earliest = earliestCollection(companyToday(s.now()));
      const { planned, cancelled } = plan(rows, mandates, await presented(tx, actor.companyId, mandateIds), earliest);
      if (planned.length === 0) throw nothing(until);
      for (const c of cancelled) {
        await tx.execute({ sql: `UPDATE sepa_collections SET status = 'cancelled', reject_reason = ? WHERE company_id = ? AND invoice_id = ?`, args: [c.reason, actor.companyId, c.invoiceId] });
      }
      const batch = await writeBatch(s, tx, actor, creditor, planned);
      return {
        status: 201, result: { ...batch, cancelled },
        audit: { batchId: batch.id, messageId: batch.messageId, count: batch.count, total: batch.total, sha256: batch.sha256, invoices: planned.map((p) => p.invoiceId), cancelled },
      };
    };
  });
}

export async function listBatches(s: Services, companyId: string): Promise<BatchView[]> {
  const rs = await s.db.execute({
    sql: 'SELECT id, message_id, collection_date, count, total, sha256, status, created_at FROM sepa_batches WHERE company_id = ? ORDER BY created_at DESC, id DESC',
    args: [companyId],
  });
  return rs.rows.map(batchViewOf);
}

/** The stored pain.008 file of a batch, or 404 (another company's batch is absent too). */
export async function batchFile(s: Services, companyId: string, id: string): Promise<{ messageId: string; xml: string; sha256: string }> {
  const row = (await s.db.execute({ sql: 'SELECT message_id, key_id, iv, xml, sha256 FROM sepa_batches WHERE company_id = ? AND id = ?', args: [companyId, id] })).rows[0];
  if (!row) throw notFound('batch');
  const key = await s.keys.byId(companyId, String(row.key_id));
  const xml = open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.xml as ArrayBuffer) }, aad(companyId, id)).toString('utf8');
  return { messageId: String(row.message_id), xml, sha256: String(row.sha256) };
}
