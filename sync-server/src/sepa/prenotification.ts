import type { Customer } from '@facturo/core';
import { earliestCollection } from '@facturo/core';
import { companyToday } from '../commands/issue';
import { workspaceOf } from '../commands/run';
import { rolePermissions, type Role } from '../companies';
import { readCustomer } from '../customers/records';
import { sendThrough } from '../mail';
import { notify } from '../notifications';
import { customerMailbox } from '../quotes/client-mail';
import type { Services } from '../services';
import { sellerName } from './creditor';
import { prenotificationEmail } from './prenotification-text';

/*
 * The pre-notification of each collection (SDD Core rulebook PR-04: the debtor is told the amount and the due
 * date, by default at least 14 calendar days before), emailed to the customer once per invoice. The row is
 * claimed (prenotified_at set) by one statement before the email goes, so two callers never both send; a crash
 * between claim and send loses that email rather than doubling it (at most once), and a failed send gives the
 * claim back. When the email cannot go (no SMTP server, no customer address) the collection stays scheduled,
 * prenotified_at stays empty, and the people who record payments are told to pre-notify the customer themselves.
 */

export interface PrenotificationResult {
  /** Invoices whose customer was emailed now. */
  sent: string[];
  notSent: { invoiceId: string; reason: 'no_email' | 'no_smtp' | 'send_failed' }[];
}

export interface PrenotificationOptions {
  /** Days between the notice and the collection (rulebook default 14, or as agreed with the debtor). */
  daysBefore?: number;
}

interface Waiting {
  invoiceId: string;
  amount: string;
  collectionDate: string;
  rum: string;
  customerId: string;
  ibanLast4: string;
  number: string | null;
}

async function waiting(s: Services, companyId: string, invoiceIds: readonly string[]): Promise<Waiting[]> {
  const out: Waiting[] = [];
  const ids = [...new Set(invoiceIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rs = await s.db.execute({
      sql: `SELECT c.invoice_id, c.amount, c.collection_date, m.rum, m.customer_id, m.iban_last4, d.number
            FROM sepa_collections c JOIN sepa_mandates m ON m.company_id = c.company_id AND m.id = c.mandate_id
            LEFT JOIN documents d ON d.company_id = c.company_id AND d.id = c.invoice_id
            WHERE c.company_id = ? AND c.status = 'pending' AND c.prenotified_at IS NULL AND c.invoice_id IN (${part.map(() => '?').join(', ')})
            ORDER BY c.invoice_id`,
      args: [companyId, ...part],
    });
    for (const r of rs.rows) {
      out.push({
        invoiceId: String(r.invoice_id), amount: String(r.amount), collectionDate: String(r.collection_date), rum: String(r.rum),
        customerId: String(r.customer_id), ibanLast4: String(r.iban_last4), number: r.number === null ? null : String(r.number),
      });
    }
  }
  return out;
}

/** The members who record payments: they follow the company's direct debits. */
export async function paymentsTeam(s: Services, companyId: string): Promise<string[]> {
  const rs = await s.db.execute({ sql: 'SELECT user_id, role FROM memberships WHERE company_id = ?', args: [companyId] });
  const out: string[] = [];
  for (const r of rs.rows) if ((await rolePermissions(s.db, companyId, String(r.role) as Role)).has('payments.record')) out.push(String(r.user_id));
  return out;
}

const why = {
  no_smtp: { fr: 'aucun serveur SMTP n’est configuré', en: 'no SMTP server is set up' },
  no_email: { fr: 'le client n’a pas d’adresse e-mail', en: 'the customer has no email address' },
  send_failed: { fr: 'l’envoi de l’e-mail a échoué', en: 'the email could not be sent' },
} as const;

async function tellTeam(s: Services, companyId: string, w: Waiting, reason: keyof typeof why) {
  const name = w.number ?? w.invoiceId;
  await notify(s, {
    companyId, userIds: await paymentsTeam(s, companyId), kind: 'sepa.prenotification_not_sent', subjectId: w.invoiceId,
    dedupeKey: `sepa:prenotification:${w.invoiceId}:${reason}`, link: `/c/${companyId}/invoices/${w.invoiceId}`,
    title: { fr: `Pré-notification du prélèvement de la facture ${name} non envoyée`, en: `Direct debit pre-notification for invoice ${name} not sent` },
    body: {
      fr: `Le prélèvement de ${w.amount} € est prévu le ${w.collectionDate.split('-').reverse().join('/')} (mandat ${w.rum}), mais ${why[reason].fr} : prévenez le client vous-même avant cette date.`,
      en: `The direct debit of €${w.amount} is due on ${w.collectionDate} (mandate ${w.rum}), but ${why[reason].en}: tell the customer yourself before that date.`,
    },
  });
}

/**
 * Emails the pre-notification of those of `invoiceIds` whose collection is pending and not yet pre-notified.
 * A notice sent late moves the collection date so that it still comes `daysBefore` days after the notice.
 */
export async function prenotifyCollections(s: Services, companyId: string, invoiceIds: readonly string[], options: PrenotificationOptions = {}): Promise<PrenotificationResult> {
  const result: PrenotificationResult = { sent: [], notSent: [] };
  const rows = await waiting(s, companyId, invoiceIds);
  if (rows.length === 0) return result;
  const settings = (await workspaceOf(s, companyId)).ws.readSettings();
  const customers = new Map<string, Customer | undefined>();
  for (const w of rows) {
    if (!customers.has(w.customerId)) customers.set(w.customerId, await readCustomer(s, companyId, w.customerId));
    const box = await customerMailbox(s, companyId, customers.get(w.customerId));
    if ('missing' in box) {
      await tellTeam(s, companyId, w, box.missing);
      result.notSent.push({ invoiceId: w.invoiceId, reason: box.missing });
      continue;
    }
    const now = s.now();
    const today = companyToday(now);
    const earliest = earliestCollection(today, { notifiedOn: today, ...(options.daysBefore === undefined ? {} : { daysBefore: options.daysBefore }) });
    const claimedAt = now.toISOString();
    const claimed = (await s.db.execute({
      sql: `UPDATE sepa_collections SET prenotified_at = ?, collection_date = CASE WHEN collection_date < ? THEN ? ELSE collection_date END
            WHERE company_id = ? AND invoice_id = ? AND status = 'pending' AND prenotified_at IS NULL RETURNING collection_date`,
      args: [claimedAt, earliest, earliest, companyId, w.invoiceId],
    })).rows[0];
    if (!claimed) continue; // another caller has it
    const mail = prenotificationEmail({
      lang: box.lang, amount: w.amount, collectionDate: String(claimed.collection_date), rum: w.rum, creditorId: settings.sepaCreditorId,
      invoice: w.number ?? w.invoiceId, seller: sellerName(settings), ibanLast4: w.ibanLast4,
    });
    try {
      await sendThrough(box.smtp, { to: box.to, subject: mail.subject, text: mail.text });
      result.sent.push(w.invoiceId);
    } catch {
      await s.db.execute({
        sql: 'UPDATE sepa_collections SET prenotified_at = NULL WHERE company_id = ? AND invoice_id = ? AND prenotified_at = ?',
        args: [companyId, w.invoiceId, claimedAt],
      });
      await tellTeam(s, companyId, w, 'send_failed');
      result.notSent.push({ invoiceId: w.invoiceId, reason: 'send_failed' });
    }
  }
  return result;
}
