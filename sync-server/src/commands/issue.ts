import { createHash } from 'node:crypto';
import {
  canonicalJson, companyDay, companyTimeZone, docIds, DraftDocument, formatNumber, freezeDocument, issueProblems, periodKey, Workspace,
  type DocumentKind, type FrozenDocument,
} from '@facturo/core';
import { inWriteTransaction } from '../db';
import { open, seal } from '../log/keys';
import { AppError, conflict, invalid, notFound } from '../errors';
import type { Services } from '../services';
import { readCustomer } from '../customers/records';
import { requestHash, storedResult, storeResult } from './idempotency';
import { brokenRules } from '../documents';

export interface IssueInput {
  companyId: string;
  documentId: string;
  /** user id, or `token:<id>` for an API token */
  by: string;
  device?: string | null;
  idempotencyKey: string;
  /** SHA-256 (hex) of the device's DraftDocument.canonicalContent(): proves both sides issue the same draft. */
  draftHash?: string;
  seriesId?: string;
}

export interface IssuedSummary {
  id: string;
  kind: DocumentKind;
  status: 'issued';
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalExclTax: string;
  totalTax: string;
  totalInclTax: string;
  contentSha256: string;
}

export interface IssueHooks {
  /** Test hook: runs after the number is taken, inside the transaction. */
  afterNumber?: (number: string) => void;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

/** The issue date is the company's calendar day (France by default), not UTC's: core's companyDay, which the app uses too. */
export function companyToday(now: Date, timeZone = companyTimeZone): string {
  return companyDay(now, timeZone);
}

/**
 * issue: the one place a legal number is given (invariant 3). In one transaction: replay check,
 * counter increment, frozen record, log entries (the number written into the draft and the audit
 * event), command result. Only after commit does any device see the number; a failure at any point
 * rolls the counter back, so numbers stay gapless.
 */
export async function issueDocument(s: Services, input: IssueInput, hooks: IssueHooks = {}): Promise<IssuedSummary> {
  const { companyId, documentId } = input;
  const hash = requestHash('issue', { documentId, draftHash: input.draftHash ?? null, seriesId: input.seriesId ?? null });
  const replay = await storedResult<IssuedSummary>(s.db, companyId, input.idempotencyKey, hash);
  if (replay) return replay.result;

  const wsRoom = await s.rooms.open(companyId, docIds.workspace(companyId));
  const ws = new Workspace(wsRoom.doc);
  if (!ws.getDocument(documentId)) throw notFound('document');
  const room = await s.rooms.open(companyId, docIds.document(companyId, documentId));

  return room.writes.run(async () => {
    const again = await storedResult<IssuedSummary>(s.db, companyId, input.idempotencyKey, hash);
    if (again) return again.result;
    if (room.frozenAs !== null) throw conflict('already_issued', `this document is already issued as ${room.frozenAs}`);
    const draft = new DraftDocument(room.doc);
    if (input.draftHash && sha256Hex(draft.canonicalContent()) !== input.draftHash) {
      throw conflict('draft_out_of_sync', 'the server does not have every edit of this draft yet; it will be issued once they arrive');
    }
    const meta = draft.readMeta();
    const seriesId = input.seriesId ?? meta.seriesId ?? ws.defaultSeriesFor(meta.kind).id;
    const series = ws.listSeries().find((x) => x.id === seriesId);
    if (!series) throw invalid({ seriesId: `no numbering series "${seriesId}"` });
    const issueDate = companyToday(s.now());
    const ctx = { kind: meta.kind, settings: ws.readSettings(), customer: meta.customerId ? await readCustomer(s, companyId, meta.customerId) : undefined, series, issueDate };
    const problems = issueProblems(draft, ctx);
    if (Object.keys(problems).length > 0) throw new AppError(422, 'not_issuable', 'this document cannot be issued yet: ' + Object.values(problems).join('; '), problems);
    // The EN 16931 and French business rules judge the invoice as it will be frozen, before any number is
    // taken. Its number is provisional (the series at sequence 1): rules look at a number's shape, never its value.
    const provisional = freezeDocument(draft, { ...ctx, id: documentId, number: formatNumber(series.format, { seq: 1, date: issueDate }) });
    const broken = await brokenRules(provisional);
    if (Object.keys(broken).length > 0) throw new AppError(422, 'not_issuable', 'this document would break e-invoicing rules: ' + Object.entries(broken).map(([rule, message]) => `${rule}: ${message}`).join('; '), broken);

    await s.log.prepare(companyId);
    const key = await s.keys.current(companyId);
    const committed = await inWriteTransaction(s.db, async (tx) => {
      const period = periodKey(series.format, issueDate);
      const counter = await tx.execute({
        sql: `INSERT INTO series_counters (company_id, series_id, period, last_seq) VALUES (?, ?, ?, 1)
              ON CONFLICT (company_id, series_id, period) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
        args: [companyId, series.id, period],
      });
      const seq = Number(counter.rows[0]!.last_seq);
      const number = formatNumber(series.format, { seq, date: issueDate });
      hooks.afterNumber?.(number);
      // The draft cannot change meanwhile (room.writes serialises its edits): the frozen record is the provisional one with its number.
      const frozen: FrozenDocument = { ...provisional, number };
      const content = canonicalJson(frozen);
      const contentSha256 = sha256Hex(content);
      const summary: IssuedSummary = {
        id: documentId, kind: frozen.kind, status: 'issued', number, issueDate, dueDate: frozen.dueDate, currency: frozen.currency,
        totalExclTax: frozen.totals.totalWithoutVat, totalTax: frozen.totals.vatTotal, totalInclTax: frozen.totals.totalWithVat, contentSha256,
      };
      const sealed = seal(key.key, new TextEncoder().encode(content), `document:${companyId}:${documentId}`);
      await tx.execute({
        sql: `INSERT INTO documents (id, company_id, kind, status, customer_id, series_id, period, seq, number, issue_date, due_date, currency,
                total_excl, total_tax, total_incl, preceding_id, content_key_id, content_iv, content, content_sha256, created_at, updated_at, issued_at, issued_by)
              VALUES (?, ?, ?, 'issued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (id) DO UPDATE SET status = 'issued', customer_id = excluded.customer_id, series_id = excluded.series_id,
                period = excluded.period, seq = excluded.seq, number = excluded.number, issue_date = excluded.issue_date,
                due_date = excluded.due_date, total_excl = excluded.total_excl, total_tax = excluded.total_tax,
                total_incl = excluded.total_incl, content_key_id = excluded.content_key_id, content_iv = excluded.content_iv,
                content = excluded.content, content_sha256 = excluded.content_sha256, updated_at = excluded.updated_at,
                issued_at = excluded.issued_at, issued_by = excluded.issued_by`,
        args: [documentId, companyId, frozen.kind, meta.customerId ?? null, series.id, period, seq, number, issueDate, frozen.dueDate, frozen.currency,
          summary.totalExclTax, summary.totalTax, summary.totalInclTax, meta.precedingDocumentId ?? null, key.keyId, sealed.iv, sealed.data,
          contentSha256, meta.createdAt, s.now().toISOString(), s.now().toISOString(), input.by],
      });
      const docUpdate = room.stage((copy) => {
        const m = copy.getMap('meta');
        m.set('status', 'issued');
        m.set('number', number);
        m.set('issueDate', issueDate);
        m.set('dueDate', frozen.dueDate);
      });
      const wsUpdate = wsRoom.stage((copy) => new Workspace(copy).indexDocument(documentId, { status: 'issued', number }));
      await s.log.appendWithin(tx, [
        { companyId, docId: room.docId, kind: 'update', actor: input.by, device: input.device ?? null, payload: docUpdate },
        { companyId, docId: wsRoom.docId, kind: 'update', actor: input.by, device: input.device ?? null, payload: wsUpdate },
        { companyId, docId: room.docId, kind: 'command', actor: input.by, device: input.device ?? null,
          payload: new TextEncoder().encode(JSON.stringify({ type: 'document_issued', number, kind: frozen.kind, contentSha256, idempotencyKey: input.idempotencyKey })) },
      ]);
      await storeResult(tx, { companyId, key: input.idempotencyKey, name: 'issue', hash, status: 200, result: summary, at: s.now() });
      return { summary, docUpdate, wsUpdate };
    }).catch((error: unknown) => {
      room.discardStaged();
      wsRoom.discardStaged();
      throw error;
    });
    room.applyCommitted(committed.docUpdate);
    wsRoom.applyCommitted(committed.wsUpdate);
    // Invariant 4: its Factur-X PDF, CII and UBL are archived after the commit, never on the answer's path.
    s.archiver.issued(companyId, documentId, ws);
    return committed.summary;
  });
}

/** The frozen content of an issued document, decrypted, with its stored SHA-256. */
export async function readFrozen(s: Services, companyId: string, documentId: string): Promise<{ content: FrozenDocument; sha256: string } | null> {
  const row = (await s.db.execute({ sql: `SELECT content_key_id, content_iv, content, content_sha256 FROM documents WHERE id = ? AND company_id = ? AND status = 'issued'`, args: [documentId, companyId] })).rows[0];
  if (!row) return null;
  const key = await s.keys.byId(companyId, String(row.content_key_id));
  const text = open(key, { iv: Buffer.from(row.content_iv as ArrayBuffer), data: Buffer.from(row.content as ArrayBuffer) }, `document:${companyId}:${documentId}`).toString('utf8');
  return { content: JSON.parse(text) as FrozenDocument, sha256: String(row.content_sha256) };
}
