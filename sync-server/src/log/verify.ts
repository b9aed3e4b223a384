import type { Client } from '@libsql/client';
import { countOf, GENESIS, hashOf, linkHash, storedDigest } from './entry.mjs';
import { kindOf } from './log';

export interface BrokenLink {
  companyId: string;
  companySeq: number;
  seq: number;
  reason: string;
}

export interface VerifyReport {
  companies: number;
  /** Entries (updates, events, commands) the chain covers. */
  entries: number;
  /** Log rows: one per frame of entries committed together for one document. */
  rows: number;
  broken: BrokenLink | null;
}

/**
 * Walks every company's chain in order and names the first broken link (invariant 9). Needs no key:
 * hashes cover the ciphertext. Each row (frame) covers its entries' company_seqs from its own on; the
 * next row must start right after. A compacted entry (replaced by its digest) is fine; a changed one is not.
 */
export async function verifyLog(db: Client, pageSize = 5000): Promise<VerifyReport> {
  const names = new Map<number, string>();
  for (const r of (await db.execute('SELECT id, name FROM log_names')).rows) names.set(Number(r.id), String(r.name));
  const companies = (await db.execute('SELECT DISTINCT company FROM log')).rows
    .map((r) => ({ id: Number(r.company), name: names.get(Number(r.company)) ?? `#${String(r.company)}` }))
    .sort((a, b) => a.name.localeCompare(b.name));
  let entries = 0;
  let rows = 0;
  for (const company of companies) {
    const companyId = company.name;
    let prev: Buffer = GENESIS;
    let expected = 1;
    for (;;) {
      const rs = await db.execute({
        sql: 'SELECT seq, company_seq, doc, kind, entry FROM log WHERE company = ? AND company_seq >= ? ORDER BY company_seq LIMIT ?',
        args: [company.id, expected, pageSize],
      });
      if (rs.rows.length === 0) break;
      for (const row of rs.rows) {
        const at = { companyId, companySeq: Number(row.company_seq), seq: Number(row.seq) };
        const broken = (reason: string): VerifyReport => ({ companies: companies.length, entries, rows, broken: { ...at, reason } });
        if (at.companySeq !== expected) return broken(`entry ${expected} is missing (found ${at.companySeq} next)`);
        let kind: string;
        try {
          kind = kindOf(row.kind);
        } catch {
          return broken(`unknown kind ${String(row.kind)}`);
        }
        const docId = row.doc === null ? null : names.get(Number(row.doc));
        if (docId === undefined) return broken(`document #${String(row.doc)} has no name`);
        const entry = Buffer.from(row.entry as ArrayBuffer);
        const hash = linkHash(prev, at.companySeq, storedDigest(companyId, docId, kind, entry));
        if (!hash.equals(hashOf(entry))) {
          return broken('entry does not match its hash (altered header, document, kind or ciphertext, or a link removed before it)');
        }
        let count: number;
        try {
          count = countOf(entry);
        } catch {
          return broken(`unknown entry format ${entry[0] ?? 'empty'}`);
        }
        prev = hash;
        expected += count;
        entries += count;
        rows++;
      }
    }
  }
  return { companies: companies.length, entries, rows, broken: null };
}
