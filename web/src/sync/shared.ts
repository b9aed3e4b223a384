/**
 * Replicas shared by every view that opens the same document: created on first use, destroyed when
 * the last user releases it (or when discarded / on sign-out).
 */
export interface Held<T> {
  value: T;
  destroy(): void;
}

export class SharedReplicas<T> {
  private entries = new Map<string, Held<T> & { refs: number }>();

  acquire(key: string, create: () => Held<T>): { replica: T; release: () => void } {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { ...create(), refs: 0 };
      this.entries.set(key, entry);
    }
    entry.refs++;
    const e = entry;
    let released = false;
    return {
      replica: e.value,
      release: () => {
        if (released) return;
        released = true;
        // A discarded entry may have been replaced meanwhile: only the current one is closed here.
        if (--e.refs === 0 && this.entries.get(key) === e) {
          this.entries.delete(key);
          e.destroy();
        }
      },
    };
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The open one, without holding it. */
  get(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** Closes one now, whoever still holds it. */
  discard(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    entry.destroy();
  }

  discardAll() {
    for (const key of [...this.entries.keys()]) this.discard(key);
  }
}
