import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  dataDir: string;
  /** libSQL URL: a local file under dataDir unless LIBSQL_URL says otherwise. */
  libsqlUrl: string;
  libsqlAuthToken?: string;
  /**
   * For a local file: 'statements' (sqlite.ts: the libsql driver with prepared statements kept) or
   * 'client' (@libsql/client, as for remote URLs). FACTURO_LIBSQL_DRIVER; default 'statements'.
   */
  libsqlDriver?: 'statements' | 'client';
  /** Origins allowed for WebAuthn and cookies; the first is the public one. */
  origins: string[];
  rpId: string;
  rpName: string;
  webDist: string;
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (FACTURO_TRUST_PROXY;
   * `true` = 1). 0, the default: the header is ignored and the client is the connection's address.
   */
  trustProxy: number;
  /**
   * The API's requests per minute per client address and per API token, when not the defaults of
   * security/ratelimit.ts (FACTURO_API_LIMIT_PER_ADDRESS, FACTURO_API_LIMIT_PER_TOKEN); 0 = no limit.
   */
  apiLimits: { perAddress?: number; perToken?: number };
  /** How often the scheduler ticks (jobs/), in ms (FACTURO_SCHEDULER_MS, default 60 s; 0 = never). */
  schedulerMs?: number;
  /**
   * Whether a company's gateway settings may name another API address (FACTURO_GATEWAY_API_BASE=allow): for a
   * self-hoster's proxy or a test's fake API only, since it makes the server call any address a member types.
   */
  gatewayApiBase?: boolean;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}: "${value}" is not a whole number`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Pick<Config, 'port'>> = {}): Config {
  const port = overrides.port ?? Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number`);
  const dataDir = path.resolve(env.FACTURO_DATA_DIR ?? './var');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const publicUrl = env.FACTURO_PUBLIC_URL ?? `http://localhost:${port}`;
  const extra = (env.FACTURO_EXTRA_ORIGINS ?? '').split(',').filter(Boolean);
  const rpId = new URL(publicUrl).hostname;
  return {
    port,
    dataDir,
    libsqlUrl: env.LIBSQL_URL ?? `file:${path.join(dataDir, 'facturo.db')}`,
    libsqlAuthToken: env.LIBSQL_AUTH_TOKEN,
    libsqlDriver: env.FACTURO_LIBSQL_DRIVER === 'client' ? 'client' : 'statements',
    origins: [publicUrl.replace(/\/$/, ''), ...extra],
    rpId,
    rpName: 'Facturo',
    webDist: path.resolve(env.FACTURO_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    trustProxy: env.FACTURO_TRUST_PROXY === 'true' ? 1 : env.FACTURO_TRUST_PROXY === 'false' ? 0 : (wholeNumber(env, 'FACTURO_TRUST_PROXY') ?? 0),
    apiLimits: { perAddress: wholeNumber(env, 'FACTURO_API_LIMIT_PER_ADDRESS'), perToken: wholeNumber(env, 'FACTURO_API_LIMIT_PER_TOKEN') },
    schedulerMs: wholeNumber(env, 'FACTURO_SCHEDULER_MS') ?? 60_000,
    gatewayApiBase: env.FACTURO_GATEWAY_API_BASE === 'allow',
  };
}
