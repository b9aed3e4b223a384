import { describe, expect, it } from 'vitest';
import { SharedReplicas } from './shared';

describe('SharedReplicas', () => {
  it('creates once per key, shares it, and destroys it when the last holder releases', () => {
    const shared = new SharedReplicas<number>();
    let created = 0;
    let destroyed = 0;
    const make = () => ({ value: ++created, destroy: () => void destroyed++ });
    const a = shared.acquire('k', make);
    const b = shared.acquire('k', make);
    expect([a.replica, b.replica, created]).toEqual([1, 1, 1]);
    a.release();
    a.release(); // twice is once
    expect(destroyed).toBe(0);
    b.release();
    expect([destroyed, shared.has('k')]).toEqual([1, false]);
  });

  it('discards at once, and a late release of the old entry leaves its replacement open', () => {
    const shared = new SharedReplicas<string>();
    let destroyed = 0;
    const old = shared.acquire('k', () => ({ value: 'old', destroy: () => void destroyed++ }));
    shared.discard('k');
    const fresh = shared.acquire('k', () => ({ value: 'new', destroy: () => void destroyed++ }));
    old.release();
    expect([fresh.replica, destroyed, shared.has('k')]).toEqual(['new', 1, true]);
    shared.discardAll();
    expect([destroyed, shared.has('k')]).toEqual([2, false]);
  });
});
