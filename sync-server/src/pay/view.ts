import { displayAmount, Money } from '@facturo/core';
import { companyToday, readFrozen } from '../commands/issue';
import { invoiceStandings } from '../payments';
import type { Services } from '../services';
import { configuredGateways } from './online';
import type { PayLanguage, PayView } from './page';

/* What the pay page shows of an issued invoice: its face and what is still due today (payments' standings). */

const dateIn = (iso: string, lang: PayLanguage) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/** null when the invoice is not an issued invoice of the company (the page then says "not found"). */
export async function payViewOf(s: Services, companyId: string, invoiceId: string, path: string): Promise<PayView | null> {
  const frozen = await readFrozen(s, companyId, invoiceId);
  if (!frozen || frozen.content.kind !== 'invoice') return null;
  const doc = frozen.content;
  const lang: PayLanguage = doc.buyer.language === 'en' ? 'en' : 'fr';
  const standing = (await invoiceStandings(s.db, companyId, companyToday(s.now()), { ids: [invoiceId] })).get(invoiceId);
  const open = standing?.open ?? doc.totals.totalWithVat;
  const paid = new Money(open).lte(0);
  return {
    lang, number: doc.number, seller: doc.seller.tradeName ?? doc.seller.legalName ?? '',
    due: displayAmount(paid ? '0' : open, doc.currency, lang), dueDate: dateIn(doc.dueDate, lang), paid, path,
    // A direct-debited invoice is collected under its mandate: no button, lest it be paid twice.
    gateways: doc.meta.directDebit ? [] : await configuredGateways(s, companyId),
  };
}
