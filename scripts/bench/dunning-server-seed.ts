import type { InStatement, Transaction } from '@libsql/client';
import { DunningPolicyBook, formatAmount, Money, Workspace, type Customer } from '@facturo/core';
import { addDays } from '../../core/src/periods/dates';
import { createCompany } from '../../sync-server/src/companies';
import { editDocuments, workspaceOf } from '../../sync-server/src/commands/run';
import { customerProjection } from '../../sync-server/src/customers/records';
import { saveCredentials } from '../../sync-server/src/gateways';
import { inWriteTransaction } from '../../sync-server/src/db';
import type { Services } from '../../sync-server/src/services';
import { benchPolicies, random, TODAY } from './dunning-fixtures';

/*
 * The server dunning bench's company, written straight into its tables as billing-run.ts seeds (not timed): N issued
 * invoices of N / 5 customers, each customer's record sealed under its own key in the directory projection, due from
 * 120 days before TODAY to 30 days after it (so some are not due yet and others 1 to 90+ days late), 15 % partly paid
 * (a payment and its allocation), 1 % partly credited (an issued credit note), 3 % under a hold (a tenth of those
 * released), Stripe set up (so each reminder carries the invoice's pay URL), the French default policy and two for
 * segments (key accounts, PME).
 */

const CHUNK = 500;
/** The size of an issued invoice's sealed frozen content (billing-rows.ts: about 1.5 KB): the pass never opens it. */
const CONTENT = Buffer.alloc(1_500, 7);

export interface Seeded {
  companyId: string;
  customers: number;
  invoices: number;
  partlyPaid: number;
  credited: number;
  holds: number;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Ids shaped as ids.ts newId makes them (16 random base62 characters), seeded: keys land all over the indexes, as in life. */
const idMaker = (prefix: string, seed: number) => {
  const rand = random(seed);
  return () => `${prefix}_${Array.from({ length: 16 }, () => BASE62[Math.floor(rand() * 62)]!).join('')}`;
};

async function seedWorkspace(s: Services, companyId: string): Promise<void> {
  const { room } = await workspaceOf(s, companyId);
  const at = s.now().toISOString();
  await editDocuments(s, { companyId, by: 'bench' }, 'seed', {}, async () => ({
    status: 200, result: null, edits: [{ room, edit: (copy) => {
      new Workspace(copy).updateSettings({ legalName: 'Studio Boréal SARL', tradeName: 'Studio Boréal', legalForm: 'SARL', shareCapital: '8000.00', siren: '912345675', vatNumber: 'FR65912345675', rcsCity: 'Lyon', line1: '3 rue Mercière', postcode: '69002', city: 'Lyon', country: 'FR', paymentTermsDays: 30, email: 'compta@studio-boreal.fr' });
      const book = new DunningPolicyBook(copy);
      book.installDefault(at, 'bench');
      const [, firm, keyAccounts] = benchPolicies;
      // Two policies by segment: key accounts above 5,000 € (gentler), and small businesses (firmer, a registered letter).
      book.set('key-accounts', keyAccounts!, at, 'bench');
      book.set('pme', { ...firm!, name: 'PME', priority: 30, appliesTo: { segments: ['PME'] } }, at, 'bench');
    } }],
  }));
}

function customerAt(i: number, id: string, rand: () => number, at: string): Customer {
  const r = rand();
  return {
    id, kind: rand() < 0.1 ? 'individual' : 'company', name: `Client ${String(i)} SARL`, email: `compta${String(i)}@exemple.fr`, language: rand() < 0.2 ? 'en' : 'fr',
    ...(r < 0.05 ? { segments: 'Grands comptes, Retail' } : r < 0.3 ? { segments: 'PME' } : {}), siren: '552100554', archived: false, createdAt: at,
    line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR', contacts: [],
  };
}

async function seedCustomers(s: Services, companyId: string, ids: string[], rand: () => number): Promise<void> {
  const at = s.now().toISOString();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const statements: InStatement[] = [];
    for (let k = i; k < Math.min(ids.length, i + CHUNK); k++) statements.push(await customerProjection(s, companyId, customerAt(k, ids[k]!, rand, at)));
    await inWriteTransaction(s.db, async (tx) => {
      for (const st of statements) await tx.execute(st);
    });
  }
}

type Args = (string | number | Buffer | null)[];
const values = (rows: Args[]) => ({ sql: rows.map((r) => `(${r.map(() => '?').join(', ')})`).join(', '), args: rows.flat() });
const COLUMNS = `id, company_id, kind, status, customer_id, series_id, period, seq, number, issue_date, due_date, currency,
  total_excl, total_tax, total_incl, preceding_id, content_key_id, content_iv, content, content_sha256, created_at, updated_at, issued_at, issued_by`;

interface Chunk { documents: Args[]; payments: Args[]; allocations: Args[]; holds: Args[] }

interface Seeding {
  companyId: string;
  customerIds: string[];
  rand: () => number;
  /** Invoice, credit note, payment and hold ids. */
  newId: (prefix: 'dc' | 'pa' | 'dh') => string;
  counts: Seeded;
}

/** Invoices from .. from + n − 1, with what was paid, credited and held on them. */
function invoiceChunk(x: Seeding, from: number, n: number): Chunk {
  const { companyId, rand, counts } = x;
  const c: Chunk = { documents: [], payments: [], allocations: [], holds: [] };
  for (let i = from; i < from + n; i++) {
    const id = x.newId('dc');
    const cents = 5_000 + Math.floor(rand() * 1_995_000); // number-ok: seeded cents, 50.00 to 20,000.00 TTC
    const incl = new Money(cents).div(100);
    const excl = incl.div('1.2');
    const dueDate = addDays(TODAY, Math.floor(rand() * 150) - 120);
    const issued = `${addDays(dueDate, -30)}T09:00:00.000Z`;
    const customer = x.customerIds[i % x.customerIds.length]!;
    c.documents.push([id, companyId, 'invoice', 'issued', customer, 'sr_main', '2027', i + 1, `F-2027-${String(i + 1).padStart(6, '0')}`, issued.slice(0, 10), dueDate, 'EUR',
      formatAmount(excl), formatAmount(incl.minus(formatAmount(excl))), formatAmount(incl), null, 'k_bench', Buffer.alloc(12), CONTENT, 'f'.repeat(64), issued, issued, issued, 'bench']);
    if (rand() < 0.15) {
      const paid = formatAmount(incl.times(20 + Math.floor(rand() * 60)).div(100)); // 20 to 79 % of the total
      const payment = x.newId('pa');
      c.payments.push([companyId, payment, customer, 'payment', 'transfer', paid, 'EUR', addDays(dueDate, -5), `VIR ${String(i)}`, issued, 'bench']);
      c.allocations.push([companyId, payment, id, paid, issued]);
      counts.partlyPaid++;
    }
    if (rand() < 0.01) {
      const credit = formatAmount(incl.div(4));
      const on = addDays(dueDate, -10);
      c.documents.push([x.newId('dc'), companyId, 'credit_note', 'issued', customer, 'sr_credit', '2027', i + 1, `A-2027-${String(i + 1).padStart(6, '0')}`, on, on, 'EUR',
        formatAmount(new Money(credit).div('1.2')), formatAmount(new Money(credit).minus(formatAmount(new Money(credit).div('1.2')))), credit, id, 'k_bench', Buffer.alloc(12), CONTENT, 'f'.repeat(64), `${on}T09:00:00.000Z`, issued, issued, 'bench']);
      counts.credited++;
    }
    if (rand() < 0.03) {
      const k = rand();
      const [kind, until] = k < 0.5 ? ['promise', addDays(TODAY, Math.floor(rand() * 20) - 10)] : k < 0.8 ? ['dispute', null] : ['pause', addDays(TODAY, 30)];
      c.holds.push([companyId, x.newId('dh'), id, kind, until, 'bench', issued, 'bench', rand() < 0.1 ? issued : null]);
      counts.holds++;
    }
  }
  return c;
}

async function insert(tx: Transaction, table: string, columns: string, rows: Args[]): Promise<void> {
  if (rows.length === 0) return;
  const v = values(rows);
  await tx.execute({ sql: `INSERT INTO ${table} (${columns}) VALUES ${v.sql}`, args: v.args });
}

async function seedInvoices(s: Services, x: Seeding, size: number): Promise<void> {
  for (let i = 0; i < size; i += CHUNK) {
    const c = invoiceChunk(x, i, Math.min(CHUNK, size - i));
    await inWriteTransaction(s.db, async (tx) => {
      await insert(tx, 'documents', COLUMNS, c.documents);
      await insert(tx, 'payments', 'company_id, id, customer_id, kind, method, amount, currency, received_on, reference, created_at, created_by', c.payments);
      await insert(tx, 'payment_allocations', 'company_id, payment_id, invoice_id, amount, created_at', c.allocations);
      await insert(tx, 'dunning_holds', 'company_id, id, invoice_id, kind, until, note, created_at, created_by, released_at', c.holds);
    });
  }
}

/** A company with `size` issued invoices of size / 5 customers, ready for its first dunning pass. */
export async function seedDunningCompany(s: Services, size: number): Promise<Seeded> {
  const company = await createCompany(s.db, { name: 'Bench Dunning' }, null, s.now());
  const newCustomerId = idMaker('cu', size + 1);
  const customerIds = Array.from({ length: Math.max(1, Math.floor(size / 5)) }, () => newCustomerId());
  const ids = { dc: idMaker('dc', size + 2), pa: idMaker('pa', size + 3), dh: idMaker('dh', size + 4) };
  const x: Seeding = {
    companyId: company.id, customerIds, rand: random(20_270_615 + size), newId: (prefix) => ids[prefix](),
    counts: { companyId: company.id, customers: customerIds.length, invoices: size, partlyPaid: 0, credited: 0, holds: 0 },
  };
  await seedWorkspace(s, company.id);
  await saveCredentials(s, company.id, 'stripe', { secretKey: 'sk_test_51BenchDunningKey000000000001', webhookSecret: 'whsec_BenchDunningSecret0000000001' });
  await seedCustomers(s, company.id, customerIds, x.rand);
  await seedInvoices(s, x, size);
  return x.counts;
}
