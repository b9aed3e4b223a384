import type { Services } from '../services';
import { open, seal } from '../log/keys';

/** Sealed per-company settings that must never reach devices or the log in clear (SMTP, gateways). */
export async function putSecret(s: Services, companyId: string, name: string, value: unknown) {
  const key = await s.keys.current(companyId);
  const sealed = seal(key.key, new TextEncoder().encode(JSON.stringify(value)), `secret:${companyId}:${name}`);
  await s.db.execute({
    sql: `INSERT INTO company_secrets (company_id, name, key_id, iv, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (company_id, name) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, data = excluded.data, updated_at = excluded.updated_at`,
    args: [companyId, name, key.keyId, sealed.iv, sealed.data, s.now().toISOString()],
  });
}

export async function getSecret<T>(s: Services, companyId: string, name: string): Promise<T | null> {
  const row = (await s.db.execute({ sql: 'SELECT key_id, iv, data FROM company_secrets WHERE company_id = ? AND name = ?', args: [companyId, name] })).rows[0];
  if (!row) return null;
  const key = await s.keys.byId(companyId, String(row.key_id));
  const plain = open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.data as ArrayBuffer) }, `secret:${companyId}:${name}`);
  return JSON.parse(plain.toString('utf8')) as T;
}
