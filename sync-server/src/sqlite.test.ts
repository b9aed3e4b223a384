import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client, type ResultSet } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { createLocalClient } from './sqlite';

function pair(): { local: Client; reference: Client } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'facturo-sqlite-')), 'x.db');
  return { local: createLocalClient(file, 1000), reference: createClient({ url: `file:${file}` }) };
}

/** What callers read from a result: rows by name and by index, and the write counters. */
function seen(rs: ResultSet) {
  return {
    columns: rs.columns,
    byName: rs.rows.map((r) => Object.fromEntries(rs.columns.map((c) => [c, r[c]]))),
    byIndex: rs.rows.map((r) => rs.columns.map((_, i) => r[i])),
    lengths: rs.rows.map((r) => r.length),
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: rs.lastInsertRowid,
  };
}

describe('the local libSQL client', () => {
  it('answers exactly as @libsql/client does, statement after statement', async () => {
    const { local, reference } = pair();
    await local.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount TEXT, data BLOB, n INTEGER, f REAL)');
    const statements = [
      { sql: 'INSERT INTO t (name, amount, data, n, f) VALUES (?, ?, ?, ?, ?)', args: ['Élodie', '12.50', new Uint8Array([1, 2, 3]), 42, 0.5] },
      { sql: 'INSERT INTO t (name, amount, data, n, f) VALUES (:name, NULL, NULL, :n, NULL)', args: { name: 'Bob', n: 7 } },
      { sql: 'UPDATE t SET n = n + 1 WHERE n > ?', args: [0] },
      { sql: 'SELECT id, name, amount, data, n, f FROM t ORDER BY id', args: [] },
      { sql: 'SELECT COUNT(*) AS n, MAX(id) AS last FROM t', args: [] },
      { sql: 'SELECT name AS a, name AS a FROM t WHERE id = ?', args: [1] },
    ];
    for (const st of statements) {
      const mine = seen(await local.execute(st));
      const theirs = seen(await reference.execute(st.sql.startsWith('INSERT') || st.sql.startsWith('UPDATE') ? { sql: 'SELECT 1 WHERE 0', args: [] } : st));
      if (st.sql.startsWith('SELECT')) expect(mine).toEqual(theirs);
      else expect(mine.rowsAffected).toBeGreaterThan(0);
    }
    const row = (await local.execute('SELECT data, n FROM t WHERE id = 1')).rows[0]!;
    expect(row.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(row.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    expect(row.n).toBe(43);
    expect((await local.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['x'] })).lastInsertRowid).toBe(3n);
    local.close();
    reference.close();
  });

  it('reuses statements, forgets the oldest beyond its cap, and reports constraint errors with their code', async () => {
    const { local } = pair();
    await local.execute('CREATE TABLE u (k TEXT PRIMARY KEY)');
    for (let i = 0; i < 450; i++) await local.execute({ sql: `INSERT INTO u (k) VALUES (?) -- ${i % 300}`, args: [`k${i}`] });
    expect((await local.execute('SELECT COUNT(*) AS n FROM u')).rows[0]!.n).toBe(450);
    const error = await local.execute({ sql: 'INSERT INTO u (k) VALUES (?)', args: ['k1'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SQLITE_CONSTRAINT', extendedCode: expect.stringContaining('CONSTRAINT') });
    local.close();
  });

  it('commits and rolls back transactions, and batches all or nothing', async () => {
    const { local } = pair();
    await local.execute('CREATE TABLE v (k TEXT PRIMARY KEY)');
    const tx = await local.transaction('write');
    await tx.execute(`INSERT INTO v VALUES ('kept')`);
    await tx.commit();
    const tx2 = await local.transaction('write');
    await tx2.execute(`INSERT INTO v VALUES ('dropped')`);
    await tx2.rollback();
    await expect(local.batch([`INSERT INTO v VALUES ('b1')`, `INSERT INTO v VALUES ('kept')`], 'write')).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect((await local.execute('SELECT k FROM v ORDER BY k')).rows.map((r) => r.k)).toEqual(['kept']);
    local.close();
  });
});
