import type { SmtpSettings } from '@facturo/core';
import { escapeHtml } from '@facturo/templates';
import { getSecret } from '../companies/secrets';
import { sendThrough } from '../mail';
import type { Services } from '../services';
import type { Localized, NotificationText } from './notify';

/** Notification emails being sent (a test or a job may wait for them). */
export const notificationMail = { pending: new Set<Promise<unknown>>() };

type Language = keyof Localized;

/**
 * Emails each of these new notifications to its person, if they gave an address, through the company's own
 * SMTP server (none configured: they stay in the app), one message each (never a shared To: addresses stay
 * private), in the person's language when known, else French. Sets emailed_at on success.
 */
export async function mailNotifications(s: Services, companyId: string, ids: readonly string[], text: NotificationText): Promise<number> {
  const work = (async () => {
    const smtp = await getSecret<SmtpSettings>(s, companyId, 'smtp');
    if (!smtp) return 0;
    let sent = 0;
    for (const id of ids) {
      // SELECT *: users gets a language column some day; until then everyone reads French.
      const user = (await s.db.execute({ sql: 'SELECT u.* FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.id = ?', args: [id] })).rows[0];
      if (!user?.email) continue;
      const lang: Language = user.language === 'en' ? 'en' : 'fr';
      try {
        await sendThrough(smtp, { to: String(user.email), ...emailOf(text, lang, s.config.origins[0] ?? '') });
      } catch (e) {
        console.error(`notification ${id}: not emailed: ${errorCode(e)}`);
        continue;
      }
      await s.db.execute({ sql: 'UPDATE notifications SET emailed_at = ? WHERE id = ? AND emailed_at IS NULL', args: [s.now().toISOString(), id] });
      sent++;
    }
    return sent;
  })();
  notificationMail.pending.add(work);
  try {
    return await work;
  } finally {
    notificationMail.pending.delete(work);
  }
}

const openLabel = { fr: 'Ouvrir dans Facturo', en: 'Open in Facturo' };

export function emailOf(text: NotificationText, lang: Language, origin: string): { subject: string; text: string; html: string } {
  const link = text.link.startsWith('/') ? origin + text.link : text.link;
  return {
    subject: text.title[lang],
    // French typography puts a (no-break) space before a colon.
    text: `${text.body[lang]}\n\n${openLabel[lang]}${lang === 'fr' ? '\u00a0:' : ':'} ${link}\n`,
    html: `<p>${escapeHtml(text.body[lang]).replace(/\n/g, '<br>')}</p><p><a href="${escapeHtml(link)}">${openLabel[lang]}</a></p>`,
  };
}

/** An SMTP error's code only: its message may quote an address (never logged). */
export function errorCode(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown };
  return [err.code, err.responseCode].filter((v) => v !== undefined).map(String).join(' ') || 'error';
}
