import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { colorFor, forgetOthersClocks, initials, othersFrom } from './presence';

describe('presence', () => {
  it('lists each other person once, without me, sorted by name', () => {
    const states = new Map<number, unknown>([
      [1, { user: { id: 'us_me', name: 'Moi', color: '#000' } }],
      [2, { user: { id: 'us_b', name: 'Zoé', color: '#111' } }],
      [3, { user: { id: 'us_a', name: 'Anne', color: '#222' } }],
      [4, { user: { id: 'us_b', name: 'Zoé', color: '#111' }, editing: 'customer:cu_1:name' }],
      [5, {}],
      [6, { user: { id: 42 } }],
    ]);
    expect(othersFrom(states, 'us_me')).toEqual([
      { id: 'us_a', name: 'Anne', color: '#222', editing: null },
      { id: 'us_b', name: 'Zoé', color: '#111', editing: 'customer:cu_1:name' },
    ]);
  });

  it('gives initials of first and last names', () => {
    expect(initials('Marie Curie')).toBe('MC');
    expect(initials('jean paul  sartre')).toBe('JS');
    expect(initials('Émile')).toBe('ÉM');
  });

  it('gives the same colour to the same user', () => {
    expect(colorFor('us_x')).toBe(colorFor('us_x'));
    expect(colorFor('us_x')).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('presence after a reconnection', () => {
  it('shows again at once the people the server sends back', () => {
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalState({ user: { id: 'us_b', name: 'Bob', color: '#111' } });
    const update = encodeAwarenessUpdate(theirs, [theirs.clientID]);
    const mine = new Awareness(new Y.Doc());
    applyAwarenessUpdate(mine, update, 'server');
    removeAwarenessStates(mine, [theirs.clientID], 'disconnected'); // what y-websocket does on close

    applyAwarenessUpdate(mine, update, 'server');
    expect(mine.getStates().has(theirs.clientID)).toBe(false); // the bug: same clock, ignored

    forgetOthersClocks(mine, mine.clientID);
    applyAwarenessUpdate(mine, update, 'server');
    expect(othersFrom(mine.getStates(), 'us_me').map((u) => u.name)).toEqual(['Bob']);
    for (const a of [theirs, mine]) a.destroy();
  });
});
