import { z } from '@hono/zod-openapi';
import {
  gatewayNames, paymentLink, readCredentials, receivePaypalWebhook, receiveStripeWebhook, removeCredentials, saveCredentials, viewOf, type GatewayName,
} from '../gateways';
import { recordEvent } from '../services';
import { requireFreshAuth } from '../security/policy';
import { actorFor, errorResponses, memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';

/*
 * Payment gateways (issue 8, docs/design/payments-api.md "Gateways"): a company's Stripe and PayPal set-up (sealed
 * secrets, never shown back), an invoice's payment link, and the gateways' webhooks. The webhooks are public: the
 * gateway's signature is their only credential, checked by the gateways module before anything is read or written.
 */

const tags = ['Payment gateways'];
const companyParam = z.object({ id: z.string() });

const View = z.object({
  gateway: z.enum(gatewayNames), configured: z.boolean(), mode: z.enum(['test', 'live', 'sandbox']).nullable(),
  clientId: z.string().nullable(), webhookId: z.string().nullable(), apiBase: z.string().nullable(),
  webhookUrl: z.string().openapi({ description: 'The URL to register at the gateway as the webhook endpoint' }),
}).openapi('GatewaySettings', { description: 'What is set up; keys and secrets are never shown' });

const inputs: Record<GatewayName, z.ZodType> = {
  stripe: z.object({
    secretKey: z.string().optional().openapi({ description: 'sk_live_… / sk_test_… (or a restricted rk_… key); left out: the stored one is kept' }),
    webhookSecret: z.string().optional().openapi({ description: 'The webhook endpoint’s signing secret (whsec_…); left out: the stored one is kept' }),
    apiBase: z.string().optional().openapi({ description: 'Another base URL for Stripe’s API (a proxy, a test server)' }),
  }).openapi('StripeSettingsInput'),
  paypal: z.object({
    clientId: z.string().optional(), clientSecret: z.string().optional().openapi({ description: 'left out: the stored one is kept' }),
    webhookId: z.string().optional().openapi({ description: 'The id PayPal gave the webhook pointing at webhookUrl' }),
    environment: z.string().optional().openapi({ description: '"sandbox" or "live"' }),
    apiBase: z.string().optional().openapi({ description: 'Another base URL for PayPal’s API (a proxy, a test server)' }),
  }).openapi('PaypalSettingsInput'),
};
const label: Record<GatewayName, string> = { stripe: 'Stripe', paypal: 'PayPal' };

function settingsRoutes(app: ReturnType<typeof router>, gateway: GatewayName) {
  const path = `/companies/{id}/gateways/${gateway}` as const;
  const shown = async (c: Ctx, companyId: string) => viewOf(gateway, companyId, c.get('services').config.origins[0]!, await readCredentials(c.get('services'), companyId, gateway));

  app.openapi(secureRoute('settings.edit', {
    method: 'get', path, tags, summary: `Whether ${label[gateway]} is set up (never its secrets), and the webhook URL to give it`,
    request: { params: companyParam }, responses: { 200: json(View, 'The set-up') },
  }), async (c) => c.json(await shown(c, memberOf(c).companyId), 200));

  app.openapi(secureRoute('settings.edit', {
    method: 'put', path, tags, summary: `Set up ${label[gateway]} (stored sealed, never synced to devices nor shown back; a fresh sign-in is needed: it decides where customers’ money goes)`,
    request: { params: companyParam, body: { content: { 'application/json': { schema: inputs[gateway] } } } },
    responses: { 200: json(View, 'Saved'), 400: errorResponses[400] },
  }), async (c) => {
    await requireFreshAuth(c);
    const m = memberOf(c);
    const s = c.get('services');
    const saved = await saveCredentials(s, m.companyId, gateway, c.req.valid('json') as Record<string, unknown>);
    await recordEvent(s, m.companyId, m.userId, { type: 'gateway_settings_changed', gateway, mode: viewOf(gateway, m.companyId, '', saved).mode, apiBase: saved.apiBase ?? null });
    return c.json(await shown(c, m.companyId), 200);
  });

  app.openapi(secureRoute('settings.edit', {
    method: 'delete', path, tags, summary: `Disconnect ${label[gateway]}: its secrets are erased; links already sent stop being recorded`,
    request: { params: companyParam }, responses: { 200: json(View, 'What is left (not configured)') },
  }), async (c) => {
    await requireFreshAuth(c);
    const m = memberOf(c);
    const s = c.get('services');
    if (await removeCredentials(s, m.companyId, gateway)) await recordEvent(s, m.companyId, m.userId, { type: 'gateway_removed', gateway });
    return c.json(await shown(c, m.companyId), 200);
  });
}

const Link = z.object({
  gateway: z.enum(gatewayNames), url: z.string(), expiresAt: z.string().nullable(), amount: z.string(), currency: z.string(),
}).openapi('PaymentLink');

const Received = z.object({ eventId: z.string().nullable(), outcome: z.string() }).openapi('WebhookReceipt');
const webhookQuery = z.object({ company: z.string().optional().openapi({ description: 'The company the endpoint was registered for (webhookUrl carries it)' }) });

export function gatewayRoutes() {
  const app = router();
  for (const g of gatewayNames) settingsRoutes(app, g);

  app.openapi(secureRoute('invoices.send', {
    method: 'post', path: '/invoices/{id}/payment-link', tags,
    summary: 'The invoice’s payment link (Stripe Checkout or PayPal) for what is still due; the same link while it is valid and the amount unchanged',
    request: {
      params: z.object({ id: z.string() }),
      body: { content: { 'application/json': { schema: z.object({ gateway: z.enum(gatewayNames).optional().openapi({ description: 'default: the only gateway set up' }) }) } }, required: false },
    },
    responses: { 200: json(Link, 'The link'), 409: { ...errorResponses[400], description: 'Not issued, nothing left to pay, or the gateway is not set up' }, 502: { ...errorResponses[400], description: 'The gateway refused' } },
  }), async (c) => {
    const link = await paymentLink(c.get('services'), actorFor(c), c.req.valid('param').id, c.req.valid('json')?.gateway);
    return c.json(link, 200);
  });

  app.openapi(secureRoute('public', {
    method: 'post', path: '/webhooks/stripe', tags, request: { query: webhookQuery },
    summary: 'Stripe’s webhook (the raw event, signed in Stripe-Signature): checkout.session.completed, checkout.session.async_payment_succeeded and payment_intent.succeeded record the payment once; charge.refunded and refund.created/updated record each refund once (the invoice reopens); charge.dispute.created holds the invoice’s reminders, charge.dispute.closed releases them (a lost dispute is refunded)',
    responses: { 200: json(Received, 'Handled (or handled before)'), 400: { ...errorResponses[400], description: 'Not signed by a company’s webhook secret: nothing was read' } },
  }), async (c) => {
    const result = await receiveStripeWebhook(c.get('services'), await c.req.text(), c.req.header('stripe-signature'), c.req.valid('query').company);
    return c.json(result, 200);
  });

  app.openapi(secureRoute('public', {
    method: 'post', path: '/webhooks/paypal', tags, request: { query: webhookQuery },
    summary: 'PayPal’s webhook (verified by PayPal’s verify-webhook-signature with the company’s webhook id): CHECKOUT.ORDER.APPROVED captures the order, PAYMENT.CAPTURE.COMPLETED records the payment once, PAYMENT.CAPTURE.REFUNDED each refund once; CUSTOMER.DISPUTE.CREATED holds the invoice’s reminders, CUSTOMER.DISPUTE.RESOLVED releases them',
    responses: { 200: json(Received, 'Handled (or handled before)'), 400: { ...errorResponses[400], description: 'Not verified by PayPal for a company here: nothing was read' } },
  }), async (c) => {
    const result = await receivePaypalWebhook(c.get('services'), await c.req.text(), (name) => c.req.header(name), c.req.valid('query').company);
    return c.json(result, 200);
  });

  return app;
}
