import { QuoteSettings, type Workspace } from '@facturo/core';

/*
 * The demo company's quote settings (issue 6): rules a web agency would really use, two templates, and an
 * approval circuit for large or deeply discounted quotes, so that `npm start` shows every part of quoting.
 */
export function demoQuoteSettings(ws: Workspace, now: string): QuoteSettings {
  const qs = new QuoteSettings(ws.doc);
  const byName = new Map(ws.listProducts().map((p) => [p.name, p.id]));
  const id = (name: string) => byName.get(name)!;
  qs.setPricingRule('photos-volume', {
    name: 'Photos : dégressif', priority: 20, combine: 'best',
    conditions: { productIds: [id('Photographie produit')] },
    effect: { kind: 'tieredUnitPrice', tiers: [{ minQuantity: '20', unitPrice: '30.00' }, { minQuantity: '50', unitPrice: '26.00' }] },
  }, now, 'system:demo');
  qs.setPricingRule('maintenance-engagement', {
    name: 'Maintenance : engagement 12 mois', priority: 10,
    conditions: { productIds: [id('Maintenance mensuelle')], commitmentMonths: { min: 12 } },
    effect: { kind: 'percentOff', percent: '15' },
  }, now, 'system:demo');
  qs.setPricingRule('conseil-volume', {
    name: 'Conseil : 5 jours et plus', priority: 10,
    conditions: { productIds: [id('Journée de conseil')], quantity: { min: '5' } },
    effect: { kind: 'percentOff', percent: '8' },
  }, now, 'system:demo');
  qs.setPricingRule('clients-fideles', {
    name: 'Clients fidèles (3 ans et plus) : sites web', priority: 5,
    conditions: { customer: { minSeniorityMonths: 36 }, categories: ['Web'] },
    effect: { kind: 'percentOff', percent: '5' },
  }, now, 'system:demo');
  qs.setPricingRule('plancher-marge', { name: 'Marge minimale 30 %', priority: 0, effect: { kind: 'marginFloor', percent: '30' } }, now, 'system:demo');
  qs.setTemplate('site-vitrine', {
    name: 'Site vitrine clé en main', title: 'Création de votre site vitrine', validityDays: 30, depositPercent: '30', paymentTermsDays: 30,
    intro: 'Bonjour,\n\nSuite à notre échange, voici notre proposition pour {{customer.name}}.',
    closing: 'Le solde est facturé à la mise en ligne du site. Merci de votre confiance !',
    sections: [
      { title: 'Conception et réalisation', lines: [{ productId: id('Création de site vitrine'), description: '', quantity: '1' }, { productId: id('Photographie produit'), description: '', quantity: '20' }] },
      { title: 'Options', text: 'Cochez les options qui vous intéressent.', lines: [
        { productId: id('Hébergement annuel'), description: '', quantity: '1', optional: true, selected: true },
        { productId: id('Maintenance mensuelle'), description: '', quantity: '12', optional: true, selected: false },
        { productId: id('Formation WordPress (½ journée)'), description: '', quantity: '1', optional: true, selected: false },
      ] },
    ],
  }, now, 'system:demo');
  qs.setTemplate('conseil', {
    name: 'Mission de conseil', title: 'Mission de conseil', validityDays: 15,
    sections: [{ title: 'Mission', lines: [{ productId: id('Journée de conseil'), description: '', quantity: '5' }] }],
  }, now, 'system:demo');
  qs.setApprovalConfig({
    circuits: [{ id: 'direction', name: 'Direction', steps: [{ name: 'Direction', approvers: { role: 'owner' }, rule: { mode: 'any' } }] }],
    routing: [
      { id: 'gros-devis', when: { totalAtLeast: '20000' }, circuitId: 'direction' },
      { id: 'remise-forte', when: { maxDiscountAbove: '20' }, circuitId: 'direction' },
      { id: 'secteur-public', when: { segments: ['Secteur public'] }, circuitId: 'direction' },
    ],
    defaultCircuitId: null,
    checks: { mandatoryFields: ['customerId', 'validUntil', 'lines'], marginFloorPercent: '20' },
  });
  return qs;
}
