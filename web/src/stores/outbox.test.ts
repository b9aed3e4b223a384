import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FacturoDb, type OutboxEntry } from './db';
import { backoffMs, dispatchSend, enqueue, flushOutbox, httpSend, type Send } from './outbox';

let n = 0;
const dbs: FacturoDb[] = [];
function freshDb() {
  const db = new FacturoDb(`outbox-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const cmd = (kind: string) => ({ companyId: 'co_AAAAAAAAAAAAAAAA', kind, payload: { kind } });

describe('outbox', () => {
  it('keeps a queued command with its idempotency key until it is sent', async () => {
    const db = freshDb();
    const entry = await enqueue(db, cmd('issue'));
    expect(entry.idempotencyKey).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(await db.outbox.get(entry.id)).toMatchObject({ kind: 'issue', attempts: 0, lastError: null });
  });

  it('sends commands in the order they were queued and removes each once acknowledged', async () => {
    const db = freshDb();
    const same = new Date('2026-01-01T00:00:00Z');
    for (const k of ['a', 'b', 'c']) await enqueue(db, cmd(k), same);
    const seen: string[] = [];
    const result = await flushOutbox(db, async (e) => (seen.push(e.kind), { ok: true }));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(result).toEqual({ sent: 3, rejected: 0, stopped: false });
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops at a transient failure, keeps the same key for the retry and waits for the backoff', async () => {
    const db = freshDb();
    const first = await enqueue(db, cmd('a'));
    await enqueue(db, cmd('b'));
    const keys: string[] = [];
    const offline: Send = async (e) => (keys.push(e.idempotencyKey), { ok: false, retry: true, error: 'offline' });
    const t0 = 1_000_000;
    expect(await flushOutbox(db, offline, t0)).toMatchObject({ sent: 0, stopped: true });
    expect(keys).toEqual([first.idempotencyKey]);
    expect(await db.outbox.get(first.id)).toMatchObject({ attempts: 1, lastError: 'offline', nextAttemptAt: t0 + backoffMs(1) });

    const sent: OutboxEntry[] = [];
    const online: Send = async (e) => (sent.push(e), { ok: true });
    await flushOutbox(db, online, t0 + 1);
    expect(sent).toHaveLength(0);
    await flushOutbox(db, online, t0 + backoffMs(1));
    expect(sent.map((e) => e.idempotencyKey)[0]).toBe(first.idempotencyKey);
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks a refused command as rejected, keeps it for the user and goes on with the next', async () => {
    const db = freshDb();
    const bad = await enqueue(db, cmd('bad'));
    await enqueue(db, cmd('good'));
    const send: Send = async (e) => (e.kind === 'bad' ? { ok: false, retry: false, error: '409 conflict' } : { ok: true });
    expect(await flushOutbox(db, send)).toEqual({ sent: 1, rejected: 1, stopped: false });
    expect(await db.outbox.get(bad.id)).toMatchObject({ rejected: true, lastError: '409 conflict', attempts: 1 });
    expect(await flushOutbox(db, send)).toEqual({ sent: 0, rejected: 0, stopped: false });
  });

  it('posts over HTTP with the idempotency key and tells transient from final refusals', async () => {
    const db = freshDb();
    const entry = await enqueue(db, cmd('issue'));
    const calls: { url: string; init: RequestInit }[] = [];
    const answer = (status: number) => async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      return new Response(JSON.stringify(status < 400 ? { ok: true } : { error: { code: 'x', message: 'no' } }), { status });
    };
    expect(await httpSend(answer(200))(entry)).toEqual({ ok: true });
    expect(calls[0]?.url).toBe('/api/v1/companies/co_AAAAAAAAAAAAAAAA/commands/issue');
    expect(new Headers(calls[0]?.init.headers).get('Idempotency-Key')).toBe(entry.idempotencyKey);
    expect(await httpSend(answer(503))(entry)).toMatchObject({ ok: false, retry: true });
    expect(await httpSend(answer(422))(entry)).toMatchObject({ ok: false, retry: false });
    const down = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await httpSend(down)(entry)).toMatchObject({ ok: false, retry: true });
  });

  it('keeps the new payload and the delay a sender asks for, and the problems the server named', async () => {
    const db = freshDb();
    const entry = await enqueue(db, cmd('issue'));
    const t0 = 5_000_000;
    await flushOutbox(db, async () => ({ ok: false, retry: true, error: 'out of sync', payload: { stale: true }, retryInMs: 1000 }), t0);
    expect(await db.outbox.get(entry.id)).toMatchObject({ payload: { stale: true }, nextAttemptAt: t0 + 1000 });
    await flushOutbox(db, async () => ({ ok: false, retry: false, error: '422', fields: { 'seller.siren': 'required' } }), t0 + 1000);
    expect(await db.outbox.get(entry.id)).toMatchObject({ rejected: true, fields: { 'seller.siren': 'required' } });
  });

  it('tries a waiting command at once when the network comes back, whatever its backoff', async () => {
    const db = freshDb();
    const entry = await enqueue(db, cmd('a'));
    const t0 = 1_000_000;
    await flushOutbox(db, async () => ({ ok: false, retry: true, error: 'offline' }), t0);
    await flushOutbox(db, async () => ({ ok: false, retry: true, error: 'offline' }), t0 + backoffMs(1));
    expect((await db.outbox.get(entry.id))?.attempts).toBe(2);
    expect(await flushOutbox(db, async () => ({ ok: true }), t0 + backoffMs(1) + 1, true)).toMatchObject({ sent: 1 });
  });

  it('sends each kind of command with its own sender', async () => {
    const db = freshDb();
    await enqueue(db, cmd('issue'));
    await enqueue(db, cmd('other'));
    const seen: string[] = [];
    const send = dispatchSend({ issue: async () => (seen.push('issue sender'), { ok: true }) }, async (e) => (seen.push(`fallback ${e.kind}`), { ok: true }));
    await flushOutbox(db, send);
    expect(seen).toEqual(['issue sender', 'fallback other']);
  });
});
