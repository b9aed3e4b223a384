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
  };
}
