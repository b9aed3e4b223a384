import { paymentMentions, type FrozenDocument } from '../../issuing';
import type { InvoiceNote } from './model';

/*
 * The notes (BG-1) that carry French payment mentions in structured form, each under its UNTDID
 * 4451 subject code as the French e-invoicing rules BR-FR-05 and BR-FR-06 ask: PMD the late-payment
 * penalties (C. com. L441-10), PMT the 40 € fixed recovery indemnity (L441-10 II, D441-5), AAB the
 * early-payment discount or its absence (L441-9). The wording is paymentMentions' (issuing.ts), the
 * same that legalMentions prints on the document, in the customer's language.
 */

export function paymentNotes(doc: FrozenDocument): InvoiceNote[] {
  const notes: InvoiceNote[] = [];
  if (doc.meta.notes?.trim()) notes.push({ content: doc.meta.notes.trim() });
  const payment = paymentMentions(doc.seller, doc.buyer);
  notes.push({ content: payment.latePenalties, subjectCode: 'PMD' });
  // The indemnity is owed between professionals only (L441-10 II): no PMT note for an individual.
  if (payment.recoveryIndemnity) notes.push({ content: payment.recoveryIndemnity, subjectCode: 'PMT' });
  notes.push({ content: payment.earlyPayment, subjectCode: 'AAB' });
  return notes;
}

/** "2027-01-13" → "13/01/2027". */
const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * BT-20. An invoice states when and how it is paid: by transfer when BG-16 asks for one (codes 30, 58),
 * collected at its due date when a SEPA mandate debits it (59). A credit note is not paid to the seller:
 * it states what it credits, and carries no due date nor bank account (our choice, see invoiceModel).
 */
export function paymentTermsText(doc: FrozenDocument, meansCode: string | undefined): string {
  const fr = doc.buyer.language !== 'en';
  if (doc.kind === 'credit_note') {
    const invoice = doc.meta.precedingNumber ?? '';
    return fr ? `Avoir sur la facture ${invoice}, à déduire de vos règlements` : `Credit note on invoice ${invoice}, to deduct from your payments`;
  }
  if (meansCode === '59') return fr ? `Prélèvement SEPA à l’échéance du ${frenchDate(doc.dueDate)}` : `Collected by SEPA direct debit on the due date, ${doc.dueDate}`;
  const byTransfer = meansCode !== undefined;
  if (fr) return `Paiement au plus tard le ${frenchDate(doc.dueDate)}${byTransfer ? ' par virement' : ''}`;
  return `Payment due by ${doc.dueDate}${byTransfer ? ' by bank transfer' : ''}`;
}
