import { QuoteSettings } from '@facturo/core';
import { apiCall, company, member, type ApiBody } from './helpers';
import { editDocuments, workspaceOf } from '../src/commands/run';
import { applyQuoteEvent } from '../src/quotes';
import type { Services } from '../src/services';

/* A company ready for quotes: members with roles, a customer, a product; its quote settings set by a server edit. */

export type Call = (method: string, path: string, auth: Record<string, string>, body?: unknown) => Promise<{ status: number; headers: Headers; body: ApiBody }>;

export const caller = (server: { url: string }): Call => (method, path, auth, body) => apiCall(server, method, path, auth, body);

let configured = 0;

/** Writes the company's quote settings (templates, rules, circuits) as a device with settings.edit would. */
export async function configure(s: Services, companyId: string, edit: (qs: QuoteSettings) => void) {
  const { room } = await workspaceOf(s, companyId);
  await editDocuments(s, { companyId, by: 'test' }, 'configure', { n: configured++ }, async () => ({
    status: 200, result: null, edits: [{ room, edit: (copy) => edit(new QuoteSettings(copy)) }],
  }));
}

export async function quoteCompany(server: { url: string; services: Services }, name: string) {
  const s = server.services;
  const call = caller(server);
  const co = await company(s, name);
  const owner = await member(s, co.id, 'owner', 'Olivia');
  const sales = await member(s, co.id, 'sales', 'Sam');
  const approvers = [await member(s, co.id, 'approver', 'Ann'), await member(s, co.id, 'approver', 'Bob'), await member(s, co.id, 'approver', 'Cyd')];
  const as = (m: { cookie: string }) => ({ cookie: m.cookie, 'x-company': co.id });
  const customer = await call('POST', '/customers', as(owner), { name: 'Boulangerie Martin', address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' } });
  const product = await call('POST', '/products', as(owner), { name: 'Atelier de cadrage', unit: 'jour', unitPrice: '1000.00', vatRate: '20', costPrice: '400.00' });
  if (customer.status !== 201 || product.status !== 201) throw new Error(`setup failed: ${JSON.stringify([customer.body, product.body])}`);
  return { s, call, companyId: co.id, owner, sales, approvers, as, customerId: String(customer.body.id), productId: String(product.body.id) };
}

export type QuoteCompany = Awaited<ReturnType<typeof quoteCompany>>;

/** A simple quote (2 × 500 € HT at 20 %, 1 × 99.99 € at 5.5 %) created by `by` through the API. */
export async function simpleQuote(co: QuoteCompany, by: { cookie: string }): Promise<string> {
  const res = await co.call('POST', '/quotes', co.as(by), {
    customer: co.customerId, title: 'Refonte',
    sections: [{ title: 'Travaux', lines: [{ description: 'Développement', quantity: '2', unitPrice: '500.00', vatRate: '20' }, { description: 'Livre', quantity: '1', unitPrice: '99.99', vatRate: '5.5' }] }],
  });
  if (res.status !== 201) throw new Error(`quote not created: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** The client's answer without the portal: viewed, then accepted. */
export async function acceptAsClient(s: Services, companyId: string, id: string) {
  const client = { companyId, by: 'client' };
  await applyQuoteEvent(s, client, id, { event: () => ({ type: 'view' }) });
  await applyQuoteEvent(s, client, id, { event: () => ({ type: 'accept', signer: 'Test' }) });
}
