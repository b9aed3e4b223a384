import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freezeContent, freezeDocument } from './issuing';
import { CustomerBook } from './schema/customers';
import { canonicalJson, DraftDocument, type DirectDebit, type DocumentContent } from './schema/document';
import { fieldsOf } from './schema/fields.testing';
import { Workspace, defaultSeries } from './schema/workspace';

/* An invoice collected by SEPA direct debit (EN 16931 BG-19: BT-89 mandate, BT-90 creditor id, BT-91 debited IBAN), frozen. */

const now = '2026-12-01T02:00:00Z';
const mandate: DirectDebit = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560143' };

function setup() {
  const ws = new Workspace(new Y.Doc());
  ws.updateSettings({
    legalName: 'Studio Boréal SAS', legalForm: 'SAS', shareCapital: '10000.00', rcsCity: 'Lyon', siren: '912345675',
    vatNumber: 'FR65912345675', line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR',
  });
  const book = new CustomerBook(ws.doc);
  book.createCustomer('cu_1', { name: 'Boulangerie Martin', siren: '532198769', address: { line1: '12 rue X', postcode: '69002', city: 'Lyon', country: 'FR' } }, now);
  const draft = new DraftDocument(new Y.Doc());
  draft.init('invoice', { createdAt: now, customerId: 'cu_1', operationCategory: 'services' });
  draft.addLine('l1', { description: 'Abonnement Pro', quantity: '1', unitPrice: '49.00', vatRate: '20' });
  const ctx = { kind: 'invoice' as const, settings: ws.readSettings(), customer: book.getCustomer('cu_1'), series: defaultSeries[0]!, issueDate: '2026-12-01', id: 'dc_1', number: 'F-2026-00100' };
  return { draft, ctx };
}

function debited(directDebit: DirectDebit, change: Partial<DocumentContent['meta']> = {}): [DocumentContent, ReturnType<typeof setup>['ctx']] {
  const { draft, ctx } = setup();
  const content = draft.content();
  return [{ ...content, meta: { ...content.meta, ...change, directDebit } }, ctx];
}

describe('freezing an invoice collected by SEPA direct debit', () => {
  it('keeps the mandate reference, creditor identifier and debited IBAN in the record', () => {
    const doc = freezeContent(...debited(mandate));
    expect(doc.meta.directDebit).toEqual(mandate);
  });

  it('freezes the ICS and the IBAN in their electronic form, upper case without spaces, and the RUM trimmed', () => {
    const doc = freezeContent(...debited({ mandateReference: ' BOREAL-2026-0001 ', creditorId: 'fr72 zzz 123456', debitedIban: 'FR76 2004 1010 0505 5000 0560 143' }));
    expect(doc.meta.directDebit).toEqual(mandate);
  });

  it('gives an invoice without a mandate no directDebit key at all, from plain data as from a draft', () => {
    const { draft, ctx } = setup();
    expect(canonicalJson(freezeContent(draft.content(), ctx))).not.toContain('directDebit');
    expect(canonicalJson(freezeDocument(draft, ctx))).not.toContain('directDebit');
  });

  it.each([
    ['directDebit.mandateReference', { ...mandate, mandateReference: 'BORÉAL/2026' }],
    ['directDebit.mandateReference', { ...mandate, mandateReference: '' }],
    ['directDebit.mandateReference', { ...mandate, mandateReference: 'X'.repeat(36) }],
    ['directDebit.creditorId', { ...mandate, creditorId: 'FR73ZZZ123456' }],
    ['directDebit.creditorId', { ...mandate, creditorId: '' }],
    ['directDebit.debitedIban', { ...mandate, debitedIban: 'FR7620041010050550000560144' }],
    ['directDebit.debitedIban', { ...mandate, debitedIban: '' }],
  ])('refuses a wrong term, naming %s', (field, directDebit) => {
    expect(Object.keys(fieldsOf(() => freezeContent(...debited(directDebit))))).toEqual([field]);
  });

  it('refuses a direct debit in another currency than the euro, which SEPA collects alone', () => {
    expect(fieldsOf(() => freezeContent(...debited(mandate, { currency: 'USD' })))).toEqual({ directDebit: expect.stringContaining('euros') });
  });

  it('refuses a direct debit on a credit note, which is not collected', () => {
    const [content, ctx] = debited(mandate, { kind: 'credit_note', precedingNumber: 'F-2026-00099', precedingIssueDate: '2026-11-01' });
    const series = defaultSeries.find((s) => s.kind === 'credit_note')!;
    expect(fieldsOf(() => freezeContent(content, { ...ctx, kind: 'credit_note', series }))).toEqual({ directDebit: expect.stringContaining('credit note') });
  });
});
