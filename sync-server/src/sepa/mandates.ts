import type { Row, Transaction } from '@libsql/client';
import { mandateLapsed, parseMandate, ValidationError, type Mandate, type MandateDetail, type MandateType, type MandateView } from '@facturo/core';
import { companyToday } from '../commands/issue';
import type { Actor, Outcome } from '../commands/run';
import { readCustomer } from '../customers/records';
import { AppError, conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { open, seal } from '../log/keys';
import type { Services } from '../services';
import { sepaCommand } from './command';

/*
 * SEPA Core mandates (EPC SDD Core rulebook DS-01) as server records (docs/design/subscriptions-api.md "SEPA"): the
 * debtor's IBAN, BIC and name are sealed under the company's key; rows keep only what lists need (RUM, dates, type,
 * the IBAN's last four characters). A mandate is never deleted: revoking it keeps it as evidence of past collections.
 */

/** What is sealed: the debtor's personal and bank data. */
interface MandateSecret {
  iban: string;
  bic?: string;
  debtorName: string;
}

/** A mandate as the server uses it (collections, batches): its row and, opened, its secret. */
export interface StoredMandate extends MandateDetail {
  revoked: boolean;
}

const aad = (companyId: string, id: string) => `sepa_mandate:${companyId}:${id}`;

type Reader = Pick<Services['db'], 'execute'> | Transaction;

function viewOf(row: Row, today: string): MandateView {
  const signedOn = String(row.signed_on);
  const lastCollectionOn = row.last_collection_on === null ? null : String(row.last_collection_on);
  const revoked = String(row.status) === 'revoked';
  return {
    id: String(row.id), customerId: String(row.customer_id), rum: String(row.rum), signedOn, type: String(row.type) as MandateType,
    status: revoked ? 'revoked' : mandateLapsed({ signedOn }, lastCollectionOn ?? undefined, today) ? 'lapsed' : 'active',
    ibanLast4: String(row.iban_last4), lastCollectionOn, createdAt: String(row.created_at),
  };
}

async function storedOf(s: Services, companyId: string, row: Row, today: string): Promise<StoredMandate> {
  const key = await s.keys.byId(companyId, String(row.key_id));
  const secret = JSON.parse(open(key, { iv: Buffer.from(row.iv as ArrayBuffer), data: Buffer.from(row.sealed as ArrayBuffer) }, aad(companyId, String(row.id))).toString('utf8')) as MandateSecret;
  return { ...viewOf(row, today), ...secret, revoked: String(row.status) === 'revoked' };
}

export async function listMandates(s: Services, companyId: string, filter: { customerId?: string } = {}): Promise<MandateView[]> {
  const rs = await s.db.execute({
    sql: `SELECT * FROM sepa_mandates WHERE company_id = ? ${filter.customerId ? 'AND customer_id = ?' : ''} ORDER BY created_at, id`,
    args: filter.customerId ? [companyId, filter.customerId] : [companyId],
  });
  const today = companyToday(s.now());
  return rs.rows.map((r) => viewOf(r, today));
}

/** The mandates named, opened (for a batch or a pre-notification); unknown ids are absent from the map. */
export async function mandatesByIds(s: Services, companyId: string, ids: readonly string[], db: Reader = s.db): Promise<Map<string, StoredMandate>> {
  const out = new Map<string, StoredMandate>();
  const wanted = [...new Set(ids)];
  const today = companyToday(s.now());
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    const rs = await db.execute({ sql: `SELECT * FROM sepa_mandates WHERE company_id = ? AND id IN (${part.map(() => '?').join(', ')})`, args: [companyId, ...part] });
    for (const row of rs.rows) out.set(String(row.id), await storedOf(s, companyId, row, today));
  }
  return out;
}

/** One mandate with its full details, or 404 (another company's mandate is absent too). */
export async function readMandate(s: Services, companyId: string, id: string): Promise<MandateDetail> {
  const found = (await mandatesByIds(s, companyId, [id])).get(id);
  if (!found) throw notFound('mandate');
  const { revoked: _revoked, ...detail } = found;
  return detail;
}

/** The mandate given with the request: core's checks (RUM, IBAN mod 97, BIC, dates), then the customer named. */
async function mandateOf(s: Services, companyId: string, request: Record<string, unknown>): Promise<{ customerId: string; mandate: Mandate }> {
  const { customerId, status: _status, ...input } = request;
  const fields: Record<string, string> = {};
  let mandate: Mandate | undefined;
  try {
    // A mandate is recorded active; it changes by revocation only.
    mandate = parseMandate({ ...input, status: 'active' });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    Object.assign(fields, e.fields);
  }
  if (typeof customerId !== 'string' || customerId === '') fields.customerId = 'the customer id (cu_…) is required';
  else if (!(await readCustomer(s, companyId, customerId))) fields.customerId = `no customer ${customerId}`;
  if (mandate && mandate.signedOn > companyToday(s.now())) fields.signedOn = 'a mandate cannot be signed in the future';
  if (Object.keys(fields).length > 0 || !mandate) throw invalid(fields);
  return { customerId: customerId as string, mandate };
}

const rumTaken = (rum: string) => {
  const message = `a mandate with the reference (RUM) ${rum} already exists in this company: each mandate has its own`;
  return new AppError(409, 'rum_taken', message, { rum: message });
};

/** Records a signed mandate for a customer (idempotent by key); 400 names each wrong field, 409 a RUM already used. */
export async function createMandate(s: Services, actor: Actor, request: Record<string, unknown>): Promise<Outcome<MandateView>> {
  return sepaCommand(s, actor, 'sepa_mandate_created', request, async () => {
    const { customerId, mandate } = await mandateOf(s, actor.companyId, request);
    return async (tx) => {
      const taken = await tx.execute({ sql: 'SELECT 1 FROM sepa_mandates WHERE company_id = ? AND rum = ?', args: [actor.companyId, mandate.rum] });
      if (taken.rows.length > 0) throw rumTaken(mandate.rum);
      const id = newId('md');
      const key = await s.keys.current(actor.companyId);
      const secret: MandateSecret = { iban: mandate.iban, ...(mandate.bic ? { bic: mandate.bic } : {}), debtorName: mandate.debtorName };
      const sealed = seal(key.key, new TextEncoder().encode(JSON.stringify(secret)), aad(actor.companyId, id));
      const at = s.now().toISOString();
      await tx.execute({
        sql: `INSERT INTO sepa_mandates (company_id, id, customer_id, rum, signed_on, type, status, iban_last4, key_id, iv, sealed, created_at, created_by)
              VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
        args: [actor.companyId, id, customerId, mandate.rum, mandate.signedOn, mandate.type, mandate.iban.slice(-4), key.keyId, sealed.iv, sealed.data, at, actor.by],
      });
      const row = (await tx.execute({ sql: 'SELECT * FROM sepa_mandates WHERE company_id = ? AND id = ?', args: [actor.companyId, id] })).rows[0]!;
      const view = viewOf(row, companyToday(s.now()));
      return { status: 201, result: view, audit: { mandateId: id, customerId, rum: mandate.rum, mandateType: mandate.type, signedOn: mandate.signedOn, ibanLast4: view.ibanLast4 } };
    };
  });
}

/**
 * Revokes a mandate (the debtor withdrew consent, or the creditor ends it): no collection may be made under it
 * again, so its collections not yet sent to the bank are cancelled in the same transaction.
 */
export async function revokeMandate(s: Services, actor: Actor, id: string): Promise<Outcome<MandateView>> {
  return sepaCommand(s, actor, 'sepa_mandate_revoked', { id }, async () => async (tx) => {
    const row = (await tx.execute({ sql: 'SELECT * FROM sepa_mandates WHERE company_id = ? AND id = ?', args: [actor.companyId, id] })).rows[0];
    if (!row) throw notFound('mandate');
    if (String(row.status) === 'revoked') throw conflict('already_revoked', `mandate ${String(row.rum)} was already revoked on ${String(row.revoked_at).slice(0, 10)}`);
    const at = s.now().toISOString();
    await tx.execute({ sql: `UPDATE sepa_mandates SET status = 'revoked', revoked_at = ? WHERE company_id = ? AND id = ?`, args: [at, actor.companyId, id] });
    const cancelled = await tx.execute({
      sql: `UPDATE sepa_collections SET status = 'cancelled', reject_reason = 'mandate revoked' WHERE company_id = ? AND mandate_id = ? AND status = 'pending' RETURNING invoice_id`,
      args: [actor.companyId, id],
    });
    const after = (await tx.execute({ sql: 'SELECT * FROM sepa_mandates WHERE company_id = ? AND id = ?', args: [actor.companyId, id] })).rows[0]!;
    return { status: 200, result: viewOf(after, companyToday(s.now())), audit: { mandateId: id, rum: String(row.rum), cancelledCollections: cancelled.rows.map((r) => String(r.invoice_id)) } };
  });
}
