import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook } from '../schema/customers';
import { DraftDocument } from '../schema/document';
import { Workspace, type CompanySettings } from '../schema/workspace';
import { renderInvoicePdf } from './pdf';
import { testFonts } from '../../../testing/fonts';
import { textOf } from './pdf/text.testing';
import { previewDocument, previewStamp, sampleDocument, stampPreview } from './preview';

const today = '2026-12-01';
const fonts = testFonts();

function settings(patch: Partial<CompanySettings> = {}): CompanySettings {
  const ws = new Workspace(new Y.Doc());
  ws.updateSettings({ legalName: 'Studio Boréal SAS', legalForm: 'SAS', siren: '912345675', paymentTermsDays: 30, ...patch });
  return ws.readSettings();
}

function customer(language: 'fr' | 'en' = 'fr') {
  const book = new CustomerBook(new Y.Doc());
  book.createCustomer('cu_1', { name: 'Boulangerie Martin', language, address: { line1: '12 rue de la République', postcode: '69001', city: 'Lyon', country: 'FR' } }, '2026-11-01T10:00:00Z');
  return book.getCustomer('cu_1')!;
}

const newDraft = () => new DraftDocument(new Y.Doc());

describe('previewDocument', () => {
  it('previews an empty document (never initialised) as an invoice draft without lines, customer or number', () => {
    const doc = previewDocument(newDraft(), { settings: settings(), today });
    expect(doc.kind).toBe('invoice');
    expect(doc.number).toBe('BROUILLON');
    expect(doc.lines).toEqual([]);
    expect(doc.buyer.name).toBe('');
    expect(doc.totals.amountDue).toBe('0.00');
    expect(doc.dueDate).toBe('2026-12-31');
    expect(doc.mentions[0]).toMatch(/n’est pas une facture/);
  });

  it('renders a draft with no customer and an empty line to a PDF that says it is no invoice', async () => {
    const draft = newDraft();
    draft.init('invoice', { createdAt: '2026-11-30T09:00:00Z' });
    draft.addLine('l1', { description: '', quantity: '1', unitPrice: '0' });
    const pdf = renderInvoicePdf(previewDocument(draft, { settings: settings(), today }), { fonts });
    const text = await textOf(pdf);
    expect(text).toContain('N° BROUILLON');
    expect(text).toContain('Aperçu d’un brouillon : ce document n’est pas une facture');
  });

  it('leaves out a line that does not compute yet, says so, and totals the others', () => {
    const draft = newDraft();
    draft.init('invoice', { createdAt: '2026-11-30T09:00:00Z', customerId: 'cu_1' });
    draft.addLine('l1', { description: 'Conseil', quantity: '2', unitPrice: '100', vatCategory: 'S', vatRate: '20' });
    // An exempt line without its reason breaks EN 16931 BR-E-10: no total can be computed with it.
    draft.addLine('l2', { description: 'Formation', quantity: '1', unitPrice: '50', vatCategory: 'E', vatRate: '0' });
    expect(() => draft.totals()).toThrow();
    const doc = previewDocument(draft, { settings: settings(), customer: customer(), today });
    expect(doc.lines.map((l) => l.id)).toEqual(['l1']);
    expect(doc.totals.totalWithVat).toBe('240.00');
    expect(doc.mentions[1]).toBe('1 ligne incomplète n’apparaît pas dans cet aperçu.');
  });

  it('speaks the customer’s language, and ignores a customer record that is not the draft’s', () => {
    const draft = newDraft();
    draft.init('credit_note', { createdAt: '2026-11-30T09:00:00Z', customerId: 'cu_1', precedingNumber: 'F-2026-00001' });
    const english = previewDocument(draft, { settings: settings(), customer: customer('en'), today, language: 'fr' });
    expect(english.number).toBe('DRAFT');
    expect(english.kind).toBe('credit_note');
    expect(english.mentions[0]).toMatch(/not a credit note/);
    const other = { ...customer('en'), id: 'cu_2' };
    const french = previewDocument(draft, { settings: settings(), customer: other, today, language: 'fr' });
    expect(french.buyer.name).toBe('');
    expect(french.number).toBe('BROUILLON');
  });

  it('takes the due date the draft sets, else its payment terms from today', () => {
    const draft = newDraft();
    draft.init('invoice', { createdAt: '2026-11-30T09:00:00Z', paymentTermsDays: 10 });
    expect(previewDocument(draft, { settings: settings(), today }).dueDate).toBe('2026-12-11');
    draft.updateMeta({ dueDate: '2027-01-15' });
    expect(previewDocument(draft, { settings: settings(), today }).dueDate).toBe('2027-01-15');
  });

  it('previews a draft of a company whose settings are still empty', async () => {
    const empty = new Workspace(new Y.Doc()).readSettings();
    const pdf = renderInvoicePdf(previewDocument(newDraft(), { settings: empty, today, language: 'en' }), { fonts });
    expect(await textOf(pdf)).toContain('No. DRAFT');
  });
});

describe('sampleDocument', () => {
  it('is a made-up invoice from the company, marked as a sample, with units and a discount', () => {
    const doc = sampleDocument(settings(), { today, language: 'fr' });
    expect(doc.number).toBe('EXEMPLE');
    expect(doc.seller.legalName).toBe('Studio Boréal SAS');
    expect(doc.lines.some((l) => l.discountPercent)).toBe(true);
    expect(doc.lines.every((l) => l.unit)).toBe(true);
    expect(doc.mentions[0]).toMatch(/n’est pas une facture/);
  });

  it('charges no VAT for a company under the franchise (art. 293 B)', () => {
    const doc = sampleDocument(settings({ vatRegime: 'franchise' }), { today, language: 'fr' });
    expect(doc.totals.vatTotal).toBe('0.00');
    expect(doc.mentions).toContain('TVA non applicable, art. 293 B du CGI');
  });
});

describe('stampPreview', () => {
  it('writes the stamp on every page of the PDF', async () => {
    const pdf = renderInvoicePdf(sampleDocument(settings(), { today, language: 'fr' }), { fonts });
    const stamped = await stampPreview(pdf, previewStamp('draft', 'fr'));
    expect(new TextDecoder().decode(stamped.slice(0, 5))).toBe('%PDF-');
    expect(await textOf(pdf)).not.toContain('APERÇU – BROUILLON');
    expect(await textOf(stamped)).toContain('APERÇU – BROUILLON');
  });
});
