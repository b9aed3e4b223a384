import { request } from './http';

// A member's notifications in one company (sync-server/src/api/notifications.ts): the company of each call
// travels in the X-Company header. Title and body come in both languages; the app shows the reader's.

export interface AppNotification {
  id: string;
  kind: string;
  subjectId: string | null;
  title: { fr: string; en: string };
  body: { fr: string; en: string };
  /** An app path such as /c/co_…/quotes/dc_…. */
  link: string;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

export interface NotificationList {
  notifications: AppNotification[];
  unread: number;
}

const headers = (companyId: string) => ({ 'X-Company': companyId });

export const notificationsApi = {
  list: (companyId: string, limit = 20) => request<NotificationList>('GET', `/api/v1/notifications?limit=${limit}`, { headers: headers(companyId) }),
  read: (companyId: string, id: string) =>
    request<{ id: string; read: boolean }>('POST', `/api/v1/notifications/${encodeURIComponent(id)}/read`, { headers: headers(companyId), body: {} }),
  readAll: (companyId: string) => request<{ marked: number }>('POST', '/api/v1/notifications/read-all', { headers: headers(companyId), body: {} }),
};

export type NotificationsApi = typeof notificationsApi;
