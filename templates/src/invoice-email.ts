import { displayAmount, type FrozenDocument } from '@facturo/core';
import { escapeHtml, render } from './render';

/* The email that carries an issued invoice or credit note, in the customer's language. */
const texts = {
  fr: {
    invoice: { subject: 'Facture {{doc.number}} — {{seller.name}}', body: 'Bonjour,\n\nVeuillez trouver ci-joint la facture {{doc.number}} du {{doc.issueDate}}, d’un montant de {{doc.total}} TTC, à régler au plus tard le {{doc.dueDate}}.\n{{payment}}\nCordialement,\n{{seller.name}}' },
    credit_note: { subject: 'Avoir {{doc.number}} — {{seller.name}}', body: 'Bonjour,\n\nVeuillez trouver ci-joint l’avoir {{doc.number}} du {{doc.issueDate}}, d’un montant de {{doc.total}} TTC, qui corrige la facture {{doc.preceding}}.\n\nCordialement,\n{{seller.name}}' },
    payment: 'Virement : IBAN {{seller.iban}} — BIC {{seller.bic}}, référence {{doc.number}}.\n',
  },
  en: {
    invoice: { subject: 'Invoice {{doc.number}} — {{seller.name}}', body: 'Hello,\n\nPlease find attached invoice {{doc.number}} dated {{doc.issueDate}}, for {{doc.total}} including VAT, due by {{doc.dueDate}}.\n{{payment}}\nBest regards,\n{{seller.name}}' },
    credit_note: { subject: 'Credit note {{doc.number}} — {{seller.name}}', body: 'Hello,\n\nPlease find attached credit note {{doc.number}} dated {{doc.issueDate}}, for {{doc.total}} including VAT, correcting invoice {{doc.preceding}}.\n\nBest regards,\n{{seller.name}}' },
    payment: 'Bank transfer: IBAN {{seller.iban}} — BIC {{seller.bic}}, reference {{doc.number}}.\n',
  },
};

export function invoiceEmail(doc: FrozenDocument, message?: string): { subject: string; text: string; html: string } {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const t = texts[lang];
  const seller = { name: doc.seller.tradeName ?? doc.seller.legalName ?? '', iban: doc.seller.iban ?? '', bic: doc.seller.bic ?? '' };
  const data = {
    seller,
    doc: { number: doc.number, issueDate: doc.issueDate, dueDate: doc.dueDate, total: displayAmount(doc.totals.totalWithVat, doc.currency, lang), preceding: doc.meta.precedingNumber ?? '' },
    payment: seller.iban ? render(t.payment, { seller, doc: { number: doc.number } }) : '',
  };
  const template = t[doc.kind];
  const text = (message ? `${message}\n\n` : '') + render(template.body, data);
  return { subject: render(template.subject, data), text, html: `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</div>` };
}
