import { z } from 'zod';
import type { GatewayName, GatewayView } from '@facturo/core';
import { getSecret, putSecret } from '../companies/secrets';
import { invalid } from '../errors';
import type { Services } from '../services';

/*
 * A company's gateway credentials, sealed with its other secrets (companies/secrets.ts) under the names `stripe`
 * and `paypal` (docs/design/payments-api.md "Gateways"). They never reach devices, the log or an API answer:
 * views show what is configured, never a key.
 */

// The names and the view are the app's too: declared once, in core.
export { gatewayNames, type GatewayName, type GatewayView } from '@facturo/core';

/** Where a self-hoster's proxy or a test's fake API listens instead of the gateway's own host. */
const apiBase = z.url({ protocol: /^https?$/, error: 'a URL such as https://stripe-proxy.example or http://127.0.0.1:4010' })
  .transform((u) => u.replace(/\/+$/, ''));

export const StripeCredentials = z.object({
  secretKey: z.string().trim().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/, 'a Stripe secret or restricted key (sk_live_…, sk_test_…, rk_…)'),
  webhookSecret: z.string().trim().regex(/^whsec_[A-Za-z0-9+/=]+$/, 'the webhook endpoint’s signing secret (whsec_…)'),
  apiBase: apiBase.optional(),
});
export type StripeCredentials = z.infer<typeof StripeCredentials>;

export const PaypalCredentials = z.object({
  clientId: z.string().trim().min(10, 'the REST app’s client id').max(200),
  clientSecret: z.string().trim().min(10, 'the REST app’s secret').max(200),
  webhookId: z.string().trim().regex(/^[A-Z0-9-]{6,64}$/, 'the id PayPal gave the webhook (e.g. 8PT597110X687430LKGECATA)'),
  environment: z.enum(['sandbox', 'live']),
  apiBase: apiBase.optional(),
});
export type PaypalCredentials = z.infer<typeof PaypalCredentials>;

export interface CredentialsOf {
  stripe: StripeCredentials;
  paypal: PaypalCredentials;
}

const schemas = { stripe: StripeCredentials, paypal: PaypalCredentials } as const;
/** What a form may leave empty on a later save: the stored value is kept (it is never shown back). */
const secretFields: { [G in GatewayName]: (keyof CredentialsOf[G])[] } = { stripe: ['secretKey', 'webhookSecret'], paypal: ['clientSecret'] };

export async function readCredentials<G extends GatewayName>(s: Services, companyId: string, gateway: G): Promise<CredentialsOf[G] | null> {
  const stored = await getSecret<CredentialsOf[G]>(s, companyId, gateway);
  // A removed gateway leaves no row; an unreadable one is treated as absent rather than half-used.
  const parsed = stored === null ? null : schemas[gateway].safeParse(stored);
  return parsed?.success ? (parsed.data as CredentialsOf[G]) : null;
}

/**
 * Checks and stores a gateway's credentials. Secret fields left out keep their stored value, so a settings form
 * never has to show a key to save a change of environment; a first save needs them all. Errors name the field.
 */
export async function saveCredentials<G extends GatewayName>(s: Services, companyId: string, gateway: G, given: Record<string, unknown>): Promise<CredentialsOf[G]> {
  // Another API address makes the server call wherever a member says (SSRF): only where the operator allowed it.
  if (given.apiBase !== undefined && given.apiBase !== '' && !s.config.gatewayApiBase) {
    throw invalid({ apiBase: 'another API address is allowed only when the server is started with FACTURO_GATEWAY_API_BASE=allow' });
  }
  const previous = await readCredentials(s, companyId, gateway);
  const merged: Record<string, unknown> = { ...given };
  for (const field of secretFields[gateway] as string[]) {
    if ((merged[field] === undefined || merged[field] === '') && previous) merged[field] = (previous as Record<string, unknown>)[field];
  }
  const parsed = schemas[gateway].safeParse(merged);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join('.') || '(body)'] ??= issue.message;
    throw invalid(fields);
  }
  await putSecret(s, companyId, gateway, parsed.data);
  return parsed.data as CredentialsOf[G];
}

export async function removeCredentials(s: Services, companyId: string, gateway: GatewayName): Promise<boolean> {
  // Removing means the sealed row is gone, not a sealed "null" left behind.
  const rs = await s.db.execute({ sql: 'DELETE FROM company_secrets WHERE company_id = ? AND name = ?', args: [companyId, gateway] });
  return rs.rowsAffected > 0;
}

/** The companies that have set up a gateway (by the name of their sealed row only: nothing is unsealed here). */
export async function companiesUsing(s: Services, gateway: GatewayName): Promise<string[]> {
  const rs = await s.db.execute({ sql: 'SELECT company_id FROM company_secrets WHERE name = ? ORDER BY company_id', args: [gateway] });
  return rs.rows.map((r) => String(r.company_id));
}

/** Every secret value of a company's credentials, to scrub from any text that leaves the server. */
export function secretsOf(credentials: StripeCredentials | PaypalCredentials): string[] {
  return 'secretKey' in credentials ? [credentials.secretKey, credentials.webhookSecret] : [credentials.clientSecret];
}

/** Replaces each secret in a gateway's message (an error echoing a key, say) before it is shown or logged. */
export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.filter((x) => x.length >= 6).reduce((t, x) => t.split(x).join('[redacted]'), text);
}

export function viewOf(gateway: GatewayName, companyId: string, origin: string, c: StripeCredentials | PaypalCredentials | null): GatewayView {
  const webhookUrl = `${origin}/api/v1/webhooks/${gateway}?company=${encodeURIComponent(companyId)}`;
  const none = { gateway, configured: false, mode: null, clientId: null, webhookId: null, apiBase: null, webhookUrl };
  if (!c) return none;
  if ('secretKey' in c) return { ...none, configured: true, mode: c.secretKey.includes('_live_') ? 'live' : 'test', apiBase: c.apiBase ?? null };
  return { ...none, configured: true, mode: c.environment, clientId: c.clientId, webhookId: c.webhookId, apiBase: c.apiBase ?? null };
}
