import { A } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { notificationsApi } from '../../api/notifications';
import { session } from '../../auth/session';
import { lang, t } from '../../i18n';
import { badgeCount, emptyFeed, NotificationFeed, POLL_MS, shouldPoll, type FeedState } from './notificationFeed';
import './notifications.css';

const when = (iso: string) =>
  new Intl.DateTimeFormat(lang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

/** The bell in the header: unread count, asked every 30 s while online and seen, and on focus. */
export function NotificationBell(props: { companyId: string }) {
  const [state, setState] = createSignal<FeedState>(emptyFeed);
  const [open, setOpen] = createSignal(false);
  const feed = new NotificationFeed(
    { list: () => notificationsApi.list(props.companyId), read: (id) => notificationsApi.read(props.companyId, id), readAll: () => notificationsApi.readAll(props.companyId) },
    setState,
  );
  const online = () => session.reachable() && (typeof navigator === 'undefined' || navigator.onLine);
  const poll = () => {
    if (shouldPoll(online(), typeof document === 'undefined' || document.visibilityState === 'visible')) void feed.refresh();
  };
  let root: HTMLDivElement | undefined;
  const closeOutside = (e: MouseEvent) => {
    if (open() && root && !root.contains(e.target as Node)) setOpen(false);
  };
  onMount(() => {
    poll();
    const timer = setInterval(poll, POLL_MS);
    window.addEventListener('focus', poll);
    window.addEventListener('online', poll);
    document.addEventListener('click', closeOutside);
    onCleanup(() => {
      clearInterval(timer);
      window.removeEventListener('focus', poll);
      window.removeEventListener('online', poll);
      document.removeEventListener('click', closeOutside);
    });
  });
  const count = () => badgeCount(state());
  const label = () => (count() ? `${t('notif.bell')} — ${t('notif.unread', { n: count() ?? 0 })}` : t('notif.bell'));

  return (
    <div class="bell" ref={root}>
      <button
        type="button"
        class="btn ghost bell-btn"
        aria-expanded={open()}
        aria-controls="notification-panel"
        aria-label={label()}
        title={label()}
        data-testid="notification-bell"
        onClick={() => {
          setOpen(!open());
          if (open()) poll();
        }}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" class="icon">
          <path d="M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6zm-2.5 15a2.5 2.5 0 0 0 5 0z" fill="currentColor" />
        </svg>
        <Show when={count()}>
          {(n) => <span class="bell-count" data-testid="notification-count">{n() > 99 ? '99+' : n()}</span>}
        </Show>
      </button>
      <Show when={open()}>
        <div class="bell-panel card" id="notification-panel" role="region" aria-label={t('notif.bell')} data-testid="notification-panel">
          <div class="bell-head">
            <strong>{t('notif.bell')}</strong>
            <Show when={state().unread > 0 && state().reachable}>
              <button type="button" class="btn small ghost" onClick={() => void feed.markRead('all')} data-testid="notifications-read-all">{t('notif.markAll')}</button>
            </Show>
          </div>
          <Show when={state().reachable} fallback={<p class="muted small">{t('notif.offline')}</p>}>
            <Show when={state().notifications.length > 0} fallback={<p class="muted small">{t('notif.empty')}</p>}>
              <ul class="bell-list">
                <For each={state().notifications}>
                  {(n) => (
                    <li classList={{ unread: n.readAt === null }} data-testid="notification-item">
                      <A
                        href={n.link.startsWith('/') ? n.link : '#'}
                        onClick={() => {
                          setOpen(false);
                          if (n.readAt === null) void feed.markRead(n.id);
                        }}
                      >
                        <span class="bell-title">{n.title[lang()]}</span>
                        <span class="bell-body">{n.body[lang()]}</span>
                        <time class="bell-time" datetime={n.createdAt}>{when(n.createdAt)}</time>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
