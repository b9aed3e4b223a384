import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { randomBytesPooled } from '../random';

/*
 * Envelope encryption: each company has data keys (AES-256) stored only wrapped by the master key.
 * The master key comes from FACTURO_MASTER_KEY (base64, 32 bytes) or <dataDir>/master.key, created
 * on first start with mode 0600. It is never written to the log or the database.
 */
export function loadMasterKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const fromEnv = env.FACTURO_MASTER_KEY;
  if (fromEnv) return decodeKey(fromEnv, 'FACTURO_MASTER_KEY');
  const file = path.join(dataDir, 'master.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8').trim(), file);
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source}: the master key must be 32 bytes, base64-encoded`);
  return key;
}

export interface Sealed {
  iv: Buffer;
  /** ciphertext followed by the 16-byte GCM tag */
  data: Buffer;
}

/** `iv` must be 12 fresh random bytes (never reused under one key); drawn here when not given. */
export function seal(key: Buffer, plaintext: Uint8Array, aad: string, iv: Buffer = randomBytesPooled(12)): Sealed {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, data };
}

export function open(key: Buffer, sealed: Sealed, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.data.subarray(sealed.data.length - 16));
  return Buffer.concat([decipher.update(sealed.data.subarray(0, sealed.data.length - 16)), decipher.final()]);
}

export interface DataKey {
  keyId: string;
  key: Buffer;
}

/** Company data keys, unwrapped once and kept in memory. */
export class KeyRing {
  private cache = new Map<string, DataKey>();

  constructor(
    private readonly db: Client,
    private readonly master: Buffer,
  ) {}

  /** The current key of a company, created (and stored wrapped) on first use. */
  async current(companyId: string): Promise<DataKey> {
    const cached = this.cache.get(companyId);
    if (cached) return cached;
    const rs = await this.db.execute({
      sql: 'SELECT key_id, wrapped FROM company_keys WHERE company_id = ? ORDER BY created_at DESC, key_id DESC LIMIT 1',
      args: [companyId],
    });
    const row = rs.rows[0];
    let dk: DataKey;
    if (row) dk = { keyId: String(row.key_id), key: this.unwrap(companyId, String(row.key_id), row.wrapped as ArrayBuffer) };
    else dk = await this.create(companyId);
    this.cache.set(companyId, dk);
    return dk;
  }

  async byId(companyId: string, keyId: string): Promise<Buffer> {
    const cur = await this.current(companyId);
    if (cur.keyId === keyId) return cur.key;
    const rs = await this.db.execute({
      sql: 'SELECT wrapped FROM company_keys WHERE company_id = ? AND key_id = ?',
      args: [companyId, keyId],
    });
    const row = rs.rows[0];
    if (!row) throw new Error(`no data key ${keyId} for company ${companyId}`);
    return this.unwrap(companyId, keyId, row.wrapped as ArrayBuffer);
  }

  private async create(companyId: string): Promise<DataKey> {
    const key = randomBytes(32);
    const keyId = 'k_' + createHash('sha256').update(key).digest('hex').slice(0, 16);
    const sealed = seal(this.master, key, `key:${companyId}:${keyId}`);
    await this.db.execute({
      sql: 'INSERT OR IGNORE INTO company_keys (company_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)',
      args: [companyId, keyId, Buffer.concat([sealed.iv, sealed.data]), new Date().toISOString()],
    });
    // Another process may have created one first: read back whichever is current.
    const rs = await this.db.execute({
      sql: 'SELECT key_id, wrapped FROM company_keys WHERE company_id = ? ORDER BY created_at DESC, key_id DESC LIMIT 1',
      args: [companyId],
    });
    const row = rs.rows[0]!;
    return { keyId: String(row.key_id), key: this.unwrap(companyId, String(row.key_id), row.wrapped as ArrayBuffer) };
  }

  private unwrap(companyId: string, keyId: string, wrapped: ArrayBuffer): Buffer {
    const buf = Buffer.from(wrapped);
    return open(this.master, { iv: buf.subarray(0, 12), data: buf.subarray(12) }, `key:${companyId}:${keyId}`);
  }
}
