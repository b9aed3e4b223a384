import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkInvoice, checkInvoiceRules } from '../documents/rules';
import { invoiceModel, parseCii, parseUbl, toCii, toUbl } from '../documents/xml';
import { freezeDocument, type FrozenDocument } from '../issuing';
import { Money } from '../money';
import { canonicalJson, DraftDocument } from '../schema/document';
import type { Customer } from '../schema/customers';
import { ValidationError } from '../schema/fields';
import { defaultSeries, type CompanySettings } from '../schema/workspace';
import { changeQuantity, periodTotal, recurringContent, recurringInvoice, type Subscription } from './index';
import { plansOf, pro, subscription } from './fixtures.testing';

const settings: CompanySettings = {
  legalName: 'Studio Boréal SAS', legalForm: 'SAS', shareCapital: '10000.00', rcsCity: 'Lyon', siren: '912345675', siret: '91234567500017',
  vatNumber: 'FR65912345675', email: 'factures@boreal.example', line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR',
  iban: 'FR7630006000011234567890189', bic: 'BNPAFRPPXXX', paymentTermsDays: 30,
};
const customer: Customer = {
  id: 'c1', kind: 'company', name: 'Boulangerie Martin & Fils', siren: '532198769', vatNumber: 'FR84532198769', email: 'compta@martin.example',
  language: 'fr', line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR', contacts: [], createdAt: '2026-01-01T00:00:00Z', archived: false,
};
const ctx = { settings, customer, series: defaultSeries[0]!, issueDate: '2026-04-01', id: 'dc_s1_2026-03', number: 'F-2026-00042', createdAt: '2026-04-01T02:00:00Z' };
const march = { start: '2026-03-01', end: '2026-04-01', stub: false };
const plans = plansOf(pro());

/** Three seats from 1 March, five from 11 March (recorded on the 10th). */
function threeThenFive(): Subscription {
  const changed = changeQuantity(subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: '3' }] }), 0, '5', '2026-03-11', '2026-03-10');
  if (!changed.ok) throw new Error(changed.reason);
  return changed.subscription;
}

/** Each line's net rounded to the cent (EN 16931 BT-131), summed: computed here, not by core/tax. */
const netOf = (doc: FrozenDocument) => doc.lines.reduce((t, l) => t.plus(new Money(l.quantity).times(l.unitPrice).toDecimalPlaces(2)), new Money(0));

describe('recurringInvoice', () => {
  it('bills a mid-period quantity change at the period total, with 20 % VAT on it', () => {
    const sub = threeThenFive();
    const doc = recurringInvoice(sub, plans, march, ctx);
    // 3 × 49.00, then a credit of 147 × 21/31 = 99.58 and a charge of 245 × 21/31 = 165.97.
    expect(doc.lines.map((l) => [l.quantity, l.unitPrice])).toEqual([['3', '49.00'], ['-1', '99.58'], ['1', '165.97']]);
    expect(doc.totals.totalWithoutVat).toBe(netOf(doc).toFixed(2)); // number-ok: Decimal#toFixed, a decimal string
    expect(doc.totals.totalWithoutVat).toBe(periodTotal(sub, plans, march));
    expect(doc.totals.vatTotal).toBe(netOf(doc).times('0.2').toDecimalPlaces(2).toFixed(2)); // number-ok: Decimal#toFixed, a decimal string
    expect(doc.totals.totalWithVat).toBe(netOf(doc).times('1.2').toDecimalPlaces(2).toFixed(2)); // number-ok: Decimal#toFixed, a decimal string
  });

  it('freezes exactly what a draft with the same header, lines and invoicing period (days included) freezes', () => {
    const doc = recurringInvoice(threeThenFive(), plans, march, ctx);
    const { subscriptionId: _s, period: _p, createdAt, kind, ...header } = doc.meta;
    const march1To31 = { invoicingPeriodStart: '2026-03-01', invoicingPeriodEnd: '2026-03-31' };
    const draft = new DraftDocument(new Y.Doc());
    draft.init(kind, { createdAt, ...header, ...march1To31 });
    doc.lines.forEach(({ id, ...line }) => draft.addLine(id, line));
    const fromDraft = freezeDocument(draft, { ...ctx, kind: 'invoice' });
    expect(canonicalJson({ ...doc, meta: { ...header, kind, createdAt, ...march1To31 } })).toBe(canonicalJson(fromDraft));
  });

  it('states its period as the EN 16931 invoicing period, last day included, in its record, CII and UBL (BG-14)', () => {
    const doc = recurringInvoice(threeThenFive(), plans, march, ctx);
    const lastDayIncluded = { start: '2026-03-01', end: '2026-03-31' };
    expect(doc.invoicingPeriod).toEqual(lastDayIncluded);
    expect(parseCii(toCii(doc)).invoicingPeriod).toEqual(lastDayIncluded);
    expect(parseUbl(toUbl(doc)).invoicingPeriod).toEqual(lastDayIncluded);
  });

  it('dates the service at the period’s last day and prints the period in the notes', () => {
    const doc = recurringInvoice(threeThenFive(), plans, march, ctx);
    expect(doc.meta).toMatchObject({
      kind: 'invoice', customerId: 'c1', currency: 'EUR', operationCategory: 'services',
      subscriptionId: 's1', period: { start: '2026-03-01', end: '2026-04-01' },
    });
    expect(doc.lines.map((l) => l.id)).toEqual(['2026-03-01-0', '2026-03-01-1', '2026-03-01-2']);
    expect(doc.dueDate).toBe('2026-05-01');
  });

  it('breaks no EN 16931 or French rule, in the model and in its CII', () => {
    const doc = recurringInvoice(threeThenFive(), plans, march, ctx);
    expect(checkInvoice(invoiceModel(doc))).toEqual([]);
    expect(checkInvoiceRules(toCii(doc), 'cii')).toEqual([]);
  });

  it('gives the same canonical JSON for the same inputs', () => {
    const a = canonicalJson(recurringInvoice(threeThenFive(), plans, march, ctx));
    expect(canonicalJson(recurringInvoice(threeThenFive(), plans, march, ctx))).toBe(a);
    expect(canonicalJson(recurringInvoice(threeThenFive(), plans, march, { ...ctx, number: 'F-2026-00043' }))).not.toBe(a);
  });

  it('refuses, naming the field, when a mandatory mention of the seller is missing', () => {
    const { siren: _s, ...noSiren } = settings;
    expect(() => recurringInvoice(threeThenFive(), plans, march, { ...ctx, settings: noSiren })).toThrow(ValidationError);
    try {
      recurringInvoice(threeThenFive(), plans, march, { ...ctx, settings: noSiren });
    } catch (e) {
      expect((e as ValidationError).fields).toHaveProperty(['seller.siren']);
    }
  });

  it('states collection by SEPA direct debit when the run gives the mandate: BG-19 in its record, CII and UBL, and no transfer asked', () => {
    const directDebit = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560143' };
    const doc = recurringInvoice(threeThenFive(), plans, march, { ...ctx, directDebit });
    expect(doc.meta.directDebit).toEqual(directDebit);
    const bg19 = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedAccount: 'FR7620041010050550000560143' };
    for (const read of [parseCii(toCii(doc)), parseUbl(toUbl(doc))]) {
      expect(read.payment).toEqual({ meansCode: '59', remittanceInformation: 'F-2026-00042', directDebit: bg19 });
    }
    expect(checkInvoiceRules(toCii(doc), 'cii')).toEqual([]);
    expect(checkInvoiceRules(toUbl(doc), 'ubl')).toEqual([]);
  });

  it('gives an invoice without a mandate no directDebit key, so it freezes as before', () => {
    expect(canonicalJson(recurringInvoice(threeThenFive(), plans, march, ctx))).not.toContain('directDebit');
    expect(recurringContent(threeThenFive(), plans, march, ctx.createdAt).meta).not.toHaveProperty('directDebit');
  });

  it('puts the mandate’s three terms alone in the content, whatever else the caller’s record holds', () => {
    const mandate = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560143', signedOn: '2026-01-10' };
    const { meta } = recurringContent(threeThenFive(), plans, march, ctx.createdAt, undefined, [], mandate);
    expect(meta.directDebit).toEqual({ mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560143' });
  });

  it('refuses a mandate whose IBAN is wrong, naming directDebit.debitedIban', () => {
    const directDebit = { mandateReference: 'BOREAL-2026-0001', creditorId: 'FR72ZZZ123456', debitedIban: 'FR7620041010050550000560144' };
    expect(() => recurringInvoice(threeThenFive(), plans, march, { ...ctx, directDebit })).toThrow(ValidationError);
    try {
      recurringInvoice(threeThenFive(), plans, march, { ...ctx, directDebit });
    } catch (e) {
      expect(Object.keys((e as ValidationError).fields)).toEqual(['directDebit.debitedIban']);
    }
  });

  it('refuses a customer other than the subscription’s', () => {
    expect(() => recurringInvoice(threeThenFive(), plans, march, { ...ctx, customer: { ...customer, id: 'c2' } })).toThrow(/customer c1, not c2/);
  });

  it('nets any quantity change on any day of the month to the period total (property)', () => {
    const days = 31; // number-ok: days in March
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 2, max: days }), (from, to, day) => {
        fc.pre(from !== to);
        const at = `2026-03-${String(day).padStart(2, '0')}`;
        const base = subscription({ start: '2026-03-01', items: [{ planId: 'pro', quantity: String(from) }] });
        const changed = changeQuantity(base, 0, String(to), at, '2026-03-01');
        if (!changed.ok) throw new Error(changed.reason);
        const doc = recurringInvoice(changed.subscription, plans, march, ctx);
        expect(doc.totals.totalWithoutVat).toBe(periodTotal(changed.subscription, plans, march));
        expect(doc.totals.totalWithoutVat).toBe(netOf(doc).toFixed(2)); // number-ok: Decimal#toFixed, a decimal string
      }),
      { numRuns: 60 },
    );
  });
});
