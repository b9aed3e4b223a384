import { describe, expect, it } from 'vitest';
import { newId, randomBase62 } from './ids';

describe('ids', () => {
  it('makes customer ids of the protocol shape: prefix and 16 base62 characters', () => {
    expect(newId('cu')).toMatch(/^cu_[0-9A-Za-z]{16}$/);
    expect(newId('pr')).toMatch(/^pr_[0-9A-Za-z]{16}$/);
  });

  it('never repeats across many draws', () => {
    const ids = new Set(Array.from({ length: 5000 }, () => newId('cu')));
    expect(ids.size).toBe(5000);
  });

  it('drops bytes that would bias the alphabet', () => {
    // Only bytes >= 248 at first, then zeros: the biased bytes must be skipped, not folded in.
    let calls = 0;
    const random = (b: Uint8Array) => {
      b.fill(calls++ === 0 ? 250 : 0);
      return b;
    };
    expect(randomBase62(4, random)).toBe('0000');
    expect(calls).toBe(2);
  });
});
