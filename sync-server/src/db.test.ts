import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { afterCommit, inWriteTransaction, openDatabase, writeStats } from './db';

let driver: 'statements' | 'client' = 'statements';

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'facturo-db-'));
  const db = await openDatabase({ libsqlUrl: `file:${path.join(dir, 'facturo.db')}`, libsqlDriver: driver });
  await db.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  return db;
}

describe.each(['statements', 'client'] as const)('group commit (driver: %s)', (d) => {
  beforeEach(() => {
    driver = d;
  });

  it('lets concurrent transactions share commits, each still seeing the ones before it', async () => {
    const db = await setup();
    const before = writeStats(db);
    let commits = 0;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        inWriteTransaction(db, async (tx) => {
          const before = Number((await tx.execute('SELECT COUNT(*) AS n FROM t')).rows[0]!.n);
          await tx.execute({ sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [`k${i}`, before] });
          afterCommit(db, () => commits++);
          return before;
        }),
      ),
    );
    // Serial: the i-th to run saw exactly i rows.
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(commits).toBe(40);
    const after = writeStats(db);
    expect(after.transactions - before.transactions).toBe(40);
    expect(after.commits - before.commits).toBeLessThan(10);
    expect(Number((await db.execute('SELECT COUNT(*) AS n FROM t')).rows[0]!.n)).toBe(40);
  });

  it('gathers transactions that start in separate event-loop callbacks (HTTP requests) into one commit', async () => {
    const db = await setup();
    const before = writeStats(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => new Promise((resolve, reject) => {
        setTimeout(() => inWriteTransaction(db, (tx) => tx.execute({ sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [`r${i}`, i] })).then(resolve, reject), 0);
      })),
    );
    const after = writeStats(db);
    expect(after.transactions - before.transactions).toBe(20);
    expect(after.commits - before.commits).toBeLessThanOrEqual(2);
  });

  it('rolls back a failing transaction alone, without its hooks, while the others of its group commit', async () => {
    const db = await setup();
    const hooks: string[] = [];
    const outcomes = await Promise.allSettled([
      inWriteTransaction(db, async (tx) => {
        await tx.execute(`INSERT INTO t (k, v) VALUES ('a', 1)`);
        afterCommit(db, () => hooks.push('a'));
      }),
      inWriteTransaction(db, async (tx) => {
        await tx.execute(`INSERT INTO t (k, v) VALUES ('b', 1)`);
        afterCommit(db, () => hooks.push('b'));
        throw new Error('b changed its mind');
      }),
      inWriteTransaction(db, async (tx) => {
        await tx.execute(`INSERT INTO t (k, v) VALUES ('a', 2)`); // primary key taken by the first
      }),
      db.execute(`INSERT INTO t (k, v) VALUES ('c', 3)`),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(hooks).toEqual(['a']);
    const rows = (await db.execute('SELECT k, v FROM t ORDER BY k')).rows.map((r) => `${String(r.k)}=${String(r.v)}`);
    expect(rows).toEqual(['a=1', 'c=3']);
  });

  it('refuses afterCommit outside a write transaction', async () => {
    const db = await setup();
    expect(() => afterCommit(db, () => undefined)).toThrow(/no write transaction/);
  });
});
