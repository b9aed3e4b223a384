import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { loadConfig } from '../src/config';
import { startServer, type Running } from '../src/server';
import { createSession } from '../src/auth/sessions';
import { createCompany } from '../src/companies';
import { newId } from '../src/ids';
import type { Role } from '../src/companies';
import type { Services } from '../src/services';

export function tempDataDir() {
  return mkdtempSync(path.join(tmpdir(), 'facturo-test-'));
}

/** A server on a free port; `env` adds settings (e.g. FACTURO_TRUST_PROXY), `now` is its clock. */
export async function startTestServer(dataDir = tempDataDir(), opts: { env?: NodeJS.ProcessEnv; now?: () => Date } = {}): Promise<Running & { dataDir: string }> {
  const env = { ...opts.env, FACTURO_DATA_DIR: dataDir, FACTURO_WEB_DIST: path.join(dataDir, 'no-web') };
  const running = await startServer(loadConfig(env, { port: 0 }), opts.now);
  return Object.assign(running, { dataDir });
}

/** A person with a session cookie, member of the company with the role (skips WebAuthn, tested in e2e). */
export async function member(s: Services, companyId: string, role: Role, name = 'Test User') {
  const userId = newId('us');
  const now = s.now().toISOString();
  await s.db.execute({ sql: 'INSERT INTO users (id, display_name, created_at) VALUES (?, ?, ?)', args: [userId, name, now] });
  await s.db.execute({ sql: 'INSERT INTO memberships (company_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)', args: [companyId, userId, role, now] });
  const token = await createSession(s.db, userId, s.now());
  return { userId, cookie: `facturo_session=${token}` };
}

export async function company(s: Services, name = 'ACME') {
  return createCompany(s.db, { name }, null, s.now());
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closeCode: Promise<number>;
  /** The latest state vector the server acknowledged as committed. */
  acked: () => Map<number, number>;
  readOnly: () => boolean;
  /** The permissions named by each refused write (message 105). */
  refusals: () => string[][];
  destroy(): void;
}

/** A headless y-websocket client (the same library the PWA uses), authenticated by a header. */
export function connect(baseUrl: string, docId: string, headers: Record<string, string>, doc = new Y.Doc()): Client {
  let acked = new Map<number, number>();
  let readOnly = false;
  let resolveClose: (code: number) => void = () => {};
  const closeCode = new Promise<number>((r) => (resolveClose = r));
  class AuthedSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on('close', (code) => resolveClose(code));
    }
  }
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/sync', docId, doc, {
    WebSocketPolyfill: AuthedSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 200,
    disableBc: true, // all clients share one process here; BroadcastChannel would bypass the server
  });
  provider.messageHandlers[100] = (_encoder, decoder: decoding.Decoder) => {
    acked = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
  };
  provider.messageHandlers[101] = () => {
    readOnly = true;
  };
  const refusals: string[][] = [];
  provider.messageHandlers[105] = (_encoder, decoder: decoding.Decoder) => {
    refusals.push((JSON.parse(decoding.readVarString(decoder)) as { missing: string[] }).missing);
  };
  return { doc, provider, closeCode, acked: () => acked, readOnly: () => readOnly, refusals: () => refusals, destroy: () => { provider.destroy(); doc.destroy(); } };
}

export async function until(check: () => boolean, what: string, timeoutMs = 10_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** True when the server has acknowledged every local change of this client. */
export function allAcked(c: Client): boolean {
  const local = Y.encodeStateVector(c.doc);
  const mine = Y.decodeStateVector(local).get(c.doc.clientID) ?? 0;
  return (c.acked().get(c.doc.clientID) ?? 0) >= mine;
}

/** What the API answers: JSON, and the house error shape when it refuses. */
export type ApiBody = Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } };

/**
 * One REST call to a test server, JSON in and out, from the app's own origin (cookie requests must be:
 * CSRF), with the given credentials: `bearer(token)`, `{ cookie }`, plus any header.
 */
export async function apiCall(server: { url: string }, method: string, path: string, auth: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method, headers: { 'content-type': 'application/json', origin: server.url, ...auth }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as ApiBody };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
