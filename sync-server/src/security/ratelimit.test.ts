import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { AppError, RateLimited } from '../errors';
import { createServices, type Services } from '../services';
import { ACCOUNT_FAILURES_PER_HOUR, attemptStats, FIRST_LOCK_MS, limitedAttempt, MAX_LOCK_MS, RequestBudget, STRIKE_MEMORY_MS, type Attempter } from './ratelimit';

const MINUTE = 60_000;
let now = new Date('2026-03-02T08:00:00Z');
const advance = (ms: number) => (now = new Date(now.getTime() + ms));

const rejected = () => Promise.reject(new AppError(401, 'passkey_rejected', 'the passkey could not be verified'));
const accepted = () => Promise.resolve('us_ok');

/** Runs an attempt: 'locked' with the seconds to wait, 'rate_limited', or what verify answered. */
async function attempt(s: Services, who: Attempter, verify: () => Promise<string>): Promise<string> {
  try {
    return await limitedAttempt(s, who, verify);
  } catch (e) {
    if (e instanceof RateLimited) return e.code === 'locked' ? `locked ${e.retryAfterSeconds}` : e.code;
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

async function fail(s: Services, who: Attempter, times: number) {
  for (let i = 0; i < times; i++) await attempt(s, who, rejected);
}

describe('sign-in lockout', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'facturo-ratelimit-'));
  let s: Services;
  let n = 0;
  /** A new account at a new address, so tests do not share counts. */
  const someone = (): Attempter => ({ address: `192.0.2.${++n}`, userId: `us_test${n}` });
  beforeAll(async () => {
    s = await createServices(loadConfig({ FACTURO_DATA_DIR: dataDir }, { port: 0 }), () => now);
  });
  afterAll(async () => {
    await s.log.close();
    s.db.close();
  });

  it('locks an account at its 20th failure in an hour and refuses it before verify runs', async () => {
    const who = someone();
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR - 1);
    expect(await attempt(s, who, rejected)).toBe('passkey_rejected');
    let ran = false;
    const before = attemptStats(s.db);
    expect(await attempt(s, { ...who, address: '198.51.100.9' }, () => ((ran = true), accepted()))).toBe(`locked ${FIRST_LOCK_MS / 1000}`);
    expect(ran).toBe(false);
    expect(attemptStats(s.db)).toEqual({ processed: before.processed, refused: before.refused + 1 });
  });

  it('verifies no more than 20 of 150 attempts sent all at once, before the first of them has failed', async () => {
    const who = someone();
    let verified = 0;
    const slowlyRejected = async () => {
      verified++;
      await new Promise((resolve) => setImmediate(resolve));
      return rejected();
    };
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => attempt(s, { ...who, address: `198.18.0.${i}` }, slowlyRejected)));
    expect(verified).toBe(ACCOUNT_FAILURES_PER_HOUR);
    expect(answers.filter((a) => a === 'passkey_rejected')).toHaveLength(ACCOUNT_FAILURES_PER_HOUR);
    expect(await attempt(s, who, accepted)).toBe(`locked ${FIRST_LOCK_MS / 1000}`);
  });

  it('counts only the last hour: failures spread thinner than 20 an hour never lock', async () => {
    const who = someone();
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR - 1);
    advance(60 * MINUTE);
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR - 1);
    expect(await attempt(s, who, accepted)).toBe('us_ok');
  });

  it('does not forget failures on a success: the next failure within the hour locks', async () => {
    const who = someone();
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR - 1);
    expect(await attempt(s, who, accepted)).toBe('us_ok');
    await fail(s, who, 1);
    expect(await attempt(s, who, accepted)).toMatch(/^locked/);
  });

  it('doubles each lock that follows another within a day, up to a day, and starts again at 15 minutes after a quiet day', async () => {
    const who = someone();
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR);
    const waits: string[] = [];
    for (let lock = FIRST_LOCK_MS; lock <= 2 * MAX_LOCK_MS; lock *= 2) {
      advance(Math.min(lock, MAX_LOCK_MS));
      // The hour's count is past the limit again, or after a long lock, filled again.
      await fail(s, who, ACCOUNT_FAILURES_PER_HOUR);
      waits.push(await attempt(s, who, accepted));
    }
    expect(waits).toEqual(['locked 1800', 'locked 3600', 'locked 7200', 'locked 14400', 'locked 28800', 'locked 57600', 'locked 86400', 'locked 86400']);
    advance(MAX_LOCK_MS + STRIKE_MEMORY_MS);
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR);
    expect(await attempt(s, who, accepted)).toBe(`locked ${FIRST_LOCK_MS / 1000}`);
  });

  it('keeps a lock through a restart', async () => {
    const who = someone();
    await fail(s, who, ACCOUNT_FAILURES_PER_HOUR);
    const again = await createServices(loadConfig({ FACTURO_DATA_DIR: dataDir }, { port: 0 }), () => now);
    try {
      expect(await attempt(again, who, accepted)).toBe(`locked ${FIRST_LOCK_MS / 1000}`);
    } finally {
      await again.log.close();
      again.db.close();
    }
  });

  it('counts an IPv6 client by its /64 network, whichever address of it each attempt comes from', async () => {
    for (let i = 0; i < 50; i++) await attempt(s, { address: `2001:db8:aa:1::${i.toString(16)}`, userId: null }, rejected);
    expect(await attempt(s, { address: '2001:db8:aa:1:ffff::1', userId: null }, accepted)).toMatch(/^locked/);
    expect(await attempt(s, { address: '2001:db8:aa:2::1', userId: null }, accepted)).toBe('us_ok');
  });
});

describe('RequestBudget', () => {
  const t0 = Date.parse('2026-03-02T08:00:00Z');

  it('lets a key make its requests per minute, then says how long to wait; other keys are unaffected', () => {
    const budget = new RequestBudget(600);
    for (let i = 0; i < 600; i++) expect(budget.take('a', t0 + i * 10)).toBe(0);
    const wait = budget.take('a', t0 + 6000);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(budget.take('b', t0 + 6000)).toBe(0);
    expect(budget.take('a', t0 + 6000 + wait)).toBe(0);
  });

  it('slides: a full last minute weighs on the next one as it fades, so no burst of twice the limit at the turn', () => {
    const budget = new RequestBudget(10);
    for (let i = 0; i < 10; i++) budget.take('a', t0 + 59_000);
    // 30 s into the next minute the last one still counts for half: 5 more, not 10.
    const allowed = Array.from({ length: 10 }, () => budget.take('a', t0 + 90_000)).filter((w) => w === 0).length;
    expect(allowed).toBe(5);
  });

  it('has no limit at 0', () => {
    const budget = new RequestBudget(0);
    for (let i = 0; i < 10_000; i++) expect(budget.take('a', t0)).toBe(0);
  });

  it('keeps at most two minutes of keys, and at most maxKeys of them', () => {
    const budget = new RequestBudget(5, 100);
    for (let i = 0; i < 1000; i++) budget.take(`k${i}`, t0);
    expect(budget.size).toBe(100);
    budget.take('x', t0 + 60_000);
    expect(budget.size).toBe(101);
    budget.take('x', t0 + 180_000);
    expect(budget.size).toBe(1);
  });
});
