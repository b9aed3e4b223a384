import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { session } from '../auth/session';

/** Whether the server can be asked now: the browser is online and the last request reached it. */
export function createOnline(): Accessor<boolean> {
  const [onLine, setOnLine] = createSignal(typeof navigator === 'undefined' ? true : navigator.onLine);
  const up = () => setOnLine(true);
  const down = () => setOnLine(false);
  addEventListener('online', up);
  addEventListener('offline', down);
  onCleanup(() => {
    removeEventListener('online', up);
    removeEventListener('offline', down);
  });
  return () => onLine() && session.reachable();
}
