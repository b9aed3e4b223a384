import type { AppNotification, NotificationList } from '../../api/notifications';

// The bell's state, apart from the component so it can be tested without a browser: the latest
// notifications, the unread count, and whether the server answered the last time it was asked.

export const POLL_MS = 30_000;

export interface FeedState {
  notifications: AppNotification[];
  unread: number;
  /** false after a failed call: the count is hidden rather than shown stale or as an error. */
  reachable: boolean;
}

export interface FeedApi {
  list(): Promise<NotificationList>;
  read(id: string): Promise<unknown>;
  readAll(): Promise<unknown>;
}

export const emptyFeed: FeedState = { notifications: [], unread: 0, reachable: true };

/** The badge's number: nothing when offline or when all is read. */
export function badgeCount(s: FeedState): number | null {
  return s.reachable && s.unread > 0 ? s.unread : null;
}

/** Asked every POLL_MS only while the device is online and the page is seen (a hidden tab waits for focus). */
export function shouldPoll(online: boolean, visible: boolean): boolean {
  return online && visible;
}

export function markedRead(s: FeedState, id: string | 'all', at: string): FeedState {
  const notifications = s.notifications.map((n) => ((id === 'all' || n.id === id) && n.readAt === null ? { ...n, readAt: at } : n));
  const newlyRead = s.notifications.filter((n, i) => n.readAt === null && notifications[i]?.readAt !== null).length;
  return { ...s, notifications, unread: id === 'all' ? 0 : Math.max(0, s.unread - newlyRead) };
}

/** Holds the state and talks to the server; never throws: a failed call only marks the feed unreachable. */
export class NotificationFeed {
  private state: FeedState = emptyFeed;

  constructor(private readonly api: FeedApi, private readonly onChange: (s: FeedState) => void, private readonly now: () => string = () => new Date().toISOString()) {}

  get current(): FeedState {
    return this.state;
  }

  private set(next: FeedState) {
    this.state = next;
    this.onChange(next);
  }

  async refresh(): Promise<void> {
    try {
      const list = await this.api.list();
      this.set({ notifications: list.notifications, unread: list.unread, reachable: true });
    } catch {
      this.set({ ...this.state, reachable: false });
    }
  }

  /** Shown read at once; the server's answer (or the next refresh) settles it. */
  async markRead(id: string | 'all'): Promise<void> {
    const before = this.state;
    this.set(markedRead(before, id, this.now()));
    try {
      await (id === 'all' ? this.api.readAll() : this.api.read(id));
    } catch {
      this.set({ ...before, reachable: false });
    }
  }
}
