import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInRoles, docIds, isPermission, permissionsOf, Workspace, type Permission } from '@facturo/core';
import { company, connect, member, startTestServer, until, type Client, apiCall, bearer } from './helpers';
import { createApiToken } from '../src/companies';
import { ensureDemo } from '../src/demo';
import { apiRoutes } from '../src/api';
import { workspaceOf } from '../src/commands/run';
import { sendCommand } from './commands';

/*
 * The authorization matrix, generated from the API's own route table: every operation of the OpenAPI
 * document × every role (the six built-in ones and a custom one), and every company-scoped operation
 * with another company's ids. A route added without a declared access, or registered outside the
 * OpenAPI document, fails here.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyA: string;
let ownerToken: string;
const clients: Client[] = [];

interface Operation {
  method: string;
  path: string;
  access: string;
}

let operations: Operation[] = [];
let customRole: { id: string; permissions: Permission[] };

beforeAll(async () => {
  server = await startTestServer();
  companyA = (await ensureDemo(server.services)).companyId;
  ownerToken = (await createApiToken(server.services.db, companyA, 'owner', 'matrix', server.services.now())).token;
  const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { 'x-access'?: string }>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path: path.replace(/^\/v1/, ''), access: op['x-access'] ?? '(none)' })));
  const created = await call('POST', `/companies/${companyA}/roles`, ownerToken, { name: 'Relances et RIB', permissions: ['customers.edit', 'bank.edit'] });
  expect(created.status).toBe(201);
  customRole = created.body as typeof customRole;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

const call = (method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  apiCall(server, method, path, { ...headers, ...(token ? bearer(token) : {}) }, body);

/** The path with its parameters filled: the company's own id where the route acts on a company, ids of nothing elsewhere. */
function fill(path: string, ids: { company: string; object?: string; user?: string; role?: string }): string {
  return path
    .replace('/companies/{id}', `/companies/${ids.company}`)
    .replace('{id}', ids.object ?? 'zz_nothing00000')
    .replace('{userId}', ids.user ?? 'us_nothing00000')
    .replace('{roleId}', ids.role ?? 'cr_nothing00000')
    .replace('{token}', 'nothing');
}

const companyScoped = (o: Operation) => isPermission(o.access) || o.access === 'owner';
const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describe('authorization matrix', () => {
  it('every operation declares who may call it, and every API route is in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(25);
    for (const op of operations) {
      expect(['public', 'signed-in', 'owner'].includes(op.access) || isPermission(op.access), `${op.method} ${op.path}: x-access ${op.access}`).toBe(true);
    }
    const documented = new Set(operations.map((o) => `${o.method} /v1${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const registered = apiRoutes(server.services).routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
    const undocumented = [...new Set(registered)].filter((r) => !documented.has(r) && r !== 'GET /v1/health' && !r.startsWith('GET /openapi') && r !== 'GET /docs');
    expect(undocumented).toEqual([]);
  });

  const roles = [...builtInRoles, 'custom'] as const;
  it.each(roles)('role %s: allowed exactly where its permissions say, refused (403) before anything is read elsewhere', async (role) => {
    const roleId = role === 'custom' ? customRole.id : role;
    const granted = role === 'custom' ? new Set<Permission>(['company.read', ...customRole.permissions]) : permissionsOf(role);
    const token = (await createApiToken(server.services.db, companyA, roleId, `matrix ${role}`, server.services.now())).token;
    let checked = 0;
    for (const op of operations.filter(companyScoped)) {
      const path = fill(op.path, { company: companyA });
      const res = await call(op.method, path, token, bodyFor(op.method));
      const what = `${role} ${op.method} ${op.path} (needs ${op.access}) → ${res.status} ${JSON.stringify(res.body?.error ?? '')}`;
      // Owner-only operations need a signed-in owner: a token never passes them.
      if (op.access === 'owner' ? false : granted.has(op.access as Permission)) {
        expect([401, 403], what).not.toContain(res.status);
        expect(res.status, what).toBeLessThan(500);
        // Where nothing but the company is named, the company was found: not a 404 in disguise.
        if (!/\{(?!id\})|\/(invoices|customers|products|quotes|quote-templates|pricing-rules|plans|subscriptions|payments|sepa\/mandates|sepa\/batches|dunning\/policies|dunning\/holds|dunning\/tasks)\/\{id\}/.test(op.path)) expect(res.status, what).not.toBe(404);
      } else {
        expect(res.status, what).toBe(403);
        expect(res.body.error?.code, what).toBe('forbidden');
      }
      checked++;
    }
    expect(checked).toBe(operations.filter(companyScoped).length);
  });

  it('signed-in routes refuse an anonymous caller and serve a signed-in one; public routes serve anyone', async () => {
    const b = await company(server.services, 'Signed In Co');
    const person = await member(server.services, b.id, 'viewer', 'Vera');
    for (const op of operations.filter((o) => o.access === 'signed-in')) {
      const path = fill(op.path, { company: b.id });
      const anonymous = await call(op.method, path, null, bodyFor(op.method));
      expect(anonymous.status, `anonymous ${op.method} ${op.path}`).toBe(401);
      const signedIn = await call(op.method, path, null, bodyFor(op.method), { cookie: person.cookie });
      expect([401, 403], `signed in ${op.method} ${op.path} → ${signedIn.status}`).not.toContain(signedIn.status);
      expect(signedIn.status).toBeLessThan(500);
    }
    for (const op of operations.filter((o) => o.access === 'public')) {
      // No credential is asked before the handler (registration may still want an invitation: 401 from it).
      const res = await call(op.method, fill(op.path, { company: b.id }), null, bodyFor(op.method));
      expect(res.status, `${op.method} ${op.path} → ${res.status}`).not.toBe(403);
      expect(res.status).toBeLessThan(500);
    }
  });

  it("shows every company-scoped operation with another company's ids as absent (404), by token and by session", async () => {
    // Real objects of company A: a customer, a product, a draft, a member, a custom role.
    const { ws } = await workspaceOf(server.services, companyA);
    const objects = { customers: ws.listCustomerEntries()[0]!.id, products: ws.listProducts()[0]!.id, invoices: ws.listInvoiceDocuments()[0]!.id, quotes: ws.listQuoteDocuments()[0]!.id };
    const someone = await member(server.services, companyA, 'sales', 'Sam');
    const other = await company(server.services, 'Elsewhere');
    const foreignToken = (await createApiToken(server.services.db, other.id, 'owner', 'foreign', server.services.now())).token;
    const foreignOwner = await member(server.services, other.id, 'owner', 'Olga');
    let checked = 0;
    for (const op of operations.filter(companyScoped)) {
      const kind = /^\/(invoices|customers|products|quotes)\//.exec(op.path)?.[1] as keyof typeof objects | undefined;
      const path = fill(op.path, { company: companyA, object: kind ? objects[kind] : undefined, user: someone.userId, role: customRole.id });
      const byToken = await call(op.method, path, foreignToken, bodyFor(op.method));
      const bySession = await call(op.method, path, null, bodyFor(op.method), { cookie: foreignOwner.cookie, 'x-company': companyA });
      // A session naming company A is not a member there; a token acts in its own company, where the
      // objects named in the path do not exist (a token's list routes list its own company: nothing of A).
      const checks = op.path.includes('{') ? [['token', byToken], ['session', bySession]] as const : [['session', bySession]] as const;
      for (const [how, res] of checks) {
        // Only a signed-in owner may do an owner's operation: a token is refused (403) before any id is looked at.
        const status = how === 'token' && op.access === 'owner' && !op.path.startsWith('/companies/') ? 403 : 404;
        expect(res.status, `${how} ${op.method} ${path} → ${res.status}`).toBe(status);
      }
      if (!op.path.includes('{') && op.method === 'GET') expect(JSON.stringify(byToken.body)).not.toContain(objects.customers);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // And nothing of company A changed: its draft, customer and member are still there.
    expect(ws.getDocument(objects.invoices)).toBeDefined();
    expect((await call('GET', `/companies/${companyA}/members`, ownerToken)).body).toEqual(expect.arrayContaining([expect.objectContaining({ userId: someone.userId, role: 'sales' })]));
  });
});

describe('invitations', () => {
  it('show a custom role by its name and what it allows to the person invited', async () => {
    const inv = await call('POST', `/companies/${companyA}/invitations`, ownerToken, { role: customRole.id });
    const info = await call('GET', `/invitations/${String(inv.body.token)}`, null);
    expect(info.body).toMatchObject({ role: customRole.id, roleName: 'Relances et RIB', permissions: expect.arrayContaining(['company.read', 'customers.edit', 'bank.edit']) });
    expect((info.body.permissions as string[]).length).toBe(3);
  });
});

describe('rooms', () => {
  /** Makes `change` on a fresh replica of the workspace as `role`, and tells whether the server kept it. */
  async function tryChange(role: string, change: (w: Workspace) => void, probe: (w: Workspace) => boolean): Promise<'kept' | 'refused'> {
    const token = (await createApiToken(server.services.db, companyA, role, `room ${role}`, server.services.now())).token;
    const c = connect(server.url, docIds.workspace(companyA), { authorization: `Bearer ${token}` });
    clients.push(c);
    await until(() => c.provider.synced, 'synced');
    const room = server.services.rooms.get(docIds.workspace(companyA))!;
    const before = (await server.services.log.readCompany(companyA, 0, 1_000_000)).length;
    change(new Workspace(c.doc));
    // Kept: the server's document has it. Refused: the log has the refusal (nothing else says so).
    for (let waited = 0; waited < 10_000; waited += 20) {
      if (probe(new Workspace(room.doc))) break;
      const events = (await server.services.log.readCompany(companyA, 0, 1_000_000)).slice(before).filter((e) => e.kind === 'event');
      if (events.some((e) => /"type":"(write_refused|read_only_write_dropped)"/.test(e.payload!.toString()))) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    c.destroy();
    return probe(new Workspace(room.doc)) ? 'kept' : 'refused';
  }

  it('keeps a change to each part of the workspace only from a role allowed to make it', { timeout: 120_000 }, async () => {
    const stamp = () => `T${Math.random().toString(36).slice(2, 8)}`;
    const cases: [string, 'kept' | 'refused', (v: string) => (w: Workspace) => void, (v: string) => (w: Workspace) => boolean][] = [];
    const tradeName = (v: string) => (w: Workspace) => w.updateSettings({ tradeName: v });
    const hasTradeName = (v: string) => (w: Workspace) => w.settings.get('tradeName') === v;
    const iban = (v: string) => (w: Workspace) => w.updateSettings({ iban: `FR76 ${v}` });
    const hasIban = (v: string) => (w: Workspace) => w.settings.get('iban') === `FR76 ${v}`;
    const city = (v: string) => (w: Workspace) => w.registerCustomer(`cu_${v}`, { kind: 'company', createdAt: '2026-12-01T00:00:00.000Z' });
    const hasCity = (v: string) => (w: Workspace) => w.customerEntry(`cu_${v}`) !== undefined;
    const price = (v: string) => (w: Workspace) => w.updateProduct(w.listProducts()[0]!.id, { description: v });
    const hasPrice = (v: string) => (w: Workspace) => w.listProducts()[0]!.description === v;
    for (const role of ['admin', 'accountant', 'sales', 'viewer', 'custom']) {
      const granted = role === 'custom' ? new Set<Permission>(['company.read', ...customRole.permissions]) : permissionsOf(role);
      const expect_ = (p: Permission) => (granted.has(p) ? 'kept' : 'refused');
      // Bank details never change from a device, whatever the role: a second person approves (security/bank.ts).
      cases.push([role, expect_('settings.edit'), tradeName, hasTradeName], [role, 'refused', iban, hasIban], [role, expect_('customers.edit'), city, hasCity], [role, expect_('catalog.edit'), price, hasPrice]);
    }
    const results: string[] = [];
    const wanted: string[] = [];
    for (const [role, outcome, change, probe] of cases) {
      const v = stamp();
      const got = await tryChange(role === 'custom' ? customRole.id : role, change(v), probe(v));
      results.push(`${role} ${change.name}: ${got}`);
      wanted.push(`${role} ${change.name}: ${outcome}`);
    }
    expect(results).toEqual(wanted);
    expect(wanted.filter((w) => w.endsWith('kept')).length).toBeGreaterThan(5);
    expect(wanted.filter((w) => w.endsWith('refused')).length).toBeGreaterThan(5);
  });

  it('refuses the issue command on a document socket to a role without invoices.issue, and runs it for one with it', async () => {
    const { ws } = await workspaceOf(server.services, companyA);
    const draftId = ws.listInvoiceDocuments().find((d) => d.status === 'draft')!.id;
    const editor = await call('POST', `/companies/${companyA}/roles`, ownerToken, { name: 'Rédaction', permissions: ['documents.edit'] });
    const asRole = async (role: string) => {
      const token = (await createApiToken(server.services.db, companyA, role, `socket ${role}`, server.services.now())).token;
      const c = connect(server.url, docIds.document(companyA, draftId), { authorization: `Bearer ${token}` });
      clients.push(c);
      await until(() => c.provider.synced, 'synced');
      return sendCommand(c, { key: `authz-${role}`, name: 'issue' });
    };
    await expect(asRole(String(editor.body.id))).rejects.toThrow(/invoices\.issue/);
    expect(server.services.rooms.get(docIds.document(companyA, draftId))!.frozenAs).toBeNull();
    await expect(asRole('accountant')).resolves.toMatch(/^F-/);
  });
});
