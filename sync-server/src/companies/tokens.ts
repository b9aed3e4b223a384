import type { Client } from '@libsql/client';
import { hashSecret, newId, newSecret } from '../ids';
import { assignableRole, isRole, type Role } from './roles';

/** API tokens for integrations: bound to one company and role; only the hash is stored. */
export async function createApiToken(db: Client, companyId: string, requested: unknown, name: string, now: Date) {
  const role = await assignableRole(db, companyId, requested);
  const token = newSecret('fct_');
  const id = newId('tk');
  await db.execute({
    sql: 'INSERT INTO api_tokens (id, token_hash, company_id, role, name, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    args: [id, hashSecret(token), companyId, role, name, now.toISOString()],
  });
  return { id, token };
}

export async function apiTokenPrincipal(db: Client, token: string, now: Date): Promise<{ tokenId: string; companyId: string; role: Role } | null> {
  const row = (await db.execute({ sql: 'SELECT id, company_id, role, last_used_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL', args: [hashSecret(token)] })).rows[0];
  if (!row || !isRole(row.role)) return null;
  // "Last used" to the minute: not a write on every request.
  if (!row.last_used_at || now.getTime() - Date.parse(String(row.last_used_at)) > 60_000) {
    await db.execute({ sql: 'UPDATE api_tokens SET last_used_at = ? WHERE id = ?', args: [now.toISOString(), String(row.id)] });
  }
  return { tokenId: String(row.id), companyId: String(row.company_id), role: String(row.role) };
}
