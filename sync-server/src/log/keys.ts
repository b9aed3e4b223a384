import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@libsql/client';
import { inWriteTransaction } from '../db';
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

/** A master key's fingerprint (never the key): which key wraps the data keys of a database. */
export function fingerprintOf(master: Buffer): string {
  return createHash('sha256').update('facturo master key\0').update(master).digest('hex').slice(0, 16);
}

const masterFile = (dataDir: string) => path.join(dataDir, 'master.key');
const nextFile = (dataDir: string) => path.join(dataDir, 'master.key.next');

/**
 * The master key, checked against the fingerprint the database keeps: a wrong FACTURO_MASTER_KEY (or
 * master.key) is named before anything is decrypted. A rotation interrupted after the database was
 * re-wrapped but before master.key was replaced is finished here (master.key.next becomes master.key).
 */
export async function openMasterKey(db: Client, dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const master = loadMasterKey(dataDir, env);
  const row = (await db.execute(`SELECT value FROM key_state WHERE name = 'master_fingerprint'`)).rows[0];
  if (!row) {
    await db.execute({ sql: `INSERT OR IGNORE INTO key_state (name, value) VALUES ('master_fingerprint', ?)`, args: [fingerprintOf(master)] });
    return master;
  }
  const expected = String(row.value);
  if (fingerprintOf(master) === expected) return master;
  if (!env.FACTURO_MASTER_KEY && existsSync(nextFile(dataDir))) {
    const next = decodeKey(readFileSync(nextFile(dataDir), 'utf8').trim(), nextFile(dataDir));
    if (fingerprintOf(next) === expected) {
      renameSync(nextFile(dataDir), masterFile(dataDir));
      return next;
    }
  }
  const source = env.FACTURO_MASTER_KEY ? 'FACTURO_MASTER_KEY' : masterFile(dataDir);
  throw new Error(`${source} is not the master key of this database (its fingerprint is ${fingerprintOf(master)}; the data keys are wrapped by the key whose fingerprint is ${expected}). Set the right key; nothing was changed.`);
}

function writeSecretFile(file: string, text: string) {
  writeFileSync(file, text, { mode: 0o600 });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the master key: every data key is unwrapped with the old one and wrapped with the new one in
 * one transaction, with the fingerprint. With master.key, the new key is first written beside it
 * (master.key.next) and put in its place after the commit (openMasterKey finishes an interrupted
 * rotation). With FACTURO_MASTER_KEY, the new key is returned: the operator sets it before restarting.
 * Run it with the server stopped (a running server keeps the old key and refuses to create data keys
 * until restarted).
 */
export async function rotateMasterKey(db: Client, dataDir: string, env: NodeJS.ProcessEnv = process.env, next: Buffer = randomBytes(32)): Promise<{ rewrapped: number; fingerprint: string; newKey: string | null }> {
  const old = await openMasterKey(db, dataDir, env);
  const fromEnv = !!env.FACTURO_MASTER_KEY;
  if (!fromEnv) writeSecretFile(nextFile(dataDir), next.toString('base64') + '\n');
  const rewrapped = await inWriteTransaction(db, async (tx) => {
    const rows = (await tx.execute('SELECT company_id, key_id, wrapped FROM company_keys')).rows;
    for (const r of rows) {
      const aad = `key:${String(r.company_id)}:${String(r.key_id)}`;
      const buf = Buffer.from(r.wrapped as ArrayBuffer);
      const key = open(old, { iv: buf.subarray(0, 12), data: buf.subarray(12) }, aad);
      const sealed = seal(next, key, aad);
      await tx.execute({ sql: 'UPDATE company_keys SET wrapped = ? WHERE company_id = ? AND key_id = ?', args: [Buffer.concat([sealed.iv, sealed.data]), String(r.company_id), String(r.key_id)] });
    }
    await tx.execute({ sql: `UPDATE key_state SET value = ? WHERE name = 'master_fingerprint'`, args: [fingerprintOf(next)] });
    return rows.length;
  });
  if (!fromEnv) renameSync(nextFile(dataDir), masterFile(dataDir));
  return { rewrapped, fingerprint: fingerprintOf(next), newKey: fromEnv ? next.toString('base64') : null };
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
/** Which keys: a company's own (scope null), or a narrower one of it (a customer's: 'cu_…'). */
export type KeyScope = string | null;

const scopeSql = (scope: KeyScope) => (scope === null ? 'scope IS NULL' : 'scope = ?');
const scopeArgs = (scope: KeyScope) => (scope === null ? [] : [scope]);

/** Company data keys (and narrower ones, by scope), unwrapped once and kept in memory. */
export class KeyRing {
  private cache = new Map<string, DataKey>();
  /** `${companyId}|${keyId}` → the cache entry's key (`${companyId}|${scope}`); an entry gone from the cache is a miss. */
  private cachedIds = new Map<string, string>();

  constructor(
    private readonly db: Client,
    private readonly master: Buffer,
  ) {}

  /** The current key of a company (or of one of its scopes), created (and stored wrapped) on first use. */
  async current(companyId: string, scope: KeyScope = null): Promise<DataKey> {
    const cacheKey = `${companyId}|${scope ?? ''}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const dk = (await this.latest(companyId, scope)) ?? (await this.create(companyId, scope));
    this.cache.set(cacheKey, dk);
    this.cachedIds.set(`${companyId}|${dk.keyId}`, cacheKey);
    return dk;
  }

  private async latest(companyId: string, scope: KeyScope): Promise<DataKey | null> {
    const rs = await this.db.execute({
      sql: `SELECT key_id, wrapped FROM company_keys WHERE company_id = ? AND ${scopeSql(scope)} ORDER BY created_at DESC, key_id DESC LIMIT 1`,
      args: [companyId, ...scopeArgs(scope)],
    });
    const row = rs.rows[0];
    return row ? { keyId: String(row.key_id), key: this.unwrap(companyId, String(row.key_id), row.wrapped as ArrayBuffer) } : null;
  }

  async byId(companyId: string, keyId: string): Promise<Buffer> {
    // The cache's key ids, indexed: a billing run opens thousands of customers' records one after another.
    const cached = this.cache.get(this.cachedIds.get(`${companyId}|${keyId}`) ?? '');
    if (cached?.keyId === keyId) return cached.key;
    const rs = await this.db.execute({
      sql: 'SELECT wrapped FROM company_keys WHERE company_id = ? AND key_id = ?',
      args: [companyId, keyId],
    });
    const row = rs.rows[0];
    if (!row) throw new Error(`no data key ${keyId} for company ${companyId} (never made, or destroyed)`);
    return this.unwrap(companyId, keyId, row.wrapped as ArrayBuffer);
  }

  /**
   * A new data key for the company: what is sealed from now on uses it; what was sealed before stays
   * readable with the older ones (byId).
   */
  async rotate(companyId: string, scope: KeyScope = null): Promise<DataKey> {
    const dk = await this.create(companyId, scope, true);
    this.cache.set(`${companyId}|${scope ?? ''}`, dk);
    this.cachedIds.set(`${companyId}|${dk.keyId}`, `${companyId}|${scope ?? ''}`);
    return dk;
  }

  /** Whether a scope's keys were destroyed for good (a customer's erasure). */
  async isErased(companyId: string, scope: string): Promise<boolean> {
    const rs = await this.db.execute({ sql: 'SELECT 1 FROM customer_erasures WHERE company_id = ? AND customer_id = ?', args: [companyId, scope] });
    return rs.rows.length > 0;
  }

  /**
   * Crypto-shredding: destroys every key of a scope (never a company's own). What was sealed under them can
   * no longer be opened by anyone, while the log's hashes, which cover ciphertext, still verify.
   */
  async destroy(companyId: string, scope: string): Promise<number> {
    if (!scope) throw new Error('a company’s own keys are never destroyed');
    const rs = await this.db.execute({ sql: 'DELETE FROM company_keys WHERE company_id = ? AND scope = ?', args: [companyId, scope] });
    this.cache.delete(`${companyId}|${scope}`);
    return rs.rowsAffected;
  }

  private async create(companyId: string, scope: KeyScope, rotating = false): Promise<DataKey> {
    if (scope !== null && (await this.isErased(companyId, scope))) throw new Error(`the keys of ${scope} were destroyed (erasure): nothing is sealed under it again`);
    const key = randomBytes(32);
    const keyId = 'k_' + createHash('sha256').update(key).digest('hex').slice(0, 16);
    const sealed = seal(this.master, key, `key:${companyId}:${keyId}`);
    // Only while this process's master key is still the database's (a rotation from the CLI would
    // otherwise leave a key wrapped by the old one). Without rotating, a key another process made first wins.
    const rs = await this.db.execute({
      sql: `INSERT INTO company_keys (company_id, key_id, wrapped, created_at, scope)
            SELECT ?, ?, ?, ?, ? WHERE COALESCE((SELECT value FROM key_state WHERE name = 'master_fingerprint'), ?) = ?
            ${rotating ? '' : `AND NOT EXISTS (SELECT 1 FROM company_keys WHERE company_id = ? AND ${scopeSql(scope)})`}`,
      args: [companyId, keyId, Buffer.concat([sealed.iv, sealed.data]), new Date().toISOString(), scope, fingerprintOf(this.master), fingerprintOf(this.master),
        ...(rotating ? [] : [companyId, ...scopeArgs(scope)])],
    });
    const recorded = rs.rowsAffected === 0 ? (await this.db.execute(`SELECT value FROM key_state WHERE name = 'master_fingerprint'`)).rows[0] : undefined;
    if (recorded && recorded.value !== fingerprintOf(this.master)) {
      throw new Error('the master key was rotated while this server was running: restart it to use the new one');
    }
    // Another process may have created one first: read back whichever is current.
    return (await this.latest(companyId, scope))!;
  }

  private unwrap(companyId: string, keyId: string, wrapped: ArrayBuffer): Buffer {
    const buf = Buffer.from(wrapped);
    return open(this.master, { iv: buf.subarray(0, 12), data: buf.subarray(12) }, `key:${companyId}:${keyId}`);
  }
}
