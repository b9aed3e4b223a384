import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freezeContent, freezeDocument, invoicingPeriodOf, issueProblems } from './issuing';
import { daysBetween } from './periods/dates';
import { CustomerBook } from './schema/customers';
import { DraftDocument, type DocumentMetaInput } from './schema/document';
import { fieldsOf } from './schema/fields.testing';
import { Workspace, defaultSeries } from './schema/workspace';

/* The invoicing period (EN 16931 BG-14: BT-73 start, BT-74 end, both days included) on issued documents. */

const now = '2027-03-31T10:00:00Z';

function setup(meta: DocumentMetaInput = {}) {
  const ws = new Workspace(new Y.Doc());
  ws.updateSettings({
    legalName: 'Studio Boréal SAS', legalForm: 'SAS', shareCapital: '10000.00', rcsCity: 'Lyon', siren: '912345675',
    vatNumber: 'FR65912345675', line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR',
  });
  const book = new CustomerBook(ws.doc);
  book.createCustomer('cu_1', { name: 'Boulangerie Martin', siren: '532198769', address: { line1: '12 rue X', postcode: '69002', city: 'Lyon', country: 'FR' } }, now);
  const draft = new DraftDocument(new Y.Doc());
  draft.init('invoice', { createdAt: now, customerId: 'cu_1', operationCategory: 'services', ...meta });
  draft.addLine('l1', { description: 'Maintenance mensuelle', quantity: '1', unitPrice: '300.00', vatRate: '20' });
  const ctx = { kind: 'invoice' as const, settings: ws.readSettings(), customer: book.getCustomer('cu_1'), series: defaultSeries[0]!, issueDate: '2027-03-31', id: 'dc_1', number: 'F-2027-00001' };
  return { draft, ctx };
}

describe('the invoicing period of an issued invoice', () => {
  it('freezes a draft’s first and last days as given, both included', () => {
    const { draft, ctx } = setup({ invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' });
    expect(freezeDocument(draft, ctx).invoicingPeriod).toEqual({ start: '2027-03-01', end: '2027-03-31' });
  });

  it('freezes a recurring invoice’s half-open period with the day before its end as last day', () => {
    const { draft, ctx } = setup();
    const content = draft.content();
    const leapFebruary = freezeContent({ ...content, meta: { ...content.meta, subscriptionId: 's1', period: { start: '2028-02-01', end: '2028-03-01' } } }, ctx);
    expect(leapFebruary.invoicingPeriod).toEqual({ start: '2028-02-01', end: '2028-02-29' });
  });

  it('leaves the key out of a document without a period, so its record is the one frozen before BG-14', () => {
    const { draft, ctx } = setup();
    const frozen = freezeDocument(draft, ctx);
    expect(Object.keys(frozen).sort()).toEqual(['buyer', 'currency', 'dueDate', 'id', 'issueDate', 'kind', 'lines', 'mentions', 'meta', 'number', 'seller', 'totals']);
    expect(JSON.stringify(frozen)).not.toContain('nvoicingPeriod');
  });

  it('refuses to issue a period that ends before it starts, naming its end (EN 16931 BR-29)', () => {
    const { draft, ctx } = setup({ invoicingPeriodStart: '2027-03-31', invoicingPeriodEnd: '2027-03-01' });
    expect(issueProblems(draft, ctx)).toEqual({ invoicingPeriodEnd: expect.stringContaining('BR-29') });
    expect(fieldsOf(() => freezeDocument(draft, ctx))).toHaveProperty('invoicingPeriodEnd');
  });

  it('accepts a one-day period', () => {
    const { draft, ctx } = setup({ invoicingPeriodStart: '2027-03-15', invoicingPeriodEnd: '2027-03-15' });
    expect(issueProblems(draft, ctx)).toEqual({});
  });

  it('asks for the other end of a period given by one day only', () => {
    expect(issueProblems(setup({ invoicingPeriodStart: '2027-03-01' }).draft, setup().ctx)).toEqual({ invoicingPeriodEnd: expect.stringContaining('BT-74') });
    expect(issueProblems(setup({ invoicingPeriodEnd: '2027-03-31' }).draft, setup().ctx)).toEqual({ invoicingPeriodStart: expect.stringContaining('BT-73') });
  });

  it('refuses a recurring period that bills no day or is not made of dates, naming period.end or period.start', () => {
    const { draft, ctx } = setup();
    const content = draft.content();
    const withPeriod = (start: string, end: string) => ({ ...content, meta: { ...content.meta, period: { start, end } } });
    expect(fieldsOf(() => freezeContent(withPeriod('2027-03-01', '2027-03-01'), ctx))).toEqual({ 'period.end': expect.stringContaining('bills no day') });
    expect(fieldsOf(() => freezeContent(withPeriod('2027-02-30', '2027-03-01'), ctx))).toEqual({ 'period.start': 'not a date YYYY-MM-DD' });
  });

  it('refuses a recurring invoice that also states a period of its own', () => {
    const { draft, ctx } = setup({ invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' });
    const content = draft.content();
    expect(fieldsOf(() => freezeContent({ ...content, meta: { ...content.meta, period: { start: '2027-03-01', end: '2027-04-01' } } }, ctx))).toHaveProperty('invoicingPeriodStart');
  });

  it('last-days a half-open period of n days n − 1 days after its start, across months and leap years (property)', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(2000, 0, 1 + n)).toISOString().slice(0, 10)); // number-ok: day offsets
    fc.assert(
      fc.property(day, day, (a, b) => {
        fc.pre(a !== b);
        const [start, end] = a < b ? [a, b] : [b, a];
        const period = invoicingPeriodOf({ period: { start, end } })!;
        expect(period.start).toBe(start);
        expect(daysBetween(start, period.end)).toBe(daysBetween(start, end) - 1);
      }),
    );
  });
});

describe('a draft’s invoicing period', () => {
  it('refuses a day that is not in the calendar, naming the field', () => {
    const { draft } = setup();
    expect(fieldsOf(() => draft.updateMeta({ invoicingPeriodEnd: '2027-02-29' }))).toEqual({ invoicingPeriodEnd: 'not a date of the calendar' });
    expect(fieldsOf(() => draft.updateMeta({ invoicingPeriodStart: '1/3/2027' }))).toHaveProperty('invoicingPeriodStart');
  });

  it('takes the start and the end one at a time, in any order, and clears them with an empty string', () => {
    const { draft } = setup({ invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' });
    draft.updateMeta({ invoicingPeriodStart: '2027-04-01' }); // after the old end, until the end moves too
    draft.updateMeta({ invoicingPeriodEnd: '2027-04-30' });
    expect(draft.readMeta()).toMatchObject({ invoicingPeriodStart: '2027-04-01', invoicingPeriodEnd: '2027-04-30' });
    draft.updateMeta({ invoicingPeriodStart: '', invoicingPeriodEnd: '' });
    expect(draft.readMeta()).not.toHaveProperty('invoicingPeriodStart');
    expect(draft.readMeta()).not.toHaveProperty('invoicingPeriodEnd');
  });

  it('merges one person’s new start with another’s new end', () => {
    const a = setup({ invoicingPeriodStart: '2027-03-01', invoicingPeriodEnd: '2027-03-31' }).draft;
    const b = new DraftDocument(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.updateMeta({ invoicingPeriodStart: '2027-02-01' });
    b.updateMeta({ invoicingPeriodEnd: '2027-04-30' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    expect(invoicingPeriodOf(a.readMeta())).toEqual({ start: '2027-02-01', end: '2027-04-30' });
  });
});
