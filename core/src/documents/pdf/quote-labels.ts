import type { Language } from './labels';

/*
 * The words of a printed quote (devis), in the customer's language. The invoice labels (labels.ts) still
 * provide what both documents share: seller identity, table columns, VAT breakdown, totals, page numbers.
 */

const fr = {
  quote: 'Devis',
  draft: 'Brouillon',
  draftStamp: 'BROUILLON',
  draftNotice: 'Brouillon : ce devis n’a pas encore été émis et ne peut pas être accepté.',
  version: (n: number) => `version ${n}`,
  issueDate: 'Date du devis',
  validUntil: 'Valable jusqu’au',
  validity: 'Durée de validité',
  days: (n: number) => (n === 1 ? '1 jour' : `${n} jours`),
  client: 'Client',
  subject: 'Objet',
  optionSelected: 'Option retenue',
  optionNotSelected: 'Option non retenue, hors total',
  optionLegend: 'Option : prestation facultative, chiffrée à part. Seules les options retenues sont comprises dans les totaux ; les autres sont indiquées pour information.',
  freeQuote: 'Devis gratuit',
  quoteFee: (amount: string) => `Devis payant : ${amount}`,
  paymentTerms: 'Conditions de paiement',
  mentions: 'Mentions',
  approval: 'Bon pour accord',
  approvalHint: 'Date et signature, précédées de la mention manuscrite « Bon pour accord ».',
  date: 'Date',
  name: 'Nom',
  signature: 'Signature',
  acceptance: 'Acceptation électronique',
  acceptedBy: (name: string, date: string, time: string) => `Accepté électroniquement par ${name} le ${date} à ${time} (horodatage UTC)`,
  timestamp: (iso: string) => `Horodatage : ${iso}`,
  ipAddress: (ip: string) => `Adresse IP : ${ip}`,
};

export type QuoteLabels = typeof fr;

const en: QuoteLabels = {
  quote: 'Quote',
  draft: 'Draft',
  draftStamp: 'DRAFT',
  draftNotice: 'Draft: this quote has not been issued yet and cannot be accepted.',
  version: (n: number) => `version ${n}`,
  issueDate: 'Quote date',
  validUntil: 'Valid until',
  validity: 'Validity',
  days: (n: number) => (n === 1 ? '1 day' : `${n} days`),
  client: 'Customer',
  subject: 'Subject',
  optionSelected: 'Option selected',
  optionNotSelected: 'Option not selected, not in the total',
  optionLegend: 'Option: an optional item, priced separately. Only selected options are included in the totals; the others are shown for information.',
  freeQuote: 'Free quote',
  quoteFee: (amount: string) => `Quote fee: ${amount}`,
  paymentTerms: 'Payment terms',
  mentions: 'Terms',
  approval: 'Approval',
  approvalHint: 'Date and signature, preceded by the handwritten words “Approved” (« Bon pour accord »).',
  date: 'Date',
  name: 'Name',
  signature: 'Signature',
  acceptance: 'Electronic acceptance',
  acceptedBy: (name: string, date: string, time: string) => `Accepted electronically by ${name} on ${date} at ${time} (UTC timestamp)`,
  timestamp: (iso: string) => `Timestamp: ${iso}`,
  ipAddress: (ip: string) => `IP address: ${ip}`,
};

export const quoteLabels: Record<Language, QuoteLabels> = { fr, en };
