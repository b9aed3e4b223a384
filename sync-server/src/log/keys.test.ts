import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { fingerprintOf, KeyRing, openMasterKey, rotateMasterKey } from './keys';
import { Log } from './log';
import { verifyLog } from './verify';

const text = (s: string) => new TextEncoder().encode(s);

async function setup(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'facturo-keys-'));
  const db = await openDatabase({ libsqlUrl: `file:${path.join(dir, 'facturo.db')}` });
  const master = await openMasterKey(db, dir, env);
  const log = new Log(db, new KeyRing(db, master), undefined, { sealer: 'inline' });
  await log.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('Boulangerie Quintessence, 12 rue Haute') });
  return { dir, db, master, log };
}

describe('master key rotation', () => {
  it('re-wraps every data key under a new master.key: old entries stay readable, the old key no longer opens them', async () => {
    const { dir, db, master } = await setup();
    const r = await rotateMasterKey(db, dir, {});
    expect(r).toMatchObject({ rewrapped: 1, newKey: null });
    const now = Buffer.from(readFileSync(path.join(dir, 'master.key'), 'utf8').trim(), 'base64');
    expect(now.equals(master)).toBe(false);
    expect(fingerprintOf(now)).toBe(r.fingerprint);
    expect(existsSync(path.join(dir, 'master.key.next'))).toBe(false);
    const reopened = new Log(db, new KeyRing(db, await openMasterKey(db, dir, {})));
    expect((await reopened.readDoc('co_a', 'x'))[0]!.payload!.toString()).toContain('Boulangerie');
    await expect(new Log(db, new KeyRing(db, master)).readDoc('co_a', 'x')).rejects.toThrow();
  });

  it('names a wrong FACTURO_MASTER_KEY before decrypting anything, and prints the new key when the key comes from the environment', async () => {
    const env = { FACTURO_MASTER_KEY: randomBytes(32).toString('base64') };
    const { dir, db } = await setup(env);
    await expect(openMasterKey(db, dir, { FACTURO_MASTER_KEY: randomBytes(32).toString('base64') })).rejects.toThrow(/FACTURO_MASTER_KEY is not the master key of this database/);
    const r = await rotateMasterKey(db, dir, env);
    expect(r.newKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    await expect(openMasterKey(db, dir, env)).rejects.toThrow(/not the master key/);
    const next = await openMasterKey(db, dir, { FACTURO_MASTER_KEY: r.newKey! });
    expect((await new Log(db, new KeyRing(db, next)).readDoc('co_a', 'x'))[0]!.payload!.toString()).toContain('Quintessence');
  });

  it('finishes a rotation interrupted after the database was re-wrapped but before master.key was replaced', async () => {
    const { dir, db } = await setup();
    const next = randomBytes(32);
    const r = await rotateMasterKey(db, dir, {}, next);
    // As if the process had died before the rename: master.key still old, master.key.next the new one.
    const old = randomBytes(32);
    writeFileSync(path.join(dir, 'master.key.next'), next.toString('base64') + '\n');
    writeFileSync(path.join(dir, 'master.key'), old.toString('base64') + '\n');
    const opened = await openMasterKey(db, dir, {});
    expect(fingerprintOf(opened)).toBe(r.fingerprint);
    expect(readFileSync(path.join(dir, 'master.key'), 'utf8').trim()).toBe(next.toString('base64'));
  });

  it('a running server whose master key was rotated underneath refuses to create a data key with the old one', async () => {
    const { dir, db, master } = await setup();
    await rotateMasterKey(db, dir, {});
    await expect(new KeyRing(db, master).current('co_new')).rejects.toThrow(/rotated while this server was running/);
  });
});

describe('data key rotation', () => {
  it('seals new entries under a new company key and still reads the old ones', async () => {
    const { db, master, log } = await setup();
    const ring = new KeyRing(db, master);
    const before = await ring.current('co_a');
    const after = await ring.rotate('co_a');
    expect(after.keyId).not.toBe(before.keyId);
    const l2 = new Log(db, ring, undefined, { sealer: 'inline' });
    await l2.append({ companyId: 'co_a', docId: 'x', kind: 'update', payload: text('after rotation') });
    const ids = (await db.execute('SELECT entry FROM log ORDER BY seq')).rows.map((r) => Buffer.from(r.entry as ArrayBuffer).toString('latin1'));
    expect(ids[0]).toContain(before.keyId);
    expect(ids[1]).toContain(after.keyId);
    expect((await l2.readDoc('co_a', 'x')).map((e) => e.payload!.toString())).toEqual(['Boulangerie Quintessence, 12 rue Haute', 'after rotation']);
    await log.close();
  });
});

describe('a customer’s own key (crypto-shredding)', () => {
  it('seals a customer’s document under its own key; destroying that key makes it unreadable while the chain still verifies', async () => {
    const { db, master, log } = await setup();
    const ring = new KeyRing(db, master);
    const l = new Log(db, ring, undefined, { sealer: 'inline' });
    const customerDoc = 'co_shred0001.cu_julie0001';
    await l.append({ companyId: 'co_shred0001', docId: customerDoc, kind: 'update', payload: text('Julie Martin, 3 rue des Lilas, 06 12 34 56 78') });
    await l.append({ companyId: 'co_shred0001', docId: 'x', kind: 'update', payload: text('the company’s own') });
    const company = await ring.current('co_shred0001');
    const customer = await ring.current('co_shred0001', 'cu_julie0001');
    expect(customer.keyId).not.toBe(company.keyId);
    const rows = (await db.execute('SELECT entry FROM log ORDER BY seq')).rows.map((r) => Buffer.from(r.entry as ArrayBuffer).toString('latin1'));
    expect(rows[1]).toContain(customer.keyId); // the customer's document
    expect(rows[2]).toContain(company.keyId); // the rest
    expect((await l.readDoc('co_shred0001', customerDoc))[0]!.payload!.toString()).toContain('Julie Martin');

    expect(await ring.destroy('co_shred0001', 'cu_julie0001')).toBe(1);
    const after = new Log(db, new KeyRing(db, master), undefined, { sealer: 'inline' });
    await expect(after.readDoc('co_shred0001', customerDoc)).rejects.toThrow(/no data key .* destroyed/);
    expect((await after.readDoc('co_shred0001', 'x'))[0]!.payload!.toString()).toBe('the company’s own');
    expect(await verifyLog(db)).toMatchObject({ broken: null, entries: 3 });
    await expect(ring.destroy('co_shred0001', '')).rejects.toThrow(/never destroyed/);
    await log.close();
  });
});
