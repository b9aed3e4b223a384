import { checkBic, checkIban, Workspace, type BankChange } from '@facturo/core';
import { editDocuments, workspaceOf, type Actor } from '../commands/run';
import { conflict, forbidden, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { recordEvent, type Services } from '../services';
import { raiseAlert } from './alerts';

/*
 * The company's bank details change only after a second authorised person approves: a fake
 * change-of-bank-details is the commonest fraud against small businesses. A member with bank.edit asks
 * (the new IBAN and BIC are checked, nothing changes yet, owners are alerted); another member with
 * bank.edit approves (the server then writes them into the company's settings, logged) or rejects; the
 * asker may withdraw. Devices cannot write the IBAN or BIC themselves (sync/guard.ts).
 */

export type { BankChange };

async function current(s: Services, companyId: string) {
  const { ws } = await workspaceOf(s, companyId);
  const get = (k: 'iban' | 'bic') => (ws.settings.get(k) as string | undefined) ?? null;
  return { iban: get('iban'), bic: get('bic') };
}

function row(r: Record<string, unknown>, now: { iban: string | null; bic: string | null }): BankChange {
  return {
    id: String(r.id), target: 'company', iban: String(r.iban), bic: (r.bic as string | null) ?? null, current: now,
    requestedBy: String(r.requested_by), requestedAt: String(r.requested_at), status: String(r.status) as BankChange['status'],
    decidedBy: (r.decided_by as string | null) ?? null, decidedAt: (r.decided_at as string | null) ?? null, reason: (r.reason as string | null) ?? null,
  };
}

export async function bankChangesOf(s: Services, companyId: string): Promise<BankChange[]> {
  const now = await current(s, companyId);
  const rs = await s.db.execute({ sql: 'SELECT * FROM bank_changes WHERE company_id = ? ORDER BY requested_at DESC, id DESC LIMIT 100', args: [companyId] });
  return rs.rows.map((r) => row(r as unknown as Record<string, unknown>, now));
}

async function one(s: Services, companyId: string, id: string): Promise<BankChange> {
  const found = (await bankChangesOf(s, companyId)).find((c) => c.id === id);
  if (!found) throw notFound('bank details change');
  return found;
}

export async function requestBankChange(s: Services, companyId: string, by: string, input: { iban?: unknown; bic?: unknown }): Promise<BankChange> {
  const problems: Record<string, string> = {};
  const iban = checkIban(String(input.iban ?? ''));
  if (!iban.ok) problems.iban = iban.message;
  let bic: string | null = null;
  if (input.bic !== undefined && input.bic !== null && input.bic !== '') {
    const b = checkBic(String(input.bic));
    if (!b.ok) problems.bic = b.message;
    else bic = b.normalized;
  }
  if (Object.keys(problems).length > 0 || !iban.ok) throw invalid(problems);
  const now = await current(s, companyId);
  if (now.iban === iban.normalized && (bic === null || now.bic === bic)) throw invalid({ iban: 'these are the bank details already in use' });
  const pending = (await bankChangesOf(s, companyId)).find((c) => c.status === 'pending');
  if (pending) throw conflict('bank_change_pending', 'a change of bank details is already waiting for approval: approve, reject or withdraw it first');
  const id = newId('bk');
  await s.db.execute({
    sql: `INSERT INTO bank_changes (id, company_id, target, iban, bic, requested_by, requested_at, status) VALUES (?, ?, 'company', ?, ?, ?, ?, 'pending')`,
    args: [id, companyId, iban.normalized, bic, by, s.now().toISOString()],
  });
  await raiseAlert(s, companyId, 'bank_change_requested', by, { change: id, from: now.iban, to: iban.normalized, bic });
  return one(s, companyId, id);
}

/** Approves a pending change: by someone other than its asker; the settings change in the same logged transaction. */
export async function approveBankChange(s: Services, companyId: string, id: string, actor: Actor): Promise<BankChange> {
  const change = await one(s, companyId, id);
  if (change.status !== 'pending') throw conflict('not_pending', `this change is already ${change.status}`);
  if (change.requestedBy === actor.by) throw forbidden('a change of bank details needs a second person: someone else with the right to change bank details must approve it');
  const { room } = await workspaceOf(s, companyId);
  const at = s.now().toISOString();
  await editDocuments(s, actor, 'approveBankChange', { id }, async () => ({
    status: 200, result: { id },
    edits: [{ room, edit: (copy) => new Workspace(copy).updateSettings({ iban: change.iban, ...(change.bic ? { bic: change.bic } : {}) }) }],
    extra: async (tx) => {
      const rs = await tx.execute({ sql: `UPDATE bank_changes SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ? AND company_id = ? AND status = 'pending'`, args: [actor.by, at, id, companyId] });
      if (rs.rowsAffected !== 1) throw conflict('not_pending', 'this change was decided meanwhile');
    },
  }));
  await raiseAlert(s, companyId, 'bank_change_approved', actor.by, { change: id, from: change.current.iban, to: change.iban, requestedBy: change.requestedBy });
  return one(s, companyId, id);
}

export async function closeBankChange(s: Services, companyId: string, id: string, by: string, how: 'rejected' | 'withdrawn', reason: string | null): Promise<BankChange> {
  const change = await one(s, companyId, id);
  if (change.status !== 'pending') throw conflict('not_pending', `this change is already ${change.status}`);
  if (how === 'withdrawn' && change.requestedBy !== by) throw forbidden('only who asked for a change can withdraw it; others reject it');
  await s.db.execute({
    sql: `UPDATE bank_changes SET status = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ? AND company_id = ? AND status = 'pending'`,
    args: [how, by, s.now().toISOString(), reason, id, companyId],
  });
  await recordEvent(s, companyId, by, how === 'rejected' ? { type: 'bank_change_rejected', change: id, reason } : { type: 'bank_change_withdrawn', change: id });
  return one(s, companyId, id);
}
