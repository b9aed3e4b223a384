import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers';
import { customer, mandate, mandateBody, sepaCompany, type SepaCompany } from './sepa-fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
let co: SepaCompany;
let customerId: string;

beforeAll(async () => {
  server = await startTestServer(undefined, { now: () => new Date('2026-12-01T09:00:00Z') });
  co = await sepaCompany(server, 'Mandates Co');
  customerId = await customer(co);
});
afterAll(async () => {
  await server.close();
});

type View = Record<string, unknown>;

describe('SEPA mandates over the REST API', () => {
  it('records a mandate and lists it with the last four characters of the IBAN only', async () => {
    const res = await co.call('POST', '/sepa/mandates', mandateBody(customerId, { rum: 'RUM-LIST-1' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customerId, rum: 'RUM-LIST-1', signedOn: '2026-11-02', type: 'recurrent', status: 'active', ibanLast4: '0189', lastCollectionOn: null });
    const list = (await co.call('GET', `/sepa/mandates?customerId=${customerId}`)).body as unknown as View[];
    const listed = list.find((m) => m.id === res.body.id)!;
    expect(listed).toMatchObject({ rum: 'RUM-LIST-1', ibanLast4: '0189' });
    expect(JSON.stringify(list)).not.toContain('3000600001123456789');
  });

  it('gives the full details, the IBAN normalised, to who may edit customers', async () => {
    const id = await mandate(co, customerId, { bic: '' });
    const res = await co.call('GET', `/sepa/mandates/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, iban: 'FR7630006000011234567890189', debtorName: 'Boulangerie Martin' });
    expect(res.body.bic).toBeUndefined();
  });

  it('refuses an IBAN whose check digits are wrong, naming iban, and records nothing', async () => {
    const before = ((await co.call('GET', '/sepa/mandates')).body as unknown as View[]).length;
    const res = await co.call('POST', '/sepa/mandates', mandateBody(customerId, { iban: 'FR7630006000011234567890188' }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error!.fields!)).toEqual(['iban']);
    expect(((await co.call('GET', '/sepa/mandates')).body as unknown as View[]).length).toBe(before);
  });

  it('names every wrong field at once: RUM, type, signature date, customer', async () => {
    const res = await co.call('POST', '/sepa/mandates', { ...mandateBody('cu_unknown0000'), rum: 'RUM//2', type: 'weekly', signedOn: '2026-02-30' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error!.fields!).sort()).toEqual(['customerId', 'rum', 'signedOn', 'type']);
  });

  it('refuses a mandate signed after today, naming signedOn', async () => {
    const res = await co.call('POST', '/sepa/mandates', mandateBody(customerId, { signedOn: '2026-12-02' }));
    expect([res.status, Object.keys(res.body.error?.fields ?? {})]).toEqual([400, ['signedOn']]);
  });

  it('refuses a RUM already used in the company (409 naming rum), which another company may use', async () => {
    await mandate(co, customerId, { rum: 'RUM-TWICE' });
    const again = await co.call('POST', '/sepa/mandates', mandateBody(customerId, { rum: 'RUM-TWICE' }));
    expect([again.status, again.body.error?.code, Object.keys(again.body.error?.fields ?? {})]).toEqual([409, 'rum_taken', ['rum']]);
    const other = await sepaCompany(server, 'Other RUM Co');
    expect((await other.call('POST', '/sepa/mandates', mandateBody(await customer(other), { rum: 'RUM-TWICE' }))).status).toBe(201);
  });

  it('replays an Idempotency-Key with the same mandate, and refuses the key for another request', async () => {
    const body = mandateBody(customerId);
    const a = await co.call('POST', '/sepa/mandates', body, { key: 'mandate-key-1' });
    const b = await co.call('POST', '/sepa/mandates', body, { key: 'mandate-key-1' });
    expect([a.status, b.status, b.body.id]).toEqual([201, 201, a.body.id]);
    const other = await co.call('POST', '/sepa/mandates', { ...body, rum: 'RUM-OTHER' }, { key: 'mandate-key-1' });
    expect([other.status, other.body.error?.code]).toEqual([409, 'idempotency_key_reused']);
  });

  it('revokes a mandate once: it shows revoked, and a second revocation is refused', async () => {
    const id = await mandate(co, customerId);
    const res = await co.call('POST', `/sepa/mandates/${id}/revoke`, {});
    expect([res.status, res.body.status]).toEqual([200, 'revoked']);
    const again = await co.call('POST', `/sepa/mandates/${id}/revoke`, {});
    expect([again.status, again.body.error?.code]).toEqual([409, 'already_revoked']);
  });

  it('shows a mandate signed 36 months and a day ago, never used, as lapsed', async () => {
    const id = await mandate(co, customerId, { signedOn: '2023-11-30' });
    const kept = await mandate(co, customerId, { signedOn: '2023-12-01' });
    const list = (await co.call('GET', '/sepa/mandates')).body as unknown as View[];
    expect([list.find((m) => m.id === id)?.status, list.find((m) => m.id === kept)?.status]).toEqual(['lapsed', 'active']);
  });

  it('lets a viewer list mandates but neither read the IBAN nor record one', async () => {
    const id = await mandate(co, customerId);
    expect((await co.call('GET', '/sepa/mandates', undefined, { role: 'viewer' })).status).toBe(200);
    expect((await co.call('GET', `/sepa/mandates/${id}`, undefined, { role: 'viewer' })).status).toBe(403);
    expect((await co.call('POST', '/sepa/mandates', mandateBody(customerId), { role: 'viewer' })).status).toBe(403);
  });

  it('hides a company’s mandates from another company: 404 on read and revoke, absent from its list', async () => {
    const id = await mandate(co, customerId);
    const intruder = await sepaCompany(server, 'Intruder Co');
    expect((await intruder.call('GET', `/sepa/mandates/${id}`)).status).toBe(404);
    expect((await intruder.call('POST', `/sepa/mandates/${id}/revoke`, {})).status).toBe(404);
    expect(((await intruder.call('GET', '/sepa/mandates')).body as unknown as View[]).map((m) => m.id)).not.toContain(id);
    expect((await co.call('GET', `/sepa/mandates/${id}`)).body.status).toBe('active');
  });

  it('writes each mandate command to the audit log, without the full IBAN', async () => {
    const id = await mandate(co, customerId, { rum: 'RUM-AUDIT' });
    await co.call('POST', `/sepa/mandates/${id}/revoke`, {});
    const entries = await server.services.log.readKind(co.companyId, ['command'], undefined, 20);
    const payloads = entries.map((e) => JSON.parse(e.payload!.toString('utf8')) as Record<string, unknown>).filter((p) => p.mandateId === id);
    expect(payloads.map((p) => p.type).sort()).toEqual(['sepa_mandate_created', 'sepa_mandate_revoked']);
    expect(payloads.find((p) => p.type === 'sepa_mandate_created')).toMatchObject({ rum: 'RUM-AUDIT', ibanLast4: '0189' });
    expect(JSON.stringify(payloads)).not.toContain('3000600001123456789');
  });
});
