import * as Y from 'yjs';
import { freezeContent, freezeDocument, type FrozenDocument } from '../issuing';
import { computeInvoiceTotals, type DocumentAdjustmentInput } from '../tax';
import { CustomerBook, type CustomerInput } from '../schema/customers';
import { DraftDocument, type DirectDebit, type DocumentKind, type DocumentMetaInput, type LineInput } from '../schema/document';
import { Workspace, defaultSeries, type CompanySettings } from '../schema/workspace';
import { invoiceModel, type Invoice } from './xml';

/*
 * Frozen documents for the e-invoice tests, one per case of the matrix, each issued through
 * freezeDocument exactly as the server's issue command does; their semantic models for the rule
 * tests to tamper with; and the comparison of an invoice read back from XML with the frozen
 * document it was written from.
 */

const now = '2026-11-29T10:00:00Z';

const seller: Partial<CompanySettings> = {
  legalName: 'Studio Boréal SAS', tradeName: 'Boréal', legalForm: 'SAS', shareCapital: '10000.00', rcsCity: 'Lyon',
  siren: '912345675', siret: '91234567500017', vatNumber: 'FR65912345675', email: 'factures@boreal.example', phone: '+33 4 72 00 00 00',
  line1: '25 quai Saint-Antoine', line2: 'Bâtiment B', postcode: '69002', city: 'Lyon', country: 'FR',
  iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX', paymentTermsDays: 30,
};

const frenchCompany: CustomerInput = {
  name: 'Boulangerie Martin & Fils', siren: '532198769', vatNumber: 'FR84532198769', email: 'compta@martin.example',
  address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' }, paymentTermsDays: 45,
};

interface Case {
  kind?: DocumentKind;
  settings?: Partial<CompanySettings>;
  customer?: CustomerInput;
  meta?: DocumentMetaInput & { precedingNumber?: string; precedingIssueDate?: string };
  lines: LineInput[];
  /** Document level allowances and charges, which drafts do not hold yet (BG-20, BG-21). */
  adjustments?: { allowances?: DocumentAdjustmentInput[]; charges?: DocumentAdjustmentInput[]; paidAmount?: string };
  /** BG-19, which only the billing run sets: the draft's content is then frozen as plain data, as the run does. */
  directDebit?: DirectDebit;
}

/** A SEPA mandate of the buyer's (RUM, the seller's ICS, the debtor's IBAN), all three valid. */
export const sepaMandate: DirectDebit = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560143' };

export function frozen(c: Case, number = 'F-2026-00042'): FrozenDocument {
  const kind = c.kind ?? 'invoice';
  const ws = new Workspace(new Y.Doc());
  ws.updateSettings({ ...seller, ...c.settings });
  const book = new CustomerBook(new Y.Doc());
  book.createCustomer('cu_1', c.customer ?? frenchCompany, now);
  const draft = new DraftDocument(new Y.Doc());
  draft.init(kind, { createdAt: now, customerId: 'cu_1', operationCategory: 'services', ...c.meta });
  c.lines.forEach((line, i) => draft.addLine(`l${i + 1}`, line));
  const series = defaultSeries.find((s) => s.kind === kind)!;
  const ctx = { kind, settings: ws.readSettings(), customer: book.getCustomer('cu_1'), series, issueDate: '2026-11-29', id: 'dc_1', number };
  const content = draft.content();
  const doc = c.directDebit ? freezeContent({ ...content, meta: { ...content.meta, directDebit: c.directDebit } }, ctx) : freezeDocument(draft, ctx);
  if (!c.adjustments) return doc;
  return { ...doc, totals: computeInvoiceTotals({ ...draft.toTaxInput(), ...c.adjustments }) };
}

const franchiseReason = { vatCategory: 'E' as const, vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI', exemptionCode: 'VATEX-FR-FRANCHISE' };

/** The matrix every syntax is tested on: name → frozen document. */
export const matrix = {
  'standard-rated invoice with several rates': () =>
    frozen({
      settings: { vatOnDebits: true },
      meta: { purchaseOrderRef: 'BC-2026/118', notes: 'Merci pour votre confiance.\nProjet « Vitrine » <phase 2>', deliveryDate: '2026-11-20' },
      lines: [
        { description: 'Site vitrine\nConception, intégration & mise en ligne', quantity: '1', unitPrice: '2400.00', vatRate: '20', productId: 'pr_site' },
        { description: 'Maintenance', quantity: '3', unit: 'heures', unitPrice: '89.00', vatRate: '20', discountPercent: '10' },
        { description: 'Livre « Le Web »', quantity: '2', unit: 'pièce', unitPrice: '24.90', vatRate: '5.5' },
        { description: 'Formation', quantity: '0.5', unit: 'jour', unitPrice: '650.125', vatRate: '10' },
      ],
    }),
  'franchise invoice (art. 293 B, category E)': () =>
    frozen({
      settings: { vatRegime: 'franchise', vatNumber: '', legalForm: 'EI', shareCapital: '', rcsCity: '' },
      lines: [{ description: 'Cours de piano', quantity: '4', unit: 'h', unitPrice: '40', ...franchiseReason }],
    }),
  'reverse charge invoice (AE, autoliquidation)': () =>
    frozen({
      meta: { operationCategory: 'services' },
      lines: [{ description: 'Travaux de plâtrerie (sous-traitance)', quantity: '1', unitPrice: '5000', vatCategory: 'AE', vatRate: '0', exemptionReason: 'Autoliquidation', exemptionCode: 'VATEX-EU-AE' }],
    }),
  'intra-EU supply of goods (K)': () =>
    frozen({
      customer: {
        name: 'Bäckerei Müller GmbH', vatNumber: 'DE100000008', email: 'rechnung@mueller.example', language: 'en',
        address: { line1: 'Hauptstraße 5', postcode: '10115', city: 'Berlin', country: 'DE' },
        deliveryAddress: { line1: 'Lager 3, Industriestraße 9', postcode: '12099', city: 'Berlin', country: 'DE' },
      },
      meta: { operationCategory: 'goods', deliveryDate: '2026-11-25' },
      lines: [{ description: 'Four à sole', quantity: '1', unitPrice: '12000', vatCategory: 'K', vatRate: '0', exemptionReason: 'Exonération de TVA, article 262 ter I du CGI', exemptionCode: 'VATEX-EU-IC' }],
    }),
  'credit note': () =>
    frozen(
      {
        kind: 'credit_note',
        meta: { precedingNumber: 'F-2026-00041', precedingIssueDate: '2026-11-02' },
        lines: [{ description: 'Remboursement maintenance non effectuée', quantity: '2', unit: 'h', unitPrice: '89.00', vatRate: '20' }],
      },
      'AV-2026-00007',
    ),
  'invoice to an individual': () =>
    frozen({
      customer: { kind: 'individual', name: 'Camille Durand', email: 'camille@example.org', address: { line1: '3 impasse des Lilas', postcode: '69100', city: 'Villeurbanne', country: 'FR' } },
      lines: [{ description: 'Séance photo', quantity: '1', unitPrice: '180', vatRate: '20' }],
    }),
  'foreign buyer, export of goods (G)': () =>
    frozen({
      customer: { name: 'Uhrwerk AG', email: 'billing@uhrwerk.example', language: 'en', address: { line1: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' } },
      meta: { operationCategory: 'goods', deliveryDate: '2026-11-24' },
      lines: [{ description: 'Horloge murale', quantity: '3', unitPrice: '310', vatCategory: 'G', vatRate: '0', exemptionReason: 'Exonération de TVA, article 262 I du CGI', exemptionCode: 'VATEX-EU-G' }],
    }),
  'discounts, a charge and a delivery address': () =>
    frozen({
      customer: { ...frenchCompany, deliveryAddress: { line1: 'Fournil, 4 chemin du Moulin', postcode: '69230', city: 'Saint-Genis-Laval' } },
      meta: { operationCategory: 'mixed', deliveryDate: '2026-11-27' },
      lines: [
        { description: 'Pétrin', quantity: '1', unitPrice: '3200', vatRate: '20', discountPercent: '5' },
        { description: 'Installation', quantity: '6', unit: 'h', unitPrice: '75', vatRate: '20', discountPercent: '12.5' },
      ],
      adjustments: {
        allowances: [{ percent: '2', baseAmount: '3433.75', vatCategory: 'S', vatRate: '20', reason: 'Remise fidélité', reasonCode: '95' }],
        charges: [{ amount: '45.00', vatCategory: 'S', vatRate: '20', reason: 'Livraison', reasonCode: 'FC' }],
      },
    }),
  'service invoice for a billing period (BG-14)': () =>
    frozen({
      // VAT on debits: BT-8 shares UBL's InvoicePeriod with BT-73 and BT-74.
      settings: { vatOnDebits: true },
      meta: { invoicingPeriodStart: '2026-11-01', invoicingPeriodEnd: '2026-11-30', deliveryDate: '2026-11-30' },
      lines: [{ description: 'Infogérance — forfait mensuel', quantity: '1', unit: 'mois', unitPrice: '450.00', vatRate: '20' }],
    }),
  'invoice collected by SEPA direct debit (BG-19)': () =>
    frozen({
      meta: { invoicingPeriodStart: '2026-11-01', invoicingPeriodEnd: '2026-11-30' },
      lines: [{ description: 'Abonnement Pro — novembre', quantity: '1', unit: 'mois', unitPrice: '49.00', vatRate: '20' }],
      directDebit: sepaMandate,
    }),
} satisfies Record<string, () => FrozenDocument>;

export type MatrixCase = keyof typeof matrix;

/** A fresh semantic model of a case of the matrix, to tamper with. */
export function model(name: MatrixCase): Invoice {
  return invoiceModel(matrix[name]());
}

/**
 * The individual's one-line invoice (180 at 20 %) as if taxed in category Z (zero rated) or O (not
 * subject to VAT, hence no VAT identifiers at all): the cases no French seller of ours issues yet.
 */
export function retaxed(category: 'Z' | 'O'): Invoice {
  const inv = model('invoice to an individual');
  const rate = category === 'Z' ? '0' : undefined;
  inv.lines = inv.lines.map((l) => ({ ...l, vatCategory: category, vatRate: rate }));
  inv.vatBreakdown = [{ category, rate, taxableAmount: '180.00', taxAmount: '0.00', ...(category === 'O' ? { exemptionReason: 'Non soumis à la TVA', exemptionCode: 'VATEX-EU-O' } : {}) }];
  inv.totals = { ...inv.totals, vat: '0.00', withVat: '180.00', due: '180.00' };
  if (category === 'O') delete inv.seller.vatId;
  return inv;
}
