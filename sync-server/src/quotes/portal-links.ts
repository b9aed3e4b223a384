import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from '@libsql/client';
import type { Services } from '../services';

/*
 * Client portal links (issue 6): the client has no account, the link is the credential. The token is 32 random
 * bytes (base64url) handed out once; only its SHA-256 is stored, so a database leak does not open any quote.
 * The link's public id is the first 12 hex digits of that hash (shown in the UI, used to revoke it).
 */

type Db = Pick<Services['db'], 'execute'> | Transaction;

export interface PortalLink {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
}

export interface ResolvedPortalLink {
  companyId: string;
  quoteId: string;
  version: number;
  linkId: string;
}

export interface PortalLinkRow {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

const DAY_MS = 86_400_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const linkIdOf = (hash: string) => hash.slice(0, 12);

/** The portal page's address for a token: the server's public origin (FACTURO_PUBLIC_URL) + /p/{token}. */
export function portalUrl(s: Services, token: string): string {
  return `${s.config.origins[0]}/p/${token}`;
}

/** A new link to one version of a quote, valid `days` days from now. The token is returned once, never stored. */
export async function createPortalLink(
  s: Services, db: Db,
  opts: { companyId: string; quoteId: string; version: number; by: string; days: number },
): Promise<PortalLink> {
  const token = randomBytes(32).toString('base64url');
  const hash = tokenHash(token);
  const now = s.now();
  const expiresAt = new Date(now.getTime() + Math.max(1, opts.days) * DAY_MS).toISOString();
  await db.execute({
    sql: `INSERT INTO portal_links (token_hash, company_id, quote_id, version, created_at, created_by, expires_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)`,
    args: [hash, opts.companyId, opts.quoteId, opts.version, now.toISOString(), opts.by, expiresAt],
  });
  return { id: linkIdOf(hash), token, url: portalUrl(s, token), expiresAt };
}

/** Revokes a quote's link by its public id; false when no live link of that quote has that id. */
export async function revokePortalLink(s: Services, db: Db, opts: { companyId: string; quoteId: string; linkId: string }): Promise<boolean> {
  if (!/^[0-9a-f]{12}$/.test(opts.linkId)) return false;
  const rs = await db.execute({
    sql: `UPDATE portal_links SET revoked_at = ? WHERE company_id = ? AND quote_id = ? AND substr(token_hash, 1, 12) = ? AND revoked_at IS NULL`,
    args: [s.now().toISOString(), opts.companyId, opts.quoteId, opts.linkId],
  });
  return rs.rowsAffected > 0;
}

/** Revokes every live link of a quote (a new version is sent, the quote is withdrawn or revised). */
export async function revokeQuoteLinks(s: Services, db: Db, opts: { companyId: string; quoteId: string }): Promise<number> {
  const rs = await db.execute({
    sql: 'UPDATE portal_links SET revoked_at = ? WHERE company_id = ? AND quote_id = ? AND revoked_at IS NULL',
    args: [s.now().toISOString(), opts.companyId, opts.quoteId],
  });
  return rs.rowsAffected;
}

/**
 * The quote a token opens, or null when unknown, expired or revoked (the caller answers the same 404 for all
 * three so a link cannot be probed). Records when the link was last seen.
 */
export async function resolvePortalLink(s: Services, token: string, now: Date, db: Db = s.db): Promise<ResolvedPortalLink | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = tokenHash(token);
  const row = (await db.execute({ sql: 'SELECT * FROM portal_links WHERE token_hash = ?', args: [hash] })).rows[0];
  if (!row || row.revoked_at !== null || String(row.expires_at) <= now.toISOString()) return null;
  await db.execute({ sql: 'UPDATE portal_links SET last_seen_at = ? WHERE token_hash = ?', args: [now.toISOString(), hash] });
  return { companyId: String(row.company_id), quoteId: String(row.quote_id), version: Number(row.version), linkId: linkIdOf(hash) };
}

/** A quote's links, newest first (for GET /quotes/{id}). */
export async function listPortalLinks(s: Services, companyId: string, quoteId: string, db: Db = s.db): Promise<PortalLinkRow[]> {
  const rs = await db.execute({
    sql: 'SELECT * FROM portal_links WHERE company_id = ? AND quote_id = ? ORDER BY created_at DESC, token_hash',
    args: [companyId, quoteId],
  });
  return rs.rows.map((r) => ({
    id: linkIdOf(String(r.token_hash)), version: Number(r.version), createdAt: String(r.created_at), createdBy: String(r.created_by),
    expiresAt: String(r.expires_at), revokedAt: (r.revoked_at as string | null) ?? null, lastSeenAt: (r.last_seen_at as string | null) ?? null,
  }));
}
