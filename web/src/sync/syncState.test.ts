import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isCovered, mergeStateVectors, stateVectorOfUpdate, syncStateOf } from './syncState';

const sv = (o: Record<number, number>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]));

describe('sync state', () => {
  it('is saved only when the server holds every local clock', () => {
    const facts = { readOnly: false, connected: true, local: sv({ 1: 5, 2: 3 }) };
    expect(syncStateOf({ ...facts, known: sv({ 1: 5, 2: 3 }) })).toBe('saved');
    expect(syncStateOf({ ...facts, known: sv({ 1: 4, 2: 9 }) })).toBe('pending');
    // A refused edit is never acknowledged: it shows as refused, not as pending for ever.
    expect(syncStateOf({ ...facts, known: sv({ 1: 4, 2: 9 }), refused: true })).toBe('refused');
    expect(syncStateOf({ ...facts, known: sv({ 1: 5, 2: 3 }), refused: true })).toBe('saved');
    expect(syncStateOf({ ...facts, known: sv({ 1: 5 }) })).toBe('pending');
  });

  it('says offline when disconnected and read-only above all', () => {
    const local = sv({ 1: 1 });
    expect(syncStateOf({ readOnly: false, connected: false, local, known: local })).toBe('offline');
    expect(syncStateOf({ readOnly: true, connected: false, local, known: new Map() })).toBe('readonly');
  });

  it('merges acknowledgements keeping the highest clock per client', () => {
    expect(mergeStateVectors(sv({ 1: 5, 2: 1 }), sv({ 1: 3, 3: 7 }))).toEqual(sv({ 1: 5, 2: 1, 3: 7 }));
    expect(isCovered(sv({}), sv({}))).toBe(true);
  });

  it('reads the clocks of a diff update that does not start at clock 0', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('a', 1);
    const before = Y.encodeStateVector(doc);
    doc.getMap('m').set('b', 2);
    doc.getMap('m').set('c', 3);
    const diff = Y.encodeStateAsUpdate(doc, before);
    expect(stateVectorOfUpdate(diff)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });
});
