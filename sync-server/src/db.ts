import { createClient, type Client, type InArgs, type InStatement, type Transaction, type TransactionMode } from '@libsql/client';
import type { Config } from './config';

/*
 * One schema, migrated forward in order. Each step runs once; the version lives in user_version.
 * The log is append-only: nothing here UPDATEs or DELETEs it except compaction, which may only
 * replace entries already covered by a snapshot with their digest (which keeps the chain verifiable).
 */
const migrations: string[][] = [
  [
    `CREATE TABLE companies (id TEXT PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE company_keys (company_id TEXT NOT NULL, key_id TEXT NOT NULL, wrapped BLOB NOT NULL,
       created_at TEXT NOT NULL, PRIMARY KEY (company_id, key_id))`,
    `CREATE TABLE users (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, created_at TEXT NOT NULL)`,
    `CREATE TABLE passkeys (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), public_key BLOB NOT NULL,
       counter INTEGER NOT NULL, transports TEXT, device_type TEXT, backed_up INTEGER NOT NULL DEFAULT 0,
       name TEXT NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT)`,
    `CREATE INDEX passkeys_user ON passkeys(user_id)`,
    `CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at TEXT NOT NULL,
       last_seen_at TEXT NOT NULL, expires_at TEXT NOT NULL, user_agent TEXT, ip TEXT)`,
    `CREATE TABLE challenges (id TEXT PRIMARY KEY, challenge TEXT NOT NULL, kind TEXT NOT NULL, user_id TEXT,
       invite_hash TEXT, display_name TEXT, passkey_name TEXT, expires_at TEXT NOT NULL)`,
    `CREATE TABLE memberships (company_id TEXT NOT NULL REFERENCES companies(id), user_id TEXT NOT NULL REFERENCES users(id),
       role TEXT NOT NULL, joined_at TEXT NOT NULL, PRIMARY KEY (company_id, user_id))`,
    `CREATE TABLE invitations (token_hash TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), role TEXT NOT NULL,
       created_by TEXT, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT)`,
    `CREATE TABLE api_tokens (id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, company_id TEXT NOT NULL REFERENCES companies(id),
       role TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT)`,
    // seq is the rowid (the log is never deleted from, so it only grows). Rows name their company and
    // document by log_names id and their kind by code (log.ts); `entry` packs the header, the ciphertext
    // and the hash that links the chain (layout in log/entry.mjs).
    `CREATE TABLE log_names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`,
    `CREATE TABLE log (seq INTEGER PRIMARY KEY, company INTEGER NOT NULL, company_seq INTEGER NOT NULL,
       doc INTEGER, kind INTEGER NOT NULL, entry BLOB NOT NULL, UNIQUE (company, company_seq))`,
    `CREATE INDEX log_doc ON log(doc, seq)`,
  ],
  [
    // Projection of documents (drafts and issued) for lists, the API and reports; issued rows also
    // hold the frozen content (encrypted) and its SHA-256. Numbers are unique per company.
    `CREATE TABLE documents (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), kind TEXT NOT NULL,
       status TEXT NOT NULL, customer_id TEXT, series_id TEXT, period TEXT, seq INTEGER, number TEXT, issue_date TEXT,
       due_date TEXT, currency TEXT NOT NULL DEFAULT 'EUR', total_excl TEXT, total_tax TEXT, total_incl TEXT,
       preceding_id TEXT, content_key_id TEXT, content_iv BLOB, content BLOB, content_sha256 TEXT,
       created_at TEXT NOT NULL, updated_at TEXT NOT NULL, issued_at TEXT, issued_by TEXT,
       UNIQUE (company_id, number), UNIQUE (company_id, series_id, period, seq))`,
    `CREATE INDEX documents_company ON documents(company_id, status, created_at)`,
    `CREATE TABLE series_counters (company_id TEXT NOT NULL, series_id TEXT NOT NULL, period TEXT NOT NULL,
       last_seq INTEGER NOT NULL, PRIMARY KEY (company_id, series_id, period))`,
    // Exactly-once commands (invariant 6): the result of a command is stored with its key.
    `CREATE TABLE commands (company_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, name TEXT NOT NULL,
       request_hash TEXT NOT NULL, status INTEGER NOT NULL, result TEXT NOT NULL, created_at TEXT NOT NULL,
       PRIMARY KEY (company_id, idempotency_key))`,
    // Company secrets (SMTP password, gateway keys) never go into the shared Yjs documents: they are
    // sealed here with the company's data key.
    `CREATE TABLE company_secrets (company_id TEXT NOT NULL, name TEXT NOT NULL, key_id TEXT NOT NULL, iv BLOB NOT NULL,
       data BLOB NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (company_id, name))`,
  ],
];

export async function openDatabase(config: Pick<Config, 'libsqlUrl' | 'libsqlAuthToken'>): Promise<Client> {
  // timeout = SQLite's busy timeout on every pooled connection: another process writing (the CLI
  // beside a running server) makes a writer wait instead of failing.
  const client = createClient({ url: config.libsqlUrl, authToken: config.libsqlAuthToken, timeout: 10_000 });
  if (config.libsqlUrl.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  await migrate(client);
  await refusePreReleaseLog(client, config.libsqlUrl);
  return queued(client);
}

const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql);

/**
 * The client every module uses: single write statements wait their turn in this process's write
 * queue, like transactions do, instead of colliding in SQLite's busy handler (which sleeps).
 */
function queued(raw: Client): Client {
  const queue = new WriteQueue();
  const proxy: Client = new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (stmt: InStatement | string, args?: InArgs) => {
          const sql = typeof stmt === 'string' ? stmt : stmt.sql;
          const run = () => (args === undefined ? target.execute(stmt as InStatement) : target.execute(stmt as string, args));
          return isWrite(sql) ? queue.run(run) : run();
        };
      }
      if (prop === 'batch') {
        return (stmts: InStatement[], mode?: TransactionMode) => (mode === 'read' ? target.batch(stmts, mode) : queue.run(() => target.batch(stmts, mode)));
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  queues.set(proxy, queue);
  return proxy;
}

/**
 * Pre-release builds wrote the log in another row layout (one column per header field). Nothing was
 * released with it, so there is no conversion: such a database is refused with what to do.
 */
async function refusePreReleaseLog(client: Client, url: string) {
  const columns = (await client.execute('PRAGMA table_info(log)')).rows.map((r) => String(r.name));
  if (!columns.includes('entry') || !columns.includes('company')) {
    throw new Error(
      `${url}: this database was written by a pre-release build of Facturo whose log layout has changed. ` +
        'Move it (and its -wal/-shm files) away, or delete the var/ folder, and start again.',
    );
  }
}

async function migrate(client: Client) {
  const row = (await client.execute('PRAGMA user_version')).rows[0];
  const current = Number(row?.[0] ?? 0);
  for (let v = current; v < migrations.length; v++) {
    await client.batch([...migrations[v]!, `PRAGMA user_version = ${v + 1}`], 'write');
  }
}

/**
 * Runs write transactions of this process one at a time. SQLite has one writer anyway; queueing
 * here instead of in SQLite's busy handler keeps latency flat under load.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

const queues = new WeakMap<Client, WriteQueue>();

/** One write transaction, committed if fn resolves, rolled back if it throws. */
export async function inWriteTransaction<T>(db: Client, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = new WriteQueue()));
  return queue.run(async () => {
    const tx = await db.transaction('write');
    try {
      const result = await fn(tx);
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => undefined);
      throw error;
    } finally {
      tx.close();
    }
  });
}
