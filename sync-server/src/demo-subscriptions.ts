import { PlanBook, type Workspace } from '@facturo/core';
import { companyToday } from './commands/issue';
import { createSubscription } from './billing/commands';
import { afterBilling } from './billing/effects';
import { runBilling } from './billing/run';
import { createMandate } from './sepa';
import type { Services } from './services';

/*
 * The demo company's subscriptions (issue 7): three plans a web agency sells, a SEPA mandate, and three
 * subscriptions, billed once at creation so that `npm start` shows recurring invoices, their period and a
 * pending direct debit.
 */
export function demoPlans(ws: Workspace, now: string): void {
  const book = new PlanBook(ws.doc);
  book.set('maintenance', {
    name: 'Maintenance mensuelle', unitPrice: '89.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar',
    unit: 'mois', description: 'Maintenance du site (mises à jour, sauvegardes, supervision)', commitmentMonths: 12, tacitRenewal: true,
  }, now, 'system:demo');
  book.set('hebergement', {
    name: 'Hébergement annuel', unitPrice: '180.00', vatRate: '20', frequency: { unit: 'month', every: 12 }, timing: 'advance', alignment: 'anniversary',
    unit: 'an', description: 'Hébergement et nom de domaine', commitmentMonths: 12, tacitRenewal: true,
  }, now, 'system:demo');
  book.set('support', {
    name: 'Support à la demande', unitPrice: '65.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'arrears', alignment: 'calendar',
    unit: 'heure', description: 'Support technique (forfait horaire)', trialDays: 0,
  }, now, 'system:demo');
}

export async function demoSubscriptions(s: Services, companyId: string, customerIds: string[]): Promise<void> {
  const actor = { companyId, by: 'system:demo' };
  const today = companyToday(s.now());
  const month = `${today.slice(0, 7)}-01`;
  const mandate = await createMandate(s, actor, {
    customerId: customerIds[0], rum: 'BOREAL-2026-0001', signedOn: today, debtorName: 'Boulangerie Martin', iban: 'FR76 3000 4000 0312 3456 7890 143', bic: 'BNPAFRPP', type: 'recurrent',
  });
  await createSubscription(s, actor, { customerId: customerIds[0]!, start: month, items: [{ planId: 'maintenance', quantity: '1' }], mandateId: mandate.result.id });
  await createSubscription(s, actor, { customerId: customerIds[3]!, start: today, items: [{ planId: 'hebergement', quantity: '2' }] });
  await createSubscription(s, actor, { customerId: customerIds[2]!, start: month, review: 'draft', items: [{ planId: 'support', quantity: '3' }] });
  await afterBilling(s, companyId, await runBilling(s, companyId));
}
