import type { Customer } from '@facturo/core';
import { sendThrough } from '../mail';
import { recordEvent, type Services } from '../services';
import type { QuoteRecord } from './state';
import { customerMailbox } from './client-mail';

/*
 * The client's copy of what they signed (issue 6): right after an acceptance commits, the client gets the accepted
 * PDF by email with the evidence kept (who, when, the document's SHA-256), as a signed paper copy would be handed
 * over. Best effort (STYLE 7d, after commit): without an address or an SMTP server, the portal still shows it all.
 */

export interface Acceptance {
  signerName: string;
  at: string;
  pdf: { bytes: Uint8Array; sha256: string };
}

export function confirmationEmail(o: { lang: 'fr' | 'en'; number: string; seller: string; signerName: string; at: string; sha256: string }) {
  const [date, time] = [o.at.slice(0, 10), o.at.slice(11, 19)];
  if (o.lang === 'en') {
    return {
      subject: `Your acceptance of quote ${o.number} — ${o.seller}`,
      text: `Hello,\n\nWe have received your acceptance of quote ${o.number}, signed electronically by ${o.signerName} on ${date} at ${time} (UTC).\n`
        + `The accepted quote is attached. Its SHA-256 fingerprint: ${o.sha256}\n\nThank you for your trust.\n${o.seller}`,
    };
  }
  return {
    subject: `Votre accord sur le devis ${o.number} — ${o.seller}`,
    text: `Bonjour,\n\nNous avons bien reçu votre acceptation du devis ${o.number}, signée électroniquement par ${o.signerName} le ${date.split('-').reverse().join('/')} à ${time} (UTC).\n`
      + `Vous trouverez ci-joint le devis accepté. Son empreinte SHA-256 : ${o.sha256}\n\nMerci de votre confiance.\n${o.seller}`,
  };
}

/** Emails the client the accepted PDF; true when sent. Never throws: the acceptance is already recorded. */
export async function confirmAcceptance(s: Services, record: QuoteRecord, customer: Customer | undefined, seller: string, a: Acceptance): Promise<boolean> {
  try {
    const box = await customerMailbox(s, record.companyId, customer);
    if ('missing' in box) return false;
    const number = record.number ?? record.id;
    const mail = confirmationEmail({ lang: box.lang, number, seller, signerName: a.signerName, at: a.at, sha256: a.pdf.sha256 });
    await sendThrough(box.smtp, { to: box.to, ...mail, attachments: [{ filename: `${number}-accepte.pdf`, content: Buffer.from(a.pdf.bytes), contentType: 'application/pdf' }] });
    await recordEvent(s, record.companyId, null, { type: 'quote_acceptance_emailed', quoteId: record.id, version: record.version, pdfSha256: a.pdf.sha256 });
    return true;
  } catch (e) {
    console.error(`quote ${record.id}: the acceptance copy was not emailed (${(e as { code?: string }).code ?? 'error'})`);
    return false;
  }
}
