import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inWriteTransaction, openDatabase } from '../db';
import { KeyRing, loadMasterKey, Log, verifyLog } from './index';
import { Sealer } from './sealer';

async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'facturo-log-'));
  const db = await openDatabase({ libsqlUrl: `file:${path.join(dir, 'facturo.db')}` });
  const master = loadMasterKey(dir, {});
  const log = new Log(db, new KeyRing(db, master));
  return { dir, db, log, master };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('Log', () => {
  it('chains each company separately and gives consecutive company sequence numbers', async () => {
    const { log } = await setup();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => log.append({ companyId: i % 2 ? 'co_b' : 'co_a', docId: 'd', kind: 'update', payload: text(`u${i}`) })),
    );
    const a = results.filter((_, i) => i % 2 === 0).map((r) => r.companySeq);
    expect(a).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it('reads a document back decrypted, in order, from its latest snapshot on', async () => {
    const { log } = await setup();
    const one = await log.append({ companyId: 'co_a', docId: 'co_a.workspace', kind: 'update', payload: text('one') });
    await log.append({ companyId: 'co_a', docId: 'co_a.workspace', kind: 'update', payload: text('late') });
    await log.appendSnapshot('co_a', 'co_a.workspace', text('snap'), one.seq);
    await log.append({ companyId: 'co_a', docId: 'co_a.workspace', kind: 'update', payload: text('two') });
    await log.append({ companyId: 'co_a', docId: 'co_a.other', kind: 'update', payload: text('elsewhere') });
    const entries = await log.readDoc('co_a', 'co_a.workspace');
    // 'late' was appended after the snapshot's state was taken: it must not be skipped.
    expect(entries.map((e) => e.payload?.toString())).toEqual(['snap', 'late', 'two']);
  });

  it('stores only ciphertext: a customer name is nowhere in the database files', async () => {
    const { dir, log, master } = await setup();
    await log.append({ companyId: 'co_a', docId: 'co_a.workspace', kind: 'update', payload: text('Boulangerie Quintessence') });
    const files = readdirSync(dir).map((f) => readFileSync(path.join(dir, f)));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) {
      expect(f.includes('Boulangerie Quintessence')).toBe(false);
      expect(f.includes(master)).toBe(false);
    }
  });

  it('refuses to decrypt under another master key', async () => {
    const { dir, db, log } = await setup();
    await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('secret') });
    const other = new Log(db, new KeyRing(db, randomBytes(32)));
    await expect(other.readDoc('co_a', 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toContain('master.key');
  });

  it('verifies an intact chain and names the first altered entry', async () => {
    const { db, log } = await setup();
    for (let i = 0; i < 5; i++) await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: 'alice', payload: text(`u${i}`) });
    expect(await verifyLog(db)).toMatchObject({ entries: 5, broken: null });
    await log.append({ companyId: 'co_b', docId: 'elsewhere', kind: 'update', payload: text('other') });
    await db.execute(`UPDATE log SET doc = (SELECT id FROM log_names WHERE name = 'elsewhere') WHERE company_seq = 3`);
    expect((await verifyLog(db)).broken).toMatchObject({ companyId: 'co_a', companySeq: 3 });
    await db.execute(`UPDATE log SET doc = (SELECT id FROM log_names WHERE name = 'x') WHERE company_seq = 3`);
    expect(await verifyLog(db)).toMatchObject({ entries: 6, broken: null });
    // The actor is in the entry's header, in clear: rewriting it breaks the link too.
    const row = (await db.execute(`SELECT entry FROM log WHERE company_seq = 4 AND kind = 1 AND doc = (SELECT id FROM log_names WHERE name = 'x')`)).rows[0]!;
    const entry = Buffer.from(row.entry as ArrayBuffer);
    const at = entry.indexOf('alice');
    expect(at).toBeGreaterThan(0);
    entry.write('mally', at);
    await db.execute({ sql: `UPDATE log SET entry = ? WHERE company_seq = 4 AND doc = (SELECT id FROM log_names WHERE name = 'x')`, args: [entry] });
    expect((await verifyLog(db)).broken).toMatchObject({ companyId: 'co_a', companySeq: 4 });
    expect((await log.readCompany('co_a', 3, 1))[0]).toMatchObject({ actor: 'mally' });
  });

  it('names a deleted entry and a swapped ciphertext', async () => {
    const { db, log } = await setup();
    for (let i = 0; i < 5; i++) await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text(`u${i}`) });
    await db.execute(`UPDATE log SET entry = (SELECT entry FROM log WHERE company_seq = 1) WHERE company_seq = 2`);
    expect((await verifyLog(db)).broken).toMatchObject({ companySeq: 2, reason: expect.stringContaining('ciphertext') });
    await db.execute(`DELETE FROM log WHERE company_seq = 2`);
    expect((await verifyLog(db)).broken).toMatchObject({ companySeq: 3, reason: expect.stringContaining('missing') });
  });

  it('keeps one gapless chain when a command appends inside its own transaction, even one it rolls back', async () => {
    const { db, log } = await setup();
    await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('before') });
    await log.prepare('co_a');
    const within = await inWriteTransaction(db, (tx) => log.appendWithin(tx, [{ companyId: 'co_a', kind: 'command', payload: text('issued') }]));
    expect(within[0]!.companySeq).toBe(2);
    await expect(
      inWriteTransaction(db, async (tx) => {
        await log.appendWithin(tx, [{ companyId: 'co_a', kind: 'command', payload: text('rolled back') }]);
        throw new Error('the command failed after appending');
      }),
    ).rejects.toThrow('the command failed');
    const after = await Promise.all([1, 2, 3].map((i) => log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text(`after ${i}`) })));
    expect(after.map((a) => a.companySeq)).toEqual([3, 4, 5]);
    expect(await verifyLog(db)).toMatchObject({ entries: 5, broken: null });
    expect((await log.readCompany('co_a')).map((e) => e.payload?.toString())).toEqual(['before', 'issued', 'after 1', 'after 2', 'after 3']);
  });

  it('relinks its batch when another writer moved the chain head it remembered', async () => {
    const { db, log, master } = await setup();
    const other = new Log(db, new KeyRing(db, master), undefined, { sealer: 'inline' });
    await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('mine 1') });
    await other.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('theirs') });
    const mine = await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('mine 2') });
    expect(mine.companySeq).toBe(3);
    expect(await verifyLog(db)).toMatchObject({ entries: 3, broken: null });
    expect((await log.readDoc('co_a', 'x')).map((e) => e.payload?.toString())).toEqual(['mine 1', 'theirs', 'mine 2']);
    await other.close();
    await log.close();
  });

  it('seals the same entries alike in the worker and inline, and records who and when', async () => {
    const { db, master } = await setup();
    const at = new Date('2026-03-01T08:30:00.000Z');
    const logs = [new Log(db, new KeyRing(db, master), () => at), new Log(db, new KeyRing(db, master), () => at, { sealer: 'inline' })];
    for (const [i, l] of logs.entries()) {
      await Promise.all(Array.from({ length: 40 }, (_, k) => l.append({ companyId: `co_${i}`, docId: 'd', kind: 'update', actor: 'us_élodie', device: k % 2 ? null : 'dev1', payload: text(`u${k}`) })));
    }
    const [fromWorker, inline] = await Promise.all([logs[0]!.readCompany('co_0'), logs[1]!.readCompany('co_1')]);
    const shape = (es: typeof fromWorker) => es.map((e) => [e.companySeq, e.actor, e.device, e.at, e.payload?.toString()]);
    expect(shape(fromWorker)).toEqual(shape(inline));
    expect(fromWorker[1]).toMatchObject({ actor: 'us_élodie', device: null, at: '2026-03-01T08:30:00.000Z', payload: Buffer.from('u1') });
    expect(logs[0]!.stats.entries).toBe(40);
    expect(logs[0]!.stats.transactions).toBeLessThan(40);
    expect(await verifyLog(db)).toMatchObject({ companies: 2, entries: 80, broken: null });
    for (const l of logs) await l.close();
  });

  it('refuses a database written in the pre-release log layout, saying what to do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'facturo-log-'));
    const url = `file:${path.join(dir, 'facturo.db')}`;
    const raw = await openDatabase({ libsqlUrl: url });
    await raw.batch(['DROP TABLE log', 'CREATE TABLE log (seq INTEGER PRIMARY KEY, company_id TEXT, doc_id TEXT, iv BLOB, payload BLOB)'], 'write');
    raw.close();
    await expect(openDatabase({ libsqlUrl: url })).rejects.toThrow(/pre-release build .* delete the var\/ folder/);
  });

  it('seals on the main thread when the worker cannot start, and loses no append', async () => {
    const sealer = new Sealer('worker', new URL('./no-such-worker.mjs', import.meta.url));
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      const key = { keyId: 'k_test', key: new Uint8Array(32) };
      const req = { keys: { co_a: key }, entries: [{ companyId: 'co_a', docId: 'd', kind: 'update', actor: null, device: null, at: 0, keyId: 'k_test', payload: text('hello') }] };
      const res = await sealer.seal(req);
      expect(res.offsets[1]).toBeGreaterThan(32 + 5);
      expect(sealer.sealsInline).toBe(true);
      expect(warnings.join(' ')).toMatch(/sealing on the main thread/);
    } finally {
      console.warn = warn;
      await sealer.close();
    }
  });
});
