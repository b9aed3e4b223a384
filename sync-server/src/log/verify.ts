import { createHash } from 'node:crypto';
import type { Client } from '@libsql/client';
import { linkHash } from './log';

export interface BrokenLink {
  companyId: string;
  companySeq: number;
  seq: number;
  reason: string;
}

export interface VerifyReport {
  companies: number;
  entries: number;
  broken: BrokenLink | null;
}

const GENESIS: Buffer = Buffer.alloc(32);

/**
 * Walks every company's chain in order and names the first broken link (invariant 9). Needs no key:
 * hashes cover ciphertext. A cleared (compacted) payload is fine; a changed one is not.
 */
export async function verifyLog(db: Client, pageSize = 5000): Promise<VerifyReport> {
  const companies = (await db.execute('SELECT DISTINCT company_id FROM log ORDER BY company_id')).rows.map((r) => String(r.company_id));
  let entries = 0;
  for (const companyId of companies) {
    let prev: Buffer = GENESIS;
    let expected = 1;
    for (;;) {
      const rs = await db.execute({
        sql: 'SELECT * FROM log WHERE company_id = ? AND company_seq >= ? ORDER BY company_seq LIMIT ?',
        args: [companyId, expected, pageSize],
      });
      if (rs.rows.length === 0) break;
      for (const row of rs.rows) {
        const at = { companyId, companySeq: Number(row.company_seq), seq: Number(row.seq) };
        const broken = (reason: string): VerifyReport => ({ companies: companies.length, entries, broken: { ...at, reason } });
        if (at.companySeq !== expected) return broken(`entry ${expected} is missing (found ${at.companySeq} next)`);
        const payloadHash = Buffer.from(row.payload_hash as ArrayBuffer);
        if (row.payload !== null && !createHash('sha256').update(Buffer.from(row.payload as ArrayBuffer)).digest().equals(payloadHash)) {
          return broken('payload does not match its hash (altered ciphertext)');
        }
        const hash = linkHash(prev, {
          companyId, companySeq: at.companySeq, docId: row.doc_id as string | null, kind: String(row.kind),
          actor: row.actor as string | null, device: row.device as string | null, at: String(row.at), keyId: String(row.key_id),
          iv: Buffer.from(row.iv as ArrayBuffer), payloadHash,
        });
        if (!hash.equals(Buffer.from(row.hash as ArrayBuffer))) return broken('entry hash does not match its content (altered header)');
        prev = hash;
        expected++;
        entries++;
      }
    }
  }
  return { companies: companies.length, entries, broken: null };
}
