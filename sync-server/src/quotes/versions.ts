import { createHash } from 'node:crypto';
import type { Transaction } from '@libsql/client';
import { open, seal } from '../log/keys';
import type { Services } from '../services';

/*
 * What the client was shown (stage 'sent') and what they accepted (stage 'accepted'), per version: the canonical
 * content and the PDF, sealed under the company's key, with the SHA-256 of each plain file (invariant 4: the same
 * holds for accepted quotes as for issued invoices). The first row stored is the archived one.
 */

export type VersionStage = 'sent' | 'accepted';

export interface VersionRow {
  version: number;
  stage: VersionStage;
  contentSha256: string;
  pdfSha256: string;
  createdAt: string;
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const aad = (companyId: string, quoteId: string, version: number, stage: string, part: 'content' | 'pdf') => `quote-version:${companyId}:${quoteId}:${version}:${stage}:${part}`;

/** Stores a version's content and PDF inside the caller's transaction; false when that stage was archived already. */
export async function archiveVersion(
  s: Services, tx: Transaction,
  v: { companyId: string; quoteId: string; version: number; stage: VersionStage; content: string; pdf: Uint8Array },
): Promise<boolean> {
  const key = await s.keys.current(v.companyId);
  const content = seal(key.key, new TextEncoder().encode(v.content), aad(v.companyId, v.quoteId, v.version, v.stage, 'content'));
  const pdf = seal(key.key, v.pdf, aad(v.companyId, v.quoteId, v.version, v.stage, 'pdf'));
  const rs = await tx.execute({
    sql: `INSERT INTO quote_versions (company_id, quote_id, version, stage, content_sha256, pdf_sha256, key_id, iv, content, pdf_iv, pdf, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (company_id, quote_id, version, stage) DO NOTHING`,
    args: [v.companyId, v.quoteId, v.version, v.stage, sha256Hex(v.content), sha256Hex(v.pdf), key.keyId, content.iv, content.data, pdf.iv, pdf.data, s.now().toISOString()],
  });
  return rs.rowsAffected > 0;
}

export async function listVersions(s: Services, companyId: string, quoteId: string): Promise<VersionRow[]> {
  const rs = await s.db.execute({
    sql: 'SELECT version, stage, content_sha256, pdf_sha256, created_at FROM quote_versions WHERE company_id = ? AND quote_id = ? ORDER BY version, stage DESC',
    args: [companyId, quoteId],
  });
  return rs.rows.map((r) => ({
    version: Number(r.version), stage: String(r.stage) as VersionStage, contentSha256: String(r.content_sha256), pdfSha256: String(r.pdf_sha256), createdAt: String(r.created_at),
  }));
}

/** An archived version's PDF (the accepted one when there is one, else the sent one); null when not archived. */
export async function readVersionPdf(s: Services, companyId: string, quoteId: string, version: number): Promise<{ bytes: Buffer; sha256: string; stage: VersionStage } | null> {
  const rows = (await s.db.execute({
    sql: `SELECT stage, pdf_sha256, key_id, pdf_iv, pdf FROM quote_versions WHERE company_id = ? AND quote_id = ? AND version = ?
          ORDER BY CASE stage WHEN 'accepted' THEN 0 ELSE 1 END`,
    args: [companyId, quoteId, version],
  })).rows;
  for (const row of rows) {
    const stage = String(row.stage) as VersionStage;
    const key = await s.keys.byId(companyId, String(row.key_id));
    try {
      const bytes = open(key, { iv: Buffer.from(row.pdf_iv as ArrayBuffer), data: Buffer.from(row.pdf as ArrayBuffer) }, aad(companyId, quoteId, version, stage, 'pdf'));
      return { bytes, sha256: String(row.pdf_sha256), stage };
    } catch {
      // A row sealed by another writer under other associated data: the sent one still proves what was shown.
    }
  }
  return null;
}
