import * as Y from 'yjs';
import { z } from 'zod';
import { parseOrThrow, QuoteDocument, type Workspace } from '@facturo/core';
import { AppError, conflict } from '../errors';
import { companyToday } from '../commands/issue';
import { notify } from '../notifications';
import type { Services } from '../services';
import { newDoc } from '../ydoc';
import { readAnswer, recordAnswer } from './answers';
import { renderQuote, type RenderedQuote } from './pdf';
import { portalInvoices } from './portal-invoices';
import { resolvePortalLink, tokenHash, type ResolvedPortalLink } from './portal-links';
import { chosenOptions, consentSentence, portalView, type PortalView } from './portal-view';
import { applyQuoteEvent, openQuote, readQuote, type QuoteRecord } from './state';
import { archiveVersion, readVersionPdf } from './versions';
import { sentContent } from './send';
import { confirmAcceptance } from './confirmation';
import { readCustomer } from '../customers/records';

/*
 * The client portal's use cases (issue 6): the client has no account, the link is the credential. Every
 * status change goes through applyQuoteEvent as `client`, so the team sees it live; the acceptance is a
 * simple electronic signature (eIDAS art. 25, Code civil art. 1367): a typed name, an explicit consent to a
 * sentence kept word for word, and the SHA-256 of the very PDF the client's browser downloaded, recomputed
 * here, all stored with the status change in one transaction.
 */

export { consentSentence };

/** One answer for unknown, expired and revoked links, so that a link cannot be probed. */
export const linkInvalid = () => new AppError(404, 'link_invalid', 'this link is unknown, expired or revoked: ask the company that sent it for a new one');

/** The request's origin, kept as evidence with an answer. */
export interface ClientInfo {
  ip: string;
  userAgent: string;
}

interface Opened {
  link: ResolvedPortalLink & { expiresAt: string };
  record: QuoteRecord;
  quote: QuoteDocument;
  ws: Workspace;
}

/** What the client may open: a quote once sent, in the link's version. */
const shown: readonly QuoteRecord['status'][] = ['sent', 'viewed', 'accepted', 'declined', 'expired'];

async function openLink(s: Services, token: string): Promise<Opened> {
  const link = await resolvePortalLink(s, token, s.now());
  if (!link) throw linkInvalid();
  const record = await readQuote(s, link.companyId, link.quoteId);
  if (!record || record.version !== link.version || !shown.includes(record.status)) throw linkInvalid();
  const { quote, ws } = await openQuote(s, link.companyId, link.quoteId);
  const expiresAt = String((await s.db.execute({ sql: 'SELECT expires_at FROM portal_links WHERE token_hash = ?', args: [tokenHash(token)] })).rows[0]?.expires_at ?? '');
  return { link: { ...link, expiresAt }, record, quote, ws };
}

const companyName = async (s: Services, companyId: string) =>
  String((await s.db.execute({ sql: 'SELECT name FROM companies WHERE id = ?', args: [companyId] })).rows[0]?.name ?? '');

const quoteLink = (o: Opened) => `/c/${o.link.companyId}/quotes/${o.link.quoteId}`;
const nameOf = (o: Opened) => o.record.number ?? o.quote.readMeta().title ?? o.link.quoteId;

/** The quote's date as printed: the day it was sent (company time), so the same choice always gives the same PDF. */
const issueDateOf = (r: QuoteRecord) => companyToday(new Date(r.state.sentAt ?? r.createdAt));

function render(s: Services, o: Opened, options: readonly string[]): Promise<RenderedQuote> {
  return renderQuote(s, o.link.companyId, o.quote, o.ws, { number: o.record.number, version: o.record.version, issueDate: issueDateOf(o.record), options });
}

/**
 * The quote as the client sees it, for a choice of options (absent: the quote's own). The first view of a
 * sent quote marks it viewed and tells its author once; later views change nothing.
 */
export async function viewQuote(s: Services, token: string, options?: readonly string[]): Promise<PortalView> {
  let o = await openLink(s, token);
  if (o.record.status === 'sent') {
    const { record, changed } = await applyQuoteEvent(s, { companyId: o.link.companyId, by: 'client' }, o.link.quoteId, {
      event: (r) => (r.status === 'sent' ? { type: 'view' } : null),
    });
    o = { ...o, record };
    if (changed) {
      await notify(s, {
        companyId: o.link.companyId, userIds: [record.authorId], kind: 'quote.viewed', subjectId: o.link.quoteId,
        dedupeKey: `quote:${o.link.quoteId}:v${record.version}:viewed`, link: quoteLink(o),
        title: { fr: `Devis ${nameOf(o)} consulté`, en: `Quote ${nameOf(o)} viewed` },
        body: { fr: 'Le client a ouvert le devis en ligne.', en: 'The client opened the quote online.' },
      });
    }
  }
  const answer = await readAnswer(s, o.link.companyId, o.link.quoteId, o.record.version);
  return portalView({
    quote: o.quote, ws: o.ws, record: o.record, companyName: await companyName(s, o.link.companyId),
    options: chosenOptions(o.quote, options), expiresAt: o.link.expiresAt, answer,
    invoices: await portalInvoices(s, o.link.companyId, o.link.quoteId),
  });
}

/** The PDF of a choice of options (deterministic bytes); an accepted quote without a choice: the archived one. */
export async function quotePdf(s: Services, token: string, options?: readonly string[]): Promise<{ bytes: Uint8Array; sha256: string; fileName: string }> {
  const o = await openLink(s, token);
  const fileName = `${(o.record.number ?? 'devis').replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;
  if (o.record.status === 'accepted' && options === undefined) {
    const archived = await readVersionPdf(s, o.link.companyId, o.link.quoteId, o.record.version);
    if (archived) return { bytes: archived.bytes, sha256: archived.sha256, fileName };
  }
  const rendered = await render(s, o, chosenOptions(o.quote, options));
  return { bytes: rendered.bytes, sha256: rendered.sha256, fileName };
}

export const acceptInput = z.object({
  signerName: z.string().trim().min(2, 'type your full name').max(200, 'at most 200 characters'),
  consent: z.literal(true, { message: 'tick the consent box to sign' }),
  options: z.array(z.string().max(100)).max(500).default([]),
  pdfSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 (hex) of the PDF you read'),
  /** The language the consent sentence was shown in. */
  language: z.enum(['fr', 'en']).default('fr'),
});
export type AcceptInput = z.input<typeof acceptInput>;

export const declineInput = z.object({ reason: z.string().trim().max(1000, 'at most 1000 characters').optional() });

function refuseAnswer(o: Opened, now: Date) {
  const past = now.getTime() >= Date.parse(`${o.record.validUntil}T00:00:00Z`) + 86_400_000;
  if (o.record.status === 'expired' || ((o.record.status === 'sent' || o.record.status === 'viewed') && past)) {
    const day = o.record.validUntil.split('-').reverse().join('/');
    throw new AppError(409, 'expired', `this quote was valid until ${day} and can no longer be answered: contact the company for a new one`);
  }
  if (o.record.status === 'accepted' || o.record.status === 'declined') throw conflict('already_answered', `this quote was already ${o.record.status}`);
}

/** The approvers who decided on this version and its author: who hears of the answer. */
const team = (r: QuoteRecord) => [r.authorId, ...r.state.runs.flatMap((run) => run.decisions.flatMap((d) => [d.approverId, d.by]))];

/** The client accepts the quote with a choice of options, having read the PDF whose SHA-256 they send back. */
export async function acceptQuote(s: Services, token: string, input: unknown, client: ClientInfo): Promise<PortalView> {
  const body = parseOrThrow(acceptInput, input);
  const o = await openLink(s, token);
  refuseAnswer(o, s.now());
  const options = chosenOptions(o.quote, body.options);
  const rendered = await render(s, o, options);
  if (rendered.sha256 !== body.pdfSha256) throw conflict('pdf_changed', 'the quote changed since you downloaded it: read it again before signing');
  const chosen = new Set(options);
  const select = (doc: Y.Doc) => {
    for (const line of new QuoteDocument(doc).lines.toArray()) {
      if (line.get('optional') === true && line.get('selected') !== chosen.has(String(line.get('id')))) line.set('selected', chosen.has(String(line.get('id'))));
    }
  };
  const copy = newDoc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(o.quote.doc));
  select(copy);
  // Archived as the sent version is (send.ts), with the client's choice of options in it.
  const content = sentContent(new QuoteDocument(copy), o.record.number ?? '', o.record.version);
  const at = s.now().toISOString();
  const { record } = await applyQuoteEvent(s, { companyId: o.link.companyId, by: 'client' }, o.link.quoteId, {
    event: (r) => {
      if (r.version !== o.record.version) throw linkInvalid();
      return { type: 'accept', signer: body.signerName };
    },
    inTransaction: async (tx, next) => {
      await recordAnswer(s, tx, {
        companyId: next.companyId, quoteId: next.id, version: next.version, decision: 'accepted', answeredAt: at, pdfSha256: rendered.sha256,
        sealed: { signerName: body.signerName, consentText: consentSentence[body.language], ip: client.ip, userAgent: client.userAgent, options },
      });
      await archiveVersion(s, tx, { companyId: next.companyId, quoteId: next.id, version: next.version, stage: 'accepted', content, pdf: rendered.bytes });
    },
    docEdit: (doc) => select(doc),
    audit: { pdfSha256: rendered.sha256, options },
  });
  const done = { ...o, record };
  const settings = o.ws.readSettings();
  const buyer = record.customerId ? await readCustomer(s, record.companyId, record.customerId) : undefined;
  await confirmAcceptance(s, record, buyer, settings.tradeName ?? settings.legalName ?? (await companyName(s, record.companyId)), { signerName: body.signerName, at, pdf: rendered });
  await notify(s, {
    companyId: o.link.companyId, userIds: team(record), kind: 'quote.accepted', subjectId: o.link.quoteId,
    dedupeKey: `quote:${o.link.quoteId}:v${record.version}:accepted`, link: quoteLink(done),
    title: { fr: `Devis ${nameOf(done)} accepté par ${body.signerName}`, en: `Quote ${nameOf(done)} accepted by ${body.signerName}` },
    body: {
      fr: `${body.signerName} a signé le devis en ligne (${rendered.model.totals.totalWithVat} ${rendered.model.currency} TTC).`,
      en: `${body.signerName} signed the quote online (${rendered.model.totals.totalWithVat} ${rendered.model.currency} incl. VAT).`,
    },
  });
  return viewQuote(s, token);
}

/** The client declines the quote, with a reason if they give one. */
export async function declineQuote(s: Services, token: string, input: unknown, client: ClientInfo): Promise<PortalView> {
  const body = parseOrThrow(declineInput, input ?? {});
  const o = await openLink(s, token);
  refuseAnswer(o, s.now());
  const reason = body.reason || undefined;
  const at = s.now().toISOString();
  const { record } = await applyQuoteEvent(s, { companyId: o.link.companyId, by: 'client' }, o.link.quoteId, {
    event: (r) => {
      if (r.version !== o.record.version) throw linkInvalid();
      return { type: 'decline', ...(reason ? { reason } : {}) };
    },
    inTransaction: (tx, next) => recordAnswer(s, tx, {
      companyId: next.companyId, quoteId: next.id, version: next.version, decision: 'declined', answeredAt: at, pdfSha256: null,
      sealed: { ...(reason ? { reason } : {}), ip: client.ip, userAgent: client.userAgent },
    }),
  });
  const done = { ...o, record };
  await notify(s, {
    companyId: o.link.companyId, userIds: team(record), kind: 'quote.declined', subjectId: o.link.quoteId,
    dedupeKey: `quote:${o.link.quoteId}:v${record.version}:declined`, link: quoteLink(done),
    title: { fr: `Devis ${nameOf(done)} refusé`, en: `Quote ${nameOf(done)} declined` },
    body: { fr: reason ? `Motif donné par le client : ${reason}` : 'Le client n’a pas donné de motif.', en: reason ? `The client's reason: ${reason}` : 'The client gave no reason.' },
  });
  return viewQuote(s, token);
}
