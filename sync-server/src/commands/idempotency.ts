import { createHash } from 'node:crypto';
import type { Client, Transaction } from '@libsql/client';
import { canonicalJson } from '@facturo/core';
import { conflict } from '../errors';

/*
 * Exactly once (invariant 6): a command's result is stored under (company, idempotency key) in the
 * same transaction as its effects. The same key with the same request returns the stored result;
 * the same key with another request is a 409.
 */
export function requestHash(name: string, request: unknown): string {
  return createHash('sha256').update(canonicalJson({ name, request })).digest('hex');
}

export interface StoredCommand<T> {
  status: number;
  result: T;
}

export async function storedResult<T>(db: Client | Transaction, companyId: string, key: string, hash: string): Promise<StoredCommand<T> | null> {
  const row = (await db.execute({ sql: 'SELECT request_hash, status, result FROM commands WHERE company_id = ? AND idempotency_key = ?', args: [companyId, key] })).rows[0];
  if (!row) return null;
  if (row.request_hash !== hash) throw conflict('idempotency_key_reused', 'this Idempotency-Key was already used for a different request');
  return { status: Number(row.status), result: JSON.parse(String(row.result)) as T };
}

export async function storeResult(tx: Transaction, c: { companyId: string; key: string; name: string; hash: string; status: number; result: unknown; at: Date }) {
  await tx.execute({
    sql: 'INSERT INTO commands (company_id, idempotency_key, name, request_hash, status, result, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    args: [c.companyId, c.key, c.name, c.hash, c.status, JSON.stringify(c.result), c.at.toISOString()],
  });
}
