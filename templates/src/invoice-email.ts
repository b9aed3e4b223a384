import { displayAmount, type FrozenDocument } from '@facturo/core';
import { escapeHtml, render } from './render';

/* The email that carries an issued invoice or credit note, in the customer's language. */
const texts = {
  fr: {
    invoice: { subject: 'Facture {{doc.number}} — {{seller.name}}', body: 'Bonjour,\n\nVeuillez trouver ci-joint la facture {{doc.number}} du {{doc.issueDate}}, d’un montant de {{doc.total}} TTC, à régler au plus tard le {{doc.dueDate}}.\n{{payment}}\nCordialement,\n{{seller.name}}' },
    credit_note: { subject: 'Avoir {{doc.number}} — {{seller.name}}', body: 'Bonjour,\n\nVeuillez trouver ci-joint l’avoir {{doc.number}} du {{doc.issueDate}}, d’un montant de {{doc.total}} TTC, qui corrige la facture {{doc.preceding}}.\n\nCordialement,\n{{seller.name}}' },
    payment: 'Virement : IBAN {{seller.iban}} — BIC {{seller.bic}}, référence {{doc.number}}.\n',
    directDebit: 'Rien à faire de votre côté : ce montant sera prélevé sur votre compte {{debit.account}} (mandat SEPA {{debit.mandate}}, créancier {{debit.creditor}}) à l’échéance.\n',
    payOnline: 'Payer en ligne : {{payUrl}}\n',
  },
  en: {
    invoice: { subject: 'Invoice {{doc.number}} — {{seller.name}}', body: 'Hello,\n\nPlease find attached invoice {{doc.number}} dated {{doc.issueDate}}, for {{doc.total}} including VAT, due by {{doc.dueDate}}.\n{{payment}}\nBest regards,\n{{seller.name}}' },
    credit_note: { subject: 'Credit note {{doc.number}} — {{seller.name}}', body: 'Hello,\n\nPlease find attached credit note {{doc.number}} dated {{doc.issueDate}}, for {{doc.total}} including VAT, correcting invoice {{doc.preceding}}.\n\nBest regards,\n{{seller.name}}' },
    payment: 'Bank transfer: IBAN {{seller.iban}} — BIC {{seller.bic}}, reference {{doc.number}}.\n',
    directDebit: 'Nothing to do on your side: this amount will be collected from your account {{debit.account}} (SEPA mandate {{debit.mandate}}, creditor {{debit.creditor}}) on the due date.\n',
    payOnline: 'Pay online: {{payUrl}}\n',
  },
};

/**
 * An invoice collected by SEPA direct debit (BG-19) says so; otherwise the transfer details, when the seller has an
 * IBAN, and the invoice's pay URL (issue 8) when the seller takes payments online.
 */
function paymentText(doc: FrozenDocument, t: (typeof texts)['fr'], seller: { iban: string; bic: string }, payUrl: string | undefined): string {
  const debit = doc.meta.directDebit;
  if (debit) {
    // The debtor's IBAN is shown by its country, check digits and last four only (an email is not a safe place for it).
    const iban = debit.debitedIban.replace(/\s/g, '');
    return render(t.directDebit, { debit: { account: `${iban.slice(0, 4)} •••• ${iban.slice(-4)}`, mandate: debit.mandateReference, creditor: debit.creditorId } });
  }
  const transfer = seller.iban ? render(t.payment, { seller, doc: { number: doc.number } }) : '';
  return transfer + (payUrl && doc.kind === 'invoice' ? render(t.payOnline, { payUrl }) : '');
}

export interface InvoiceEmailOptions {
  /** The invoice's stable pay URL (sync-server pay/invoicePayUrl), when the seller has a payment gateway set up. */
  payUrl?: string;
}

export function invoiceEmail(doc: FrozenDocument, message?: string, options: InvoiceEmailOptions = {}): { subject: string; text: string; html: string } {
  const lang = doc.buyer.language === 'en' ? 'en' : 'fr';
  const t = texts[lang];
  const seller = { name: doc.seller.tradeName ?? doc.seller.legalName ?? '', iban: doc.seller.iban ?? '', bic: doc.seller.bic ?? '' };
  const data = {
    seller,
    doc: { number: doc.number, issueDate: doc.issueDate, dueDate: doc.dueDate, total: displayAmount(doc.totals.totalWithVat, doc.currency, lang), preceding: doc.meta.precedingNumber ?? '' },
    payment: paymentText(doc, t, seller, options.payUrl),
  };
  const template = t[doc.kind];
  const text = (message ? `${message}\n\n` : '') + render(template.body, data);
  return { subject: render(template.subject, data), text, html: `<div style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(text)}</div>` };
}
