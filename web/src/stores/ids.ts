// Record ids are generated on the device so records can be created offline (docs/protocol.md "Identifiers").

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `length` uniform base62 characters from crypto.getRandomValues (rejection sampling: no modulo bias). */
export function randomBase62(length: number, random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  let out = '';
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      // 248 = 4 * 62: bytes above it would favour the first characters.
      if (byte < 248 && out.length < length) out += base62[byte % 62];
    }
  }
  return out;
}

export type IdPrefix = 'cu' | 'pr' | 'ob' | 'dc' | 'ln' | 'lg' | 'tb';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(16)}`;
}

/** An idempotency key for a command: 128 bits of randomness is plenty. */
export function newIdempotencyKey(): string {
  return randomBase62(22);
}
