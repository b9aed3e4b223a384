import { createResource, createSignal, onCleanup, type Accessor } from 'solid-js';
import { useLocation } from '@solidjs/router';
import { alertsApi } from '../../api/alerts';
import { unreadCount } from '../../security/alerts';

// The count beside "Alertes" in the menu: asked again on every page change, every few minutes, and when
// the alerts page marks some as read.

const REFRESH_MS = 2 * 60 * 1000;
const [marked, setMarked] = createSignal(0);

/** The alerts page changed what is read: the menu's count follows. */
export function alertsChanged(): void {
  setMarked((n) => n + 1);
}

/** How many alerts of the company nobody has read; 0 for a member who may not see them, or offline. */
export function createUnreadAlerts(companyId: () => string | undefined, allowed: () => boolean): Accessor<number> {
  const location = useLocation();
  const [tick, setTick] = createSignal(0);
  const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
  onCleanup(() => clearInterval(timer));
  const [alerts] = createResource(
    () => {
      const id = companyId();
      return id && allowed() ? { id, at: `${location.pathname}|${tick()}|${marked()}` } : false;
    },
    ({ id }) => alertsApi.list(id).catch(() => []),
  );
  return () => unreadCount(alerts.latest);
}
