import type { FrozenDocument } from '../../issuing';
import type { CustomerInput } from '../../schema/customers';
import type { CompanySettings } from '../../schema/workspace';
import { frozen, sepaMandate } from '../fixtures.testing';

/* Frozen documents for the PDF tests, issued through freezeDocument as the server does. Font bytes and
   logos come from testing/ at the repository root (they need Node). */

/** The PDF tests' seller: the shared one, with a trade name and a phone written as French people write it. */
const seller: Partial<CompanySettings> = { tradeName: 'Boréal Design', phone: '04 72 00 00 00', bic: 'AGRIFRPP' };

const buyer: CustomerInput = {
  name: 'Boulangerie Martin & Fils', siren: '532198769', vatNumber: 'FR84532198769',
  address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' }, paymentTermsDays: 45,
};

type Case = Parameters<typeof frozen>[0] & { number?: string };

/** A frozen document as the server's issue command makes it (the e-invoice tests' builder, shared). */
export function issue(c: Case): FrozenDocument {
  const number = c.number ?? (c.kind === 'credit_note' ? 'AV-2026-00007' : 'F-2026-00042');
  return frozen({ ...c, settings: { ...seller, ...c.settings }, customer: c.customer ?? buyer }, number);
}

const services = ['Atelier de cadrage', 'Maquettes haute fidélité', 'Développement front-end', 'Intégration du back-office', 'Recette et corrections', 'Hébergement (mois)', 'Nom de domaine', 'Formation des équipes'];

export const fixtures = {
  short: () =>
    issue({
      meta: { purchaseOrderRef: 'BC-2026/118', deliveryDate: '2026-11-20', notes: 'Merci pour votre confiance.' },
      lines: [
        { description: 'Site vitrine — conception, intégration et mise en ligne de 6 pages, formulaire de contact et optimisation du référencement naturel', quantity: '1', unit: 'forfait', unitPrice: '2400.00', vatRate: '20' },
        { description: 'Maintenance', quantity: '3', unit: 'h', unitPrice: '89.00', vatRate: '20', discountPercent: '10' },
        { description: 'Livre « Le Web en pratique »', quantity: '2', unit: 'pièce', unitPrice: '24.90', vatRate: '5.5' },
      ],
    }),
  long: () =>
    issue({
      customer: { ...buyer, deliveryAddress: { line1: 'Fournil, 4 chemin du Moulin', postcode: '69230', city: 'Saint-Genis-Laval', country: 'FR' } },
      meta: { operationCategory: 'mixed' },
      lines: Array.from({ length: 40 }, (_, i) => ({
        description: `${services[i % services.length]} — lot ${i + 1}${i % 7 === 3 ? ', avec une description assez longue pour tenir sur plusieurs lignes du tableau sans déborder sur les colonnes voisines' : ''}`,
        quantity: String((i % 5) + 1),
        unit: i % 2 ? 'h' : 'jour',
        unitPrice: (120 + i * 7.5).toFixed(2), // number-ok: test data
        vatRate: i % 6 === 5 ? '10' : '20',
        ...(i % 4 === 1 ? { discountPercent: '5' } : {}),
      })),
    }),
  creditNote: () =>
    issue({
      kind: 'credit_note',
      meta: { precedingNumber: 'F-2026-00041', precedingIssueDate: '2026-11-02' },
      lines: [{ description: 'Maintenance non effectuée en novembre', quantity: '2', unit: 'h', unitPrice: '89.00', vatRate: '20' }],
    }),
  english: () =>
    issue({
      customer: {
        name: 'Bäckerei Müller GmbH', vatNumber: 'DE100000008', language: 'en',
        address: { line1: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', country: 'DE' },
        deliveryAddress: { line1: 'Lager 3, Industriestraße 9', postcode: '12099', city: 'Berlin', country: 'DE' },
      },
      meta: { operationCategory: 'goods', deliveryDate: '2026-11-25', purchaseOrderRef: 'PO-7781' },
      lines: [{ description: 'Deck oven, 3 decks', quantity: '1', unitPrice: '12000', vatCategory: 'K', vatRate: '0', exemptionReason: 'Exonération de TVA, article 262 ter I du CGI', exemptionCode: 'VATEX-EU-IC' }],
    }),
  franchise: () =>
    issue({
      settings: { vatRegime: 'franchise', vatNumber: '', legalName: 'Claire Petit', tradeName: 'Atelier Piano', legalForm: 'EI', shareCapital: '', rcsCity: '' },
      customer: { kind: 'individual', name: 'Camille Durand', address: { line1: '3 impasse des Lilas', postcode: '69100', city: 'Villeurbanne', country: 'FR' } },
      lines: [{ description: 'Cours de piano', quantity: '4', unit: 'h', unitPrice: '40', vatCategory: 'E', vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI', exemptionCode: 'VATEX-FR-FRANCHISE' }],
    }),
  /** A subscription's month collected under a SEPA mandate, due on 31 December 2026. */
  directDebit: (customer: CustomerInput = buyer) =>
    issue({
      customer,
      meta: { dueDate: '2026-12-31', invoicingPeriodStart: '2026-11-01', invoicingPeriodEnd: '2026-11-30' },
      lines: [{ description: 'Abonnement Pro — novembre', quantity: '1', unit: 'mois', unitPrice: '49.00', vatRate: '20' }],
      directDebit: sepaMandate,
    }),
  reverseCharge: () =>
    issue({
      lines: [{ description: 'Travaux de plâtrerie (sous-traitance)', quantity: '1', unitPrice: '5000', vatCategory: 'AE', vatRate: '0', exemptionReason: 'Autoliquidation', exemptionCode: 'VATEX-EU-AE' }],
    }),
};
