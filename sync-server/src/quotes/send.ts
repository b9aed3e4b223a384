import type { Transaction } from '@libsql/client';
import { canonicalJson, formatNumber, periodKey, QuoteSettings, type Customer, type QuoteDocument, type Series } from '@facturo/core';
import { AppError, conflict } from '../errors';
import { sendThrough } from '../mail';
import { recordEvent, type Services } from '../services';
import { companyToday } from '../commands/issue';
import { readCustomer } from '../customers/records';
import { createPortalLink, type PortalLink } from './portal-links';
import { renderQuote, type RenderedQuote } from './pdf';
import { applyQuoteEvent, openQuote, readQuote, type QuoteActor, type QuoteRecord } from './state';
import { archiveVersion } from './versions';
import { customerMailbox } from './client-mail';

/*
 * Sending an approved quote to the client (issue 6). In one transaction: the number from the quote series at the
 * first send (series_counters, as issue numbers invoices: unique, consecutive, gapless; a revised quote keeps its
 * number and prints its version), the version's canonical content and PDF archived with their SHA-256, a portal
 * link. The email goes after the commit (STYLE 7d); without an address or SMTP the user copies the link instead.
 */

export interface EmailOutcome {
  sent: boolean;
  to?: string;
  /** Why it was not emailed (no address, no SMTP, the server refused). */
  note?: string;
}

export interface SendOutcome {
  record: QuoteRecord;
  portalUrl: string;
  email: EmailOutcome;
}

/** The number the next quote of the series will take, to render the PDF before the transaction (checked inside). */
async function expectedNumber(s: Services, companyId: string, series: Series, date: string): Promise<string> {
  const row = (await s.db.execute({
    sql: 'SELECT last_seq FROM series_counters WHERE company_id = ? AND series_id = ? AND period = ?',
    args: [companyId, series.id, periodKey(series.format, date)],
  })).rows[0];
  return formatNumber(series.format, { seq: Number(row?.last_seq ?? 0) + 1, date });
}

async function takeNumber(tx: Transaction, companyId: string, series: Series, date: string): Promise<string> {
  const counter = await tx.execute({
    sql: `INSERT INTO series_counters (company_id, series_id, period, last_seq) VALUES (?, ?, ?, 1)
          ON CONFLICT (company_id, series_id, period) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
    args: [companyId, series.id, periodKey(series.format, date)],
  });
  return formatNumber(series.format, { seq: Number(counter.rows[0]!.last_seq), date });
}

/** What is archived as the version's content: the quote as frozen, with the number and version it was sent under. */
export function sentContent(quote: QuoteDocument, number: string, version: number): string {
  const content = JSON.parse(quote.canonicalContent()) as { meta: Record<string, unknown> };
  return canonicalJson({ ...content, meta: { ...content.meta, number, version } });
}

export async function sendQuote(s: Services, actor: QuoteActor, id: string, request: { message?: string } = {}): Promise<SendOutcome> {
  const { companyId } = actor;
  const { quote, ws } = await openQuote(s, companyId, id);
  const before = await readQuote(s, companyId, id);
  if (before?.status !== 'approved') throw conflict('not_approved', `only an approved quote can be sent (it is ${before?.status ?? quote.status()})`);
  const issueDate = companyToday(s.now());
  const series = ws.defaultSeriesFor('quote');
  const version = before.version;
  const render = (number: string) => renderQuote(s, companyId, quote, ws, { number, version, issueDate });
  // The PDF is rendered off the transaction with the number it will most likely take; re-rendered inside only if
  // another quote took that number meanwhile. The room is locked (approved), so the quote cannot change between.
  let number = before.number ?? (await expectedNumber(s, companyId, series, issueDate));
  let pdf: RenderedQuote = await render(number);
  let link: PortalLink | null = null;
  const { portalLinkDays } = new QuoteSettings(ws.doc).readDefaults();
  const { record } = await applyQuoteEvent(s, actor, id, {
    event: () => ({ type: 'send', by: actor.by }),
    patch: async (next, tx) => {
      if (next.number) return {};
      const taken = await takeNumber(tx, companyId, series, issueDate);
      if (taken !== number) [number, pdf] = [taken, await render(taken)];
      return { number: taken };
    },
    inTransaction: async (tx, next) => {
      await archiveVersion(s, tx, { companyId, quoteId: id, version, stage: 'sent', content: sentContent(quote, next.number!, version), pdf: pdf.bytes });
      link = await createPortalLink(s, tx, { companyId, quoteId: id, version, by: actor.by, days: portalLinkDays });
    },
    audit: { version, issueDate },
  });
  const portal = link as PortalLink | null;
  if (!portal) throw conflict('not_sent', 'the quote was not sent (it changed meanwhile): try again');
  const customer = record.customerId ? await readCustomer(s, companyId, record.customerId) : undefined;
  const email = await emailClient(s, companyId, { record, customer, pdf, url: portal.url, message: request.message, sellerName: ws.readSettings().tradeName ?? ws.readSettings().legalName ?? '' });
  return { record, portalUrl: portal.url, email };
}

function quoteEmail(o: { number: string; version: number; url: string; sellerName: string; message?: string; lang: 'fr' | 'en'; validUntil: string }) {
  const v = o.version > 1 ? (o.lang === 'fr' ? ` (version ${o.version})` : ` (version ${o.version})`) : '';
  if (o.lang === 'en') {
    return {
      subject: `Quote ${o.number}${v} from ${o.sellerName}`,
      text: `${o.message ? o.message + '\n\n' : ''}Please find our quote ${o.number}${v} attached, valid until ${o.validUntil}.\nRead it, choose the options and accept it online:\n${o.url}\n\n${o.sellerName}`,
    };
  }
  return {
    subject: `Devis ${o.number}${v} — ${o.sellerName}`,
    text: `${o.message ? o.message + '\n\n' : ''}Veuillez trouver ci-joint notre devis ${o.number}${v}, valable jusqu’au ${o.validUntil.split('-').reverse().join('/')}.\nConsultez-le, choisissez les options et acceptez-le en ligne :\n${o.url}\n\n${o.sellerName}`,
  };
}

async function emailClient(
  s: Services, companyId: string,
  o: { record: QuoteRecord; customer: Customer | undefined; pdf: RenderedQuote; url: string; message?: string; sellerName: string },
): Promise<EmailOutcome> {
  const box = await customerMailbox(s, companyId, o.customer);
  if ('missing' in box) {
    return { sent: false, note: box.missing === 'no_email'
      ? 'the customer has no email address: copy the portal link and send it yourself'
      : 'the company has no SMTP server set up: copy the portal link and send it yourself' };
  }
  const { to, smtp } = box;
  const number = o.record.number!;
  const mail = quoteEmail({ number, version: o.record.version, url: o.url, sellerName: o.sellerName, message: o.message, lang: box.lang, validUntil: o.record.validUntil });
  try {
    await sendThrough(smtp, { to, subject: mail.subject, text: mail.text, attachments: [{ filename: `${number}.pdf`, content: Buffer.from(o.pdf.bytes), contentType: 'application/pdf' }] });
  } catch (e) {
    return { sent: false, to, note: `the SMTP server refused the message (${(e as Error).message}): copy the portal link and send it yourself` };
  }
  await recordEvent(s, companyId, null, { type: 'quote_emailed', quoteId: o.record.id, number, version: o.record.version, pdfSha256: o.pdf.sha256 });
  return { sent: true, to };
}

/** Sends a quote its circuit just approved when the company asked for it (QuoteSettings defaults.sendOnApproval). */
export async function sendIfDue(s: Services, actor: QuoteActor, record: QuoteRecord): Promise<SendOutcome | { error: string } | null> {
  if (record.status !== 'approved') return null;
  const { ws } = await openQuote(s, actor.companyId, record.id);
  if (!new QuoteSettings(ws.doc).readDefaults().sendOnApproval) return null;
  try {
    return await sendQuote(s, actor, record.id);
  } catch (e) {
    if (e instanceof AppError) return { error: e.message };
    throw e;
  }
}
