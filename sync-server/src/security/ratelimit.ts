import type { Client, Transaction } from '@libsql/client';
import type { MiddlewareHandler } from 'hono';
import type { Env } from '../api/context';
import { companiesOf } from '../companies';
import { mailLockedUser, raiseAlert } from './alerts';
import { inWriteTransaction } from '../db';
import { AppError, RateLimited } from '../errors';
import { newId } from '../ids';
import { recordEvent, type Services } from '../services';
import { addressBucket, clientIp } from './client-ip';

/*
 * Rate limits and lockout (issue 4), two kinds:
 * - Sign-in and account recovery: failed attempts are counted per account and per client address over
 *   a sliding hour, in libSQL (a restart lifts no lock). Past the limit the account or the address is
 *   locked, and while it is, its attempts are refused before any verification; near the limit, they are
 *   verified one at a time. Recovery endpoints go through limitedAttempt() with the account they name,
 *   and so share the account's count.
 * - The API's budget of requests per client address and per API token, in memory: each server process
 *   counts its own (behind a load balancer, each sees its share).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A passkey assertion fails only when forged or broken, or when its challenge is over 5 minutes old: 20
 * failures in an hour is an attack, not a person. (The bar: of 150 in an hour, at most 100 processed.)
 */
export const ACCOUNT_FAILURES_PER_HOUR = 20;
/**
 * Higher than an account's: an office behind one NAT address shares it, and a device may keep offering
 * a passkey since removed from its account.
 */
export const ADDRESS_FAILURES_PER_HOUR = 50;
/** The first lock; each further lock of the same account or address lasts twice the one before... */
export const FIRST_LOCK_MS = 15 * MINUTE;
/** ...up to a day, the most a person locked out by someone else's attempts should wait. */
export const MAX_LOCK_MS = 24 * HOUR;
/** ...as long as it starts within a day of the previous lock's end; after that, back to FIRST_LOCK_MS. */
export const STRIKE_MEMORY_MS = 24 * HOUR;
/**
 * The PWA makes a few API calls a minute (documents sync over WebSocket): 600 a minute leaves room for an
 * office of people behind one address, and keeps one address from flooding the server.
 */
export const API_REQUESTS_PER_MINUTE_PER_ADDRESS = 600;
/**
 * An integration's own budget: 100 requests a second (what the big billing APIs allow), so a bulk import or a
 * nightly sync is paced by Retry-After rather than stopped, while one token cannot take the whole server
 * (create + issue through the API runs at ≈ 400–460 invoices/s on two cores, 2 requests each).
 */
export const API_REQUESTS_PER_MINUTE_PER_TOKEN = 6000;

/** Who an attempt counts against: its client address always, and the account when it names one. */
export interface Attempter {
  address: string;
  userId: string | null;
}

interface Lock {
  subject: string;
  failures: number;
  until: Date;
}

const subjectsOf = (who: Attempter) => [`address:${addressBucket(who.address)}`, ...(who.userId ? [`account:${who.userId}`] : [])];
const limitOf = (subject: string) => (subject.startsWith('account:') ? ACCOUNT_FAILURES_PER_HOUR : ADDRESS_FAILURES_PER_HOUR);

const stats = new WeakMap<Client, { processed: number; refused: number }>();

function statsOf(db: Client) {
  let s = stats.get(db);
  if (!s) stats.set(db, (s = { processed: 0, refused: 0 }));
  return s;
}

/** Attempts this process let through to verification and refused before it (tests and health). */
export function attemptStats(db: Client): { processed: number; refused: number } {
  return { ...statsOf(db) };
}

/** Says when to come back, and nothing of whether the account exists: an address's lock reads the same. */
function lockedOut(until: Date, now: Date): RateLimited {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new RateLimited('locked', `too many failed sign-in attempts: signing in is paused; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`, seconds);
}

const busy = () => new RateLimited('rate_limited', 'too many sign-in attempts at once: try again in a moment', 1);

/**
 * One sign-in or recovery attempt under the limits: refused (429) before `verify` runs while the account
 * or the address is locked; otherwise a refusal that `verify` throws counts as a failure against both,
 * and a lock it starts goes to the audit log.
 */
export async function limitedAttempt<T>(s: Services, who: Attempter, verify: () => Promise<T>): Promise<T> {
  const subjects = subjectsOf(who);
  const attempt = newId('at');
  try {
    await inWriteTransaction(s.db, (tx) => admit(tx, attempt, subjects, s.now()));
  } catch (e) {
    if (e instanceof RateLimited) statsOf(s.db).refused++;
    throw e;
  }
  statsOf(s.db).processed++;
  let result: T;
  try {
    result = await verify();
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const locks = await inWriteTransaction(s.db, (tx) => recordFailure(tx, attempt, subjects, s.now()));
      for (const lock of locks) await recordLock(s, lock, who);
    } else {
      await s.db.execute({ sql: 'DELETE FROM sign_in_attempts WHERE attempt = ?', args: [attempt] });
    }
    throw e;
  }
  await s.db.execute({ sql: 'DELETE FROM sign_in_attempts WHERE attempt = ?', args: [attempt] });
  return result;
}

/** Failures of the last hour count; attempts still being verified count for a minute at most (then they were cut short). */
const windowOf = (now: Date) => ({ at: now.toISOString(), hourAgo: new Date(now.getTime() - HOUR).toISOString(), pendingSince: new Date(now.getTime() - MINUTE).toISOString() });

/**
 * Lets an attempt in, or refuses it: while a subject is locked; and, near a subject's limit, while another
 * of its attempts is being verified (attempts in flight count as failures until they are not), so that
 * attempts sent all at once are not all verified before the first of them locks the account.
 */
async function admit(tx: Transaction, attempt: string, subjects: string[], now: Date) {
  const w = windowOf(now);
  const locked = await tx.execute({
    sql: `SELECT MAX(until) AS until FROM sign_in_locks WHERE subject IN (${subjects.map(() => '?').join(', ')}) AND until > ?`,
    args: [...subjects, w.at],
  });
  const until = locked.rows[0]?.until;
  if (until !== null && until !== undefined) throw lockedOut(new Date(String(until)), now);
  for (const subject of subjects) {
    const rs = await tx.execute({
      sql: `SELECT COALESCE(SUM(failed), 0) AS failures, COUNT(*) - COALESCE(SUM(failed), 0) AS pending FROM sign_in_attempts
            WHERE subject = ? AND at > ? AND (failed = 1 OR at > ?)`,
      args: [subject, w.hourAgo, w.pendingSince],
    });
    const failures = Number(rs.rows[0]?.failures ?? 0);
    const pending = Number(rs.rows[0]?.pending ?? 0);
    if (pending > 0 && failures + pending >= limitOf(subject)) throw busy();
  }
  for (const subject of subjects) {
    await tx.execute({ sql: 'INSERT INTO sign_in_attempts (attempt, subject, at, failed) VALUES (?, ?, ?, 0)', args: [attempt, subject, w.at] });
  }
}

/**
 * Counts the attempt as failed against each subject; a subject at its limit and not locked yet is locked.
 * (An attempt let in before a lock began may fail after it: it counts, and does not lock again.)
 */
async function recordFailure(tx: Transaction, attempt: string, subjects: string[], now: Date): Promise<Lock[]> {
  const w = windowOf(now);
  // The tables hold an hour of failures and a day of past locks: nothing older counts.
  await tx.execute({ sql: 'DELETE FROM sign_in_attempts WHERE at <= ? OR (failed = 0 AND at <= ?)', args: [w.hourAgo, w.pendingSince] });
  await tx.execute({ sql: 'DELETE FROM sign_in_locks WHERE until <= ?', args: [new Date(now.getTime() - STRIKE_MEMORY_MS).toISOString()] });
  await tx.execute({ sql: 'UPDATE sign_in_attempts SET failed = 1, at = ? WHERE attempt = ?', args: [w.at, attempt] });
  const locks: Lock[] = [];
  for (const subject of subjects) {
    const counted = await tx.execute({ sql: 'SELECT COUNT(*) AS n FROM sign_in_attempts WHERE subject = ? AND failed = 1 AND at > ?', args: [subject, w.hourAgo] });
    const failures = Number(counted.rows[0]?.n ?? 0);
    if (failures < limitOf(subject)) continue;
    const previous = (await tx.execute({ sql: 'SELECT until, strikes FROM sign_in_locks WHERE subject = ?', args: [subject] })).rows[0];
    if (previous && String(previous.until) > w.at) continue;
    const strikes = previous ? Number(previous.strikes) + 1 : 1;
    const until = new Date(now.getTime() + Math.min(FIRST_LOCK_MS * 2 ** (strikes - 1), MAX_LOCK_MS));
    await tx.execute({
      sql: `INSERT INTO sign_in_locks (subject, locked_at, until, strikes) VALUES (?, ?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET locked_at = excluded.locked_at, until = excluded.until, strikes = excluded.strikes`,
      args: [subject, w.at, until.toISOString(), strikes],
    });
    locks.push({ subject, failures, until });
  }
  return locks;
}

/**
 * A locked account is recorded in the audit log of each of its companies and raises an alert there
 * (their owners and admins see it in the app, and by email), and the person is told at their own address;
 * an address or a person of no company goes to '_system' (the operator's).
 */
async function recordLock(s: Services, lock: Lock, who: Attempter) {
  const event = { type: 'sign_in_locked', failures: lock.failures, ip: who.address, until: lock.until.toISOString() };
  if (!lock.subject.startsWith('account:') || !who.userId) {
    await recordEvent(s, '_system', 'system:sign-in', { ...event, scope: 'address' });
    return;
  }
  const companies = await companiesOf(s.db, who.userId);
  for (const companyId of companies.length > 0 ? companies.map((co) => co.id) : ['_system']) {
    await recordEvent(s, companyId, 'system:sign-in', { ...event, scope: 'account', userId: who.userId });
    if (companyId !== '_system') await raiseAlert(s, companyId, 'sign_in_locked', who.userId, { failures: lock.failures, ip: who.address, until: lock.until.toISOString() });
  }
  // And the person, at their own address, without holding up the refusal.
  void mailLockedUser(s, who.userId, { failures: lock.failures, ip: who.address, until: lock.until }).catch((e: unknown) => console.error(`lock of ${who.userId}: not emailed: ${(e as Error).message}`));
}

/**
 * Requests per key over a sliding minute, estimated from two fixed windows (the last one's count weighted
 * by how much of it the sliding minute still covers). Memory is two Maps, the older dropped as each
 * minute begins, of at most maxKeys keys each: a key past that is let through uncounted rather than refused.
 */
export class RequestBudget {
  private window = Number.NEGATIVE_INFINITY;
  private current = new Map<string, number>();
  private previous = new Map<string, number>();

  constructor(
    readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until `key` may make a request (0: now), without counting one. */
  wait(key: string, nowMs: number): number {
    if (this.perMinute === 0) return 0;
    this.roll(nowMs);
    const start = this.window * MINUTE;
    const before = this.previous.get(key) ?? 0;
    const count = this.current.get(key) ?? 0;
    const limit = this.perMinute;
    if (before * (1 - (nowMs - start) / MINUTE) + count < limit) return 0;
    // When the estimate falls under the limit: in this minute as the last one's weight fades, or in the next.
    const at = count < limit ? start + MINUTE * (1 - (limit - count) / before) : start + MINUTE * (2 - limit / count);
    return Math.max(1, Math.ceil(at - nowMs) + 1);
  }

  /** Counts a request for `key` if allowed: returns 0, or the milliseconds to wait (nothing counted). */
  take(key: string, nowMs: number): number {
    const wait = this.wait(key, nowMs);
    if (wait === 0 && this.perMinute > 0 && (this.current.has(key) || this.current.size < this.maxKeys)) {
      this.current.set(key, (this.current.get(key) ?? 0) + 1);
    }
    return wait;
  }

  /** Keys counted (for tests: memory stays bounded). */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  private roll(nowMs: number) {
    const window = Math.floor(nowMs / MINUTE);
    if (window === this.window) return;
    this.previous = window === this.window + 1 ? this.current : new Map();
    this.current = new Map();
    this.window = window;
  }
}

const tooManyRequests = (waitMs: number) => {
  const seconds = Math.ceil(waitMs / 1000);
  return new RateLimited('rate_limited', `too many requests: try again in ${seconds} second${seconds === 1 ? '' : 's'}`, seconds);
};

/**
 * The API's budgets. `byAddress` runs before identify(): calls without an API token count against
 * their client address before anything is looked up; calls with one are let in while their address has
 * budget left, and count against it only when refused (401: someone guessing tokens). `byToken` runs
 * after identify() and counts a token's calls against the token.
 */
export function apiBudgets(s: Services): { byAddress: MiddlewareHandler<Env>; byToken: MiddlewareHandler<Env> } {
  const perAddress = new RequestBudget(s.config.apiLimits.perAddress ?? API_REQUESTS_PER_MINUTE_PER_ADDRESS);
  const perToken = new RequestBudget(s.config.apiLimits.perToken ?? API_REQUESTS_PER_MINUTE_PER_TOKEN);
  return {
    byAddress: async (c, next) => {
      const address = addressBucket(clientIp(c, s.config.trustProxy));
      const withToken = c.req.header('authorization')?.startsWith('Bearer ') ?? false;
      const now = s.now().getTime();
      const wait = withToken ? perAddress.wait(address, now) : perAddress.take(address, now);
      if (wait > 0) throw tooManyRequests(wait);
      await next();
      if (withToken && c.res.status === 401) perAddress.take(address, s.now().getTime());
    },
    byToken: async (c, next) => {
      const token = c.get('principal').token;
      const wait = token ? perToken.take(token.tokenId, s.now().getTime()) : 0;
      if (wait > 0) throw tooManyRequests(wait);
      await next();
    },
  };
}
