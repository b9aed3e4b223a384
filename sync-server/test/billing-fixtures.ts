import { PlanBook, Workspace, type PlanInput, type Subscription } from '@facturo/core';
import { editDocuments, workspaceOf } from '../src/commands/run';
import { inWriteTransaction } from '../src/db';
import { newId } from '../src/ids';
import type { Services } from '../src/services';
import { createApiToken } from '../src/companies';
import { apiCall, bearer, company, member, type ApiBody } from './helpers';

/* A company ready to bill subscriptions: its legal settings, an owner, business customers and plans. */

export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: ApiBody }>;

export const SELLER = {
  legalName: 'Nuage Logiciels SAS', legalForm: 'SAS', shareCapital: '10000.00', siren: '912345675', vatNumber: 'FR65912345675', rcsCity: 'Lyon',
  line1: '3 rue Mercière', postcode: '69002', city: 'Lyon', country: 'FR', paymentTermsDays: 30,
} as const;

export const PRO: PlanInput = {
  id: 'pro', name: 'Pro', unitPrice: '49.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar',
  description: 'Abonnement Pro',
};

let edits = 0;

/** Server edits of the workspace as a device would make them (settings, plans). */
export async function editWorkspace(s: Services, companyId: string, edit: (ws: Workspace) => void) {
  const { room } = await workspaceOf(s, companyId);
  await editDocuments(s, { companyId, by: 'system:test' }, 'fixture', { n: edits++ }, async () => ({ status: 200, result: null, edits: [{ room, edit: (copy) => edit(new Workspace(copy)) }] }));
}

export async function billingCompany(server: { url: string; services: Services }, name: string, plans: PlanInput[] = [PRO]) {
  const s = server.services;
  const co = await company(s, name);
  const owner = await member(s, co.id, 'owner', 'Olivia');
  // A token, not the owner's session: time-travel tests move the clock past a session's life.
  const auth = bearer((await createApiToken(s.db, co.id, 'owner', 'billing tests', s.now())).token);
  const call: Call = (method, path, body) => apiCall(server, method, path, auth, body);
  await editWorkspace(s, co.id, (ws) => {
    ws.updateSettings(SELLER);
    const book = new PlanBook(ws.doc);
    for (const p of plans) book.set(p.id, p, s.now().toISOString(), 'system:test');
  });
  return { s, call, companyId: co.id, owner, auth };
}

export type BillingCompany = Awaited<ReturnType<typeof billingCompany>>;

export async function businessCustomer(co: BillingCompany, name = 'Boulangerie Martin', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await co.call('POST', '/customers', {
    name, siren: '552100554', email: `compta@${name.toLowerCase().replace(/[^a-z]/g, '')}.fr`,
    address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' }, ...extra,
  });
  if (res.status !== 201) throw new Error(`customer not created: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/**
 * `count` subscriptions written straight into the table (the commands are tested on their own): the billing
 * run's input at scale. Customers are taken in turn from `customerIds`.
 */
export async function seedSubscriptions(s: Services, companyId: string, o: { count: number; customerIds: string[]; start: string; planId?: string; firstBilling?: string }): Promise<string[]> {
  const ids: string[] = [];
  const at = s.now().toISOString();
  for (let i = 0; i < o.count; i += 500) {
    const rows = Array.from({ length: Math.min(500, o.count - i) }, (_, k) => {
      const id = newId('sb');
      ids.push(id);
      const sub: Subscription = {
        id, customerId: o.customerIds[(i + k) % o.customerIds.length]!, start: o.start, items: [{ planId: o.planId ?? 'pro', quantity: '1' }],
        review: 'issue', state: 'active', changes: [],
      };
      return [companyId, id, sub.customerId, 'active', 'issue', null, JSON.stringify(sub), at, 'system:test', at, o.firstBilling ?? o.start];
    });
    await inWriteTransaction(s.db, async (tx) => {
      await tx.execute({
        sql: `INSERT INTO subscriptions (company_id, id, customer_id, state, review, mandate_id, data, created_at, created_by, updated_at, next_billing_on)
              VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        args: rows.flat(),
      });
    });
  }
  return ids;
}

/** What the database holds for a company: its invoices' numbers in order and its billings per subscription and period. */
export async function billingState(s: Services, companyId: string) {
  const docs = (await s.db.execute({ sql: `SELECT seq, number FROM documents WHERE company_id = ? AND kind = 'invoice' AND status = 'issued' ORDER BY seq`, args: [companyId] })).rows;
  const billings = (await s.db.execute({ sql: 'SELECT subscription_id, period_start, invoice_id FROM subscription_billings WHERE company_id = ?', args: [companyId] })).rows;
  const orphans = (await s.db.execute({
    sql: `SELECT COUNT(*) AS n FROM subscription_billings b WHERE b.company_id = ? AND b.status = 'issued' AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = b.invoice_id)`,
    args: [companyId],
  })).rows[0]!;
  return { seqs: docs.map((r) => Number(r.seq)), numbers: docs.map((r) => String(r.number)), billings: billings.length, orphans: Number(orphans.n) };
}
