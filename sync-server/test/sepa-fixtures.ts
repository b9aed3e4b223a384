import { Workspace, type CompanySettings } from '@facturo/core';
import { apiCall, bearer, company } from './helpers';
import { createApiToken, type Role } from '../src/companies';
import { putSecret } from '../src/companies/secrets';
import { editDocuments, workspaceOf } from '../src/commands/run';
import type { Services } from '../src/services';

/* A company ready for SEPA direct debits: creditor settings, tokens per role, customers, issued invoices. */

export const creditorSettings: Partial<CompanySettings> = {
  legalName: 'Studio Boréal SAS', tradeName: 'Studio Boréal', legalForm: 'SAS', shareCapital: '10000.00',
  siren: '912345675', siret: '91234567500017', vatNumber: 'FR65912345675', rcsCity: 'Lyon',
  email: 'bonjour@studio-boreal.fr', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP', sepaCreditorId: 'FR72ZZZ123456',
  currency: 'EUR', paymentTermsDays: 30, language: 'fr', vatRegime: 'normal',
  latePenaltyTerms: 'taux BCE + 10 points', earlyPaymentTerms: 'Pas d’escompte pour paiement anticipé',
  line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR',
};

let edits = 0;

/** Writes company settings as a server edit of the workspace (empty strings clear fields). */
export async function setSettings(s: Services, companyId: string, patch: Record<string, string | undefined>) {
  const { room } = await workspaceOf(s, companyId);
  await editDocuments(s, { companyId, by: 'test' }, 'settings', { n: edits++ }, async () => ({
    status: 200, result: null, edits: [{ room, edit: (copy) => new Workspace(copy).updateSettings(patch) }],
  }));
}

export type Server = { url: string; services: Services };

export async function sepaCompany(server: Server, name: string, settings: Partial<CompanySettings> = creditorSettings) {
  const s = server.services;
  const co = await company(s, name);
  await setSettings(s, co.id, settings as Record<string, string>);
  const tokens: Partial<Record<Role, Record<string, string>>> = {};
  const as = async (role: Role) => (tokens[role] ??= bearer((await createApiToken(s.db, co.id, role, role, s.now())).token));
  const call = async (method: string, path: string, body?: unknown, opts: { role?: Role; key?: string } = {}) =>
    apiCall(server, method, path, { ...(await as(opts.role ?? 'owner')), ...(opts.key ? { 'idempotency-key': opts.key } : {}) }, body);
  return { s, companyId: co.id, call, as };
}

export type SepaCompany = Awaited<ReturnType<typeof sepaCompany>>;

export async function customer(co: SepaCompany, extra: { email?: string; language?: 'fr' | 'en'; name?: string } = {}): Promise<string> {
  const res = await co.call('POST', '/customers', {
    name: extra.name ?? 'Boulangerie Martin', siren: '532198769', ...(extra.email ? { email: extra.email } : {}), ...(extra.language ? { language: extra.language } : {}),
    address: { line1: '12 rue de la République', postcode: '69002', city: 'Lyon', country: 'FR' },
  });
  if (res.status !== 201) throw new Error(`customer not created: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

let rums = 0;

export const mandateBody = (customerId: string, extra: Record<string, unknown> = {}) => ({
  customerId, rum: `RUM-${++rums}`, signedOn: '2026-11-02', debtorName: 'Boulangerie Martin', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', type: 'recurrent', ...extra,
});

export async function mandate(co: SepaCompany, customerId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await co.call('POST', '/sepa/mandates', mandateBody(customerId, extra));
  if (res.status !== 201) throw new Error(`mandate not created: ${JSON.stringify(res.body)}`);
  return String(res.body.id);
}

/** An issued invoice of one line (net `net` at 20 % VAT): its id, number and total incl. VAT. */
export async function issuedInvoice(co: SepaCompany, customerId: string, net: string): Promise<{ id: string; number: string; total: string }> {
  const draft = await co.call('POST', '/invoices', { customer: customerId, lines: [{ description: 'Abonnement', quantity: '1', unitPrice: net, vatRate: '20' }] });
  if (draft.status !== 201) throw new Error(`invoice not created: ${JSON.stringify(draft.body)}`);
  const id = String(draft.body.id);
  const issued = await co.call('POST', `/invoices/${id}/issue`, {}, { key: `issue-${id}` });
  if (issued.status !== 200) throw new Error(`invoice not issued: ${JSON.stringify(issued.body)}`);
  return { id, number: String(issued.body.number), total: String(issued.body.totalInclTax) };
}

/** The company's SMTP server: the test mailbox on loopback. */
export async function useMailbox(s: Services, companyId: string, port: number) {
  await putSecret(s, companyId, 'smtp', { host: '127.0.0.1', port, secure: false, from: 'Studio Boréal <factures@studio-boreal.fr>' });
}
