import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { docIds, Money, QuoteDocument, readPricingNote } from '@facturo/core';
import { connect, startTestServer, until, type Client } from './helpers';
import { configure, quoteCompany, simpleQuote, type QuoteCompany } from './quote-fixtures';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clients: Client[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

interface Detail {
  id: string; status: string; version: number; number: string | null; title: string | null; totalExclTax: string;
  lines: { unitPrice: string; pricing?: string; productId?: string }[];
  approval: { runs: { run: number; step: number; decisions: { approverId: string; step: number }[]; outcome: string }[]; history: { event: string }[]; awaiting: { step: number } | null };
}

/** Two steps in series: Ann alone, then Bob and Cyd both ('all'). */
async function twoStepCircuit(co: QuoteCompany) {
  const [ann, bob, cyd] = co.approvers.map((a) => a.userId);
  await configure(co.s, co.companyId, (qs) => qs.setApprovalConfig({
    circuits: [{ id: 'c2', name: 'Two steps', steps: [
      { approvers: { users: [ann] }, rule: { mode: 'any' } },
      { approvers: { users: [bob, cyd] }, rule: { mode: 'all' } },
    ] }],
    defaultCircuitId: 'c2',
  }));
}

const detail = async (co: QuoteCompany, id: string) => (await co.call('GET', `/quotes/${id}`, co.as(co.owner))).body as unknown as Detail;

describe('quotes: creation and approval', () => {
  it('creates a quote from a template with its lines priced by the company rules and its texts rendered for the customer', async () => {
    const co = await quoteCompany(server, 'Template Co');
    await configure(co.s, co.companyId, (qs) => {
      qs.setTemplate('tpl1', { name: 'Cadrage', title: 'Devis pour {{customer.name}}', sections: [{ title: 'Conception', lines: [{ productId: co.productId, description: '', quantity: '2' }] }] }, '2026-01-01T00:00:00Z');
      qs.setPricingRule('r10', { name: 'Remise atelier', priority: 1, conditions: { productIds: [co.productId] }, effect: { kind: 'percentOff', percent: '10' } }, '2026-01-01T00:00:00Z');
    });
    const res = await co.call('POST', '/quotes', co.as(co.sales), { customer: co.customerId, template: 'tpl1' });
    expect(res.status).toBe(201);
    const d = await detail(co, String(res.body.id));
    expect(d.title).toBe('Devis pour Boulangerie Martin');
    expect(new Money(d.lines[0]!.unitPrice).eq('900')).toBe(true);
    expect(readPricingNote(d.lines[0]!).map((n) => n.ruleId)).toEqual(['r10']);
    expect(new Money(d.totalExclTax).eq('1800')).toBe(true);
    // Lists read the subject from the quotes table, never opening each quote's document.
    const list = (await co.call('GET', '/quotes', co.as(co.owner))).body as unknown as { id: string; title: string }[];
    expect(list.find((q) => q.id === d.id)?.title).toBe('Devis pour Boulangerie Martin');
  });

  it('names the faulty line of a request as sections[i].lines[j].field', async () => {
    const co = await quoteCompany(server, 'Bad Line Co');
    const line = { description: 'x', quantity: '1', unitPrice: '1' };
    const res = await co.call('POST', '/quotes', co.as(co.sales), {
      customer: co.customerId, sections: [{ title: 'A', lines: [line] }, { title: 'B', lines: [line, line, { ...line, quantity: 'beaucoup' }] }],
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error!.fields!)).toContain('sections[1].lines[2].quantity');
  });

  it('routes a submitted quote through two steps in series, the second wanting both of its approvers, approving at once counting each once', async () => {
    const co = await quoteCompany(server, 'Circuit Co');
    await twoStepCircuit(co);
    const id = await simpleQuote(co, co.sales);
    const [ann, bob, cyd] = co.approvers;
    expect((await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales))).status).toBe(200);
    expect((await detail(co, id)).approval.awaiting?.step).toBe(1);
    expect((await co.call('POST', `/quotes/${id}/decisions`, co.as(ann!), { run: 1, step: 1, decision: 'approve' })).status).toBe(200);
    const bobsInbox = await co.call('GET', '/notifications', co.as(bob!));
    expect((bobsInbox.body.notifications as { kind: string }[]).map((n) => n.kind)).toContain('quote.approval_requested');
    const both = await Promise.all([bob!, cyd!].map((a) => co.call('POST', `/quotes/${id}/decisions`, co.as(a), { run: 1, step: 2, decision: 'approve' })));
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const d = await detail(co, id);
    expect(d.status).toBe('approved');
    expect(d.approval.runs[0]!.decisions.filter((x) => x.step === 2).map((x) => x.approverId).sort()).toEqual([bob!.userId, cyd!.userId].sort());
    expect(d.approval.history.filter((h) => h.event === 'approved')).toHaveLength(1);
    // The same decision again is harmless.
    expect((await co.call('POST', `/quotes/${id}/decisions`, co.as(bob!), { run: 1, step: 2, decision: 'approve' })).status).toBe(200);
    expect((await detail(co, id)).approval.runs[0]!.decisions).toHaveLength(3);
  });

  it('prices and routes by the customer’s segments: a reseller gets its discount, and its quotes go to the circuit for resellers', async () => {
    const co = await quoteCompany(server, 'Segments Co');
    const reseller = await co.call('POST', '/customers', co.as(co.owner), { name: 'Distrib Sud', segments: 'PME, Revendeur', customerSince: '2020-01-15' });
    expect(reseller.status).toBe(201);
    const [ann] = co.approvers;
    await configure(co.s, co.companyId, (qs) => {
      qs.setTemplate('tpl', { name: 'Atelier', sections: [{ title: 'A', lines: [{ productId: co.productId, description: '', quantity: '1' }] }] }, '2026-01-01T00:00:00Z');
      qs.setPricingRule('resellers', { name: 'Revendeurs', priority: 1, conditions: { segments: ['Revendeur'], customer: { minSeniorityMonths: 24 } }, effect: { kind: 'percentOff', percent: '20' } }, '2026-01-01T00:00:00Z');
      qs.setApprovalConfig({ circuits: [{ id: 'rev', name: 'Revendeurs', steps: [{ approvers: { users: [ann!.userId] }, rule: { mode: 'any' } }] }], routing: [{ id: 'r', when: { segments: ['Revendeur'] }, circuitId: 'rev' }] });
    });
    const forReseller = await co.call('POST', '/quotes', co.as(co.sales), { customer: String(reseller.body.id), template: 'tpl' });
    const forOther = await co.call('POST', '/quotes', co.as(co.sales), { customer: co.customerId, template: 'tpl' });
    const [r, o] = [await detail(co, String(forReseller.body.id)), await detail(co, String(forOther.body.id))];
    expect(new Money(r.lines[0]!.unitPrice).eq('800')).toBe(true);
    expect(new Money(o.lines[0]!.unitPrice).eq('1000')).toBe(true);
    await co.call('POST', `/quotes/${r.id}/submit`, co.as(co.sales));
    await co.call('POST', `/quotes/${o.id}/submit`, co.as(co.sales));
    expect((await detail(co, r.id)).status).toBe('pending_approval');
    expect((await detail(co, o.id)).status).toBe('approved');
  });

  it('routes a step named by role to the members holding that role, the author excepted', async () => {
    const co = await quoteCompany(server, 'Role Co');
    await configure(co.s, co.companyId, (qs) => qs.setApprovalConfig({
      circuits: [{ id: 'dir', name: 'Direction', steps: [{ approvers: { role: 'owner' }, rule: { mode: 'any' } }] }], defaultCircuitId: 'dir',
    }));
    const id = await simpleQuote(co, co.sales);
    expect((await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales))).status).toBe(200);
    const [ann] = co.approvers;
    expect((await co.call('POST', `/quotes/${id}/decisions`, co.as(ann!), { run: 1, step: 1, decision: 'approve' })).body.error?.code).toBe('not_approver');
    expect((await co.call('POST', `/quotes/${id}/decisions`, co.as(co.owner), { run: 1, step: 1, decision: 'approve' })).status).toBe(200);
    expect((await detail(co, id)).status).toBe('approved');
  });

  it('refuses a decision on one’s own quote (403 own_quote)', async () => {
    const co = await quoteCompany(server, 'Own Co');
    await twoStepCircuit(co);
    const id = await simpleQuote(co, co.owner);
    await co.call('POST', `/quotes/${id}/submit`, co.as(co.owner));
    const res = await co.call('POST', `/quotes/${id}/decisions`, co.as(co.owner), { run: 1, step: 1, decision: 'approve' });
    expect([res.status, res.body.error?.code]).toEqual([403, 'own_quote']);
  });

  it('locks the room in approval, and a rejection reopens it: a device edit is accepted again', async () => {
    const co = await quoteCompany(server, 'Reject Co');
    await twoStepCircuit(co);
    const id = await simpleQuote(co, co.sales);
    const c = connect(server.url, docIds.document(co.companyId, id), { cookie: co.sales.cookie });
    clients.push(c);
    let frozen = '';
    let reopened = 0;
    c.provider.messageHandlers[102] = (_e: encoding.Encoder, d: decoding.Decoder) => void (frozen = decoding.readVarString(d));
    c.provider.messageHandlers[106] = () => void reopened++;
    await until(() => c.provider.synced, 'synced');
    await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales));
    await until(() => frozen === 'pending_approval', 'device told the room is locked');
    const rejected = await co.call('POST', `/quotes/${id}/decisions`, co.as(co.approvers[0]!), { run: 1, step: 1, decision: 'reject', comment: 'Trop cher' });
    expect(rejected.status).toBe(200);
    expect((await detail(co, id)).status).toBe('draft');
    await until(() => reopened === 1 && new QuoteDocument(c.doc).isEditable(), 'device told the room reopened');
    new QuoteDocument(c.doc).updateMeta({ title: 'Refonte, moins chère' });
    const room = server.services.rooms.get(docIds.document(co.companyId, id))!;
    await until(() => new QuoteDocument(room.doc).readMeta().title === 'Refonte, moins chère', 'the edit reached the server');
    const inbox = await co.call('GET', '/notifications', co.as(co.sales));
    expect((inbox.body.notifications as { kind: string }[]).map((n) => n.kind)).toContain('quote.rejected');
  });

  it('refuses a device edit once approved: the server keeps the approved content', async () => {
    const co = await quoteCompany(server, 'Locked Co');
    const id = await simpleQuote(co, co.sales);
    const c = connect(server.url, docIds.document(co.companyId, id), { cookie: co.sales.cookie });
    clients.push(c);
    await until(() => c.provider.synced, 'synced');
    expect((await co.call('POST', `/quotes/${id}/submit`, co.as(co.sales))).body.status).toBe('approved');
    await until(() => new QuoteDocument(c.doc).status() === 'approved', 'device sees approval');
    c.doc.getMap('meta').set('title', 'Changed behind the server’s back');
    await new Promise((r) => setTimeout(r, 300));
    const room = server.services.rooms.get(docIds.document(co.companyId, id))!;
    expect(new QuoteDocument(room.doc).readMeta().title).toBe('Refonte');
    expect((await co.call('PATCH', `/quotes/${id}`, co.as(co.sales), { title: 'x' })).body.error?.code).toBe('quote_locked');
  });
});
