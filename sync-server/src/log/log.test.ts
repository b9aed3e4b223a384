import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inWriteTransaction, openDatabase } from '../db';
import { createCipheriv } from 'node:crypto';
import { entryDigest, GENESIS, linkHash } from './entry.mjs';
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

  it('compacts what a snapshot covers into digests: unreadable by anyone, the chain intact, the document whole', async () => {
    const { db, log } = await setup();
    const doc = 'co_a.workspace';
    const first = await log.append({ companyId: 'co_a', docId: doc, kind: 'update', payload: text('Bernard Lefebvre') });
    await log.appendSnapshot('co_a', doc, text('old snapshot: Bernard'), first.seq);
    const second = await log.append({ companyId: 'co_a', docId: doc, kind: 'update', payload: text('gone') });
    await log.appendSnapshot('co_a', doc, text('state'), second.seq);
    await log.append({ companyId: 'co_a', docId: doc, kind: 'update', payload: text('after') });
    await log.append({ companyId: 'co_a', docId: 'co_a.other', kind: 'update', payload: text('elsewhere') });
    expect(await log.compact('co_a', doc)).toBe(3); // two updates and the older snapshot
    expect(await log.compact('co_a', doc)).toBe(0);
    expect((await log.readDoc('co_a', doc)).map((e) => e.payload?.toString())).toEqual(['state', 'after']);
    expect((await log.readDocHistory('co_a', doc)).map((e) => e.payload?.toString() ?? null)).toEqual([null, null, 'after']);
    expect((await log.readDoc('co_a', 'co_a.other')).map((e) => e.payload?.toString())).toEqual(['elsewhere']);
    expect((await verifyLog(db)).broken).toBeNull();
  });

  it('reads who wrote which document without decrypting, when only the headers are asked for', async () => {
    const { db, dir, log } = await setup();
    await log.append({ companyId: 'co_a', docId: 'co_a.dc_1', kind: 'update', actor: 'us_ana', device: 'phone', payload: text('x') });
    // Another master key opens nothing, yet the headers read.
    const blind = new Log(db, new KeyRing(db, loadMasterKey(mkdtempSync(path.join(dir, 'other-')), {})));
    await expect(blind.readKind('co_a', ['update'])).rejects.toThrow();
    expect(await blind.readKind('co_a', ['update'], undefined, 10, { headersOnly: true })).toEqual([expect.objectContaining({ actor: 'us_ana', device: 'phone', docId: 'co_a.dc_1', payload: null })]);
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
    const logs = [new Log(db, new KeyRing(db, master), () => at, { sealer: 'worker' }), new Log(db, new KeyRing(db, master), () => at, { sealer: 'inline' })];
    for (const [i, l] of logs.entries()) {
      await Promise.all(Array.from({ length: 40 }, (_, k) => l.append({ companyId: `co_${i}`, docId: 'd', kind: 'update', actor: 'us_élodie', device: k % 2 ? null : 'dev1', payload: text(`u${k}`) })));
    }
    const [fromWorker, inline] = await Promise.all([logs[0]!.readCompany('co_0'), logs[1]!.readCompany('co_1')]);
    const shape = (es: typeof fromWorker) => es.map((e) => [e.companySeq, e.actor, e.device, e.at, e.payload?.toString()]);
    expect(shape(fromWorker)).toEqual(shape(inline));
    expect(fromWorker[1]).toMatchObject({ actor: 'us_élodie', device: null, at: '2026-03-01T08:30:00.000Z', payload: Buffer.from('u1') });
    expect(logs[0]!.stats.entries).toBe(40);
    expect(logs[0]!.stats.sealedByWorker).toBeGreaterThan(0);
    expect(logs[0]!.stats.transactions).toBeLessThan(40);
    expect(await verifyLog(db)).toMatchObject({ companies: 2, entries: 80, broken: null });
    for (const l of logs) await l.close();
  });

  it('puts the entries of one document committed together in one row, each keeping its own number, author and place', async () => {
    const { db, log, master } = await setup();
    await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: 'zoe', payload: text('first alone') });
    const burst = await Promise.all([
      log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: 'alice', payload: text('x1') }),
      log.append({ companyId: 'co_a', docId: 'y', kind: 'update', actor: 'bob', payload: text('y1') }),
      log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: 'bob', device: 'dev9', payload: text('x2') }),
      log.append({ companyId: 'co_a', kind: 'event', actor: 'system', payload: text('signed in') }),
      log.append({ companyId: 'co_b', docId: 'x', kind: 'update', payload: text('other company') }),
      log.append({ companyId: 'co_a', docId: 'y', kind: 'update', actor: 'carol', payload: text('y2') }),
      log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: 'alice', payload: text('x3') }),
    ]);
    // Frames in the order of their first entry: x (x1, x2, x3), y (y1, y2), the event; numbers stay one per entry.
    expect(burst.map((b) => b.companySeq)).toEqual([2, 5, 3, 7, 1, 6, 4]);
    expect(new Set([burst[0]!.seq, burst[2]!.seq, burst[6]!.seq]).size).toBe(1);
    expect(burst[1]!.seq).toBe(burst[5]!.seq);
    expect(burst[1]!.seq).not.toBe(burst[0]!.seq);
    expect(Number((await db.execute('SELECT COUNT(*) AS n FROM log')).rows[0]!.n)).toBe(5);
    expect((await log.readDoc('co_a', 'x')).map((e) => [e.companySeq, e.actor, e.device, e.payload?.toString()])).toEqual([
      [1, 'zoe', null, 'first alone'], [2, 'alice', null, 'x1'], [3, 'bob', 'dev9', 'x2'], [4, 'alice', null, 'x3'],
    ]);
    // Reading from the middle of a frame starts at the entry asked for.
    expect((await log.readCompany('co_a', 2, 10)).map((e) => e.payload?.toString())).toEqual(['x2', 'x3', 'y1', 'y2', 'signed in']);
    expect((await log.readCompany('co_a', 5, 1)).map((e) => e.payload?.toString())).toEqual(['y2']);
    expect(await verifyLog(db)).toMatchObject({ companies: 2, entries: 8, rows: 5, broken: null });
    // Another process (or a restart) continues the chain after the frame's last entry.
    const again = new Log(db, new KeyRing(db, master), undefined, { sealer: 'inline' });
    expect((await again.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('after restart') })).companySeq).toBe(8);
    expect(await verifyLog(db)).toMatchObject({ entries: 9, broken: null });
  });

  it('detects a changed byte anywhere in a frame: header, one entry\'s author, or ciphertext', async () => {
    const { db, log } = await setup();
    await Promise.all(['u1', 'u2', 'u3'].map((p, i) => log.append({ companyId: 'co_a', docId: 'x', kind: 'update', actor: `actor${i}`, payload: text(p) })));
    const row = (await db.execute('SELECT seq, entry FROM log')).rows[0]!;
    const original = Buffer.from(row.entry as ArrayBuffer);
    for (const at of [original.indexOf('actor1'), original.length - 32 - 16 - 2, 12]) {
      const changed = Buffer.from(original);
      changed[at] = changed[at]! ^ 1;
      await db.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [changed, Number(row.seq)] });
      expect((await verifyLog(db)).broken).toMatchObject({ companyId: 'co_a', companySeq: 1 });
    }
    await db.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [original, Number(row.seq)] });
    expect(await verifyLog(db)).toMatchObject({ entries: 3, rows: 1, broken: null });
    const ciphertext = Buffer.from(original);
    const last = original.length - 32 - 16 - 1;
    ciphertext[last] = ciphertext[last]! ^ 1;
    await db.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [ciphertext, Number(row.seq)] });
    await expect(log.readDoc('co_a', 'x')).rejects.toThrow();
  });

  it('still reads and verifies rows written one entry per row by earlier builds (format 1)', async () => {
    const { db, master } = await setup();
    const keys = new KeyRing(db, master);
    const { keyId, key } = await keys.current('co_a');
    // Format 1, written by hand: u8 1 | u64 at | key id | actor | device | iv | ciphertext | tag | hash.
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from('co_a|x|update'));
    const ct = Buffer.concat([cipher.update('written by 0.1'), cipher.final()]);
    const str16 = (s: string | null) => (s === null ? Buffer.from([0xff, 0xff]) : Buffer.concat([Buffer.from([0, Buffer.byteLength(s)]), Buffer.from(s)]));
    const at = Buffer.alloc(8);
    at.writeBigUInt64BE(BigInt(Date.parse('2026-10-01T10:00:00Z')));
    const body = Buffer.concat([Buffer.from([1]), at, Buffer.from([keyId.length]), Buffer.from(keyId), str16('us_old'), str16(null), iv, ct, cipher.getAuthTag()]);
    const entry = Buffer.concat([body, linkHash(GENESIS, 1, entryDigest('co_a', 'x', 'update', body))]);
    await db.execute("INSERT INTO log_names (name) VALUES ('co_a'), ('x')");
    await db.execute({ sql: "INSERT INTO log (company, company_seq, doc, kind, entry) VALUES ((SELECT id FROM log_names WHERE name = 'co_a'), 1, (SELECT id FROM log_names WHERE name = 'x'), 1, ?)", args: [entry] });
    const log = new Log(db, keys, undefined, { sealer: 'inline' });
    expect((await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('written now') })).companySeq).toBe(2);
    expect((await log.readDoc('co_a', 'x')).map((e) => [e.companySeq, e.actor, e.at, e.payload?.toString()])).toEqual([
      [1, 'us_old', '2026-10-01T10:00:00.000Z', 'written by 0.1'], [2, null, expect.any(String), 'written now'],
    ]);
    expect(await verifyLog(db)).toMatchObject({ entries: 2, rows: 2, broken: null });
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
      const req = { keys: { k_test: key }, frames: [{ companyId: 'co_a', docId: 'd', kind: 'update', at: 0, keyId: 'k_test', entries: [{ actor: null, device: null, payload: text('hello') }] }] };
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
