import { Money, minorUnitsOf } from '../../money';

/*
 * The words and number formats of a printed invoice, in the buyer's language (French by default,
 * English per customer). Display only: nothing printed here is ever parsed back.
 */
export type Language = 'fr' | 'en';

const fr = {
  invoice: 'Facture',
  creditNote: 'Avoir',
  numberPrefix: 'N°',
  issueDate: 'Date d’émission',
  deliveryDate: 'Date de livraison',
  dueDate: 'Date d’échéance',
  purchaseOrder: 'Bon de commande',
  corrects: 'Facture d’origine',
  billingPeriod: (from: string, to: string) => `Période de facturation : du ${from} au ${to}`,
  seller: 'Émetteur',
  billTo: 'Facturé à',
  deliverTo: 'Adresse de livraison',
  siren: 'SIREN',
  siret: 'SIRET',
  vatNumber: 'N° TVA',
  capital: (form: string, amount: string) => `${form} au capital de ${amount}`,
  description: 'Désignation',
  quantity: 'Qté',
  unit: 'Unité',
  unitPrice: 'P.U. HT',
  discount: 'Remise',
  vatRate: 'TVA',
  net: 'Montant HT',
  lineDiscount: (percent: string) => `Remise ${percent}`,
  vatBreakdown: 'Détail de la TVA',
  rate: 'Taux',
  base: 'Base HT',
  vatAmount: 'TVA',
  notSubject: 'Non soumis',
  totalWithoutVat: 'Total HT',
  allowances: 'Remises globales',
  charges: 'Frais',
  totalVat: 'Total TVA',
  totalWithVat: 'Total TTC',
  paid: 'Déjà réglé',
  rounding: 'Arrondi',
  amountDue: 'Net à payer',
  creditTotal: 'Total de l’avoir',
  payment: 'Règlement',
  payBefore: (date: string) => `À régler au plus tard le ${date}, par virement bancaire.`,
  payReference: (number: string) => `Merci d’indiquer la référence ${number} avec votre paiement.`,
  directDebit: (date: string, mandate: string, creditorId: string, account: string) =>
    `Réglée par prélèvement SEPA à l’échéance du ${date} — mandat ${mandate}, ICS ${creditorId}, compte débité ${account}`,
  creditSettlement: (number: string) => `Cet avoir vient en déduction de la facture ${number}.`,
  notes: 'Notes',
  page: (page: number, pages: number) => `Page ${page}/${pages}`,
  continued: 'suite',
};

export type Labels = typeof fr;

const en: Labels = {
  invoice: 'Invoice',
  creditNote: 'Credit note',
  numberPrefix: 'No.',
  issueDate: 'Issue date',
  deliveryDate: 'Delivery date',
  dueDate: 'Due date',
  purchaseOrder: 'Purchase order',
  corrects: 'Corrected invoice',
  billingPeriod: (from: string, to: string) => `Billing period: ${from} – ${to}`,
  seller: 'From',
  billTo: 'Bill to',
  deliverTo: 'Deliver to',
  siren: 'SIREN',
  siret: 'SIRET',
  vatNumber: 'VAT no.',
  capital: (form: string, amount: string) => `${form} with a share capital of ${amount}`,
  description: 'Description',
  quantity: 'Qty',
  unit: 'Unit',
  unitPrice: 'Unit price',
  discount: 'Discount',
  vatRate: 'VAT',
  net: 'Net amount',
  lineDiscount: (percent: string) => `Discount ${percent}`,
  vatBreakdown: 'VAT breakdown',
  rate: 'Rate',
  base: 'Taxable amount',
  vatAmount: 'VAT',
  notSubject: 'Not subject',
  totalWithoutVat: 'Total excl. VAT',
  allowances: 'Allowances',
  charges: 'Charges',
  totalVat: 'Total VAT',
  totalWithVat: 'Total incl. VAT',
  paid: 'Already paid',
  rounding: 'Rounding',
  amountDue: 'Amount due',
  creditTotal: 'Credit total',
  payment: 'Payment',
  payBefore: (date: string) => `Please pay by bank transfer no later than ${date}.`,
  payReference: (number: string) => `Please quote reference ${number} with your payment.`,
  directDebit: (date: string, mandate: string, creditorId: string, account: string) =>
    `Paid by SEPA direct debit on the due date, ${date} — mandate ${mandate}, creditor identifier ${creditorId}, account debited ${account}`,
  creditSettlement: (number: string) => `This credit note is deducted from invoice ${number}.`,
  notes: 'Notes',
  page: (page: number, pages: number) => `Page ${page}/${pages}`,
  continued: 'continued',
};

export const labels: Record<Language, Labels> = { fr, en };

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "29/11/2026" in French, "29 November 2026" in English (never the ambiguous 11/29). */
export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'fr') return `${d}/${m}/${y}`;
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`; // number-ok: calendar parts
}

/** Groups thousands and sets the decimal mark: "1 250,5" (narrow no-break spaces) or "1,250.5". */
function localise(plain: string, lang: Language): string {
  const negative = plain.startsWith('-');
  const [int = '0', frac] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  return `${negative ? '-' : ''}${grouped}${frac ? (lang === 'fr' ? ',' : '.') + frac : ''}`;
}

/** A decimal string as given, localised: quantities and percentages keep their own precision. */
export function formatDecimal(value: string, lang: Language): string {
  return localise(new Money(value).toString(), lang);
}

/**
 * An amount with its currency: "1 250,50 €" / "€1,250.50". At least the currency's decimals, more
 * when the value has them (a unit price of 0.125 € is printed as such, not rounded).
 */
export function formatMoney(value: string, currency: string, lang: Language): string {
  const d = new Money(value);
  const decimals = Math.max(Math.min(minorUnitsOf(currency), 2), d.decimalPlaces());
  const body = localise(d.toFixed(decimals), lang); // number-ok: Decimal#toFixed
  const symbol = currency === 'EUR' ? '€' : currency;
  if (lang === 'fr') return `${body}\u00a0${symbol}`;
  return symbol === '€' ? (body.startsWith('-') ? `-€${body.slice(1)}` : `€${body}`) : `${symbol}\u00a0${body}`;
}

/** "20 %" (French typography, no-break space) or "20%". */
export function formatPercent(value: string, lang: Language): string {
  return lang === 'fr' ? `${formatDecimal(value, lang)}\u00a0%` : `${formatDecimal(value, lang)}%`;
}

/** "FR76 3000 6000 0112 3456 7890 189": an IBAN in groups of four, as printed on bank documents. */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * "FR76 •••• •••• •••• •••• 0143": the account a direct debit draws on, recognisable by its owner (country,
 * check digits, last four) but not written out in full on a document that travels by email. The masked
 * groups are always four, so the print tells nothing of the account's length either; no-break spaces keep
 * it on one line.
 */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return [compact.slice(0, 4), '••••', '••••', '••••', '••••', compact.slice(-4)].join('\u00a0');
}

/** "912 345 675" and "912 345 675 00012", as the INSEE prints them. */
export function formatSiren(digits: string): string {
  return digits.length === 14 ? `${formatSiren(digits.slice(0, 9))} ${digits.slice(9)}` : digits.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}
