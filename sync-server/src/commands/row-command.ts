import type { Transaction } from '@libsql/client';
import { inWriteTransaction } from '../db';
import { requestHash, storedResult, storeResult } from './idempotency';
import type { Actor, Outcome } from './run';
import type { Services } from '../services';

/*
 * A server command that writes rows (a SEPA mandate or batch, a payment, a refund): its rows, its audit entry in the
 * company's log and its stored result in one transaction (STYLE 7b, 7d; invariants 6 and 9). The same
 * Idempotency-Key with the same request returns the first result; with another request, 409.
 */

export interface CommandChange<T> {
  status: number;
  result: T;
  /** What the audit log keeps of it (never a full IBAN, never a secret); its `type` is the command's name. */
  audit: Record<string, unknown>;
}

/**
 * `plan` runs after the replay check and outside the transaction (reads that open rooms, such as the customer's,
 * belong there); the function it returns runs inside it.
 */
export async function rowCommand<T>(
  s: Services, actor: Actor, name: string, request: unknown, plan: () => Promise<(tx: Transaction) => Promise<CommandChange<T>>>,
): Promise<Outcome<T>> {
  const hash = requestHash(name, request);
  if (actor.idempotencyKey) {
    const replay = await storedResult<T>(s.db, actor.companyId, actor.idempotencyKey, hash);
    if (replay) return replay;
  }
  const run = await plan();
  // The company's key is made (if need be) outside the transaction: creating a key is a write of its own.
  await s.log.prepare(actor.companyId);
  return inWriteTransaction(s.db, async (tx) => {
    // The same key may have been committed by a concurrent request since the first check.
    const stored = actor.idempotencyKey ? await storedResult<T>(tx, actor.companyId, actor.idempotencyKey, hash) : null;
    if (stored) return stored;
    const change = await run(tx);
    await s.log.appendWithin(tx, [{
      companyId: actor.companyId, kind: 'command', actor: actor.by,
      payload: new TextEncoder().encode(JSON.stringify({ ...change.audit, type: name, ...(actor.idempotencyKey ? { idempotencyKey: actor.idempotencyKey } : {}) })),
    }]);
    if (actor.idempotencyKey) await storeResult(tx, { companyId: actor.companyId, key: actor.idempotencyKey, name, hash, status: change.status, result: change.result, at: s.now() });
    return { status: change.status, result: change.result };
  });
}
