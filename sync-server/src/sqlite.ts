import Database from 'libsql';
import type { Client, InArgs, InStatement, InValue, ResultSet, Row, Transaction, TransactionMode } from '@libsql/client';

/*
 * The server's client for a local libSQL file: the part of @libsql/client's Client that Facturo uses
 * (execute, batch, transaction, close), on the `libsql` driver that @libsql/client itself wraps, with
 * each connection's prepared statements kept for reuse. @libsql/client prepares every statement anew,
 * asks for its columns twice and probes it with an exception to learn whether it returns rows: under
 * load that was ≈ 17 % of the server's CPU. Results have the same shape (rows by name and by index,
 * integers as numbers, blobs as ArrayBuffers, lastInsertRowid as a bigint); remote URLs still use
 * @libsql/client (db.ts decides).
 */

interface Prepared {
  stmt: Database.Statement;
  reader: boolean;
  columns: string[];
}

const STATEMENTS_PER_CONNECTION = 200;

/** An error as @libsql/client reports it: `code` is the base SQLite code, `extendedCode` the precise one. */
export class SqliteClientError extends Error {
  constructor(message: string, readonly code: string, readonly extendedCode: string | undefined, override readonly cause: unknown) {
    super(message);
    this.name = 'LibsqlError';
  }
}

function mapError(e: unknown): unknown {
  const err = e as { code?: unknown; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_')) {
    const base = err.code.split('_').slice(0, 2).join('_');
    return new SqliteClientError(err.message ?? base, base, err.code, e);
  }
  return e;
}

function toSql(value: InValue | undefined): unknown {
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  return value;
}

function fromSql(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  if (Buffer.isBuffer(value)) {
    return value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value.buffer : value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  }
  return value;
}

function argsOf(args: InArgs | undefined): unknown[] | Record<string, unknown> {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSql);
  const named: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(args)) named[/^[@$:]/.test(name) ? name.slice(1) : name] = toSql(v);
  return named;
}

class Connection {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Prepared>();

  constructor(path: string, timeout: number) {
    this.db = new Database(path, { timeout });
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  private prepare(sql: string): Prepared {
    const hit = this.cache.get(sql);
    if (hit) {
      // Least recently used goes first: move this one to the end.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const stmt = this.db.prepare(sql);
    stmt.safeIntegers(true);
    const reader = stmt.reader;
    if (reader) stmt.raw(true);
    const prepared: Prepared = { stmt, reader, columns: reader ? stmt.columns().map((c: { name: string }) => c.name) : [] };
    this.cache.set(sql, prepared);
    if (this.cache.size > STATEMENTS_PER_CONNECTION) this.cache.delete(this.cache.keys().next().value!);
    return prepared;
  }

  execute(statement: InStatement | string, args?: InArgs): ResultSet {
    const sql = typeof statement === 'string' ? statement : statement.sql;
    const bound = argsOf(typeof statement === 'string' ? args : statement.args);
    try {
      const { stmt, reader, columns } = this.prepare(sql);
      if (reader) {
        const raw = stmt.all(bound) as unknown[][];
        const rows = raw.map((values) => {
          const row: Record<string | number, unknown> = {};
          Object.defineProperty(row, 'length', { value: values.length });
          for (let i = 0; i < values.length; i++) {
            const v = fromSql(values[i]);
            row[i] = v;
            if (!(columns[i]! in row)) row[columns[i]!] = v;
          }
          return row as unknown as Row;
        });
        return result(columns, rows, 0, undefined);
      }
      const info = stmt.run(bound) as { changes: number; lastInsertRowid: number | bigint };
      return result([], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (e) {
      throw mapError(e);
    }
  }

  exec(sql: string) {
    try {
      this.db.exec(sql);
    } catch (e) {
      throw mapError(e);
    }
  }

  close() {
    this.cache.clear();
    this.db.close();
  }
}

function result(columns: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  const columnTypes = columns.map(() => ''); // declared types are not read: nothing in Facturo uses them
  return {
    columns, columnTypes, rows, rowsAffected, lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((r) => Array.from(r as ArrayLike<unknown>)), rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null }),
  };
}

const BEGIN: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' };

class LocalTransaction {
  closed = false;

  constructor(private conn: Connection | null, private readonly release: (c: Connection) => void) {}

  private connection(): Connection {
    if (!this.conn) throw new SqliteClientError('The transaction is closed', 'TRANSACTION_CLOSED', undefined, null);
    return this.conn;
  }

  async execute(statement: InStatement | string, args?: InArgs): Promise<ResultSet> {
    return this.connection().execute(statement, args);
  }

  async batch(statements: InStatement[]): Promise<ResultSet[]> {
    return statements.map((s) => this.connection().execute(s));
  }

  async executeMultiple(sql: string): Promise<void> {
    this.connection().exec(sql);
  }

  async commit(): Promise<void> {
    this.connection().execute('COMMIT');
    this.close();
  }

  async rollback(): Promise<void> {
    const c = this.connection();
    if (c.inTransaction) c.execute('ROLLBACK');
    this.close();
  }

  close() {
    const c = this.conn;
    if (!c) return;
    this.conn = null;
    this.closed = true;
    try {
      if (c.inTransaction) c.execute('ROLLBACK');
    } finally {
      this.release(c);
    }
  }
}

/** A Client for `file:` URLs (see above). */
export function createLocalClient(path: string, timeout: number): Client {
  const idle: Connection[] = [];
  let closed = false;
  const acquire = (): Connection => {
    if (closed) throw new SqliteClientError('The client is closed', 'CLIENT_CLOSED', undefined, null);
    return idle.pop() ?? new Connection(path, timeout);
  };
  const release = (c: Connection) => {
    if (closed) c.close();
    else idle.push(c);
  };
  const withConnection = <T>(fn: (c: Connection) => T): T => {
    const c = acquire();
    try {
      return fn(c);
    } finally {
      release(c);
    }
  };
  const client = {
    get closed() {
      return closed;
    },
    protocol: 'file' as const,
    async execute(statement: InStatement | string, args?: InArgs) {
      return withConnection((c) => c.execute(statement, args));
    },
    async batch(statements: InStatement[], mode: TransactionMode = 'deferred') {
      return withConnection((c) => {
        c.execute(BEGIN[mode]);
        try {
          const out = statements.map((s) => c.execute(s));
          c.execute('COMMIT');
          return out;
        } finally {
          if (c.inTransaction) c.execute('ROLLBACK');
        }
      });
    },
    async transaction(mode: TransactionMode = 'write') {
      const c = acquire();
      try {
        c.execute(BEGIN[mode]);
      } catch (e) {
        release(c);
        throw e;
      }
      return new LocalTransaction(c, release) as unknown as Transaction;
    },
    async executeMultiple(sql: string) {
      withConnection((c) => c.exec(sql));
    },
    close() {
      closed = true;
      for (const c of idle.splice(0)) c.close();
    },
  };
  // Fail fast if the file cannot be opened at all, as @libsql/client does.
  withConnection((c) => c.execute('SELECT 1'));
  return client as unknown as Client;
}
