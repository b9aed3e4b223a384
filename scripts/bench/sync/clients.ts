import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { Workspace } from '@facturo/core';
import { within } from '../stats';

/*
 * Headless sync clients: y-websocket 3.1 providers in Node, authenticated with a Bearer API token on
 * the WebSocket upgrade (the server accepts tokens there, sync/server.ts). BroadcastChannel is off:
 * Node 20 has one, and providers of one process would otherwise talk past the server.
 */
const MSG_ACK = 100; // docs/protocol.md: [varUint 100][varUint8Array stateVector] after a commit

// Every provider registers a process 'exit' handler in Node: hundreds of them are expected here.
process.setMaxListeners(0);

/** A `ws` WebSocket that sends `authorization: Bearer <token>` with its upgrade request. */
export function bearerWebSocket(token: string): typeof globalThis.WebSocket {
  class BearerWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { authorization: `Bearer ${token}` } });
    }
  }
  // y-websocket only uses the browser surface that ws implements (binaryType, on*, send, close).
  return BearerWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface SyncClient {
  doc: Y.Doc;
  workspace: Workspace;
  provider: WebsocketProvider;
  /** Called with the state vector of every ack (100) the server sends this client. */
  onAck: ((sv: Map<number, number>) => void) | null;
  /** Connections lost after the first sync (y-websocket then reconnects by itself). */
  drops: number;
  destroy(): void;
}

export interface Target {
  /** ws://localhost:PORT */
  wsUrl: string;
  docId: string;
  token: string;
}

export async function connectClient(target: Target, name: string, presence = true, timeoutMs = 30_000): Promise<SyncClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${target.wsUrl}/sync`, target.docId, doc, {
    WebSocketPolyfill: bearerWebSocket(target.token),
    disableBc: true,
    // A refused connection (4401/4403/4404) must end the benchmark, not back off forever.
    maxBackoffTime: 1000,
  });
  const client: SyncClient = {
    doc,
    workspace: new Workspace(doc),
    provider,
    onAck: null,
    drops: 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MSG_ACK] = (_encoder, decoder) => {
    client.onAck?.(Y.decodeStateVector(decoding.readVarUint8Array(decoder)));
  };
  // What a browser tab announces (docs/protocol.md, awareness): presence traffic is part of the load.
  if (presence) provider.awareness.setLocalStateField('user', { id: `bench:${name}`, name, color: '#2563eb' });
  else provider.awareness.setLocalState(null);
  let wasSynced = false;
  provider.on('status', ({ status }) => {
    if (status === 'disconnected' && wasSynced) client.drops++;
  });
  const synced = new Promise<void>((resolve, reject) => {
    if (provider.synced) resolve();
    provider.on('sync', (s: boolean) => {
      if (!s) return;
      wasSynced = true;
      resolve();
    });
    provider.on('closed', ({ code, reason }) => reject(new Error(`${name}: the server closed the connection (${code} ${reason})`)));
  });
  try {
    await within(timeoutMs, `${name} to sync`, synced);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return client;
}

/** This client's own clock in its document. */
export function ownClock(doc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
}

/** Connects `count` clients, `batch` at a time (a burst of 500 upgrades is not what we measure). */
export async function connectMany(target: Target, count: number, batch: number, prefix: string, presence = true): Promise<SyncClient[]> {
  const clients: SyncClient[] = [];
  for (let i = 0; i < count; i += batch) {
    const n = Math.min(batch, count - i);
    clients.push(...(await Promise.all(Array.from({ length: n }, (_, k) => connectClient(target, `${prefix}-${i + k}`, presence)))));
  }
  return clients;
}
