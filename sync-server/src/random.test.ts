import { describe, expect, it } from 'vitest';
import { newId } from './ids';
import { randomBytesPooled } from './random';

describe('pooled randomness', () => {
  it('never hands out the same bytes twice, across refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(randomBytesPooled(12).toString('hex'));
    expect(seen.size).toBe(5000);
    expect(randomBytesPooled(10_000)).toHaveLength(10_000);
  });

  it('gives ids that are unique and spread over the whole alphabet', () => {
    const ids = Array.from({ length: 20_000 }, () => newId('dc'));
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const id of ids) for (const ch of id.slice(3)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    const expected = (20_000 * 16) / 62;
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.1);
  });
});
