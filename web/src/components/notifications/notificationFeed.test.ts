import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../../api/notifications';
import { NetworkError } from '../../api/http';
import { badgeCount, emptyFeed, markedRead, NotificationFeed, shouldPoll, type FeedApi, type FeedState } from './notificationFeed';

const note = (id: string, readAt: string | null = null): AppNotification => ({
  id, kind: 'quote_approved', subjectId: 'dc_1', title: { fr: 'Devis validé', en: 'Quote approved' }, body: { fr: 'b', en: 'b' },
  link: '/c/co_1/quotes/dc_1', createdAt: '2026-12-01T10:00:00Z', readAt, emailedAt: null,
});

function fakeApi(overrides: Partial<FeedApi> = {}): FeedApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    list: async () => (calls.push('list'), { notifications: [note('n1'), note('n2'), note('n3', '2026-12-01T09:00:00Z')], unread: 2 }),
    read: async (id) => calls.push(`read:${id}`),
    readAll: async () => calls.push('readAll'),
    ...overrides,
  };
}

describe('notification feed', () => {
  it('shows the unread count the server gives', async () => {
    const seen: FeedState[] = [];
    const feed = new NotificationFeed(fakeApi(), (s) => seen.push(s));
    await feed.refresh();
    expect(badgeCount(feed.current)).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it('hides the count without an error when the server cannot be reached', async () => {
    const feed = new NotificationFeed(fakeApi({ list: () => Promise.reject(new NetworkError(new TypeError('offline'))) }), () => undefined);
    await expect(feed.refresh()).resolves.toBeUndefined();
    expect(feed.current.reachable).toBe(false);
    expect(badgeCount(feed.current)).toBeNull();
  });

  it('marks everything read at once and tells the server', async () => {
    const api = fakeApi();
    const feed = new NotificationFeed(api, () => undefined, () => '2026-12-01T12:00:00Z');
    await feed.refresh();
    await feed.markRead('all');
    expect(api.calls).toEqual(['list', 'readAll']);
    expect(feed.current.notifications.map((n) => n.readAt)).toEqual(['2026-12-01T12:00:00Z', '2026-12-01T12:00:00Z', '2026-12-01T09:00:00Z']);
    expect(badgeCount(feed.current)).toBeNull();
  });

  it('restores the unread state when marking read fails', async () => {
    const feed = new NotificationFeed(fakeApi({ readAll: () => Promise.reject(new Error('down')) }), () => undefined);
    await feed.refresh();
    await feed.markRead('all');
    expect(feed.current.unread).toBe(2);
    expect(feed.current.notifications[0]?.readAt).toBeNull();
  });

  it('lowers the count by one for one notification read, not for one already read', () => {
    const s: FeedState = { ...emptyFeed, notifications: [note('n1'), note('n2', 'x')], unread: 1 };
    expect(markedRead(s, 'n2', 'y').unread).toBe(1);
    expect(markedRead(s, 'n1', 'y').unread).toBe(0);
  });

  it('polls only online and while the page is visible', () => {
    expect(shouldPoll(true, true)).toBe(true);
    expect(shouldPoll(false, true)).toBe(false);
    expect(shouldPoll(true, false)).toBe(false);
  });
});
