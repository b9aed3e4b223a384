import { createClient, type Client, type InArgs, type InStatement, type Transaction, type TransactionMode } from '@libsql/client';
import { fileURLToPath } from 'node:url';
import type { Config } from './config';
import { createLocalClient } from './sqlite';

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
  [
    // Custom roles (core/permissions.ts): a name and the permissions it grants; memberships.role and
    // api_tokens.role hold a built-in role's name or a custom role's id.
    `CREATE TABLE company_roles (company_id TEXT NOT NULL REFERENCES companies(id), id TEXT NOT NULL, name TEXT NOT NULL,
       permissions TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
       PRIMARY KEY (company_id, id), UNIQUE (company_id, name))`,
  ],
  [
    // API tokens narrowed to some of their role's permissions, with an expiry and who made them.
    `ALTER TABLE api_tokens ADD COLUMN scopes TEXT`,
    `ALTER TABLE api_tokens ADD COLUMN expires_at TEXT`,
    `ALTER TABLE api_tokens ADD COLUMN created_by TEXT`,
    // Breaks found in a company's hash chain (log/integrity.ts); the company is not served while one is
    // not acknowledged by an owner. Kept for ever: they are part of the audit trail.
    `CREATE TABLE company_integrity (company_id TEXT NOT NULL REFERENCES companies(id), broken_seq INTEGER NOT NULL,
       broken_company_seq INTEGER NOT NULL, reason TEXT NOT NULL, detected_at TEXT NOT NULL, acknowledged_by TEXT,
       acknowledged_at TEXT, note TEXT, PRIMARY KEY (company_id, broken_seq))`,
  ],
  [
    // Sign-in and recovery attempts (security/ratelimit.ts): a row per subject ('account:us_…' or
    // 'address:…') while the attempt is verified, kept an hour if it failed, gone if it succeeded; and
    // the locks they caused, here so that a restart lifts none. A lock row outlives its lock by a day:
    // a lock within that day lasts twice as long.
    `CREATE TABLE sign_in_attempts (attempt TEXT NOT NULL, subject TEXT NOT NULL, at TEXT NOT NULL, failed INTEGER NOT NULL)`,
    `CREATE INDEX sign_in_attempts_subject ON sign_in_attempts(subject, at)`,
    `CREATE INDEX sign_in_attempts_at ON sign_in_attempts(at)`,
    `CREATE INDEX sign_in_attempts_attempt ON sign_in_attempts(attempt)`,
    `CREATE TABLE sign_in_locks (subject TEXT PRIMARY KEY, locked_at TEXT NOT NULL, until TEXT NOT NULL, strikes INTEGER NOT NULL)`,
  ],
  [
    // Bank details change only after a second authorised person approves (security/bank.ts).
    `CREATE TABLE bank_changes (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), target TEXT NOT NULL,
       iban TEXT NOT NULL, bic TEXT, requested_by TEXT NOT NULL, requested_at TEXT NOT NULL, status TEXT NOT NULL,
       decided_by TEXT, decided_at TEXT, reason TEXT)`,
    `CREATE INDEX bank_changes_company ON bank_changes(company_id, status, requested_at)`,
    // Anomaly alerts for owners (security/alerts.ts), and what they are measured against: the devices,
    // networks and hours each member usually works from.
    `CREATE TABLE alerts (id TEXT PRIMARY KEY, company_id TEXT NOT NULL REFERENCES companies(id), kind TEXT NOT NULL,
       actor TEXT, details TEXT NOT NULL, created_at TEXT NOT NULL, read_by TEXT, read_at TEXT)`,
    `CREATE INDEX alerts_company ON alerts(company_id, created_at)`,
    `CREATE TABLE member_habits (company_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,
       seen INTEGER NOT NULL, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, PRIMARY KEY (company_id, user_id, kind, value))`,
  ],  [
    // Passkeys hardened (issue 4). Sessions get a public id (what the sessions list shows and ends: never
    // the token's hash), the time of their last passkey ceremony (re-authentication), and a recovery flag.
    `ALTER TABLE sessions ADD COLUMN public_id TEXT`,
    `ALTER TABLE sessions ADD COLUMN reauth_at TEXT`,
    `ALTER TABLE sessions ADD COLUMN recovery INTEGER NOT NULL DEFAULT 0`,
    `UPDATE sessions SET public_id = 'se_' || lower(hex(randomblob(8))), reauth_at = created_at`,
    `CREATE UNIQUE INDEX sessions_public_id ON sessions(public_id)`,
    `CREATE INDEX sessions_user ON sessions(user_id)`,
    // One-time recovery codes: only the SHA-256 of each normalised code (auth/recovery.ts); a used code is deleted.
    `CREATE TABLE recovery_codes (code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at TEXT NOT NULL)`,
    `CREATE INDEX recovery_codes_user ON recovery_codes(user_id)`,
    // A person's TOTP secret (auth/totp.ts), sealed with the '_system' data key; active once confirmed;
    // last_step refuses a code's replay.
    `CREATE TABLE user_totp (user_id TEXT PRIMARY KEY REFERENCES users(id), key_id TEXT NOT NULL, iv BLOB NOT NULL, data BLOB NOT NULL,
       created_at TEXT NOT NULL, confirmed_at TEXT, last_step INTEGER)`,
    // A company's security rules, set by its owners (security/policy.ts).
    `CREATE TABLE company_security (company_id TEXT PRIMARY KEY REFERENCES companies(id), require_backup_factor INTEGER NOT NULL DEFAULT 0,
       updated_at TEXT NOT NULL, updated_by TEXT)`,
  ],
  [
    // Which master key wraps the data keys (a fingerprint, never the key): a wrong FACTURO_MASTER_KEY is
    // named at start, and a rotation interrupted between the database and the key file is finished.
    `CREATE TABLE key_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  ],
  [
    // Where a member hears of security alerts by email (optional; passkeys need no address).
    `ALTER TABLE users ADD COLUMN email TEXT`,
  ],
  [
    // Data keys narrower than a company's: a customer's (scope 'cu_…') seals that customer's own document,
    // so that destroying its keys erases it without rewriting the log (docs/design/gdpr-customer-keys.md).
    `ALTER TABLE company_keys ADD COLUMN scope TEXT`,
    `CREATE INDEX company_keys_scope ON company_keys(company_id, scope, created_at)`,
  ],
  [
    // Customers' own documents projected for lists and search: the record sealed under the customer's key,
    // so that destroying that key (erasure) leaves nothing readable here either.
    `CREATE TABLE customer_directory (company_id TEXT NOT NULL, customer_id TEXT NOT NULL, kind TEXT NOT NULL, archived INTEGER NOT NULL,
       key_id TEXT NOT NULL, sealed BLOB NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (company_id, customer_id))`,
    // Customers whose personal data was erased (GDPR art. 17): their rooms stay closed, their keys are gone.
    `CREATE TABLE customer_erasures (company_id TEXT NOT NULL, customer_id TEXT NOT NULL, erased_at TEXT NOT NULL, erased_by TEXT NOT NULL,
       PRIMARY KEY (company_id, customer_id))`,
  ],
  [
    // The archived files of an issued document (Factur-X PDF, CII, UBL), produced once and sealed under the
    // company's key; sha256 is of the plain file, so a download can be checked against what was archived.
    `CREATE TABLE document_files (company_id TEXT NOT NULL, document_id TEXT NOT NULL, format TEXT NOT NULL,
       sha256 TEXT NOT NULL, size INTEGER NOT NULL, key_id TEXT NOT NULL, iv BLOB NOT NULL, content BLOB NOT NULL, created_at TEXT NOT NULL,
       PRIMARY KEY (company_id, document_id, format))`,
  ],
  [
    // Scheduled jobs (jobs/): one lease per job so two servers never run it at once, and one row per automated
    // step under its natural key (invariant 6): a reminder, a follow-up or an expiry happens exactly once.
    `CREATE TABLE job_leases (job TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)`,
    `CREATE TABLE job_runs (company_id TEXT NOT NULL, job TEXT NOT NULL, key TEXT NOT NULL, status TEXT NOT NULL, ran_at TEXT NOT NULL,
       detail TEXT, PRIMARY KEY (company_id, job, key))`,
    // In-app notifications (and the email that goes with them); the text is sealed under the company's key.
    // dedupe_key makes a notification for one event exactly once per person.
    `CREATE TABLE notifications (id TEXT PRIMARY KEY, company_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,
       subject_id TEXT, dedupe_key TEXT NOT NULL, key_id TEXT NOT NULL, iv BLOB NOT NULL, sealed BLOB NOT NULL, created_at TEXT NOT NULL,
       read_at TEXT, emailed_at TEXT, UNIQUE (company_id, user_id, dedupe_key))`,
    `CREATE INDEX notifications_user ON notifications(company_id, user_id, created_at)`,
    // Quotes (issue 6): the server-authoritative state of each quote (its Yjs document is dc_…): approval runs,
    // status, number (given when first sent), sealed under the company's key; plain columns serve lists.
    `CREATE TABLE quotes (company_id TEXT NOT NULL, id TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, number TEXT,
       customer_id TEXT, author_id TEXT NOT NULL, valid_until TEXT NOT NULL, currency TEXT NOT NULL, total_excl TEXT, total_incl TEXT,
       key_id TEXT NOT NULL, iv BLOB NOT NULL, state BLOB NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
       PRIMARY KEY (company_id, id))`,
    `CREATE INDEX quotes_status ON quotes(company_id, status)`,
    // What the client was shown and what they accepted, per version: canonical content and PDF, sealed, with SHA-256.
    `CREATE TABLE quote_versions (company_id TEXT NOT NULL, quote_id TEXT NOT NULL, version INTEGER NOT NULL, stage TEXT NOT NULL,
       content_sha256 TEXT NOT NULL, pdf_sha256 TEXT NOT NULL, key_id TEXT NOT NULL, iv BLOB NOT NULL, content BLOB NOT NULL,
       pdf_iv BLOB NOT NULL, pdf BLOB NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (company_id, quote_id, version, stage))`,
    // Client portal links: only the SHA-256 of the token is kept; a link expires and can be revoked.
    `CREATE TABLE portal_links (token_hash TEXT PRIMARY KEY, company_id TEXT NOT NULL, quote_id TEXT NOT NULL, version INTEGER NOT NULL,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT, last_seen_at TEXT)`,
    `CREATE INDEX portal_links_quote ON portal_links(company_id, quote_id)`,
    // The client's answer, kept as evidence (eIDAS simple electronic signature): who typed which name, consenting
    // to what, when, from where, and the SHA-256 of the exact PDF accepted. The signer's details are sealed.
    `CREATE TABLE quote_answers (company_id TEXT NOT NULL, quote_id TEXT NOT NULL, version INTEGER NOT NULL, decision TEXT NOT NULL,
       answered_at TEXT NOT NULL, pdf_sha256 TEXT, key_id TEXT NOT NULL, iv BLOB NOT NULL, sealed BLOB NOT NULL,
       PRIMARY KEY (company_id, quote_id, version))`,
    // Invoices made from a quote (deposit, partial, final, single), so the quote knows what remains to invoice.
    `CREATE TABLE quote_invoices (company_id TEXT NOT NULL, invoice_id TEXT NOT NULL, quote_id TEXT NOT NULL, kind TEXT NOT NULL,
       created_at TEXT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (company_id, invoice_id))`,
    `CREATE INDEX quote_invoices_quote ON quote_invoices(company_id, quote_id)`,
  ],
  [
    // A quote's subject ("Refonte du site"), for lists without opening each quote's document.
    `ALTER TABLE quotes ADD COLUMN title TEXT`,
  ],
  [
    // Subscriptions (issue 7): server-authoritative records changed by commands (create, change, pause, resume,
    // cancel); `data` is the core Subscription (items and dated changes, no personal data) as JSON.
    `CREATE TABLE subscriptions (company_id TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, state TEXT NOT NULL,
       review TEXT NOT NULL, mandate_id TEXT, data TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       updated_at TEXT NOT NULL, next_billing_on TEXT, billing_error TEXT, PRIMARY KEY (company_id, id))`,
    `CREATE INDEX subscriptions_customer ON subscriptions(company_id, customer_id)`,
    // What the scheduler asks: which companies have a subscription to bill by today (a projection of each record).
    `CREATE INDEX subscriptions_due ON subscriptions(next_billing_on, company_id)`,
    // Exactly once per (subscription, period) (invariant 6): the billing run claims the key in the transaction
    // that numbers and freezes the invoice, so a retry or a restart after a crash never bills a period twice.
    `CREATE TABLE subscription_billings (company_id TEXT NOT NULL, subscription_id TEXT NOT NULL, period_start TEXT NOT NULL,
       period_end TEXT NOT NULL, invoice_id TEXT NOT NULL, status TEXT NOT NULL, billed_at TEXT NOT NULL, sent_at TEXT,
       changes_seen INTEGER NOT NULL DEFAULT 0,
       PRIMARY KEY (company_id, subscription_id, period_start))`,
    `CREATE INDEX subscription_billings_invoice ON subscription_billings(company_id, invoice_id)`,
    // SEPA direct debit: mandates (the debtor's IBAN, BIC and name sealed under the company's key), the
    // collection of each invoice (pending until the bank confirms), and the pain.008 batches sent to the bank.
    `CREATE TABLE sepa_mandates (company_id TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT NOT NULL, rum TEXT NOT NULL,
       signed_on TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL, iban_last4 TEXT NOT NULL, key_id TEXT NOT NULL,
       iv BLOB NOT NULL, sealed BLOB NOT NULL, last_collection_on TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
       revoked_at TEXT, PRIMARY KEY (company_id, id), UNIQUE (company_id, rum))`,
    `CREATE TABLE sepa_collections (company_id TEXT NOT NULL, invoice_id TEXT NOT NULL, mandate_id TEXT NOT NULL,
       amount TEXT NOT NULL, currency TEXT NOT NULL, collection_date TEXT NOT NULL, sequence_type TEXT, status TEXT NOT NULL,
       batch_id TEXT, prenotified_at TEXT, settled_at TEXT, reject_reason TEXT, created_at TEXT NOT NULL,
       PRIMARY KEY (company_id, invoice_id))`,
    `CREATE INDEX sepa_collections_status ON sepa_collections(company_id, status, collection_date)`,
    `CREATE TABLE sepa_batches (company_id TEXT NOT NULL, id TEXT NOT NULL, message_id TEXT NOT NULL, collection_date TEXT NOT NULL,
       count INTEGER NOT NULL, total TEXT NOT NULL, status TEXT NOT NULL, key_id TEXT NOT NULL, iv BLOB NOT NULL, xml BLOB NOT NULL,
       sha256 TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (company_id, id))`,
  ],
  [
    // What the recurring-send job asks every minute: the issued recurring invoices not sent yet, oldest first.
    `CREATE INDEX subscription_billings_unsent ON subscription_billings(billed_at) WHERE sent_at IS NULL AND status = 'issued'`,
  ],
  [
    // Payments (issue 8): money received (or refunded), recorded by a command or a gateway's webhook, and its
    // allocations to invoices. A gateway payment is unique by (gateway, gateway_ref): a webhook delivered twice
    // records it once. Amounts are decimal strings (invariant 2); an allocation never exceeds its payment (core).
    `CREATE TABLE payments (company_id TEXT NOT NULL, id TEXT NOT NULL, customer_id TEXT, kind TEXT NOT NULL, method TEXT NOT NULL,
       amount TEXT NOT NULL, currency TEXT NOT NULL, received_on TEXT NOT NULL, reference TEXT, fee TEXT, gateway TEXT, gateway_ref TEXT,
       refund_of TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL, PRIMARY KEY (company_id, id), UNIQUE (company_id, gateway, gateway_ref))`,
    `CREATE INDEX payments_customer ON payments(company_id, customer_id)`,
    `CREATE TABLE payment_allocations (company_id TEXT NOT NULL, payment_id TEXT NOT NULL, invoice_id TEXT NOT NULL, amount TEXT NOT NULL,
       created_at TEXT NOT NULL, PRIMARY KEY (company_id, payment_id, invoice_id))`,
    `CREATE INDEX payment_allocations_invoice ON payment_allocations(company_id, invoice_id)`,
    // Payment links (Stripe Checkout session, PayPal order) per invoice and gateway.
    `CREATE TABLE payment_links (company_id TEXT NOT NULL, invoice_id TEXT NOT NULL, gateway TEXT NOT NULL, external_id TEXT NOT NULL,
       url TEXT NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL,
       PRIMARY KEY (company_id, invoice_id, gateway))`,
    // Each gateway event handled once (a webhook delivered twice, or replayed, changes nothing the second time).
    `CREATE TABLE gateway_events (gateway TEXT NOT NULL, event_id TEXT NOT NULL, company_id TEXT NOT NULL, type TEXT NOT NULL,
       received_at TEXT NOT NULL, outcome TEXT NOT NULL, PRIMARY KEY (gateway, event_id))`,
    // Dunning (issue 8): what each invoice was sent (one row per step, its natural key), holds that suspend a
    // sequence (promise to pay, dispute, pause) and the tasks handed to a person.
    `CREATE TABLE dunning_steps (company_id TEXT NOT NULL, invoice_id TEXT NOT NULL, step_key TEXT NOT NULL, channel TEXT NOT NULL,
       policy_id TEXT NOT NULL, planned_on TEXT NOT NULL, done_at TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT,
       PRIMARY KEY (company_id, invoice_id, step_key))`,
    `CREATE TABLE dunning_holds (company_id TEXT NOT NULL, id TEXT NOT NULL, invoice_id TEXT NOT NULL, kind TEXT NOT NULL, until TEXT,
       note TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL, released_at TEXT, PRIMARY KEY (company_id, id))`,
    `CREATE INDEX dunning_holds_invoice ON dunning_holds(company_id, invoice_id)`,
    `CREATE TABLE dunning_tasks (company_id TEXT NOT NULL, id TEXT NOT NULL, invoice_id TEXT NOT NULL, customer_id TEXT, step_key TEXT NOT NULL,
       assignee_id TEXT, action TEXT NOT NULL, due_on TEXT NOT NULL, status TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL,
       done_at TEXT, done_by TEXT, PRIMARY KEY (company_id, id), UNIQUE (company_id, invoice_id, step_key))`,
  ],
  [
    // A dunning step claimed records the earlier steps it replaces (never sent: a firmer one goes instead) as a JSON
    // array of their keys beside it, not as rows of their own: core decides from the latest step done (a step before
    // it is never due again), so those rows were a record only, and three quarters of a first pass's writes.
    `ALTER TABLE dunning_steps ADD COLUMN skipped_keys TEXT`,
    // GET /payments pages newest first by (received_on, created_at, id): read off this index, not sorted each page.
    `CREATE INDEX payments_newest ON payments(company_id, received_on, created_at, id)`,
    // The credit notes correcting a set of invoices (standings of a customer's or of named invoices).
    `CREATE INDEX documents_preceding ON documents(company_id, preceding_id) WHERE preceding_id IS NOT NULL`,
  ],
];

export async function openDatabase(config: Pick<Config, 'libsqlUrl' | 'libsqlAuthToken' | 'libsqlDriver'>): Promise<Client> {
  // timeout = SQLite's busy timeout on every pooled connection: another process writing (the CLI
  // beside a running server) makes a writer wait instead of failing.
  const client = config.libsqlUrl.startsWith('file:') && config.libsqlDriver !== 'client'
    ? createLocalClient(config.libsqlUrl.startsWith('file://') ? fileURLToPath(config.libsqlUrl) : config.libsqlUrl.slice('file:'.length), 10_000)
    : createClient({ url: config.libsqlUrl, authToken: config.libsqlAuthToken, timeout: 10_000 });
  if (config.libsqlUrl.startsWith('file:')) await client.execute('PRAGMA journal_mode = WAL');
  await migrate(client);
  await refusePreReleaseLog(client, config.libsqlUrl);
  return queued(client);
}

const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql);

/**
 * The client every module uses: single write statements and write batches join this process's
 * group commit (below), like transactions do, instead of colliding in SQLite's busy handler (which
 * sleeps) and paying one fsync each.
 */
function queued(raw: Client): Client {
  const group = new GroupCommit(raw);
  const proxy: Client = new Proxy(raw, {
    get(target, prop, receiver) {
      if (prop === 'execute') {
        return (stmt: InStatement | string, args?: InArgs) => {
          const sql = typeof stmt === 'string' ? stmt : stmt.sql;
          if (!isWrite(sql)) return args === undefined ? target.execute(stmt as InStatement) : target.execute(stmt as string, args);
          return group.run((tx) => (args === undefined ? tx.execute(stmt as InStatement) : tx.execute({ sql: stmt as string, args })));
        };
      }
      if (prop === 'batch') {
        return (stmts: InStatement[], mode?: TransactionMode) =>
          mode === 'read' ? target.batch(stmts, mode) : group.run(async (tx) => {
            const out = [];
            for (const stmt of stmts) out.push(await tx.execute(stmt));
            return out;
          });
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  groups.set(proxy, group);
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
 * Runs write transactions of this process one at a time (per key). SQLite has one writer anyway;
 * queueing here instead of in SQLite's busy handler keeps latency flat under load.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn, fn);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

interface Member {
  fn: (tx: Transaction) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Members whose work shares one commit (and one fsync). */
const MAX_GROUP = 64;

/**
 * Group commit for this process's write transactions. They still run one after another, each as if
 * alone (serializable), but those waiting when a transaction opens — and those arriving while it
 * runs, up to MAX_GROUP — share it: each member runs inside its own SAVEPOINT, a member that throws
 * is rolled back to it alone and rejected, and the others resolve only after the one COMMIT. Nothing
 * is acknowledged before it is durable (invariant 7), and nothing of a failed member is written.
 */
export class GroupCommit {
  private pending: Member[] = [];
  private running: Promise<void> | null = null;
  /** The member running now, for afterCommit(). */
  current: (() => void)[] | null = null;
  /** Transactions run and COMMITs made (for tests, benchmarks and health). */
  readonly stats = { transactions: 0, commits: 0 };

  constructor(private readonly db: Client) {}

  run<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      this.kick();
    });
  }

  private kick() {
    this.running ??= this.loop().finally(() => {
      this.running = null;
      // A member may have arrived after the loop's last check.
      if (this.pending.length > 0) this.kick();
    });
  }

  private async loop() {
    while (this.pending.length > 0) {
      // One turn of the event loop first: requests whose bytes have arrived run up to their own
      // transaction and join this group. (libSQL on a file is synchronous: a group that started at
      // once would only ever gather what microtasks queue, and every HTTP request would commit alone.)
      await new Promise((resolve) => setImmediate(resolve));
      let tx: Transaction;
      try {
        tx = await this.db.transaction('write');
      } catch (error) {
        for (const m of this.pending.splice(0)) m.reject(error);
        continue;
      }
      const done: { m: Member; value: unknown; hooks: (() => void)[] }[] = [];
      let open: Member | null = null; // the member between its SAVEPOINT and its outcome
      try {
        for (let n = 0; n < MAX_GROUP && this.pending.length > 0; n++) {
          const m = (open = this.pending.shift()!);
          const hooks: (() => void)[] = [];
          // The first member needs no savepoint: if it fails, the transaction holds nothing else.
          const first = done.length === 0;
          if (!first) await tx.execute('SAVEPOINT member');
          let value: unknown;
          try {
            this.current = hooks;
            value = await m.fn(tx);
          } catch (error) {
            this.current = null;
            if (first) throw error; // rolls the whole (so far its own) transaction back, below
            // Undo this member alone; if even that fails, the transaction is lost for everyone.
            await tx.execute('ROLLBACK TO member');
            await tx.execute('RELEASE member');
            open = null;
            m.reject(error);
            continue;
          }
          this.current = null;
          if (!first) await tx.execute('RELEASE member');
          open = null;
          done.push({ m, value, hooks });
        }
        await tx.commit();
        this.stats.commits++;
        this.stats.transactions += done.length;
      } catch (error) {
        await tx.rollback().catch(() => undefined);
        open?.reject(error);
        for (const d of done) d.m.reject(error);
        continue;
      } finally {
        this.current = null;
        tx.close();
      }
      for (const d of done) {
        for (const hook of d.hooks) hook();
        d.m.resolve(d.value);
      }
    }
  }
}

const groups = new WeakMap<Client, GroupCommit>();

function groupOf(db: Client): GroupCommit {
  let group = groups.get(db);
  if (!group) groups.set(db, (group = new GroupCommit(db)));
  return group;
}

/**
 * One write transaction, committed if fn resolves, rolled back if it throws (see GroupCommit: it
 * may share its COMMIT with other transactions of this process, never its effects).
 */
export function inWriteTransaction<T>(db: Client, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return groupOf(db).run(fn);
}

/** How many write transactions this process ran, in how many commits. */
export function writeStats(db: Client): { transactions: number; commits: number } {
  return { ...groupOf(db).stats };
}

/**
 * Runs `hook` once the write transaction now running has committed (not if it rolls back). Call it
 * from inside an inWriteTransaction callback.
 */
export function afterCommit(db: Client, hook: () => void): void {
  const current = groupOf(db).current;
  if (!current) throw new Error('afterCommit: no write transaction is running');
  current.push(hook);
}
