import { z } from '@hono/zod-openapi';
import { docIds } from '@facturo/core';
import { replay, under, type HistoryItem } from '../audit/history';
import type { StoredEntry } from '../log';
import type { Services } from '../services';
import { memberOf, router, secureRoute } from './context';
import { json } from './schemas';

/*
 * The audit trail, read from the hash-chained log: security and command events, the history of any
 * object (who changed which field, from what to what, when, from which device) and of any member.
 */

const ChangeSchema = z.object({ path: z.array(z.string()), action: z.enum(['add', 'update', 'delete']), before: z.unknown().optional(), after: z.unknown().optional() }).openapi('FieldChange');
const HistoryItemSchema = z.object({
  companySeq: z.number(), at: z.string().nullable(), actor: z.string().nullable(), actorName: z.string().nullable(), device: z.string().nullable(),
  docId: z.string(), changes: z.array(ChangeSchema),
}).openapi('HistoryItem');
const EventSchema = z.object({
  companySeq: z.number(), at: z.string().nullable(), actor: z.string().nullable(), actorName: z.string().nullable(), device: z.string().nullable(),
  kind: z.enum(['event', 'command']), docId: z.string().nullable(), event: z.unknown(),
}).openapi('AuditEvent');

/** Who an actor is, in words: a member's name, an API token's name, or the system. */
async function namesOf(s: Services, actors: Iterable<string | null>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const a of new Set(actors)) {
    if (!a || names.has(a)) continue;
    if (a.startsWith('token:')) {
      const r = (await s.db.execute({ sql: 'SELECT name FROM api_tokens WHERE id = ?', args: [a.slice(6)] })).rows[0];
      names.set(a, r ? `API: ${String(r.name)}` : a);
    } else if (a.startsWith('system:')) names.set(a, a);
    else {
      const r = (await s.db.execute({ sql: 'SELECT display_name FROM users WHERE id = ?', args: [a] })).rows[0];
      names.set(a, r ? String(r.display_name) : a);
    }
  }
  return names;
}

function eventOf(e: StoredEntry): unknown {
  try {
    return JSON.parse(e.payload?.toString('utf8') ?? 'null') as unknown;
  } catch {
    return { bytes: e.payload?.length ?? 0 };
  }
}

/** The document an API caller names: `workspace`, or a quote/invoice id (dc_…). */
function docIdFor(companyId: string, doc: string): string | null {
  if (doc === 'workspace') return docIds.workspace(companyId);
  const id = docIds.document(companyId, doc);
  return docIds.documentOf(id) || docIds.customerOf(id) ? id : null;
}

const MAX_ITEMS = 500;

export function auditRoutes() {
  const app = router();
  const companyParam = z.object({ id: z.string() });

  app.openapi(
    secureRoute('audit.read', {
      method: 'get', path: '/companies/{id}/audit/events', tags: ['Audit'], summary: 'Security and command events, newest first (page back with ?before=companySeq)',
      request: { params: companyParam, query: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(MAX_ITEMS).optional(), actor: z.string().optional() }) },
      responses: { 200: json(z.object({ items: z.array(EventSchema), next: z.number().nullable() }), 'Events') },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const q = c.req.valid('query');
      const limit = q.limit ?? 100;
      // With an actor, look further back: their events are a part of all.
      const entries = await s.log.readKind(m.companyId, ['event', 'command'], q.before, q.actor ? limit * 20 : limit);
      const picked = (q.actor ? entries.filter((e) => e.actor === q.actor) : entries).slice(0, limit);
      const names = await namesOf(s, picked.map((e) => e.actor));
      return c.json({
        items: picked.map((e) => ({
          companySeq: e.companySeq, at: e.at, actor: e.actor, actorName: e.actor ? names.get(e.actor) ?? null : null, device: e.device,
          kind: e.kind as 'event' | 'command', docId: e.docId, event: eventOf(e),
        })),
        next: entries.length > 0 && picked.length === limit ? picked.at(-1)!.companySeq : null,
      }, 200);
    },
  );

  app.openapi(
    secureRoute('audit.read', {
      method: 'get', path: '/companies/{id}/audit/history', tags: ['Audit'],
      summary: 'What changed in a document or one object of it, newest first: who, when, from which device, each field from what to what',
      request: {
        params: companyParam,
        query: z.object({
          doc: z.string().default('workspace').openapi({ description: '`workspace` (company, products, series…), a customer id (its record and contacts) or a quote/invoice id' }),
          path: z.string().optional().openapi({ description: 'Only changes under this place, e.g. `settings/iban`; `customers/cu_…` in the workspace stands for that customer’s document' }),
          limit: z.coerce.number().int().min(1).max(MAX_ITEMS).optional(),
        }),
      },
      responses: { 200: json(z.array(HistoryItemSchema), 'History') },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const q = c.req.valid('query');
      let prefix = q.path ? q.path.split('/').filter(Boolean) : [];
      // A customer's record and contacts are its own document: its whole history.
      const customer = q.doc === 'workspace' && prefix[0] === 'customers' && prefix.length === 2 ? prefix[1]! : null;
      const docId = customer ? docIdFor(m.companyId, customer) : docIdFor(m.companyId, q.doc);
      if (!docId) return c.json([], 200);
      if (customer) prefix = [];
      const replayed = replay(docId, await s.log.readDocHistory(m.companyId, docId));
      const items = replayed
        .map((i) => ({ ...i, changes: i.changes.filter((ch) => under(ch, prefix)) }))
        .filter((i) => i.changes.length > 0)
        .reverse()
        .slice(0, q.limit ?? 100);
      return c.json(await withNames(s, items), 200);
    },
  );

  app.openapi(
    secureRoute('audit.read', {
      method: 'get', path: '/companies/{id}/audit/members/{userId}', tags: ['Audit'],
      summary: 'What one member (or API token: token:tk_…) did: their events and their changes to the company and its documents, newest first',
      request: { params: companyParam.extend({ userId: z.string() }), query: z.object({ limit: z.coerce.number().int().min(1).max(MAX_ITEMS).optional() }) },
      responses: { 200: json(z.object({ events: z.array(EventSchema), changes: z.array(HistoryItemSchema) }), 'The member’s trail') },
    }),
    async (c) => {
      const m = memberOf(c);
      const s = c.get('services');
      const { userId } = c.req.valid('param');
      const limit = c.req.valid('query').limit ?? 100;
      const events = (await s.log.readKind(m.companyId, ['event', 'command'], undefined, 20_000)).filter((e) => e.actor === userId).slice(0, limit);
      // The documents they wrote to, replayed in full (a change is only readable against what came before).
      const docs = new Set<string>();
      for (const e of await s.log.readKind(m.companyId, ['update'], undefined, 20_000, { headersOnly: true })) if (e.actor === userId && e.docId) docs.add(e.docId);
      const changes: HistoryItem[] = [];
      for (const docId of docs) changes.push(...replay(docId, await s.log.readDocHistory(m.companyId, docId)).filter((i) => i.actor === userId && i.changes.length > 0));
      changes.sort((a, b) => b.companySeq - a.companySeq);
      const names = await namesOf(s, [userId]);
      return c.json({
        events: events.map((e) => ({ companySeq: e.companySeq, at: e.at, actor: e.actor, actorName: names.get(userId) ?? null, device: e.device, kind: e.kind as 'event' | 'command', docId: e.docId, event: eventOf(e) })),
        changes: changes.slice(0, limit).map((i) => ({ ...i, actorName: names.get(userId) ?? null })),
      }, 200);
    },
  );

  return app;
}

async function withNames(s: Services, items: HistoryItem[]) {
  const names = await namesOf(s, items.map((i) => i.actor));
  return items.map((i) => ({ ...i, actorName: i.actor ? names.get(i.actor) ?? null : null }));
}
