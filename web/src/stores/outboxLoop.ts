import { db } from './db';
import { httpSend, startOutboxLoop } from './outbox';

let stop: (() => void) | null = null;

/** Starts the app's outbox flushing once. */
export function startOutbox(): void {
  stop ??= startOutboxLoop(db, httpSend());
}
