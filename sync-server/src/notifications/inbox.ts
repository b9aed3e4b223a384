import type { Row } from '@libsql/client';
import { open } from '../log/keys';
import type { Services } from '../services';
import { notificationAad, type NotificationText } from './notify';

/** A person's notification as the app shows it (both languages: the app picks the reader's). */
export interface Notification extends NotificationText {
  id: string;
  kind: string;
  subjectId: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
}

/** A person's notifications in a company, newest first (never another person's, never another company's). */
export async function listNotifications(s: Services, companyId: string, userId: string, options: { unreadOnly?: boolean; limit: number }): Promise<Notification[]> {
  const rs = await s.db.execute({
    sql: `SELECT * FROM notifications WHERE company_id = ? AND user_id = ? ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
          ORDER BY created_at DESC, id DESC LIMIT ?`,
    args: [companyId, userId, options.limit],
  });
  return Promise.all(rs.rows.map((r) => toNotification(s, companyId, r)));
}

async function toNotification(s: Services, companyId: string, r: Row): Promise<Notification> {
  const id = String(r.id);
  const key = await s.keys.byId(companyId, String(r.key_id));
  const plain = open(key, { iv: Buffer.from(r.iv as ArrayBuffer), data: Buffer.from(r.sealed as ArrayBuffer) }, notificationAad(companyId, id));
  const text = JSON.parse(plain.toString('utf8')) as NotificationText;
  return {
    id, kind: String(r.kind), subjectId: (r.subject_id as string | null) ?? null, title: text.title, body: text.body, link: text.link,
    createdAt: String(r.created_at), readAt: (r.read_at as string | null) ?? null, emailedAt: (r.emailed_at as string | null) ?? null,
  };
}

export async function unreadCount(s: Services, companyId: string, userId: string): Promise<number> {
  const rs = await s.db.execute({ sql: 'SELECT count(*) AS n FROM notifications WHERE company_id = ? AND user_id = ? AND read_at IS NULL', args: [companyId, userId] });
  return Number(rs.rows[0]?.n ?? 0);
}

/**
 * Marks one of the person's notifications read (or all of them): how many were. One already read keeps its
 * first read time; one of someone else's counts 0, so the route answers 404 as for one that does not exist.
 */
export async function markRead(s: Services, companyId: string, userId: string, id: string | 'all'): Promise<number> {
  const at = s.now().toISOString();
  const rs = id === 'all'
    ? await s.db.execute({ sql: 'UPDATE notifications SET read_at = ? WHERE company_id = ? AND user_id = ? AND read_at IS NULL', args: [at, companyId, userId] })
    : await s.db.execute({ sql: 'UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE company_id = ? AND user_id = ? AND id = ?', args: [at, companyId, userId, id] });
  return rs.rowsAffected;
}
