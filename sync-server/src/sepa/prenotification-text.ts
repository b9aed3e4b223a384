import { formatAmount, Money } from '@facturo/core';

/*
 * The words of a pre-notification (SDD Core rulebook PR-04): amount and due date, with what lets the debtor
 * recognise the debit on their statement and dispute it (the mandate reference, RUM, and the creditor
 * identifier, ICS). French unless the customer reads English.
 */

export interface PrenotificationFacts {
  lang: 'fr' | 'en';
  /** Decimal string, euros. */
  amount: string;
  collectionDate: string;
  rum: string;
  /** The company's ICS; the line is left out until it is set (the batch refuses to be made without it anyway). */
  creditorId: string | undefined;
  invoice: string;
  seller: string;
  ibanLast4: string;
}

/** Digits grouped by three from the right, with `separator`. */
function grouped(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** 1234.5 → "1 234,50 €" (narrow no-break spaces, as French typography writes amounts). */
export function frenchEuros(amount: string): string {
  const [units, cents] = formatAmount(new Money(amount)).split('.');
  return `${grouped(units!, '\u202f')},${cents!}\u00a0€`;
}

/** 1234.5 → "€1,234.50". */
export function englishEuros(amount: string): string {
  const [units, cents] = formatAmount(new Money(amount)).split('.');
  return `€${grouped(units!, ',')}.${cents!}`;
}

const frenchDay = (day: string) => day.split('-').reverse().join('/');

export function prenotificationEmail(f: PrenotificationFacts): { subject: string; text: string } {
  if (f.lang === 'en') {
    return {
      subject: `Direct debit of ${englishEuros(f.amount)} on ${f.collectionDate} – invoice ${f.invoice}`,
      text: [
        'Hello,', '',
        `As agreed in your SEPA direct debit mandate, ${englishEuros(f.amount)} will be debited from your account ending in ${f.ibanLast4} on ${f.collectionDate}, in payment of invoice ${f.invoice}.`, '',
        `Mandate reference (UMR): ${f.rum}`,
        ...(f.creditorId ? [`SEPA creditor identifier: ${f.creditorId}`] : []), '',
        'Please make sure the account is funded on that date.', '', f.seller, '',
      ].join('\n'),
    };
  }
  return {
    subject: `Prélèvement SEPA de ${frenchEuros(f.amount)} le ${frenchDay(f.collectionDate)} – facture ${f.invoice}`,
    text: [
      'Bonjour,', '',
      `Conformément à votre mandat de prélèvement SEPA, la somme de ${frenchEuros(f.amount)} sera prélevée le ${frenchDay(f.collectionDate)} sur votre compte se terminant par ${f.ibanLast4}, en règlement de la facture ${f.invoice}.`, '',
      `Référence unique du mandat (RUM) : ${f.rum}`,
      ...(f.creditorId ? [`Identifiant créancier SEPA (ICS) : ${f.creditorId}`] : []), '',
      'Merci de veiller à ce que votre compte soit approvisionné à cette date.', '', f.seller, '',
    ].join('\n'),
  };
}
