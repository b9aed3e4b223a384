import type { SmtpSettings } from '@facturo/core';
import { invoiceEmail } from '@facturo/templates';
import { AppError, conflict } from '../errors';
import { getSecret } from '../companies/secrets';
import { sendThrough } from '../mail';
import { recordEvent, type Services } from '../services';
import { readFrozen } from './issue';
import { fileNameOf } from '../documents';
import { openDraft } from './drafts';
import { invoicePayUrl } from '../pay';
import type { Actor } from './run';

/**
 * Emails an issued document to its customer through the company's own SMTP server. Runs after the
 * issue commit, from ids (STYLE 7d); the sending is recorded in the audit log.
 */
export async function sendDocument(s: Services, actor: Actor, id: string, request: { to?: string; subject?: string; message?: string }) {
  const frozen = await readFrozen(s, actor.companyId, id);
  if (!frozen) {
    await openDraft(s, actor.companyId, id);
    throw conflict('not_issued', 'only an issued document can be sent; issue it first');
  }
  const smtp = await getSecret<SmtpSettings>(s, actor.companyId, 'smtp');
  if (!smtp) throw new AppError(409, 'smtp_not_configured', 'set up the company’s SMTP server first (PUT /api/v1/companies/{id}/smtp)');
  const doc = frozen.content;
  const to = request.to ?? doc.buyer.email;
  if (!to) throw new AppError(400, 'invalid', `${doc.buyer.name} has no email address`, { to: 'an email address is required' });
  const payUrl = await invoicePayUrl(s, actor.companyId, id, doc);
  const mail = invoiceEmail(doc, request.message, payUrl ? { payUrl } : {});
  const pdf = await s.archiver.file(actor.companyId, id, 'pdf');
  let info: { messageId: string };
  try {
    info = await sendThrough(smtp, {
      to, subject: request.subject ?? mail.subject, text: mail.text, html: mail.html,
      // The Factur-X PDF as archived (its CII inside): what the customer files and their software reads.
      attachments: [{ filename: fileNameOf(doc.number, 'pdf'), content: Buffer.from(pdf.bytes), contentType: 'application/pdf' }],
    });
  } catch (e) {
    throw new AppError(502, 'smtp_failed', `the SMTP server refused the message: ${(e as Error).message}`);
  }
  await recordEvent(s, actor.companyId, actor.by, { type: 'document_sent', documentId: id, number: doc.number, to });
  return { sent: true, messageId: info.messageId, to };
}
