import { createHash } from 'node:crypto';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { ApiError, Client, Environment } from '@paypal/paypal-server-sdk';
import { AppError } from '../errors';
import { scrub, secretsOf, type PaypalCredentials } from './credentials';

/*
 * The PayPal SDK's client for a company's REST app. The SDK knows two hosts only (api-m.paypal.com and its
 * sandbox) and no base URL setting: an `apiBase` (a self-hoster's proxy, a test's fake API) is reached by giving
 * the SDK an HTTPS agent that opens its connections there instead (plain TCP for http://, TLS for https://).
 */

class RedirectingAgent extends https.Agent {
  constructor(private readonly base: URL) {
    super({ keepAlive: true });
  }

  override createConnection(): net.Socket {
    const port = Number(this.base.port || (this.base.protocol === 'https:' ? 443 : 80));
    const host = this.base.hostname;
    return this.base.protocol === 'https:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
  }
}

// One client per set of credentials, so its OAuth token (valid hours) serves many calls (PayPal limits token requests).
const clients = new Map<string, Client>();
const MAX_CLIENTS = 200;

export function paypalClient(c: PaypalCredentials): Client {
  const key = createHash('sha256').update(JSON.stringify(c)).digest('hex');
  let client = clients.get(key);
  if (!client) {
    client = new Client({
      clientCredentialsAuthCredentials: { oAuthClientId: c.clientId, oAuthClientSecret: c.clientSecret },
      environment: c.environment === 'live' ? Environment.Production : Environment.Sandbox,
      timeout: 20_000,
      ...(c.apiBase ? { httpClientOptions: { httpsAgent: new RedirectingAgent(new URL(c.apiBase)) } } : {}),
    });
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!);
    clients.set(key, client);
  }
  return client;
}

/** What PayPal said when it refused: its error name and description, or the status. */
function reasonOf(e: unknown): string {
  if (e instanceof ApiError) {
    const r = e.result as { name?: string; message?: string; details?: { issue?: string }[] } | undefined;
    return [String(e.statusCode), r?.name, r?.details?.[0]?.issue, r?.message].filter(Boolean).join(' ');
  }
  return String(e);
}

/** Runs a call to PayPal; its refusal becomes a 502 naming PayPal's reason, with any secret scrubbed out. */
export async function callingPaypal<T>(c: PaypalCredentials, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(502, 'gateway_error', scrub(`PayPal could not ${what} (${reasonOf(e)})`, secretsOf(c)));
  }
}

/** PayPal's error name when a call was refused with it (ORDER_ALREADY_CAPTURED, …), else null. */
export function paypalIssue(e: unknown): string | null {
  if (!(e instanceof ApiError)) return null;
  const r = e.result as { details?: { issue?: string }[] } | undefined;
  return r?.details?.[0]?.issue ?? null;
}
