import type { Client } from '@libsql/client';
import { inWriteTransaction } from '../db';
import { hashSecret } from '../ids';
import { randomBytesPooled } from '../random';

/*
 * One-time recovery codes, for the day a person has lost every passkey: ten codes of 16 characters
 * (4 groups of 4, 80 random bits each) from an alphabet without look-alikes (no 0/O, 1/I). Only the
 * SHA-256 of each normalised code is stored (80 bits cannot be searched for offline), so a code finds its
 * person by its hash alone. A used code is deleted; a new set replaces the old one whole.
 */
export const RECOVERY_CODE_COUNT = 10;
/** 32 symbols exactly, so that `byte % 32` draws each alike. */
const SYMBOLS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const bytes = randomBytesPooled(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += (i > 0 && i % 4 === 0 ? '-' : '') + SYMBOLS[bytes[i]! % 32];
  return out;
}

/** What the person typed, as it was generated: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const hashOf = (typed: string) => hashSecret(`recovery:${normaliseCode(typed)}`);

/** A fresh set of codes for the user, replacing any earlier one; returned once, never stored in clear. */
export async function generateRecoveryCodes(db: Client, userId: string, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await inWriteTransaction(db, async (tx) => {
    await tx.execute({ sql: 'DELETE FROM recovery_codes WHERE user_id = ?', args: [userId] });
    for (const code of codes) {
      await tx.execute({ sql: 'INSERT INTO recovery_codes (code_hash, user_id, created_at) VALUES (?, ?, ?)', args: [hashOf(code), userId, now.toISOString()] });
    }
  });
  return codes;
}

export async function recoveryCodesLeft(db: Client, userId: string): Promise<number> {
  return Number((await db.execute({ sql: 'SELECT COUNT(*) AS n FROM recovery_codes WHERE user_id = ?', args: [userId] })).rows[0]?.n ?? 0);
}

/** The person a code belongs to, or null; the code stays usable. */
export async function recoveryCodeOwner(db: Client, typed: string): Promise<string | null> {
  const row = (await db.execute({ sql: 'SELECT user_id FROM recovery_codes WHERE code_hash = ?', args: [hashOf(typed)] })).rows[0];
  return row ? String(row.user_id) : null;
}

/** Burns the code: true if it was still there (two requests racing with one code: one wins). */
export async function burnRecoveryCode(db: Client, typed: string, userId: string): Promise<boolean> {
  const rs = await db.execute({ sql: 'DELETE FROM recovery_codes WHERE code_hash = ? AND user_id = ? RETURNING code_hash', args: [hashOf(typed), userId] });
  return rs.rows.length > 0;
}
