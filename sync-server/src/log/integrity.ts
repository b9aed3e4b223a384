import type { Client } from '@libsql/client';
import type { ChainBreak, Integrity } from '@facturo/core';
import { verifyLog, type BrokenLink } from './verify';

/*
 * A company whose hash chain is broken (a log row edited or deleted behind the server's back) is not
 * served until an owner has looked at it and acknowledged the break: the server checks every chain
 * when it starts (and on demand). An acknowledged break stays on record and the row is taken as it is
 * from then on, so that verification goes on past it: a later break stops the company again.
 */

export type Break = ChainBreak;
export type IntegrityState = Integrity;

export class IntegrityChecks {
  private checkedAt = new Map<string, string>();
  /** Companies not served: a break found and not acknowledged. */
  private blocked = new Map<string, BrokenLink>();
  /** Resolves when the check started by checkAll() is done. */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Client,
    private readonly now: () => Date,
  ) {}

  /** The break that stops this company, if any (synchronous: asked on every request). */
  blockedBy(companyId: string): BrokenLink | null {
    return this.blocked.get(companyId) ?? null;
  }

  /** Checks every company's chain, one after the other; `onBroken` hears of each break that stops one. */
  checkAll(onBroken: (b: BrokenLink) => void = () => {}): Promise<void> {
    this.ready = (async () => {
      const companies = (await this.db.execute('SELECT id FROM companies ORDER BY id')).rows.map((r) => String(r.id));
      for (const id of companies) {
        const broken = await this.check(id);
        if (broken) onBroken(broken);
      }
    })();
    return this.ready;
  }

  /** Verifies one company's chain now (past the breaks already acknowledged); returns the break that stops it, or null. */
  async check(companyId: string): Promise<BrokenLink | null> {
    const acknowledged = (await this.breaks(companyId)).filter((b) => b.acknowledgedAt);
    const report = await verifyLog(this.db, { companyId, accepted: new Map([[companyId, new Set(acknowledged.map((b) => b.seq))]]) });
    const at = this.now().toISOString();
    this.checkedAt.set(companyId, at);
    const b = report.broken;
    if (!b) {
      this.blocked.delete(companyId);
      return null;
    }
    await this.db.execute({
      sql: `INSERT INTO company_integrity (company_id, broken_seq, broken_company_seq, reason, detected_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (company_id, broken_seq) DO UPDATE SET broken_company_seq = excluded.broken_company_seq, reason = excluded.reason`,
      args: [companyId, b.seq, b.companySeq, b.reason, at],
    });
    this.blocked.set(companyId, b);
    return b;
  }

  async state(companyId: string): Promise<IntegrityState> {
    const breaks = await this.breaks(companyId);
    const now = this.blocked.get(companyId);
    const checkedAt = this.checkedAt.get(companyId) ?? null;
    return {
      status: !checkedAt ? 'unchecked' : now ? 'broken' : 'ok',
      checkedAt,
      broken: now ? breaks.find((b) => b.seq === now.seq && !b.acknowledgedAt) ?? null : null,
      acknowledged: breaks.filter((b) => b.acknowledgedAt),
    };
  }

  /** An owner has reviewed the break that stops the company: it is served again (until another break is found). */
  async acknowledge(companyId: string, by: string, note: string): Promise<IntegrityState> {
    const b = this.blocked.get(companyId);
    if (b) {
      await this.db.execute({
        sql: 'UPDATE company_integrity SET acknowledged_by = ?, acknowledged_at = ?, note = ? WHERE company_id = ? AND broken_seq = ?',
        args: [by, this.now().toISOString(), note, companyId, b.seq],
      });
      // What lies past it is verified again at once.
      await this.check(companyId);
    }
    return this.state(companyId);
  }

  private async breaks(companyId: string): Promise<Break[]> {
    const rs = await this.db.execute({ sql: 'SELECT * FROM company_integrity WHERE company_id = ? ORDER BY broken_company_seq', args: [companyId] });
    return rs.rows.map((r) => ({
      companySeq: Number(r.broken_company_seq), seq: Number(r.broken_seq), reason: String(r.reason), detectedAt: String(r.detected_at),
      acknowledgedBy: (r.acknowledged_by as string | null) ?? null, acknowledgedAt: (r.acknowledged_at as string | null) ?? null, note: (r.note as string | null) ?? null,
    }));
  }
}
