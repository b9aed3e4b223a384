import * as Y from 'yjs';
import { applyPricing, segmentsOf, createCustomerIn, CustomerBook, docIds, DraftDocument, fillFromTemplate, QuoteDocument, Workspace } from '@facturo/core';
import { demoQuoteSettings } from './demo-quotes';
import { demoPlans, demoSubscriptions } from './demo-subscriptions';
import { projectQuote } from './quotes/state';
import { companyBySlug, createCompany, createInvitation } from './companies';
import { newId } from './ids';
import { recordEvent, type Services } from './services';
import { projectDraft } from './projections/documents';
import { projectCustomer } from './customers/records';

const customers = [
  { kind: 'company', name: 'Boulangerie Martin', email: 'contact@boulangerie-martin.fr', siren: '532198769', vatNumber: 'FR84532198769', paymentTermsDays: 30, segments: 'Commerce, TPE', customerSince: '2021-03-01', address: { line1: '12 rue de la République', postcode: '69002', city: 'Lyon', country: 'FR' } },
  { kind: 'company', name: 'Mairie de Villeurbanne', email: 'achats@mairie-villeurbanne.fr', siren: '216902643', paymentTermsDays: 30, segments: 'Secteur public', address: { line1: 'Place Lazare-Goujon', postcode: '69100', city: 'Villeurbanne', country: 'FR' } },
  { kind: 'company', name: 'Clinique vétérinaire des Alpes', email: 'compta@cliniquealpes.fr', siren: '804512390', vatNumber: 'FR60804512390', paymentTermsDays: 45, address: { line1: '4 avenue Alsace-Lorraine', postcode: '38000', city: 'Grenoble', country: 'FR' } },
  { kind: 'company', name: 'Hôtel Le Grand Cerf', email: 'direction@grandcerf.fr', siren: '418273645', vatNumber: 'FR41418273645', paymentTermsDays: 30, segments: 'Hôtellerie, PME', customerSince: '2019-06-10', address: { line1: '1 place du Marché', postcode: '21200', city: 'Beaune', country: 'FR' } },
  { kind: 'company', name: 'Brightwave Ltd', email: 'accounts@brightwave.co.uk', language: 'en', paymentTermsDays: 30, address: { line1: '22 Queen Street', postcode: 'EH2 1JX', city: 'Edinburgh', country: 'GB' } },
  { kind: 'company', name: 'Kaffeehaus Weber GmbH', email: 'buchhaltung@kaffeehaus-weber.de', vatNumber: 'DE811907980', language: 'en', paymentTermsDays: 30, address: { line1: 'Friedrichstraße 101', postcode: '10117', city: 'Berlin', country: 'DE' } },
  { kind: 'individual', name: 'Sophie Durand', email: 'sophie.durand@example.fr', address: { line1: '8 impasse des Lilas', postcode: '33000', city: 'Bordeaux', country: 'FR' } },
] as const;

const products = [
  { name: 'Création de site vitrine', unit: 'forfait', unitPrice: '2400.00', vatRate: '20', costPrice: '1100.00', category: 'Web' },
  { name: 'Boutique en ligne', unit: 'forfait', unitPrice: '5900.00', vatRate: '20', costPrice: '2800.00', category: 'Web' },
  { name: 'Journée de conseil', unit: 'jour', unitPrice: '650.00', vatRate: '20', costPrice: '280.00', category: 'Conseil' },
  { name: 'Maintenance mensuelle', unit: 'mois', unitPrice: '89.00', vatRate: '20', costPrice: '25.00', category: 'Abonnements' },
  { name: 'Hébergement annuel', unit: 'an', unitPrice: '180.00', vatRate: '20', costPrice: '60.00', category: 'Abonnements' },
  { name: 'Formation WordPress (½ journée)', unit: 'session', unitPrice: '420.00', vatRate: '20', costPrice: '150.00', category: 'Formation' },
  { name: 'Photographie produit', unit: 'photo', unitPrice: '35.00', vatRate: '20', costPrice: '12.00', category: 'Contenu' },
  { name: 'Rédaction d’article', unit: 'article', unitPrice: '150.00', vatRate: '20', costPrice: '60.00', category: 'Contenu' },
] as const;

/**
 * The demo company (slug `demo`): created once with its settings, customers and products written
 * to its workspace document through the log; later runs leave its data alone. Every run returns a
 * fresh one-time owner invitation.
 */
export async function ensureDemo(s: Services): Promise<{ companyId: string; created: boolean; inviteUrl: string }> {
  const now = s.now();
  let company = await companyBySlug(s.db, 'demo');
  let created = false;
  if (!company) {
    const entry = await createCompany(s.db, { name: 'Studio Boréal', slug: 'demo' }, null, now);
    company = { id: entry.id, name: entry.name };
    created = true;
    const doc = new Y.Doc();
    const ws = new Workspace(doc);
    ws.updateSettings({
      legalName: 'Studio Boréal SAS', tradeName: 'Studio Boréal', legalForm: 'SAS', shareCapital: '10000.00',
      siren: '912345675', siret: '91234567500017', vatNumber: 'FR65912345675', rcsCity: 'Lyon',
      email: 'bonjour@studio-boreal.fr', phone: '04 78 00 00 00', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP',
      currency: 'EUR', paymentTermsDays: 30, language: 'fr', vatRegime: 'normal',
      latePenaltyTerms: 'taux BCE + 10 points', earlyPaymentTerms: 'Pas d’escompte pour paiement anticipé',
      line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR', sepaCreditorId: 'FR72ZZZ123456',
    });
    demoPlans(ws, now.toISOString());
    // Each customer's record in its own document (sealed under its own key), listed in the workspace.
    const customerIds: string[] = [];
    for (const c of customers) {
      const id = newId('cu');
      const book = new CustomerBook(new Y.Doc());
      createCustomerIn(ws, book, id, c, now.toISOString(), 'system:demo');
      const room = { companyId: company.id, docId: docIds.customer(company.id, id), doc: book.doc };
      await s.log.append({ ...room, kind: 'update', actor: 'system:demo', payload: Y.encodeStateAsUpdate(book.doc) });
      await projectCustomer(s, room);
      customerIds.push(id);
    }
    for (const p of products) ws.createProduct(newId('pr'), p, now.toISOString());
    // A few drafts to open, finish and issue: each is its own document.
    const drafts = [
      { customer: 0, lines: [products[0], products[4]], qty: ['1', '1'] },
      { customer: 2, lines: [products[2], products[5]], qty: ['3', '2'] },
      { customer: 4, lines: [products[3]], qty: ['12'] },
    ];
    for (const d of drafts) {
      const id = newId('dc');
      const draft = new DraftDocument(new Y.Doc());
      draft.init('invoice', { createdAt: now.toISOString(), createdBy: 'system:demo', customerId: customerIds[d.customer]!, operationCategory: 'services' });
      d.lines.forEach((p, i) => draft.addLine(newId('ln'), { description: p.name, quantity: d.qty[i]!, unit: p.unit, unitPrice: p.unitPrice, vatRate: p.vatRate }));
      ws.registerDocument(id, { kind: 'invoice', createdAt: now.toISOString(), createdBy: 'system:demo', customerId: customerIds[d.customer]! });
      await s.log.append({ companyId: company.id, docId: docIds.document(company.id, id), kind: 'update', actor: 'system:demo', payload: Y.encodeStateAsUpdate(draft.doc) });
      await projectDraft(s, { companyId: company.id, docId: docIds.document(company.id, id), doc: draft.doc });
    }
    // Quotes: pricing rules, templates and an approval circuit to try, and one quote made from a template.
    const quoteSettings = demoQuoteSettings(ws, now.toISOString());
    const quoteId = newId('dc');
    const quote = new QuoteDocument(new Y.Doc());
    const productsById = new Map(ws.listProducts().map((p) => [p.id, p]));
    fillFromTemplate(quote, {
      template: quoteSettings.getTemplate('site-vitrine')!, newId: (prefix) => newId(prefix), products: productsById, customerId: customerIds[0]!,
      today: now.toISOString().slice(0, 10), createdAt: now.toISOString(), createdBy: 'system:demo', render: (t) => t.replace('{{customer.name}}', customers[0].name),
    });
    const buyer = customers[0];
    applyPricing(quote, quoteSettings.activePricingRules(), {
      date: now.toISOString().slice(0, 10),
      customer: { segments: segmentsOf(buyer), since: buyer.customerSince, country: buyer.address.country, postcode: buyer.address.postcode },
    });
    ws.registerDocument(quoteId, { kind: 'quote', createdAt: now.toISOString(), createdBy: 'system:demo', customerId: customerIds[0]! });
    const quoteRoom = { companyId: company.id, docId: docIds.document(company.id, quoteId), doc: quote.doc };
    await s.log.append({ ...quoteRoom, kind: 'update', actor: 'system:demo', payload: Y.encodeStateAsUpdate(quote.doc) });
    await s.log.append({ companyId: company.id, docId: docIds.workspace(company.id), kind: 'update', actor: 'system:demo', payload: Y.encodeStateAsUpdate(doc) });
    // After the workspace is in the log: projecting reads the customer, which opens the workspace's room.
    await projectQuote(s, quoteRoom);
    await demoSubscriptions(s, company.id, customerIds);
    await recordEvent(s, company.id, 'system:demo', { type: 'company_created', name: company.name, demo: true });
  }
  const invitation = await createInvitation(s.db, company.id, 'owner', null, now);
  await recordEvent(s, company.id, 'system:cli', { type: 'invitation_created', role: 'owner' });
  return { companyId: company.id, created, inviteUrl: `${s.config.origins[0]}${invitation.url}` };
}
