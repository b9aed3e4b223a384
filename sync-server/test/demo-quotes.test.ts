import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docIds, QuoteDocument, QuoteSettings, readPricingNote, Workspace } from '@facturo/core';
import { startTestServer } from './helpers';
import { ensureDemo } from '../src/demo';
import { readQuote } from '../src/quotes/state';

let server: Awaited<ReturnType<typeof startTestServer>>;
let companyId: string;

beforeAll(async () => {
  server = await startTestServer();
  companyId = (await ensureDemo(server.services)).companyId;
});
afterAll(() => server.close());

describe('the demo company’s quotes', () => {
  it('has pricing rules, templates and a circuit to try', async () => {
    const ws = await server.services.rooms.open(companyId, docIds.workspace(companyId));
    const qs = new QuoteSettings(ws.doc);
    expect(qs.activePricingRules().map((r) => r.id)).toEqual(expect.arrayContaining(['photos-volume', 'maintenance-engagement', 'clients-fideles', 'plancher-marge']));
    expect(qs.listTemplates().map((t) => t.name)).toEqual(['Mission de conseil', 'Site vitrine clé en main']);
    expect(qs.readApprovalConfig().circuits.map((c) => c.id)).toEqual(['direction']);
  });

  it('has a draft quote from a template, priced by the rules with their explanation, in the server’s list', async () => {
    const ws = new Workspace((await server.services.rooms.open(companyId, docIds.workspace(companyId))).doc);
    const [entry] = ws.listQuoteDocuments();
    expect(entry).toMatchObject({ kind: 'quote', status: 'draft' });
    const quote = new QuoteDocument((await server.services.rooms.open(companyId, docIds.document(companyId, entry!.id))).doc);
    const photos = quote.listLines().find((l) => l.description === 'Photographie produit')!;
    expect(photos.unitPrice).toBe('30.00'); // the 20-photo tier instead of the 35.00 list price
    expect(readPricingNote(photos).map((n) => n.ruleId)).toContain('photos-volume');
    // Boulangerie Martin has been a customer since 2021: the loyalty rule applies to the website line.
    const site = quote.listLines().find((l) => l.description === 'Création de site vitrine')!;
    expect(readPricingNote(site).map((n) => n.ruleId)).toContain('clients-fideles');
    expect(site.unitPrice).toBe('2280.00'); // 2 400.00 − 5 %
    const record = await readQuote(server.services, companyId, entry!.id);
    expect(record).toMatchObject({ status: 'draft', version: 1, customerId: entry!.customerId });
    expect(record!.totalExcl).toBe(quote.totals().totalWithoutVat);
  });
});
