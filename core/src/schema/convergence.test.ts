import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from './workspace';
import { CustomerBook } from './customers';

/*
 * Invariant 5 (convergence): replicas editing the workspace offline and concurrently, then receiving
 * each other's updates in any order, any number of times, end in the same state.
 */
const now = '2026-11-29T00:00:00.000Z';
const ids = ['cu_a', 'cu_b', 'cu_c'];

const op = fc.oneof(
  fc.record({ t: fc.constant('createCustomer' as const), id: fc.constantFrom(...ids), name: fc.constantFrom('Martin', 'Durand', 'Lefèvre') }),
  fc.record({ t: fc.constant('updateCustomer' as const), id: fc.constantFrom(...ids), field: fc.constantFrom('city', 'phone', 'name', 'email'), value: fc.constantFrom('Lyon', 'Nantes', '0102', 'x@y.fr', 'Z') }),
  fc.record({ t: fc.constant('archiveCustomer' as const), id: fc.constantFrom(...ids), archived: fc.boolean() }),
  fc.record({ t: fc.constant('settings' as const), field: fc.constantFrom('legalName', 'rcsCity', 'phone'), value: fc.constantFrom('ACME SAS', 'Paris', '') }),
  fc.record({ t: fc.constant('createProduct' as const), id: fc.constantFrom('pr_a', 'pr_b'), price: fc.constantFrom('10.00', '99.90', '0.01') }),
  fc.record({ t: fc.constant('addContact' as const), id: fc.constantFrom(...ids), contactId: fc.constantFrom('ct_a', 'ct_b', 'ct_c', 'ct_d'), name: fc.constantFrom('Anne', 'Paul') }),
  fc.record({ t: fc.constant('editContact' as const), id: fc.constantFrom(...ids), contactId: fc.constantFrom('ct_a', 'ct_b'), role: fc.constantFrom('Comptabilité', '') }),
  fc.record({ t: fc.constant('removeContact' as const), id: fc.constantFrom(...ids), contactId: fc.constantFrom('ct_a', 'ct_b') }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function apply(ws: Workspace, o: Op) {
  try {
    switch (o.t) {
      case 'createCustomer': return new CustomerBook(ws.doc).createCustomer(o.id, { name: o.name }, now);
      case 'updateCustomer':
        if (!new CustomerBook(ws.doc).getCustomer(o.id)) return;
        return new CustomerBook(ws.doc).updateCustomer(o.id, o.field === 'email' && !o.value.includes('@') ? { email: 'a@b.fr' } : { [o.field]: o.value });
      case 'archiveCustomer': return new CustomerBook(ws.doc).getCustomer(o.id) && new CustomerBook(ws.doc).updateCustomer(o.id, { archived: o.archived });
      case 'settings': return ws.updateSettings({ [o.field]: o.value });
      case 'createProduct': return ws.createProduct(o.id, { name: 'P', unitPrice: o.price }, now);
      case 'addContact': return new CustomerBook(ws.doc).getCustomer(o.id) && !new CustomerBook(ws.doc).contacts.all.has(o.contactId) && new CustomerBook(ws.doc).contacts.add(o.id, o.contactId, { name: o.name });
      case 'editContact': return new CustomerBook(ws.doc).getCustomer(o.id)?.contacts.some((c) => c.id === o.contactId) && new CustomerBook(ws.doc).contacts.update(o.id, o.contactId, { role: o.role });
      case 'removeContact': return new CustomerBook(ws.doc).contacts.remove(o.id, o.contactId);
    }
  } catch (e) {
    // Invalid edits are refused locally and write nothing; convergence must still hold.
    if (!(e instanceof Error && e.name === 'ValidationError')) throw e;
  }
}

/** JSON with sorted keys: map iteration order is local, the content is what must converge. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}

describe('workspace convergence', () => {
  it('replicas with random concurrent edits and random, duplicated delivery end identical', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.array(fc.tuple(fc.nat(3), op), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (replicaCount, edits, order) => {
          const docs = Array.from({ length: replicaCount }, () => new Y.Doc());
          const outbox: Uint8Array[][] = docs.map(() => []);
          docs.forEach((d, i) => d.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && outbox[i]!.push(u)));
          // Phase 1: everyone edits offline. Phase 2: every update reaches every replica in a random
          // order, some twice (as after a reconnect).
          for (const [who, o] of edits) apply(new Workspace(docs[who % replicaCount]!), o);
          const all = outbox.flatMap((us, from) => us.map((u) => ({ from, u })));
          const deliveries = [...all, ...all.filter((_, i) => i % 3 === 0)];
          const picks = order.take(deliveries.length * replicaCount);
          for (const d of docs) {
              // A random permutation per replica (Fisher-Yates driven by the generated stream).
            const shuffled = [...deliveries];
            for (let i = shuffled.length - 1; i > 0; i--) {
              const j = (picks.next().value ?? 0) % (i + 1);
              [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
            }
            for (const { u } of shuffled) Y.applyUpdate(d, u, 'remote');
          }
          const states = docs.map((d) => canonical({ s: d.getMap('settings').toJSON(), c: new CustomerBook(d).listCustomers({ includeArchived: true }), p: new Workspace(d).listProducts({ includeArchived: true }) }));
          expect(new Set(states).size).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
