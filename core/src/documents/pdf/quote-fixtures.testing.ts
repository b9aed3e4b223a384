import { computeInvoiceTotals } from '../../tax';
import type { QuotePdfLine, QuotePdfModel, QuotePdfSection, QuotePdfTotals } from './quote-model';
import { fixtures } from './fixtures.testing';

/* Quote models for the quote PDF tests: totals computed by core/tax over the selected lines, as the caller does. */

type LineInput = Omit<QuotePdfLine, 'lineTotal' | 'vatCategory' | 'optional' | 'selected'> & Partial<Pick<QuotePdfLine, 'optional' | 'selected'>>;

const included = (l: QuotePdfLine) => !l.optional || l.selected;

function computed(lines: LineInput[], currency: string): QuotePdfLine[] {
  const totals = computeInvoiceTotals({ currency, lines: lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: 'S', vatRate: l.vatRate ?? '20', ...(l.discountPercent ? { discount: { percent: l.discountPercent } } : {}) })) });
  return lines.map((l, i) => ({ optional: false, selected: true, ...l, vatRate: l.vatRate ?? '20', vatCategory: 'S', lineTotal: totals.lines[i]!.netAmount }));
}

/** The totals of the lines the customer takes: mandatory lines and selected options. */
export function totalsOf(sections: QuotePdfSection[], currency = 'EUR'): QuotePdfTotals {
  const lines = sections.flatMap((s) => s.lines).filter(included);
  const t = computeInvoiceTotals({ currency, lines: lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: l.vatCategory, vatRate: l.vatRate ?? '0', ...(l.discountPercent ? { discount: { percent: l.discountPercent } } : {}) })) });
  return { totalWithoutVat: t.totalWithoutVat, vatTotal: t.vatTotal, totalWithVat: t.totalWithVat, vatBreakdown: t.vatBreakdown };
}

const buyer = { name: 'Boulangerie Martin & Fils', line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR', siren: '532198769', vatNumber: 'FR84532198769' };

export function quoteModel(sections: { title?: string; text?: string; lines: LineInput[] }[], extra: Partial<QuotePdfModel> = {}): QuotePdfModel {
  const built = sections.map((s) => ({ ...s, lines: computed(s.lines, 'EUR') }));
  return {
    seller: fixtures.short().seller, buyer, number: 'D-2026-00012', version: 2, issueDate: '2026-12-01', validUntil: '2026-12-31', currency: 'EUR', language: 'fr',
    title: 'Refonte du site', intro: 'Suite à notre rendez-vous du 24 novembre, voici notre proposition.', closing: 'Nous restons à votre disposition pour tout complément.',
    paymentTerms: '30 % à la commande, le solde à la livraison, par virement.', sections: built, totals: totalsOf(built), ...extra,
  };
}

export const quotes = {
  /** Two sections, an option taken, an option left, a discount and two VAT rates. */
  short: (extra: Partial<QuotePdfModel> = {}) =>
    quoteModel([
      { title: 'Conception', text: 'Ateliers et maquettes validés avec vous avant tout développement.', lines: [
        { description: 'Atelier de cadrage', quantity: '1', unit: 'jour', unitPrice: '650.00' },
        { description: 'Maquettes haute fidélité', quantity: '4', unit: 'écran', unitPrice: '280.00', discountPercent: '10' },
        { description: 'Animation de la page d’accueil', quantity: '1', unit: 'forfait', unitPrice: '900.00', optional: true, selected: false },
      ] },
      { title: 'Réalisation', lines: [
        { description: 'Développement et intégration', quantity: '6', unit: 'jour', unitPrice: '580.00' },
        { description: 'Formation des équipes', quantity: '1', unit: 'jour', unitPrice: '550.00', optional: true, selected: true },
        { description: 'Livre « Le Web en pratique »', quantity: '2', unit: 'pièce', unitPrice: '24.90', vatRate: '5.5' },
      ] },
    ], extra),
  /** 120 lines in 6 sections, every tenth an option. */
  long: (extra: Partial<QuotePdfModel> = {}) =>
    quoteModel(Array.from({ length: 6 }, (_, s) => ({
      title: `Lot ${s + 1} — ${['Cadrage', 'Design', 'Front-end', 'Back-office', 'Recette', 'Mise en ligne'][s]}`,
      lines: Array.from({ length: 20 }, (_, i) => ({
        description: `Prestation ${s * 20 + i + 1}${i % 9 === 4 ? ', avec une description assez longue pour tenir sur plusieurs lignes du tableau' : ''}`,
        quantity: String((i % 4) + 1), unit: 'h', unitPrice: `${90 + i * 5}.00`, optional: i % 10 === 7, selected: s % 2 === 0,
      })),
    })), extra),
};
