import type { Transaction } from '@libsql/client';
import { canonicalJson, docIds, formatNumber, periodKey, Workspace, type FrozenDocument, type Subscription } from '@facturo/core';
import { inWriteTransaction } from '../db';
import { seal } from '../log/keys';
import type { NewEntry } from '../log';
import { sha256Hex } from '../commands/issue';
import { nextBillingOn } from './store';
import { lap, SYSTEM_ACTOR, type Billed, type Pending, type RunContext } from './context';

// The run's writes: one chunk, one transaction (see run.ts for what it holds and why).

const DOCUMENT_COLUMNS = `id, company_id, kind, status, customer_id, series_id, period, seq, number, issue_date, due_date, currency,
  total_excl, total_tax, total_incl, content_key_id, content_iv, content, content_sha256, created_at, updated_at, issued_at, issued_by`;
const row = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;

/** Claims the chunk's keys; returns the pending invoices whose key this transaction won. */
async function claim(tx: Transaction, ctx: RunContext, chunk: Pending[]): Promise<Pending[]> {
  const rs = await tx.execute({
    sql: `INSERT INTO subscription_billings (company_id, subscription_id, period_start, period_end, invoice_id, status, billed_at, changes_seen)
          VALUES ${chunk.map(() => row(8)).join(', ')} ON CONFLICT DO NOTHING RETURNING invoice_id`,
    args: chunk.flatMap((p) => [ctx.companyId, p.sub.id, p.due.period.start, p.due.period.end, p.invoiceId, 'issued', ctx.at, p.sub.changes.length]),
  });
  const won = new Set(rs.rows.map((r) => String(r.invoice_id)));
  return chunk.filter((p) => won.has(p.invoiceId));
}

/** One chunk, one transaction: claims, numbers, frozen records, audit entries, workspace index, next billing dates. */
export async function issueChunk(ctx: RunContext, chunk: Pending[], billed: Billed): Promise<{ issued: { p: Pending; number: string }[]; wsUpdate: Uint8Array | null }> {
  const { s, companyId, series, today, at, key } = ctx;
  return inWriteTransaction(s.db, async (tx) => {
    let t = performance.now();
    const won = await claim(tx, ctx, chunk);
    t = lap(ctx, 'claims', t);
    if (won.length === 0) return { issued: [], wsUpdate: null };
    const period = periodKey(series.format, today);
    const counter = await tx.execute({
      sql: `INSERT INTO series_counters (company_id, series_id, period, last_seq) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, series_id, period) DO UPDATE SET last_seq = last_seq + excluded.last_seq RETURNING last_seq`,
      args: [companyId, series.id, period, won.length],
    });
    const first = Number(counter.rows[0]!.last_seq) - won.length + 1;
    t = lap(ctx, 'numbering', t);
    const made = won.map((p, k) => {
      const seq = first + k;
      const number = formatNumber(series.format, { seq, date: today });
      const frozen: FrozenDocument = { ...p.frozen, number };
      const content = canonicalJson(frozen);
      const sha = sha256Hex(content);
      const sealed = seal(key.key, new TextEncoder().encode(content), `document:${companyId}:${p.invoiceId}`);
      const args = [p.invoiceId, companyId, 'invoice', 'issued', p.sub.customerId, series.id, period, seq, number, today, frozen.dueDate, frozen.currency,
        frozen.totals.totalWithoutVat, frozen.totals.vatTotal, frozen.totals.totalWithVat, key.keyId, sealed.iv, sealed.data, sha, at, at, at, SYSTEM_ACTOR];
      return { p, number, sha, args };
    });
    t = lap(ctx, 'seal', t);
    await tx.execute({ sql: `INSERT INTO documents (${DOCUMENT_COLUMNS}) VALUES ${made.map(() => row(23)).join(', ')}`, args: made.flatMap((m) => m.args) });
    t = lap(ctx, 'documents', t);
    const wsUpdate = ctx.wsRoom.stage((copy) => {
      const w = new Workspace(copy);
      // One Yjs transaction for the chunk: one update to log and relay, not two per invoice.
      copy.transact(() => {
        for (const m of made) {
          w.registerDocument(m.p.invoiceId, { kind: 'invoice', createdAt: at, createdBy: SYSTEM_ACTOR, customerId: m.p.sub.customerId });
          w.indexDocument(m.p.invoiceId, { status: 'issued', number: m.number });
        }
      });
    });
    const entries: NewEntry[] = [
      { companyId, docId: ctx.wsRoom.docId, kind: 'update', actor: SYSTEM_ACTOR, device: null, payload: wsUpdate },
      ...made.map((m): NewEntry => ({
        companyId, docId: docIds.document(companyId, m.p.invoiceId), kind: 'command', actor: SYSTEM_ACTOR, device: null,
        payload: new TextEncoder().encode(JSON.stringify({ type: 'document_issued', number: m.number, kind: 'invoice', contentSha256: m.sha, subscriptionId: m.p.sub.id, periodStart: m.p.due.period.start })),
      })),
    ];
    t = lap(ctx, 'workspace', t);
    await s.log.appendWithin(tx, entries);
    t = lap(ctx, 'log', t);
    for (const m of made) billed.keys.add(m.p.due.key);
    await markCorrected(tx, companyId, won);
    await updateNextBilling(tx, ctx, [...new Map(won.map((p) => [p.sub.id, p.sub])).values()], billed.keys);
    lap(ctx, 'nextBilling', t);
    return { issued: made.map((m) => ({ p: m.p, number: m.number })), wsUpdate };
  }).catch((error: unknown) => {
    ctx.wsRoom.discardStaged();
    throw error;
  });
}

/** The corrected periods now account for every change the correcting invoice saw. */
export async function markCorrected(tx: Transaction, companyId: string, done: { sub: Subscription; corrected: string[] }[]): Promise<void> {
  for (const p of done.filter((x) => x.corrected.length > 0)) {
    await tx.execute({
      sql: `UPDATE subscription_billings SET changes_seen = ? WHERE company_id = ? AND subscription_id = ? AND period_start IN (${p.corrected.map(() => '?').join(', ')})`,
      args: [p.sub.changes.length, companyId, p.sub.id, ...p.corrected],
    });
  }
}

/** Each subscription's next billing date, recomputed from its record and what is now billed (one statement). */
export async function updateNextBilling(tx: Transaction, ctx: Pick<RunContext, 'companyId' | 'plans' | 'today'>, subs: Subscription[], billed: ReadonlySet<string>): Promise<void> {
  if (subs.length === 0) return;
  await tx.execute({
    sql: `WITH v(id, next) AS (VALUES ${subs.map(() => '(?, ?)').join(', ')})
          UPDATE subscriptions SET next_billing_on = v.next FROM v WHERE subscriptions.company_id = ? AND subscriptions.id = v.id`,
    args: [...subs.flatMap((sub) => [sub.id, nextBillingOn(sub, ctx.plans, billed, ctx.today)]), ctx.companyId],
  });
}

