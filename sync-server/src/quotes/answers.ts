import type { Transaction } from '@libsql/client';
import { open, seal } from '../log/keys';
import type { Services } from '../services';

/*
 * The client's answer to one version of a quote, kept as evidence of a simple electronic signature (eIDAS
 * art. 25; Code civil art. 1366-1367): who typed which name, consenting to which sentence, when, from which
 * address and browser, and the SHA-256 of the exact PDF accepted. The personal part is sealed under the
 * company's key; the decision, instant and hash stay plain for lists.
 */

export interface SealedAnswer {
  signerName?: string;
  /** The exact sentence the client ticked. */
  consentText?: string;
  reason?: string;
  ip: string;
  userAgent: string;
  /** The optional lines taken. */
  options?: string[];
}

export interface QuoteAnswer {
  decision: 'accepted' | 'declined';
  answeredAt: string;
  signerName: string | null;
  reason: string | null;
  pdfSha256: string | null;
}

const aad = (companyId: string, quoteId: string, version: number) => `quote-answer:${companyId}:${quoteId}:${version}`;

/** Records the answer inside the caller's transaction (the primary key makes it once per version). */
export async function recordAnswer(
  s: Services, tx: Transaction,
  a: { companyId: string; quoteId: string; version: number; decision: QuoteAnswer['decision']; answeredAt: string; pdfSha256: string | null; sealed: SealedAnswer },
): Promise<void> {
  const key = await s.keys.current(a.companyId);
  const sealed = seal(key.key, new TextEncoder().encode(JSON.stringify(a.sealed)), aad(a.companyId, a.quoteId, a.version));
  await tx.execute({
    sql: `INSERT INTO quote_answers (company_id, quote_id, version, decision, answered_at, pdf_sha256, key_id, iv, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [a.companyId, a.quoteId, a.version, a.decision, a.answeredAt, a.pdfSha256, key.keyId, sealed.iv, sealed.data],
  });
}

/** The answer to a version with its sealed evidence, or null when the client has not answered it. */
export async function readAnswerEvidence(s: Services, companyId: string, quoteId: string, version: number): Promise<(QuoteAnswer & { evidence: SealedAnswer }) | null> {
  const row = (await s.db.execute({ sql: 'SELECT * FROM quote_answers WHERE company_id = ? AND quote_id = ? AND version = ?', args: [companyId, quoteId, version] })).rows[0];
  if (!row) return null;
  const key = await s.keys.byId(companyId, String(row.key_id));
  const evidence = JSON.parse(open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.sealed as ArrayBuffer) }, aad(companyId, quoteId, version)).toString('utf8')) as SealedAnswer;
  return {
    decision: String(row.decision) as QuoteAnswer['decision'], answeredAt: String(row.answered_at), pdfSha256: (row.pdf_sha256 as string | null) ?? null,
    signerName: evidence.signerName ?? null, reason: evidence.reason ?? null, evidence,
  };
}

/** The answer as GET /quotes/{id} and the portal show it (no address, no browser). */
export async function readAnswer(s: Services, companyId: string, quoteId: string, version: number): Promise<QuoteAnswer | null> {
  const a = await readAnswerEvidence(s, companyId, quoteId, version);
  if (!a) return null;
  const { evidence: _e, ...answer } = a;
  return answer;
}

/** Every answer given to a quote, oldest version first, with its evidence (a person's right of access, GDPR art. 15). */
export async function answersWithEvidence(s: Services, companyId: string, quoteId: string): Promise<(QuoteAnswer & { version: number; evidence: SealedAnswer })[]> {
  const rs = await s.db.execute({ sql: 'SELECT version FROM quote_answers WHERE company_id = ? AND quote_id = ? ORDER BY version', args: [companyId, quoteId] });
  const out: (QuoteAnswer & { version: number; evidence: SealedAnswer })[] = [];
  for (const r of rs.rows) {
    const a = await readAnswerEvidence(s, companyId, quoteId, Number(r.version));
    if (a) out.push({ version: Number(r.version), ...a });
  }
  return out;
}
