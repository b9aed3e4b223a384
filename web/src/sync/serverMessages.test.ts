import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import { installServerMessages, messageAck, messageFrozen, messageReadOnly, messageUnfrozen } from './serverMessages';
import { isCovered, mergeStateVectors, type StateVector } from './syncState';

class NoSocket {
  constructor() {
    throw new Error('no network in unit tests');
  }
}

function setup() {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider('ws://localhost', 'co_AAAAAAAAAAAAAAAA.workspace', doc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: NoSocket as unknown as typeof WebSocket,
  });
  let known: StateVector = new Map();
  let readOnly = false;
  let frozenAs: string | null = null;
  installServerMessages(provider, {
    known: (sv) => (known = mergeStateVectors(known, sv)),
    readOnly: () => (readOnly = true),
    frozen: (number) => (frozenAs = number),
    unfrozen: () => (frozenAs = null),
  });
  // The same steps as y-websocket's readMessage, for a message from the server (emitSynced = true) or a tab.
  const receive = (buf: Uint8Array, fromServer = true) => {
    const decoder = decoding.createDecoder(buf);
    const type = decoding.readVarUint(decoder);
    provider.messageHandlers[type]?.(encoding.createEncoder(), decoder, provider, fromServer, type);
  };
  const local = () => Y.decodeStateVector(Y.encodeStateVector(doc));
  return { doc, provider, receive, local, known: () => known, readOnly: () => readOnly, frozenAs: () => frozenAs };
}

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('server messages', () => {
  it('counts local edits as saved once an ack (100) covers them', () => {
    const t = setup();
    t.doc.getMap('settings').set('legalName', 'ACME');
    expect(isCovered(t.local(), t.known())).toBe(false);
    const ack = message((e) => {
      encoding.writeVarUint(e, messageAck);
      encoding.writeVarUint8Array(e, Y.encodeStateVector(t.doc));
    });
    t.receive(ack);
    expect(isCovered(t.local(), t.known())).toBe(true);
    t.provider.destroy();
  });

  it('counts what the server sends, a step 2 diff included, as held by the server, and still applies it', () => {
    const t = setup();
    const server = new Y.Doc();
    server.getMap('settings').set('a', 1);
    Y.applyUpdate(t.doc, Y.encodeStateAsUpdate(server)); // an earlier session, restored from IndexedDB
    const clientSv = Y.encodeStateVector(t.doc);
    server.getMap('settings').set('b', 2);
    t.receive(message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep2(e, server, clientSv))));
    expect(t.doc.getMap('settings').get('b')).toBe(2);
    expect(isCovered(t.local(), t.known())).toBe(true);
    t.provider.destroy();
  });

  it("learns from the server's step 1 which restored edits it already holds", () => {
    const t = setup();
    const server = new Y.Doc();
    server.getMap('settings').set('a', 1);
    Y.applyUpdate(t.doc, Y.encodeStateAsUpdate(server));
    t.receive(message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeSyncStep1(e, server))));
    expect(isCovered(t.local(), t.known())).toBe(true);
    t.doc.getMap('settings').set('c', 3);
    expect(isCovered(t.local(), t.known())).toBe(false);
    t.provider.destroy();
  });

  it('does not count updates relayed by another tab as held by the server', () => {
    const t = setup();
    const tab = new Y.Doc();
    tab.getMap('settings').set('a', 1);
    t.receive(message((e) => (encoding.writeVarUint(e, 0), syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(tab)))), false);
    expect(t.doc.getMap('settings').get('a')).toBe(1);
    expect(isCovered(t.local(), t.known())).toBe(false);
    t.provider.destroy();
  });

  it('turns read-only on a 101 message', () => {
    const t = setup();
    t.receive(message((e) => encoding.writeVarUint(e, messageReadOnly)));
    expect(t.readOnly()).toBe(true);
    t.provider.destroy();
  });

  it('reads the number of a 102 message: the document is issued', () => {
    const t = setup();
    t.receive(message((e) => (encoding.writeVarUint(e, messageFrozen), encoding.writeVarString(e, 'F-2026-00012'))));
    expect(t.frozenAs()).toBe('F-2026-00012');
    t.provider.destroy();
  });

  it('clears the frozen state on a 106 message: a quote sent back to draft is editable again', () => {
    const t = setup();
    t.receive(message((e) => (encoding.writeVarUint(e, messageFrozen), encoding.writeVarString(e, 'pending_approval'))));
    t.receive(message((e) => encoding.writeVarUint(e, messageUnfrozen)));
    expect(t.frozenAs()).toBeNull();
    t.provider.destroy();
  });
});
