import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { KeyRing, loadMasterKey, Log, verifyLog } from './index';

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
    for (let i = 0; i < 5; i++) await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text(`u${i}`) });
    expect(await verifyLog(db)).toMatchObject({ entries: 5, broken: null });
    await db.execute(`UPDATE log SET actor = 'mallory' WHERE company_seq = 3`);
    expect((await verifyLog(db)).broken).toMatchObject({ companyId: 'co_a', companySeq: 3 });
  });

  it('names a deleted entry and a swapped ciphertext', async () => {
    const { db, log } = await setup();
    for (let i = 0; i < 5; i++) await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text(`u${i}`) });
    await db.execute(`UPDATE log SET payload = (SELECT payload FROM log WHERE company_seq = 1) WHERE company_seq = 2`);
    expect((await verifyLog(db)).broken).toMatchObject({ companySeq: 2, reason: expect.stringContaining('payload') });
    await db.execute(`DELETE FROM log WHERE company_seq = 2`);
    expect((await verifyLog(db)).broken).toMatchObject({ companySeq: 3, reason: expect.stringContaining('missing') });
  });
});
