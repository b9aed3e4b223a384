import { inWriteTransaction } from '../db';
import { newId } from '../ids';
import { seal } from '../log/keys';
import type { Services } from '../services';
import { errorCode, mailNotifications } from './mail';

/*
 * In-app notifications of business events (a quote accepted, a follow-up due, …) and the email that goes
 * with them: the same idea as security alerts (security/alerts.ts), for each person concerned. The text is
 * sealed under the company's data key (it may name customers); dedupe_key makes each one exactly once per
 * person (invariant 6), so a job step or a command retried notifies no one twice.
 */

export interface Localized {
  fr: string;
  en: string;
}

export interface NotifyInput {
  companyId: string;
  /** Who is told; people who are not (or no longer) members of the company are skipped (tenancy). */
  userIds: readonly string[];
  /** What happened, e.g. 'quote.accepted' (the app picks an icon by it). */
  kind: string;
  /** The object it is about (a quote's dc_…), if any. */
  subjectId: string | null;
  /** The event's natural key, e.g. `quote:dc_x:v2:accepted`: a second notify with it does nothing. */
  dedupeKey: string;
  title: Localized;
  body: Localized;
  /** Where the app opens it: a path of the app ('/c/co_…/quotes/dc_…') or an absolute URL. */
  link: string;
}

/** What is sealed in a notification's row. */
export interface NotificationText {
  title: Localized;
  body: Localized;
  link: string;
}

export const notificationAad = (companyId: string, id: string) => `notification:${companyId}:${id}`;

/**
 * Records the notification for each member named (once per dedupe key), then, after the commit, emails
 * those just notified who gave an address, through the company's SMTP server when it has one (best effort).
 * `created` holds the ids of the rows made now; `emailed` resolves to how many emails went (never rejects).
 */
export async function notify(s: Services, input: NotifyInput): Promise<{ created: string[]; emailed: Promise<number> }> {
  const key = await s.keys.current(input.companyId);
  const text: NotificationText = { title: input.title, body: input.body, link: input.link };
  const plain = new TextEncoder().encode(JSON.stringify(text));
  const at = s.now().toISOString();
  const created = await inWriteTransaction(s.db, async (tx) => {
    const ids: string[] = [];
    for (const userId of new Set(input.userIds)) {
      const id = newId('nt');
      const sealed = seal(key.key, plain, notificationAad(input.companyId, id));
      const rs = await tx.execute({
        sql: `INSERT OR IGNORE INTO notifications (id, company_id, user_id, kind, subject_id, dedupe_key, key_id, iv, sealed, created_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM memberships WHERE company_id = ? AND user_id = ?)`,
        args: [id, input.companyId, userId, input.kind, input.subjectId, input.dedupeKey, key.keyId, sealed.iv, sealed.data, at, input.companyId, userId],
      });
      if (rs.rowsAffected === 1) ids.push(id);
    }
    return ids;
  });
  const emailed = created.length === 0 ? Promise.resolve(0) : mailNotifications(s, input.companyId, created, text).catch((e: unknown) => {
    console.error(`notifications ${input.kind} (${input.companyId}): not emailed: ${errorCode(e)}`);
    return 0;
  });
  return { created, emailed };
}
