import type { DueDunningStep } from '@facturo/core';
import { customersByIds } from '../customers/records';
import { fileNameOf } from '../documents';
import { sendThrough } from '../mail';
import { membersWith } from '../billing/effects';
import { notify } from '../notifications';
import { customerMailbox } from '../quotes/client-mail';
import type { Services } from '../services';

/*
 * Emails of claimed dunning steps (after the pass committed): the step's text in the customer's language, with the
 * invoice's Factur-X PDF. The outcome is written on the step (sent, or failed with the reason); a step that cannot be
 * emailed (no address, no SMTP) becomes the team's to do, once per invoice and step.
 */

async function outcome(s: Services, companyId: string, step: DueDunningStep, value: 'sent' | 'failed', detail: string | null): Promise<void> {
  await s.db.execute({ sql: 'UPDATE dunning_steps SET outcome = ?, detail = ? WHERE company_id = ? AND invoice_id = ? AND step_key = ?', args: [value, detail, companyId, step.invoiceId, step.key] });
}

export async function sendDunningEmails(s: Services, companyId: string, steps: readonly DueDunningStep[]): Promise<{ sent: number; failed: number }> {
  const emails = steps.filter((x) => x.channel === 'email');
  const customers = await customersByIds(s, companyId, emails.map((x) => x.customerId));
  let sent = 0;
  let failed = 0;
  for (const step of emails) {
    const box = await customerMailbox(s, companyId, customers.get(step.customerId));
    try {
      if ('missing' in box) throw new Error(box.missing === 'no_smtp' ? 'no SMTP server set up' : 'the customer has no email address');
      const pdf = await s.archiver.file(companyId, step.invoiceId, 'pdf');
      const number = (await s.db.execute({ sql: 'SELECT number FROM documents WHERE company_id = ? AND id = ?', args: [companyId, step.invoiceId] })).rows[0]?.number;
      await sendThrough(box.smtp, {
        to: box.to, subject: step.subject ?? '', text: step.body,
        attachments: [{ filename: fileNameOf(String(number ?? step.invoiceId), 'pdf'), content: Buffer.from(pdf.bytes), contentType: 'application/pdf' }],
      });
      await outcome(s, companyId, step, 'sent', null);
      sent += 1;
    } catch (e) {
      failed += 1;
      const reason = (e as Error).message;
      await outcome(s, companyId, step, 'failed', reason);
      await notify(s, {
        companyId, userIds: await membersWith(s, companyId, 'payments.record'), kind: 'dunning.not_sent', subjectId: step.invoiceId, dedupeKey: `dunning-not-sent:${step.key}`,
        link: `/c/${companyId}/invoices/${step.invoiceId}/print`,
        title: { fr: 'Relance non envoyée', en: 'Reminder not sent' },
        body: { fr: `La relance prévue n’a pas pu partir (${reason}) : relancez le client vous-même.`, en: `The scheduled reminder could not go (${reason}): remind the customer yourself.` },
      });
    }
  }
  return { sent, failed };
}
