import type { Accessor } from 'solid-js';

/*
 * Documents sent to the server in the background (drafts and quotes made or edited offline, then closed): the
 * same small worker pool and the same "now, and each time the network comes back" for both.
 */

interface Opened {
  replica: { room: { whenAcked: (timeoutMs: number) => Promise<unknown> } };
  release: () => void;
}

/** Opens each document a few at a time until the server acknowledged it (or `timeoutMs` passed), then closes it. */
export async function openUntilAcked(ids: readonly string[], open: (id: string) => Opened, concurrency = 3, timeoutMs = 8000): Promise<void> {
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const { replica, release } = open(id);
      await replica.room.whenAcked(timeoutMs);
      release();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/** Runs `send` 2 s from now and whenever the browser is back online; returns the function that stops it. */
export function whenOnline(send: () => Promise<unknown>, online: Accessor<boolean> = () => navigator.onLine): () => void {
  const run = () => {
    if (online()) void send().catch(() => undefined);
  };
  const timer = setTimeout(run, 2000);
  addEventListener('online', run);
  return () => {
    clearTimeout(timer);
    removeEventListener('online', run);
  };
}
