import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftDocument } from '@facturo/core';
import { hasLateEdits } from './lateEdits';
import { mergeStateVectors, type StateVector } from './syncState';

const sv = (doc: Y.Doc): StateVector => Y.decodeStateVector(Y.encodeStateVector(doc));

/** A server and a device that shared a draft, then the device went offline. */
function offlineDevice() {
  const server = new Y.Doc();
  new DraftDocument(server).init('invoice', { createdAt: '2026-01-01T00:00:00Z', operationCategory: 'services' });
  new DraftDocument(server).addLine('ln_1', { description: 'Audit', quantity: '1', unitPrice: '100', vatRate: '20' });
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  return { server, device, draft: new DraftDocument(device) };
}

/** The server issues: it writes the number in a last update, then freezes the room. */
function issue(server: Y.Doc) {
  const meta = server.getMap('meta');
  server.transact(() => {
    meta.set('status', 'issued');
    meta.set('number', 'F-2026-00012');
  });
}

/** The device reconnects: it receives the server's state; the server refuses the device's updates. */
function reconnect(server: Y.Doc, device: Y.Doc): StateVector {
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server, Y.encodeStateVector(device)));
  return mergeStateVectors(new Map(), sv(server));
}

describe('late edits', () => {
  it('are found when the device edited offline a draft issued meanwhile', () => {
    const { server, device, draft } = offlineDevice();
    draft.updateLine('ln_1', { quantity: '3' });
    issue(server);
    const known = reconnect(server, device);
    expect(hasLateEdits({ frozenAs: 'F-2026-00012', synced: true, local: sv(device), known })).toBe(true);
  });

  it('are not found when the device had nothing the server lacks', () => {
    const { server, device } = offlineDevice();
    issue(server);
    const known = reconnect(server, device);
    expect(hasLateEdits({ frozenAs: 'F-2026-00012', synced: true, local: sv(device), known })).toBe(false);
  });

  it('are not claimed before the server has answered the sync, nor for a draft', () => {
    const { server, device, draft } = offlineDevice();
    draft.updateLine('ln_1', { quantity: '3' });
    expect(hasLateEdits({ frozenAs: 'F-2026-00012', synced: false, local: sv(device), known: new Map() })).toBe(false);
    expect(hasLateEdits({ frozenAs: null, synced: true, local: sv(device), known: sv(server) })).toBe(false);
  });
});
