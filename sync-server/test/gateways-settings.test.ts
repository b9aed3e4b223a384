import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCredentials, saveCredentials } from '../src/gateways';
import { company, startTestServer } from './helpers';
import { gatewayWorld, paypalApp, stripeKeys, type GatewayWorld } from './gateways-fixtures';

/* /api/v1/companies/{id}/gateways/stripe|paypal: sealed credentials, shown back without their secrets. */

let w: GatewayWorld;
beforeAll(async () => {
  w = await gatewayWorld();
});
afterAll(async () => {
  await w.close();
});

const secrets = [stripeKeys.secretKey, stripeKeys.webhookSecret, paypalApp.clientSecret];
const path = (companyId: string, gateway: string) => `/companies/${companyId}/gateways/${gateway}`;

describe('gateway settings', () => {
  it('show what is set up and where to point the webhook, never a secret', async () => {
    const shop = await w.shop();
    const stripe = await shop.call('GET', path(shop.companyId, 'stripe'));
    expect(stripe.body).toEqual({
      gateway: 'stripe', configured: true, mode: 'test', clientId: null, webhookId: null, apiBase: w.stripe.url,
      webhookUrl: `${w.server.services.config.origins[0]}/api/v1/webhooks/stripe?company=${shop.companyId}`,
    });
    const paypal = await shop.call('GET', path(shop.companyId, 'paypal'));
    expect(paypal.body).toMatchObject({ gateway: 'paypal', configured: true, mode: 'sandbox', clientId: paypalApp.clientId, webhookId: paypalApp.webhookId });
    for (const s of secrets) expect(JSON.stringify([stripe.body, paypal.body])).not.toContain(s);
  });

  it('keep the stored secrets when a later save leaves them out', async () => {
    const shop = await w.shop();
    const saved = await shop.call('PUT', path(shop.companyId, 'stripe'), { apiBase: `${w.stripe.url}/` });
    expect(saved.status).toBe(200);
    const stored = await readCredentials(w.server.services, shop.companyId, 'stripe');
    expect(stored).toEqual({ ...stripeKeys, apiBase: w.stripe.url });
    expect((await w.link(shop, shop.invoice.id, 'stripe')).status).toBe(200);
  });

  it('name each missing or malformed field, and store nothing', async () => {
    const shop = await w.shop({});
    const first = await shop.call('PUT', path(shop.companyId, 'stripe'), {});
    expect(first.status).toBe(400);
    expect(Object.keys(first.body.error?.fields ?? {}).sort()).toEqual(['secretKey', 'webhookSecret']);
    const bad = await shop.call('PUT', path(shop.companyId, 'paypal'), { ...paypalApp, environment: 'production', apiBase: 'ftp://x' });
    expect(Object.keys(bad.body.error?.fields ?? {}).sort()).toEqual(['apiBase', 'environment']);
    const pk = await shop.call('PUT', path(shop.companyId, 'stripe'), { secretKey: 'pk_test_123456', webhookSecret: stripeKeys.webhookSecret });
    expect(pk.body.error?.fields?.secretKey).toMatch(/secret or restricted key/);
    expect((await shop.call('GET', path(shop.companyId, 'stripe'))).body.configured).toBe(false);
  });

  it('are only for a role that may change the company’s settings', async () => {
    const shop = await w.shop();
    for (const role of ['accountant', 'sales', 'viewer'] as const) {
      expect((await shop.call('GET', path(shop.companyId, 'stripe'), undefined, { role })).status).toBe(403);
      expect((await shop.call('PUT', path(shop.companyId, 'paypal'), { ...paypalApp, environment: 'live' }, { role })).status).toBe(403);
    }
    expect((await shop.call('GET', path(shop.companyId, 'stripe'), undefined, { role: 'admin' })).status).toBe(200);
  });

  it('once removed, erase the secrets and stop payment links', async () => {
    const shop = await w.shop();
    const removed = await shop.call('DELETE', path(shop.companyId, 'stripe'));
    expect(removed.body).toMatchObject({ gateway: 'stripe', configured: false });
    const rows = await w.server.services.db.execute({ sql: "SELECT COUNT(*) AS n FROM company_secrets WHERE company_id = ? AND name = 'stripe'", args: [shop.companyId] });
    expect(rows.rows[0]!.n).toBe(0);
    expect((await w.link(shop, shop.invoice.id, 'stripe')).body.error?.code).toBe('gateway_not_configured');
  });

  it('never reach the audit log nor the server’s output, even when a gateway call fails', async () => {
    const output: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void output.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : JSON.stringify(a))).join(' '))));
    try {
      const shop = await w.shop();
      await w.link(shop, shop.invoice.id, 'stripe');
      await w.link(shop, shop.invoice.id, 'paypal');
      // A PayPal app whose secret PayPal refuses, and a Stripe key Stripe refuses.
      const refusedSecret = 'EWrongPaypalSecretNotKnown0002';
      const { clientSecret: _kept, ...app } = paypalApp;
      expect((await shop.call('PUT', path(shop.companyId, 'paypal'), { ...app, clientSecret: refusedSecret, environment: 'sandbox', apiBase: w.paypal.url })).status).toBe(200);
      const refusedKey = 'sk_test_51RefusedKeyForThisAccount0000003';
      expect((await shop.call('PUT', path(shop.companyId, 'stripe'), { secretKey: refusedKey, apiBase: w.stripe.url })).status).toBe(200);
      await w.server.services.db.execute({ sql: 'DELETE FROM payment_links WHERE company_id = ?', args: [shop.companyId] });
      const failures = [await w.link(shop, shop.invoice.id, 'stripe'), await w.link(shop, shop.invoice.id, 'paypal')];
      expect(failures.map((f) => f.status)).toEqual([502, 502]);
      const event = w.stripe.event('payment_intent.succeeded', { id: 'pi_x', object: 'payment_intent', metadata: {} });
      await w.deliverStripe(event, w.stripe.sign(event, 'whsec_Forged0000000000000000'));
      const log = await w.server.services.log.readCompany(shop.companyId, 0, 1_000_000);
      const logged = log.map((e) => e.payload?.toString() ?? '').join('\n');
      expect(logged).toContain('gateway_settings_changed');
      for (const s of [...secrets, refusedSecret, refusedKey]) {
        expect(logged).not.toContain(s);
        expect(output.join('\n')).not.toContain(s);
        expect(JSON.stringify(failures.map((f) => f.body))).not.toContain(s);
      }
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});

describe('another gateway API address', () => {
  it('is refused unless the operator allowed it (FACTURO_GATEWAY_API_BASE=allow), naming apiBase', async () => {
    const plain = await startTestServer();
    try {
      const co = await company(plain.services, 'No Proxy Co');
      await expect(saveCredentials(plain.services, co.id, 'stripe', { ...stripeKeys, apiBase: 'http://169.254.169.254' })).rejects.toMatchObject({ fields: { apiBase: expect.stringContaining('FACTURO_GATEWAY_API_BASE') } });
      await expect(saveCredentials(plain.services, co.id, 'stripe', { ...stripeKeys })).resolves.toMatchObject({ secretKey: stripeKeys.secretKey });
    } finally {
      await plain.close();
    }
  });
});
