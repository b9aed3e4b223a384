import { defaultDunningPolicy } from './default-policy';
import type { DunningInvoice } from './due';
import { parseDunningPolicy, type DunningPolicy } from './policy';
import type { DunningCustomer } from './select';

// Test data for the dunning tests and the bench: the default policy, a firmer one for high-risk customers and a
// gentler one for key accounts handled by a named person.

const say = (fr: string, en?: string) => ({ fr: { subject: fr, body: `${fr} — {{invoice.number}} {{invoice.amountDue}}` }, ...(en ? { en: { subject: en, body: `${en} — {{invoice.number}} {{invoice.amountDue}}` } } : {}) });

export const highRiskPolicy: DunningPolicy = parseDunningPolicy({
  id: 'high-risk', name: 'Risque élevé', priority: 10, appliesTo: { riskLevels: ['high'] },
  steps: [
    { id: 'reminder', offsetDays: 1, channel: 'email', tone: 'reminder', template: say('Relance', 'Reminder') },
    { id: 'firm', offsetDays: 8, channel: 'email', tone: 'firm', template: say('Relance ferme', 'Firm reminder') },
    { id: 'notice', offsetDays: 15, channel: 'letter', tone: 'formal_notice', penalties: true, assignee: 'u_compta', template: say('Mise en demeure', 'Formal notice') },
    { id: 'call', offsetDays: 20, channel: 'task', tone: 'formal_notice', assignee: 'u_compta', template: say('Appeler le client') },
  ],
});

export const keyAccountPolicy: DunningPolicy = parseDunningPolicy({
  id: 'key-accounts', name: 'Grands comptes', priority: 20, appliesTo: { segments: ['Grands comptes'] },
  steps: [
    { id: 'reminder', offsetDays: 10, channel: 'email', tone: 'reminder', template: say('Relance', 'Reminder') },
    { id: 'account-manager', offsetDays: 25, channel: 'task', tone: 'firm', assignee: 'u_kam', template: say('Appeler le service comptable du client') },
  ],
});

export const policies = [highRiskPolicy, keyAccountPolicy, defaultDunningPolicy];

export function invoice(id: string, fields: Partial<DunningInvoice> = {}): DunningInvoice {
  return { id, number: `F-2027-${id.padStart(5, '0')}`, customerId: 'c_fr', dueDate: '2027-01-15', open: '1200.00', total: '1200.00', currency: 'EUR', status: 'issued', ...fields };
}

export const customers: DunningCustomer[] = [
  { id: 'c_fr', kind: 'company', language: 'fr', name: 'Boulangerie Martin', averageDaysLate: 12 },
  { id: 'c_en', kind: 'company', language: 'en', name: 'Thames Tools Ltd', averageDaysLate: 3 },
  { id: 'c_risky', kind: 'company', language: 'fr', name: 'Garage Dupuis', averageDaysLate: 41 },
  { id: 'c_key', kind: 'company', language: 'fr', name: 'Hypermarchés Réunis', segments: 'Grands comptes, Retail', averageDaysLate: 20 },
  { id: 'c_person', kind: 'individual', language: 'fr', name: 'Camille Roux' },
];
