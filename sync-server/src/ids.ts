import { createHash, randomBytes } from 'node:crypto';
import { randomBytesPooled } from './random';

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 id with a type prefix, e.g. co_3kTq… (rejection sampling keeps it unbiased). */
export function newId(prefix: string, length = 16): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytesPooled(length * 2)) {
      if (b < 248 && out.length < length) out += alphabet[b % 62];
    }
  }
  return `${prefix}_${out}`;
}

/** A bearer secret (session, invitation, API token); only its hash is ever stored. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
