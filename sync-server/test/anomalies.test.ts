import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIds, Workspace } from '@facturo/core';
import { allAcked, connect, member, startTestServer, until, type Client, apiCall } from './helpers';
import { ensureDemo } from '../src/demo';
import { HOURS_LEARNED_AFTER, MASS_DELETIONS, noteHabits } from '../src/security/alerts';
import { workspaceOf } from '../src/commands/run';
import { createSession } from '../src/auth/sessions';

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyId: string;
let clock = Date.parse('2026-12-01T09:00:00Z');
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date(clock) });
  companyId = (await ensureDemo(server.services)).companyId;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

const call = (method: string, path: string, cookie: string, body?: unknown) => apiCall(server, method, path, { cookie }, body);
const kinds = async (cookie: string) => ((await call('GET', `/companies/${companyId}/alerts`, cookie)).body as unknown as { kind: string }[]).map((a) => a.kind);

describe('bank details', () => {
  it('change only once a second person approves; devices cannot write them; owners are alerted', async () => {
    const owner = await member(server.services, companyId, 'owner', 'Olivia');
    const admin = await member(server.services, companyId, 'admin', 'Adam');
    const sales = await member(server.services, companyId, 'sales', 'Sam');
    const { ws } = await workspaceOf(server.services, companyId);
    const before = ws.settings.get('iban');

    expect((await call('POST', `/companies/${companyId}/bank-changes`, admin.cookie, { iban: 'FR76 1234' })).body.error?.fields).toHaveProperty('iban');
    const asked = await call('POST', `/companies/${companyId}/bank-changes`, admin.cookie, { iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'PSSTFRPPPAR' });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', iban: 'FR1420041010050500013M02606', current: { iban: before } });
    expect(ws.settings.get('iban')).toBe(before); // nothing changed yet
    expect(await kinds(owner.cookie)).toContain('bank_change_requested');
    expect((await call('POST', `/companies/${companyId}/bank-changes`, owner.cookie, { iban: 'DE89370400440532013000' })).status).toBe(409);

    const id = String(asked.body.id);
    expect((await call('POST', `/companies/${companyId}/bank-changes/${id}/approve`, admin.cookie)).body.error?.code).toBe('forbidden'); // not one's own
    expect((await call('POST', `/companies/${companyId}/bank-changes/${id}/approve`, sales.cookie)).status).toBe(403); // no bank.edit
    // Approving is a sensitive action: a session signed in more than 5 minutes ago must confirm with its passkey first.
    clock += 6 * 60 * 1000;
    expect((await call('POST', `/companies/${companyId}/bank-changes/${id}/approve`, owner.cookie)).body.error?.code).toBe('reauth_required');
    const fresh = `facturo_session=${await createSession(server.services.db, owner.userId, server.services.now())}`;
    const approved = await call('POST', `/companies/${companyId}/bank-changes/${id}/approve`, fresh);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: owner.userId, current: { iban: 'FR1420041010050500013M02606' } });
    expect(ws.settings.get('iban')).toBe('FR1420041010050500013M02606');
    expect(ws.settings.get('bic')).toBe('PSSTFRPPPAR');
    expect(await kinds(owner.cookie)).toContain('bank_change_approved');

    // A request can be withdrawn by its asker and rejected by another, each decision logged.
    const adminNow = `facturo_session=${await createSession(server.services.db, admin.userId, server.services.now())}`;
    const second = await call('POST', `/companies/${companyId}/bank-changes`, adminNow, { iban: 'DE89370400440532013000' });
    expect((await call('POST', `/companies/${companyId}/bank-changes/${String(second.body.id)}/withdraw`, fresh)).status).toBe(403); // not the asker
    expect((await call('POST', `/companies/${companyId}/bank-changes/${String(second.body.id)}/withdraw`, adminNow)).body).toMatchObject({ status: 'withdrawn' });
    const third = await call('POST', `/companies/${companyId}/bank-changes`, adminNow, { iban: 'DE89370400440532013000' });
    expect((await call('POST', `/companies/${companyId}/bank-changes/${String(third.body.id)}/reject`, fresh, { reason: 'Pas demandé par la banque' })).body).toMatchObject({ status: 'rejected', reason: 'Pas demandé par la banque' });
    const decisions = (await server.services.log.readKind(companyId, ['event'], undefined, 50)).map((e) => JSON.parse(e.payload!.toString()) as { type: string; reason?: string });
    expect(decisions).toContainEqual(expect.objectContaining({ type: 'bank_change_withdrawn', change: second.body.id }));
    expect(decisions).toContainEqual(expect.objectContaining({ type: 'bank_change_rejected', change: third.body.id, reason: 'Pas demandé par la banque' }));
    expect(ws.settings.get('iban')).toBe('FR1420041010050500013M02606');

    // Even an owner's device cannot write them directly; the rest of the settings it can.
    const c = connect(server.url, docIds.workspace(companyId), { cookie: owner.cookie });
    clients.push(c);
    await until(() => c.provider.synced, 'synced');
    new Workspace(c.doc).updateSettings({ iban: 'FR7630006000011234567890189' });
    await expect.poll(async () => (await server.services.log.readKind(companyId, ['event'], undefined, 50)).some((e) => e.payload!.toString().includes('second-approval'))).toBe(true);
    expect(c.refusals()).toEqual([['second-approval']]); // the device is told, and can say so
    expect(ws.settings.get('iban')).toBe('FR1420041010050500013M02606');
    c.destroy();
  });
});

describe('anomaly alerts', () => {
  it('flags a new device, an unusual network and an unusual hour for a member, once they have a history', async () => {
    const s = server.services;
    const co = companyId;
    const at = (iso: string) => new Date(iso);
    const alerts = async () => (await s.db.execute({ sql: `SELECT kind FROM alerts WHERE company_id = ? AND actor = 'us_habits'`, args: [co] })).rows.map((r) => String(r.kind));
    await noteHabits(s, co, 'us_habits', 'laptop', '203.0.113.7', at('2026-11-02T08:30:00Z')); // 9:30 in Paris
    expect(await alerts()).toEqual([]); // the first connection teaches, alerts nothing
    for (let d = 0; d < HOURS_LEARNED_AFTER; d++) await noteHabits(s, co, 'us_habits', 'laptop', '203.0.113.8', at(`2026-11-${String(3 + d).padStart(2, '0')}T0${8 + (d % 2)}:00:00Z`));
    expect(await alerts()).toEqual([]);
    await noteHabits(s, co, 'us_habits', 'phone', '203.0.113.9', at('2026-11-28T09:00:00Z'));
    expect(await alerts()).toEqual(['new_device']);
    await noteHabits(s, co, 'us_habits', 'laptop', '198.51.100.4', at('2026-11-28T10:00:00Z'));
    expect(await alerts()).toEqual(['new_device', 'unusual_place']);
    await noteHabits(s, co, 'us_habits', 'laptop', '203.0.113.8', at('2026-11-29T02:10:00Z')); // 3:10 in Paris
    expect(await alerts()).toEqual(['new_device', 'unusual_place', 'unusual_hour']);
  });

  it('flags a member deleting many records in a short time', async () => {
    const mallory = await member(server.services, companyId, 'admin', 'Mallory');
    const c = connect(server.url, docIds.workspace(companyId), { cookie: mallory.cookie });
    clients.push(c);
    await until(() => c.provider.synced, 'synced');
    const w = new Workspace(c.doc);
    const ids = Array.from({ length: MASS_DELETIONS + 5 }, (_, i) => `pr_mass${String(i).padStart(4, '0')}`);
    c.doc.transact(() => ids.forEach((id) => w.createProduct(id, { name: `Produit ${id}`, unitPrice: '10.00' }, new Date(clock).toISOString())));
    await until(() => allAcked(c), 'created');
    expect(await kinds(mallory.cookie)).not.toContain('mass_deletions');
    for (const id of ids) c.doc.transact(() => w.products.delete(id));
    await until(() => allAcked(c), 'deleted');
    await expect.poll(() => kinds(mallory.cookie)).toContain('mass_deletions');
    c.destroy();
  });
});
