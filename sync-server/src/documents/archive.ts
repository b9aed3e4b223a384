import { createHash } from 'node:crypto';
import { docIds } from '@facturo/core';
import type { Layout } from '@facturo/core/documents';
import { inWriteTransaction } from '../db';
import { notFound } from '../errors';
import { open, seal } from '../log/keys';
import type { Services } from '../services';
import { readFrozen } from '../commands/issue';
import { workspaceOf } from '../commands/run';
import { fileFormats, type FileFormat } from './formats';
import type { FileProducer } from './producer';
import { payOnlineFor } from '../pay';

/*
 * The archive of issued documents (invariant 4): each one's Factur-X PDF, CII and UBL, produced once from
 * the frozen record and stored sealed under the company's key (AES-256-GCM, as the frozen record is),
 * with the SHA-256 and size of the plain file. The first copy stored is the archived one: a second
 * production (a download racing the queue, a restart) finds the rows there and changes nothing.
 */

export interface ArchivedFile {
  format: FileFormat;
  /** SHA-256 (hex) of the plain file */
  sha256: string;
  size: number;
  bytes: Buffer;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const aadOf = (companyId: string, documentId: string, format: FileFormat) => `document-file:${companyId}:${documentId}:${format}`;

async function storedCount(s: Services, companyId: string, documentId: string): Promise<number> {
  const rs = await s.db.execute({ sql: 'SELECT COUNT(*) AS n FROM document_files WHERE company_id = ? AND document_id = ?', args: [companyId, documentId] });
  return Number(rs.rows[0]!.n);
}

/**
 * Produces and stores the files of an issued document unless they are stored already. `layout` is the
 * one in force at issue when known; otherwise the workspace's now. The logo is the one the frozen seller
 * names (logos are never deleted). Returns whether this call stored them.
 */
export async function archiveDocument(s: Services, producer: FileProducer, companyId: string, documentId: string, layout?: Layout): Promise<boolean> {
  if ((await storedCount(s, companyId, documentId)) === fileFormats.length) return false;
  const frozen = await readFrozen(s, companyId, documentId);
  if (!frozen) throw notFound('issued document');
  const { ws } = await workspaceOf(s, companyId);
  const logo = ws.readLogo(frozen.content.seller.logoId);
  // The pay URL is a function of (company, invoice) (pay/token.ts): printed once, it stays valid for the archive's life.
  const payOnline = await payOnlineFor(s, companyId, documentId, frozen.content);
  const files = await producer.produce({ frozen: frozen.content, layout: layout ?? ws.readLayout(), ...(logo ? { logo } : {}), ...(payOnline ? { payOnline } : {}) });
  await s.log.prepare(companyId);
  const key = await s.keys.current(companyId);
  const at = s.now().toISOString();
  const rows = fileFormats.map((format) => {
    const bytes = files[format];
    return { format, sha256: sha256Hex(bytes), size: bytes.length, sealed: seal(key.key, bytes, aadOf(companyId, documentId, format)) };
  });
  return inWriteTransaction(s.db, async (tx) => {
    let stored = 0;
    for (const r of rows) {
      const rs = await tx.execute({
        sql: `INSERT INTO document_files (company_id, document_id, format, sha256, size, key_id, iv, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (company_id, document_id, format) DO NOTHING`,
        args: [companyId, documentId, r.format, r.sha256, r.size, key.keyId, r.sealed.iv, r.sealed.data, at],
      });
      stored += rs.rowsAffected;
    }
    if (stored === 0) return false;
    // The audit trail names the document and the files' hashes: nothing personal.
    const hashes = Object.fromEntries(rows.map((r) => [r.format, r.sha256]));
    const event = { type: 'document_archived', documentId, number: frozen.content.number, ...hashes };
    await s.log.appendWithin(tx, [{ companyId, docId: docIds.document(companyId, documentId), kind: 'event', actor: null, payload: new TextEncoder().encode(JSON.stringify(event)) }]);
    return true;
  });
}

/** One archived file, opened; null while it is not archived (yet). */
export async function readArchivedFile(s: Services, companyId: string, documentId: string, format: FileFormat): Promise<ArchivedFile | null> {
  const row = (await s.db.execute({
    sql: 'SELECT sha256, size, key_id, iv, content FROM document_files WHERE company_id = ? AND document_id = ? AND format = ?',
    args: [companyId, documentId, format],
  })).rows[0];
  if (!row) return null;
  const key = await s.keys.byId(companyId, String(row.key_id));
  const bytes = open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.content as ArrayBuffer) }, aadOf(companyId, documentId, format));
  return { format, sha256: String(row.sha256), size: Number(row.size), bytes };
}
