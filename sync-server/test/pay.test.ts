import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DunningPolicyBook } from '@facturo/core';
import { dunningPreview } from '../src/dunning/pass';
import { recordPayment } from '../src/payments';
import { invoicePayUrl, PAY_REQUESTS_PER_MINUTE_PER_ADDRESS, payToken, payUrl } from '../src/pay';
import { textOf } from '../../core/src/documents/pdf/text.testing';
import { gatewayWorld, type GatewayWorld } from './gateways-fixtures';
import { editWorkspace } from './billing-fixtures';
import { startMailbox } from './mailbox';
import { customer, issuedInvoice, useMailbox } from './sepa-fixtures';

/* The invoice's stable pay URL, /pay/{invoiceId}.{mac}: its page, its buttons, the return page and the PDF's QR code. */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${w.server.url}${path}`, { redirect: 'manual', headers });
  return { status: res.status, headers: res.headers, html: await res.text() };
};
/**
 * The mac's first character changed: same length, wrong value. (Not its last: of a 32-byte mac's 43 base64url
 * characters the last carries 4 bits, so B, C or D turned into A decoded to the same bytes, 3 times in 64.)
 */
const tampered = (token: string) => {
  const at = token.indexOf('.') + 1;
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
};

describe('the pay page', () => {
  it('shows the invoice number, the seller, what is still due and one button per configured gateway', async () => {
    const shop = await w.shop();
    const page = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`Payer la facture ${shop.invoice.number}`);
    expect(page.html).toContain('Studio Boréal');
    expect(page.html).toContain('120,00\u00a0€');
    expect(page.html).toContain('Payer par carte');
    expect(page.html).toContain('Payer avec PayPal');
  });

  it('is served without script, no-store, no-referrer and under the strict CSP', async () => {
    const shop = await w.shop();
    const page = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}`);
    expect(page.html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('is in English for an English-speaking customer', async () => {
    const shop = await w.shop();
    const invoice = await issuedInvoice(shop, await customer(shop, { language: 'en' }), '10.00');
    const page = await get(`/pay/${await payToken(w.server.services, shop.companyId, invoice.id)}`);
    expect(page.html).toContain(`Pay invoice ${invoice.number}`);
    expect(page.html).toContain('Pay by card');
  });

  it('offers only the gateway the company set up', async () => {
    const shop = await w.shop({ paypal: true });
    const page = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}`);
    expect(page.html).toContain('Payer avec PayPal');
    expect(page.html).not.toContain('Payer par carte');
  });

  it('says a paid invoice is paid and offers no button', async () => {
    const shop = await w.shop();
    await recordPayment(w.server.services, { companyId: shop.companyId, by: 'test' }, {
      customerId: shop.customerId, method: 'transfer', amount: shop.invoice.total, currency: 'EUR', receivedOn: '2026-11-10', allocations: [{ invoiceId: shop.invoice.id, amount: shop.invoice.total }],
    });
    const page = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}`);
    expect(page.html).toContain('Cette facture est réglée');
    expect(page.html).not.toContain('class="button');
  });

  it('is a 404 for a wrong mac, another company’s mac, an unknown invoice or no mac at all', async () => {
    const shop = await w.shop();
    const other = await w.shop();
    const token = await payToken(w.server.services, shop.companyId, shop.invoice.id);
    const foreign = await payToken(w.server.services, other.companyId, shop.invoice.id);
    const unknown = `doc_NoSuchInvoice000${token.slice(token.indexOf('.'))}`;
    for (const t of [tampered(token), foreign, unknown, shop.invoice.id, `${shop.invoice.id}.short`]) {
      const page = await get(`/pay/${t}`);
      expect(page.status, t).toBe(404);
      expect(page.html).toContain('Lien de paiement introuvable');
      expect(page.html).not.toContain(shop.invoice.number);
    }
  });
});

describe('a pay button', () => {
  it('sends the payer to a fresh Stripe Checkout session for what is due', async () => {
    const shop = await w.shop();
    const res = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}/stripe`);
    expect(res.status).toBe(303);
    const session = [...w.stripe.sessions.values()].at(-1)!;
    expect(res.headers.get('location')).toBe(session.url);
  });

  it('sends the payer to a PayPal order', async () => {
    const shop = await w.shop();
    const res = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}/paypal`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/paypal|approve|checkoutnow/i);
  });

  it('of a gateway the company has not set up is a 404 and asks no gateway', async () => {
    const shop = await w.shop({ paypal: true });
    const before = w.stripe.sessions.size;
    const res = await get(`/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}/stripe`);
    expect(res.status).toBe(404);
    expect(w.stripe.sessions.size).toBe(before);
  });

  it('with a wrong mac is a 404 and asks no gateway', async () => {
    const shop = await w.shop();
    const before = w.stripe.sessions.size;
    const res = await get(`/pay/${tampered(await payToken(w.server.services, shop.companyId, shop.invoice.id))}/stripe`);
    expect(res.status).toBe(404);
    expect(w.stripe.sessions.size).toBe(before);
  });
});

describe('the return page', () => {
  it('thanks the payer while the payment is being confirmed', async () => {
    const page = await get('/payments/return?invoice=doc_x&gateway=stripe&outcome=paid');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Merci, votre paiement est en cours de confirmation');
  });

  it('says a cancelled payment charged nothing, in English when the browser asks', async () => {
    const page = await get('/payments/return?invoice=doc_x&gateway=paypal&outcome=cancelled', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(page.html).toContain('Payment cancelled');
  });
});

describe('the pay URL', () => {
  it('is the same at every call and survives a rotation of the company key', async () => {
    const shop = await w.shop();
    const s = w.server.services;
    const first = await payUrl(s, shop.companyId, shop.invoice.id);
    await s.keys.rotate(shop.companyId);
    expect(await payUrl(s, shop.companyId, shop.invoice.id)).toBe(first);
    expect(first.startsWith(`${s.config.origins[0]!}/pay/${shop.invoice.id}.`)).toBe(true);
  });

  it('is offered only when a gateway is set up', async () => {
    const shop = await w.shop({});
    expect(await invoicePayUrl(w.server.services, shop.companyId, shop.invoice.id, { kind: 'invoice', meta: {} })).toBeNull();
  });

  it('is printed, with its QR code, on the archived PDF of an invoice issued with a gateway set up', async () => {
    const shop = await w.shop();
    const s = w.server.services;
    const pdf = await s.archiver.file(shop.companyId, shop.invoice.id, 'pdf');
    const text = (await textOf(new Uint8Array(pdf.bytes))).replace(/\s/g, '');
    expect(text).toContain('PAYERENLIGNE');
    expect(text).toContain(await payUrl(s, shop.companyId, shop.invoice.id));
  });
});

describe('the invoice email', () => {
  it('carries the pay URL when the company takes payments online', async () => {
    const mailbox = await startMailbox();
    try {
      const shop = await w.shop({ stripe: true });
      await useMailbox(shop.s, shop.companyId, mailbox.port);
      const sent = await shop.call('POST', `/invoices/${shop.invoice.id}/send`, { to: 'compta@boulangerie.example' });
      expect(sent.status).toBe(200);
      expect(mailbox.received.at(-1)!.mail.text).toContain(`Payer en ligne : ${await payUrl(w.server.services, shop.companyId, shop.invoice.id)}`);
    } finally {
      await mailbox.close();
    }
  });

  it('has no pay line when no gateway is set up', async () => {
    const mailbox = await startMailbox();
    try {
      const shop = await w.shop({});
      await useMailbox(shop.s, shop.companyId, mailbox.port);
      expect((await shop.call('POST', `/invoices/${shop.invoice.id}/send`, { to: 'compta@boulangerie.example' })).status).toBe(200);
      expect(mailbox.received.at(-1)!.mail.text).not.toContain('/pay/');
    } finally {
      await mailbox.close();
    }
  });
});

describe('a dunning reminder', () => {
  /** The email reminders due 60 days after issue (the default policy's "firm" step, 30 days late), with each one's pay URL. */
  async function reminders(gateways: { stripe?: boolean }) {
    const shop = await w.shop(gateways);
    const s = w.server.services;
    await editWorkspace(s, shop.companyId, (ws) => void new DunningPolicyBook(ws.doc).installDefault(w.clock.now.toISOString(), 'test'));
    const { due } = await dunningPreview(s, shop.companyId, new Date(w.clock.now.getTime() + 60 * 24 * 3600_000));
    const emails = due.filter((d) => d.channel === 'email');
    expect(emails.map((d) => d.invoiceId)).toContain(shop.invoice.id);
    return Promise.all(emails.map(async (step) => ({ step, url: await payUrl(s, shop.companyId, step.invoiceId) })));
  }

  it('carries the invoice’s stable pay URL when the company takes payments online', async () => {
    for (const { step, url } of await reminders({ stripe: true })) expect(step.body).toContain(`Vous pouvez la régler en ligne : ${url}`);
  });

  it('carries no pay URL when no gateway is set up', async () => {
    for (const { step } of await reminders({})) expect(step.body).not.toContain('/pay/');
  });
});

describe('the pay page’s rate limit', () => {
  it('answers 429 past its budget per address', async () => {
    const shop = await w.shop();
    const path = `/pay/${await payToken(w.server.services, shop.companyId, shop.invoice.id)}`;
    w.clock.now = new Date(w.clock.now.getTime() + 3600_000);
    const statuses: number[] = [];
    for (let i = 0; i <= PAY_REQUESTS_PER_MINUTE_PER_ADDRESS; i++) statuses.push((await get(path)).status);
    expect(statuses.slice(0, -1).every((st) => st === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    w.clock.now = new Date(w.clock.now.getTime() + 3600_000);
  });
});
