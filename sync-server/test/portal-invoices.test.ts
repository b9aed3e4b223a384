import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyToday } from '../src/commands/issue';
import { sentQuote } from '../src/quotes/portal.testing';
import { gatewayWorld, type GatewayWorld } from './gateways-fixtures';
import { member } from './helpers';
import { acceptAsClient } from './quote-fixtures';

/*
 * The client portal lists the issued invoices of an accepted quote with their pay links (issue 8: the payment link
 * shows "in the email, the client portal, the PDF and each reminder"). The quote (portal.testing.ts) is
 * 1000.00 + 2 × 150.00 HT at 20 % VAT = 1560.00 TTC, so its 30 % deposit is 468.00 TTC.
 */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

interface Invoice { number: string; kind: string; issueDate: string; dueDate: string; currency: string; totalInclTax: string; openAmount: string; status: string; payUrl: string | null }

/** An accepted quote of a shop (Stripe set up unless told otherwise), and how to invoice it and read its portal. */
async function acceptedQuote(gateways: { stripe?: boolean } = { stripe: true }) {
  const shop = await w.shop(gateways);
  const s = w.server.services;
  const author = await member(s, shop.companyId, 'sales', 'Sam');
  const quote = await sentQuote(s, { companyId: shop.companyId, authorId: author.userId, customerId: shop.customerId, validUntil: '2026-12-31' });
  await acceptAsClient(s, shop.companyId, quote.quoteId);
  const convert = async (request: Record<string, string>) => {
    const res = await shop.call('POST', `/quotes/${quote.quoteId}/convert`, request);
    if (res.status !== 201) throw new Error(`not converted: ${JSON.stringify(res.body)}`);
    return String(res.body.invoiceId);
  };
  const issue = async (id: string) => {
    const res = await shop.call('POST', `/invoices/${id}/issue`, {}, { key: `issue-${id}` });
    if (res.status !== 200) throw new Error(`not issued: ${JSON.stringify(res.body)}`);
    return String(res.body.number);
  };
  const view = async () => {
    const res = await fetch(`${w.server.url}/api/portal/${quote.token}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown> & { invoices: Invoice[] };
  };
  const pay = (invoiceId: string, amount: string) => shop.call('POST', '/payments', {
    customerId: shop.customerId, method: 'transfer', currency: 'EUR', receivedOn: companyToday(s.now()), amount, allocations: [{ invoiceId, amount }],
  });
  return { shop, quote, convert, issue, view, pay };
}

describe('the portal’s invoices of a quote', () => {
  it('lists an issued deposit invoice with a pay URL that opens its pay page for the amount due', async () => {
    const q = await acceptedQuote();
    const id = await q.convert({ kind: 'deposit', percent: '30' });
    const number = await q.issue(id);
    const { invoices } = await q.view();
    expect(invoices).toHaveLength(1);
    expect(invoices[0]).toMatchObject({ number, kind: 'deposit', currency: 'EUR', totalInclTax: '468.00', openAmount: '468.00', status: 'issued' });
    expect(invoices[0]!.payUrl).toMatch(new RegExp(`/pay/${id}\\.[A-Za-z0-9_-]{43}$`));
    const page = await fetch(`${w.server.url}${new URL(invoices[0]!.payUrl!).pathname}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain(`Payer la facture ${number}`);
    expect(html).toContain('468,00\u00a0€');
  });

  it('does not show a draft invoice of the quote', async () => {
    const q = await acceptedQuote();
    await q.convert({ kind: 'deposit', percent: '30' });
    expect((await q.view()).invoices).toEqual([]);
  });

  it('shows what is left and still a pay URL once part is paid', async () => {
    const q = await acceptedQuote();
    const id = await q.convert({ kind: 'deposit', percent: '30' });
    await q.issue(id);
    expect((await q.pay(id, '100.00')).status).toBe(201);
    const [invoice] = (await q.view()).invoices;
    expect(invoice).toMatchObject({ openAmount: '368.00', status: 'partially_paid' });
    expect(invoice!.payUrl).not.toBeNull();
  });

  it('gives no pay URL and the status paid once paid in full', async () => {
    const q = await acceptedQuote();
    const id = await q.convert({ kind: 'deposit', percent: '30' });
    await q.issue(id);
    expect((await q.pay(id, '468.00')).status).toBe(201);
    expect((await q.view()).invoices[0]).toMatchObject({ openAmount: '0.00', status: 'paid', payUrl: null });
  });

  it('gives no pay URL when the company takes no payment online', async () => {
    const q = await acceptedQuote({});
    await q.issue(await q.convert({ kind: 'deposit', percent: '30' }));
    expect((await q.view()).invoices[0]).toMatchObject({ status: 'issued', payUrl: null });
  });

  it('lists the deposit and the final invoice in the order they were made', async () => {
    const q = await acceptedQuote();
    const deposit = await q.issue(await q.convert({ kind: 'deposit', percent: '30' }));
    const final = await q.issue(await q.convert({ kind: 'final' }));
    const { invoices } = await q.view();
    // 1560.00 − 468.00 = 1092.00 TTC left for the final invoice.
    expect(invoices.map((i) => [i.number, i.kind, i.totalInclTax])).toEqual([[deposit, 'deposit', '468.00'], [final, 'final', '1092.00']]);
  });

  it('gives the client exactly the allowed fields of an invoice: no note, id, customer or payment detail', async () => {
    const q = await acceptedQuote();
    await q.issue(await q.convert({ kind: 'deposit', percent: '30' }));
    const { invoices } = await q.view();
    expect(Object.keys(invoices[0]!).sort()).toEqual(['currency', 'dueDate', 'issueDate', 'kind', 'number', 'openAmount', 'payUrl', 'status', 'totalInclTax']);
    // The invoice's note names the quote (convert.ts): it stays on the invoice, not in the portal's JSON.
    expect(JSON.stringify(invoices)).not.toContain('Devis D-2026');
  });

  it('shows nothing for a quote not invoiced yet, even when the customer has other invoices', async () => {
    const s = w.server.services;
    const shop = await w.shop();
    const author = await member(s, shop.companyId, 'sales', 'Sam');
    // The shop's customer has an issued invoice of 120.00 (gateways-fixtures.ts), made without the quote.
    const quote = await sentQuote(s, { companyId: shop.companyId, authorId: author.userId, customerId: shop.customerId, validUntil: '2026-12-31' });
    const res = await fetch(`${w.server.url}/api/portal/${quote.token}`);
    expect(((await res.json()) as { invoices: unknown[] }).invoices).toEqual([]);
  });
});
