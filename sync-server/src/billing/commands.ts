import {
  cancel, changePlan, changePrice, changeQuantity, incompatibility, parseSubscription, pause, resume, ValidationError,
  type Plans, type Subscription, type Transition,
} from '@facturo/core';
import { z } from 'zod';
import { inWriteTransaction } from '../db';
import { AppError, conflict, invalid, notFound } from '../errors';
import { newId } from '../ids';
import { readCustomer } from '../customers/records';
import { companyToday } from '../commands/issue';
import { requestHash, storedResult, storeResult } from '../commands/idempotency';
import type { Actor } from '../commands/run';
import type { Services } from '../services';
import { billedKeys, nextBillingOn, plansOf, readSubscription, writeSubscription } from './store';
import { creditUnusedDays } from './credits';

/*
 * The commands that change a subscription (server-authoritative, STYLE 7c): each one, in one transaction,
 * replays a stored result for its Idempotency-Key, applies core's pure transition to the record as stored,
 * writes it back and logs the command (audit trail, invariant 9). A refusal from core writes nothing.
 */

export const createRequest = z.object({
  customerId: z.string().min(1, 'choose a customer'),
  start: z.string(),
  items: z.array(z.object({ planId: z.string(), quantity: z.string(), unitPrice: z.string().optional() }).strict()),
  review: z.enum(['issue', 'draft']).optional(),
  mandateId: z.string().optional(),
}).strict();
export type CreateRequest = z.infer<typeof createRequest>;

export type ChangeRequest =
  | { kind: 'quantity' | 'plan' | 'price'; at: string; itemIndex: number; value: string }
  | { kind: 'pause' | 'resume'; at: string }
  | { kind: 'cancel'; at?: string; atPeriodEnd?: boolean; force?: boolean };

/** Every item's plan exists and bills on the first item's cadence; errors named by item (`items[1].planId`). */
export function checkItems(sub: Subscription, plans: Plans): void {
  const problems: Record<string, string> = {};
  const base = plans.get(sub.items[0]!.planId);
  sub.items.forEach((item, i) => {
    const plan = plans.get(item.planId);
    if (!plan) problems[`items[${String(i)}].planId`] = `no plan "${item.planId}"`;
    else if (base && i > 0) {
      const why = incompatibility(base, plan);
      if (why) problems[`items[${String(i)}].planId`] = `"${plan.name}" is ${why}: one subscription makes one invoice per period`;
    }
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);
}

async function checkMandate(s: Services, companyId: string, sub: Subscription): Promise<void> {
  if (!sub.mandateId) return;
  // A draft cannot state a direct debit (BG-19 is written by the run when it issues): a debited subscription is issued.
  if (sub.review === 'draft') throw invalid({ review: 'a subscription paid by SEPA direct debit is issued automatically: choose "issue" or no mandate' });
  const row = (await s.db.execute({ sql: 'SELECT customer_id, status FROM sepa_mandates WHERE company_id = ? AND id = ?', args: [companyId, sub.mandateId] })).rows[0];
  if (!row) throw invalid({ mandateId: `no SEPA mandate ${sub.mandateId}` });
  if (String(row.customer_id) !== sub.customerId) throw invalid({ mandateId: `mandate ${sub.mandateId} was signed by another customer` });
  if (String(row.status) !== 'active') throw invalid({ mandateId: `mandate ${sub.mandateId} is ${String(row.status)}` });
}

function parse(input: unknown): Subscription {
  try {
    return parseSubscription(input);
  } catch (e) {
    if (e instanceof ValidationError) throw invalid(e.fields);
    throw e;
  }
}

/** Runs `change` on the stored record and stores the result, all in one transaction with the log entry. */
async function command<T>(s: Services, actor: Actor, name: string, request: unknown, change: (tx: Parameters<Parameters<typeof inWriteTransaction>[1]>[0]) => Promise<{ sub: Subscription; plans: Plans; result: T; status: number }>): Promise<{ status: number; result: T }> {
  const hash = requestHash(name, request);
  if (actor.idempotencyKey) {
    const replay = await storedResult<T>(s.db, actor.companyId, actor.idempotencyKey, hash);
    if (replay) return replay;
  }
  await s.log.prepare(actor.companyId);
  return inWriteTransaction(s.db, async (tx) => {
    if (actor.idempotencyKey) {
      const again = await storedResult<T>(tx, actor.companyId, actor.idempotencyKey, hash);
      if (again) return again;
    }
    const { sub, plans, result, status } = await change(tx);
    const today = companyToday(s.now());
    const at = s.now().toISOString();
    await writeSubscription(tx, actor.companyId, sub, { at, by: actor.by, nextBillingOn: nextBillingOn(sub, plans, await billedKeys(tx, actor.companyId, sub.id), today) });
    await s.log.appendWithin(tx, [{
      companyId: actor.companyId, docId: null, kind: 'command', actor: actor.by, device: null,
      payload: new TextEncoder().encode(JSON.stringify({ type: `subscription_${name}`, subscriptionId: sub.id, request, idempotencyKey: actor.idempotencyKey ?? null })),
    }]);
    if (actor.idempotencyKey) await storeResult(tx, { companyId: actor.companyId, key: actor.idempotencyKey, name: `subscription_${name}`, hash, status, result, at: s.now() });
    return { status, result };
  });
}

export async function createSubscription(s: Services, actor: Actor, request: CreateRequest): Promise<{ status: number; result: { id: string } }> {
  const plans = await plansOf(s, actor.companyId);
  const sub = parse({ ...request, id: newId('sb'), state: 'active', changes: [] });
  checkItems(sub, plans);
  if (!(await readCustomer(s, actor.companyId, sub.customerId))) throw invalid({ customerId: `no customer ${sub.customerId}` });
  await checkMandate(s, actor.companyId, sub);
  return command(s, actor, 'created', request, async () => ({ sub, plans, result: { id: sub.id }, status: 201 }));
}

function transitionOf(sub: Subscription, plans: Plans, req: ChangeRequest, today: string): Transition {
  switch (req.kind) {
    case 'quantity': return changeQuantity(sub, req.itemIndex, req.value, req.at, today);
    case 'price': return changePrice(sub, req.itemIndex, req.value, req.at, today);
    case 'plan': return changePlan(sub, req.itemIndex, req.value, req.at, today, plans);
    case 'pause': return pause(sub, req.at, today);
    case 'resume': return resume(sub, req.at, today);
    case 'cancel': return cancel(sub, req.atPeriodEnd || !req.at ? { atPeriodEnd: true } : { at: req.at }, plans, today, { force: req.force === true });
  }
}

export async function changeSubscription(s: Services, actor: Actor, id: string, req: ChangeRequest): Promise<{ status: number; result: { id: string }; creditNoteIds: string[] }> {
  const outcome = await recordChange(s, actor, id, req);
  // After the commit (STYLE 7d): a cancellation or pause with no invoice to come credits the unused days it leaves.
  const creditNoteIds = req.kind === 'cancel' || req.kind === 'pause' ? await creditUnusedDays(s, actor.companyId, id) : [];
  return { ...outcome, creditNoteIds };
}

/** change, pause, resume or cancel: core's transition on the stored record; its refusal is a 409 (400 for bad input). */
async function recordChange(s: Services, actor: Actor, id: string, req: ChangeRequest): Promise<{ status: number; result: { id: string } }> {
  const plans = await plansOf(s, actor.companyId);
  return command(s, actor, req.kind === 'quantity' || req.kind === 'plan' || req.kind === 'price' ? 'changed' : req.kind === 'cancel' ? 'cancelled' : `${req.kind}d`, { id, req }, async (tx) => {
    const record = await readSubscription(tx, actor.companyId, id);
    if (!record) throw notFound(`subscription ${id}`);
    const t = transitionOf(record.subscription, plans, req, companyToday(s.now()));
    if (!t.ok) {
      if (t.code === 'invalid') throw new AppError(400, 'invalid', t.reason, { [t.reason.split(':')[0] ?? 'request']: t.reason });
      throw conflict(t.code, t.reason);
    }
    return { sub: t.subscription, plans, result: { id }, status: 200 };
  });
}
