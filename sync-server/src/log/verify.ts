import type { Client, Row } from '@libsql/client';
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
export interface VerifyOptions {
  pageSize?: number;
  /** Only this company's chain. */
  companyId?: string;
  /**
   * Breaks already reviewed, by company and log seq: such a row is taken as it is (its stored hash
   * becomes the base of the rest of the chain), so that a later break is still found.
   */
  accepted?: ReadonlyMap<string, ReadonlySet<number>>;
}

export async function verifyLog(db: Client, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = opts.pageSize ?? 5000;
  const names = new Map<number, string>();
  for (const r of (await db.execute('SELECT id, name FROM log_names')).rows) names.set(Number(r.id), String(r.name));
  const companies = (await db.execute('SELECT DISTINCT company FROM log')).rows
    .map((r) => ({ id: Number(r.company), name: names.get(Number(r.company)) ?? `#${String(r.company)}` }))
    .filter((c) => opts.companyId === undefined || c.name === opts.companyId)
    .sort((a, b) => a.name.localeCompare(b.name));
  let entries = 0;
  let rows = 0;
  for (const company of companies) {
    const companyId = company.name;
    const accepted = opts.accepted?.get(companyId);
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
        const entry = Buffer.from(row.entry as ArrayBuffer);
        // How many entries the row holds: read once; an unreadable count is a problem of its own.
        let count: number | null = null;
        try {
          count = countOf(entry);
        } catch {
          // reported below
        }
        const problem = checkRow(row, entry, count !== null, at.companySeq, expected, prev, companyId, names);
        count ??= 1;
        if (problem && !accepted?.has(at.seq)) return { companies: companies.length, entries, rows, broken: { ...at, reason: problem } };
        prev = hashOf(entry);
        expected = at.companySeq + count;
        entries += count;
        rows++;
      }
    }
  }
  return { companies: companies.length, entries, rows, broken: null };
}

/** What is wrong with a row where the chain expects entry `expected` after `prev`, or null. */
function checkRow(row: Row, entry: Buffer, readable: boolean, companySeq: number, expected: number, prev: Buffer, companyId: string, names: Map<number, string>): string | null {
  if (companySeq !== expected) return `entry ${expected} is missing (found ${companySeq} next)`;
  let kind: string;
  try {
    kind = kindOf(row.kind);
  } catch {
    return `unknown kind ${String(row.kind)}`;
  }
  const docId = row.doc === null ? null : names.get(Number(row.doc));
  if (docId === undefined) return `document #${String(row.doc)} has no name`;
  if (!readable) return `unknown entry format ${entry[0] ?? 'empty'}`;
  const hash = linkHash(prev, companySeq, storedDigest(companyId, docId, kind, entry));
  if (!hash.equals(hashOf(entry))) return 'entry does not match its hash (altered header, document, kind or ciphertext, or a link removed before it)';
  return null;
}
