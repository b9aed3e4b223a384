import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { docIds } from '@facturo/core';
import { connect, member, startTestServer, tempDataDir, apiCall } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';
import { openDatabase } from '../src/db';

/*
 * A log row edited or deleted behind the server's back: the server finds it when it starts and does
 * not serve that company (API 423, sockets closed 4423) until an owner has acknowledged the break.
 */

const running: Awaited<ReturnType<typeof startTestServer>>[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function start(dataDir: string) {
  const s = await startTestServer(dataDir);
  running.push(s);
  await s.services.integrity.ready;
  return s;
}

async function tamper(dataDir: string, sql: string, change?: (entry: Buffer) => Buffer) {
  const db = await openDatabase({ libsqlUrl: `file:${path.join(dataDir, 'facturo.db')}` });
  if (!change) await db.execute(sql);
  else {
    const r = (await db.execute(`SELECT seq, entry FROM log WHERE seq = ${sql}`)).rows[0]!;
    await db.execute({ sql: 'UPDATE log SET entry = ? WHERE seq = ?', args: [change(Buffer.from(r.entry as ArrayBuffer)), Number(r.seq)] });
  }
  db.close();
}

const call = apiCall;

describe('a broken audit log', () => {
  it('stops its company until an owner acknowledges the break, and stops it again for a new one', async () => {
    const dataDir = tempDataDir();
    let server = await start(dataDir);
    const companyId = (await ensureDemo(server.services)).companyId;
    const owner = await member(server.services, companyId, 'owner', 'Olivia');
    const admin = await member(server.services, companyId, 'admin', 'Adam');
    const token = (await createApiToken(server.services.db, companyId, 'accountant', 'erp', server.services.now())).token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call(server, 'GET', '/customers', bearer)).status).toBe(200);
    expect((await call(server, 'GET', `/companies/${companyId}/integrity`, bearer)).body).toMatchObject({ status: 'unchecked' }); // created after the start
    expect((await call(server, 'POST', `/companies/${companyId}/integrity/check`, bearer)).body).toMatchObject({ status: 'ok', broken: null, acknowledged: [] });

    // Someone with the database file rewrites the third row of the company's chain.
    const row = (n: number) => `(SELECT seq FROM log WHERE company = (SELECT id FROM log_names WHERE name = '${companyId}') ORDER BY company_seq LIMIT 1 OFFSET ${n})`;
    const third = Number((await server.services.db.execute(`SELECT company_seq FROM log WHERE seq = ${row(2)}`)).rows[0]!.company_seq);
    await server.close();
    running.pop();
    // A byte of its header changed (its stored hash left as it was).
    await tamper(dataDir, row(2), (entry) => {
      entry[20] = entry[20]! ^ 0x20;
      return entry;
    });
    server = await start(dataDir);
    const refused = await call(server, 'GET', '/customers', bearer);
    expect(refused.status).toBe(423);
    expect(refused.body.error).toMatchObject({ code: 'chain_broken', message: expect.stringContaining(`entry ${third} `) });
    const socket = connect(server.url, docIds.workspace(companyId), bearer);
    expect(await socket.closeCode).toBe(4423);
    socket.destroy();
    expect((await call(server, 'GET', `/companies/${companyId}/integrity`, bearer)).body).toMatchObject({ status: 'broken', broken: { companySeq: third } });
    // Only an owner acknowledges, and says what was found.
    expect((await call(server, 'POST', `/companies/${companyId}/integrity/acknowledge`, { cookie: admin.cookie }, { note: 'seen' })).status).toBe(403);
    expect((await call(server, 'POST', `/companies/${companyId}/integrity/acknowledge`, { cookie: owner.cookie }, { note: '' })).status).toBe(400);
    const ack = await call(server, 'POST', `/companies/${companyId}/integrity/acknowledge`, { cookie: owner.cookie }, { note: 'Restauration partielle du 30/11 : entrée 3 réécrite, vérifiée avec la sauvegarde.' });
    expect(ack.body).toMatchObject({ status: 'ok', broken: null, acknowledged: [{ companySeq: third, acknowledgedBy: owner.userId }] });
    expect((await call(server, 'GET', '/customers', bearer)).status).toBe(200);
    const events = (await server.services.log.readCompany(companyId, third, 100_000)).filter((e) => e.kind === 'event').map((e) => JSON.parse(e.payload!.toString()) as { type: string });
    expect(events.map((e) => e.type)).toContain('integrity_acknowledged');
    await server.close();
    running.pop();

    // The same, acknowledged break does not stop the company again after a restart…
    server = await start(dataDir);
    expect((await call(server, 'GET', '/customers', bearer)).status).toBe(200);
    await server.close();
    running.pop();
    // …a new one (a row deleted further on) does, and is named.
    await tamper(dataDir, `DELETE FROM log WHERE seq = ${row(4)}`);
    server = await start(dataDir);
    expect((await call(server, 'GET', '/customers', bearer)).status).toBe(423);
    const again = await call(server, 'POST', `/companies/${companyId}/integrity/check`, bearer);
    expect(again.body).toMatchObject({ status: 'broken', broken: { reason: expect.stringMatching(/is missing/) }, acknowledged: [{ companySeq: third }] });
  });
});
