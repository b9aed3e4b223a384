import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuoteSettings } from '@facturo/core';
import { apiCall, company, member, startTestServer } from '../../test/helpers';
import { workspaceOf } from '../commands/run';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function setup(name: string) {
  const s = server.services;
  const co = await company(s, name);
  const owner = await member(s, co.id, 'owner', 'Olivia');
  const sales = await member(s, co.id, 'sales', 'Sam');
  const as = (m: { cookie: string }) => ({ cookie: m.cookie, 'x-company': co.id });
  const call = (who: { cookie: string }, method: string, path: string, body?: unknown) => apiCall(server, method, path, as(who), body);
  const settings = async () => new QuoteSettings((await workspaceOf(s, co.id)).ws.doc);
  return { companyId: co.id, owner, sales, call, settings };
}

const template = { name: 'Site vitrine', validityDays: 45, sections: [{ title: 'Conception', lines: [{ description: 'Atelier', quantity: '1', unitPrice: '650.00' }] }] };
const volumeRule = { name: 'Volume', priority: 10, conditions: {}, effect: { kind: 'percentOff', percent: '10' } };

describe('quote templates API', () => {
  it('creates a template with POST and lists it, written in the workspace document', async () => {
    const { owner, call, settings } = await setup('Templates Co');
    const put = await call(owner, 'POST', '/quote-templates', { id: 'tp_site', ...template });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ id: 'tp_site', name: 'Site vitrine', validityDays: 45, archived: false });
    expect((await settings()).getTemplate('tp_site')?.sections[0]?.lines[0]?.unitPrice).toBe('650.00');
    const list = await call(owner, 'GET', '/quote-templates');
    expect((list.body as unknown as { id: string }[]).map((t) => t.id)).toEqual(['tp_site']);
  });

  it('lets a salesperson edit templates (catalog.edit) but names the bad field of a broken one', async () => {
    const { sales, call, settings } = await setup('Templates Sales Co');
    const bad = await call(sales, 'POST', '/quote-templates', { id: 'tp_bad', ...template, sections: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toHaveProperty('sections');
    expect((await settings()).getTemplate('tp_bad')).toBeUndefined();
    expect((await call(sales, 'POST', '/quote-templates', { id: 'tp_ok', ...template })).status).toBe(201);
  });

  it('replaces a template with PUT, which never creates one (404) and comes before validation; POST refuses a taken id', async () => {
    const { owner, call, settings } = await setup('Replace Co');
    expect((await call(owner, 'PUT', '/quote-templates/tp_none', {})).status).toBe(404);
    await call(owner, 'POST', '/quote-templates', { id: 'tp_r', ...template });
    expect((await call(owner, 'POST', '/quote-templates', { id: 'tp_r', ...template })).body.error?.code).toBe('id_taken');
    expect((await call(owner, 'PUT', '/quote-templates/tp_r', { ...template, name: 'Site v2' })).status).toBe(200);
    expect((await settings()).getTemplate('tp_r')?.name).toBe('Site v2');
    const generated = await call(owner, 'POST', '/quote-templates', template);
    expect(generated.body.id).toMatch(/^tp_[A-Za-z0-9]{16}$/);
  });

  it('archives a template: gone from the list, still readable by id', async () => {
    const { owner, call } = await setup('Archive Co');
    await call(owner, 'POST', '/quote-templates', { id: 'tp_old', ...template });
    const archived = await call(owner, 'POST', '/quote-templates/tp_old/archive');
    expect(archived.body).toMatchObject({ id: 'tp_old', archived: true });
    expect((await call(owner, 'GET', '/quote-templates')).body).toEqual([]);
    expect((await call(owner, 'GET', '/quote-templates/tp_old')).body).toMatchObject({ archived: true });
    expect((await call(owner, 'GET', '/quote-templates/tp_none')).status).toBe(404);
  });
});

describe('pricing rules API', () => {
  it('creates, lists and archives a rule for an owner', async () => {
    const { owner, call, settings } = await setup('Rules Co');
    const put = await call(owner, 'POST', '/pricing-rules', { id: 'pr_volume', ...volumeRule });
    expect(put.status).toBe(201);
    expect(put.body).toMatchObject({ id: 'pr_volume', name: 'Volume', active: true, effect: { percent: '10' } });
    expect((await settings()).activePricingRules().map((r) => r.id)).toEqual(['pr_volume']);
    expect((await call(owner, 'POST', '/pricing-rules/pr_volume/archive')).body).toMatchObject({ archived: true });
    expect((await settings()).activePricingRules()).toEqual([]);
  });

  it('refuses pricing rules to a salesperson (403): they must not widen their own discounts', async () => {
    const { sales, call, settings } = await setup('Rules Sales Co');
    const put = await call(sales, 'POST', '/pricing-rules', { id: 'pr_mine', ...volumeRule });
    expect(put.status).toBe(403);
    expect((await call(sales, 'GET', '/pricing-rules')).status).toBe(403);
    expect((await settings()).getPricingRule('pr_mine')).toBeUndefined();
  });

  it('names effect.percent when a discount goes above 100 %', async () => {
    const { owner, call } = await setup('Rules Bad Co');
    const put = await call(owner, 'POST', '/pricing-rules', { id: 'pr_bad', ...volumeRule, effect: { kind: 'percentOff', percent: '120' } });
    expect(put.status).toBe(400);
    expect(put.body.error?.fields).toHaveProperty(['effect.percent']);
  });
});

describe('pricing simulation', () => {
  const context = { date: '2026-12-01', currency: 'EUR' };
  const line = { productId: 'pd_1', quantity: '2', listUnitPrice: '100.00' };

  it("prices a line with the company's active rules, for any member", async () => {
    const { owner, sales, call } = await setup('Simulate Co');
    await call(owner, 'POST', '/pricing-rules', { id: 'pr_volume', ...volumeRule });
    const res = await call(sales, 'POST', '/pricing/simulate', { context, line });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ unitPrice: '90.00', net: '180.00' });
    expect((res.body.applied as { ruleId: string }[]).map((a) => a.ruleId)).toEqual(['pr_volume']);
  });

  it('tries rules given in the body instead, without saving them', async () => {
    const { owner, call, settings } = await setup('Simulate Try Co');
    const res = await call(owner, 'POST', '/pricing/simulate', { context, line, rules: [{ ...volumeRule, id: 'try', effect: { kind: 'percentOff', percent: '25' } }] });
    expect(res.body).toMatchObject({ unitPrice: '75.00' });
    expect((await settings()).listPricingRules()).toEqual([]);
  });

  it('names the bad field of a rule being tried', async () => {
    const { owner, call } = await setup('Simulate Bad Co');
    const res = await call(owner, 'POST', '/pricing/simulate', { context, line, rules: [{ ...volumeRule, id: 'try', effect: { kind: 'percentOff', percent: 'lots' } }] });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.fields ?? {})).toContain('rules[0].effect.percent');
  });
});

describe('quote settings API', () => {
  const circuit = { id: 'ci_manager', name: 'Manager', steps: [{ approvers: { role: 'admin' }, rule: { mode: 'any' } }] };

  it('reads the defaults of a company that set nothing', async () => {
    const { owner, call } = await setup('Defaults Co');
    const res = await call(owner, 'GET', '/quote-settings');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ defaults: { validityDays: 30, portalLinkDays: 30, sendOnApproval: false }, delegations: [], approvalConfig: { circuits: [] } });
    expect((res.body.followUpPolicy as { clientFollowUps: unknown[] }).clientFollowUps).toHaveLength(3);
  });

  it('replaces the parts given and merges defaults', async () => {
    const { owner, call, settings } = await setup('Settings Co');
    const res = await call(owner, 'PUT', '/quote-settings', {
      approvalConfig: { circuits: [circuit], defaultCircuitId: 'ci_manager' },
      followUpPolicy: { clientFollowUps: [{ from: 'sent', days: 5 }] },
      defaults: { portalLinkDays: 60 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ defaults: { validityDays: 30, portalLinkDays: 60 }, followUpPolicy: { clientFollowUps: [{ from: 'sent', days: 5 }] } });
    expect((await settings()).readApprovalConfig().defaultCircuitId).toBe('ci_manager');
  });

  it('names steps[0].approvers of a circuit without approvers and writes nothing', async () => {
    const { owner, call, settings } = await setup('Settings Bad Co');
    const res = await call(owner, 'PUT', '/quote-settings', {
      defaults: { portalLinkDays: 10 },
      approvalConfig: { circuits: [{ ...circuit, steps: [{ approvers: { users: [] }, rule: { mode: 'any' } }] }] },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.fields ?? {})).toEqual(['approvalConfig.circuits[0].steps[0].approvers']);
    expect((await settings()).readDefaults().portalLinkDays).toBe(30);
  });

  it('refuses the settings to a salesperson (403)', async () => {
    const { sales, call } = await setup('Settings Sales Co');
    expect((await call(sales, 'GET', '/quote-settings')).status).toBe(403);
    expect((await call(sales, 'PUT', '/quote-settings', { defaults: { validityDays: 365 } })).status).toBe(403);
  });
});
