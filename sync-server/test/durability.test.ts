import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '@facturo/core';
import { loadConfig } from '../src/config';
import { createServices } from '../src/services';
import { freePort } from '../../e2e/support/server';
import { allAcked, company, connect, member, tempDataDir, until, type Client } from './helpers';
import { ensureDemo } from '../src/demo';
import { createApiToken } from '../src/companies';

const bin = path.resolve(import.meta.dirname, '../bin/facturo.mjs');

function startProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', String(port)], {
    env: { ...process.env, FACTURO_DATA_DIR: dataDir, FACTURO_WEB_DIST: path.join(dataDir, 'none') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve(child));
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

const clients: Client[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  clients.forEach((c) => c.destroy());
  children.forEach((c) => c.kill('SIGKILL'));
});

describe('durability', () => {
  it('keeps every acknowledged update through a SIGKILL mid-write, and the clients converge after restart', async () => {
    const dataDir = tempDataDir();
    const setup = await createServices(loadConfig({ FACTURO_DATA_DIR: dataDir }));
    const co = await company(setup);
    const people = await Promise.all([1, 2, 3].map((i) => member(setup, co.id, 'sales', `Writer ${i}`)));
    setup.db.close();

    const port = await freePort();
    const url = `http://localhost:${port}`;
    children.push(await startProcess(dataDir, port));
    const writers = people.map((p) => connect(url, co.workspaceDocId, { cookie: p.cookie }));
    clients.push(...writers);
    await until(() => writers.every((w) => w.provider.synced), 'writers synced');

    // Each writer creates products as fast as it can; the server is killed in the middle.
    let writing = true;
    const loops = writers.map(async (w, i) => {
      for (let n = 0; writing; n++) {
        new Workspace(w.doc).createProduct(`pr_w${i}n${n}`, { name: `Writer ${i} product ${n}`, unitPrice: '1.00' }, '2026-11-29T00:00:00Z');
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    await until(() => writers.every((w) => (w.acked().get(w.doc.clientID) ?? 0) > 20), 'some acks');
    children[0]!.kill('SIGKILL');
    writing = false;
    await Promise.all(loops);
    const ackedBeforeKill = writers.map((w) => new Map(w.acked()));
    expect(writers.some((w) => !allAcked(w))).toBe(true); // the kill really did cut writes short

    children.push(await startProcess(dataDir, port));
    const witness = connect(url, co.workspaceDocId, { cookie: people[0]!.cookie });
    clients.push(witness);
    await until(() => witness.provider.synced, 'witness synced');
    const recovered = Y.decodeStateVector(Y.encodeStateVector(witness.doc));
    writers.forEach((w, i) => {
      expect(recovered.get(w.doc.clientID) ?? 0).toBeGreaterThanOrEqual(ackedBeforeKill[i]!.get(w.doc.clientID) ?? 0);
    });

    // The writers reconnect on their own and push what was not acknowledged: everyone converges.
    await until(() => writers.every(allAcked), 'writers re-acked', 20_000);
    await until(() => writers.every((w) => Y.encodeStateVector(w.doc).toString() === Y.encodeStateVector(witness.doc).toString()), 'convergence', 20_000);
    const names = (c: Client) => new Workspace(c.doc).listProducts().map((x) => x.id).join(',');
    expect(new Set([...writers, witness].map(names)).size).toBe(1);
  }, 60_000);
});

describe('numbering through a crash', () => {
  it('killing the server mid-burst and retrying with the same keys leaves no gap and no duplicate', async () => {
    const dataDir = tempDataDir();
    const setup = await createServices(loadConfig({ FACTURO_DATA_DIR: dataDir }));
    const { companyId } = await ensureDemo(setup);
    const { token } = await createApiToken(setup.db, companyId, 'owner', 't', setup.now());
    // The demo company has already issued invoices (its subscriptions' first ones): the burst's numbers follow them.
    const before = Number((await setup.db.execute({ sql: `SELECT COUNT(*) AS n FROM documents WHERE company_id = ? AND kind = 'invoice' AND status = 'issued'`, args: [companyId] })).rows[0]!.n);
    setup.db.close();
    const port = await freePort();
    const url = `http://localhost:${port}/api/v1`;
    const api = async (path: string, body: unknown, key?: string) => {
      const res = await fetch(url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });
      return (await res.json()) as { id: string; number: string };
    };
    children.push(await startProcess(dataDir, port));
    const cust = await api('/customers', { name: 'Crash Test SAS', siren: '552100554', address: { line1: '1 rue', postcode: '69001', city: 'Lyon', country: 'FR' } });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await api('/invoices', { customer: cust.id, lines: [{ description: `L${i}`, quantity: '1', unitPrice: '10', vatRate: '20' }] })).id);

    const firstAnswers = new Map<string, string>();
    const burst = ids.map((id) => api(`/invoices/${id}/issue`, {}, `crash-${id}`).then((r) => r.number && firstAnswers.set(id, r.number), () => undefined));
    await until(() => firstAnswers.size >= 5, 'a few issued before the kill');
    children.at(-1)!.kill('SIGKILL');
    await Promise.allSettled(burst);
    expect(firstAnswers.size).toBeLessThan(40); // the kill really interrupted the burst

    children.push(await startProcess(dataDir, port));
    const retried = await Promise.all(ids.map((id) => api(`/invoices/${id}/issue`, {}, `crash-${id}`)));
    retried.forEach((r, i) => firstAnswers.has(ids[i]!) && expect(r.number).toBe(firstAnswers.get(ids[i]!)));
    const seqs = retried.map((r) => Number(r.number.split('-').at(-1))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => before + i + 1));
  }, 60_000);
});
