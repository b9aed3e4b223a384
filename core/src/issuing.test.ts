import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DraftDocument, DocumentIssuedError } from './schema/document';
import { Workspace, defaultSeries } from './schema/workspace';
import { CustomerBook } from './schema/customers';
import { freezeDocument, issueProblems, legalMentions, addDays } from './issuing';
import { invoiceModel } from './documents';

const now = '2026-11-29T10:00:00Z';

function setup(settings: Parameters<Workspace['updateSettings']>[0] = {}) {
  const ws = new Workspace(new Y.Doc());
  ws.updateSettings({
    legalName: 'Studio Boréal SAS', legalForm: 'SAS', shareCapital: '10000.00', rcsCity: 'Lyon', siren: '912345675',
    vatNumber: 'FR65912345675', line1: '25 quai Saint-Antoine', postcode: '69002', city: 'Lyon', country: 'FR', ...settings,
  });
  new CustomerBook(ws.doc).createCustomer('cu_1', { name: 'Boulangerie Martin', siren: '532198769', address: { line1: '12 rue X', postcode: '69002', city: 'Lyon', country: 'FR' }, paymentTermsDays: 45 }, now);
  const draft = new DraftDocument(new Y.Doc());
  draft.init('invoice', { createdAt: now, customerId: 'cu_1', operationCategory: 'services' });
  draft.addLine('l1', { description: 'Site vitrine', quantity: '1', unitPrice: '2400.00', vatRate: '20' });
  draft.addLine('l2', { description: 'Maintenance', quantity: '3', unitPrice: '89.00', vatRate: '20', discountPercent: '10' });
  const ctx = { kind: 'invoice' as const, settings: ws.readSettings(), customer: new CustomerBook(ws.doc).getCustomer('cu_1'), series: defaultSeries[0]!, issueDate: '2026-11-29' };
  return { ws, draft, ctx };
}

describe('issuing', () => {
  it('accepts a complete invoice and freezes its totals, due date and mentions', () => {
    const { draft, ctx } = setup();
    expect(issueProblems(draft, ctx)).toEqual({});
    const frozen = freezeDocument(draft, { ...ctx, id: 'dc_1', number: 'F-2026-00001' });
    expect(frozen.totals).toMatchObject({ totalWithoutVat: '2640.30', vatTotal: '528.06', totalWithVat: '3168.36' });
    expect(frozen.dueDate).toBe('2027-01-13'); // 45 days, the customer's terms
    expect(frozen.mentions).toEqual(expect.arrayContaining(['Indemnité forfaitaire pour frais de recouvrement : 40 €', 'Nature de l’opération : prestation de services']));
  });

  it('freezes the logo the seller had at issue, which a later logo does not replace', () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const { ws, draft, ctx } = setup();
    ws.setLogo('lg_1', png);
    const frozen = freezeDocument(draft, { ...ctx, settings: ws.readSettings(), id: 'dc_1', number: 'F-2026-00001' });
    ws.setLogo('lg_2', png);
    ws.removeLogo();
    expect(frozen.seller.logoId).toBe('lg_1');
    expect(ws.readLogo(frozen.seller.logoId)).toBe(png);
  });

  it('names every missing legal mention of the seller and the buyer', () => {
    const { ws, draft, ctx } = setup({ siren: '', rcsCity: '', vatNumber: '' });
    new CustomerBook(ws.doc).updateCustomer('cu_1', { siren: '', city: '' });
    const problems = issueProblems(draft, { ...ctx, settings: ws.readSettings(), customer: new CustomerBook(ws.doc).getCustomer('cu_1') });
    expect(Object.keys(problems).sort()).toEqual(['customer.address', 'customer.siren', 'seller.rcsCity', 'seller.siren', 'seller.vatNumber']);
  });

  it('refuses a SIREN or VAT number that fails its checksum, with the check’s message', () => {
    const { ws, draft, ctx } = setup({ vatNumber: 'FR40912345675' });
    new CustomerBook(ws.doc).updateCustomer('cu_1', { siren: '532198765' });
    const problems = issueProblems(draft, { ...ctx, settings: ws.readSettings(), customer: new CustomerBook(ws.doc).getCustomer('cu_1') });
    expect(problems['seller.vatNumber']).toContain('FR65912345675');
    expect(problems['customer.siren']).toMatch(/SIREN/);
  });

  it('refuses an empty invoice, a nameless line and a missing operation category', () => {
    const draft = new DraftDocument(new Y.Doc());
    draft.init('invoice', { createdAt: now, customerId: 'cu_1' });
    const { ctx } = setup();
    expect(issueProblems(draft, ctx)).toMatchObject({ lines: expect.any(String), operationCategory: expect.any(String) });
    draft.addLine('l1', { description: ' ', quantity: '1', unitPrice: '1', vatRate: '20' });
    expect(issueProblems(draft, ctx)).toHaveProperty(['lines[0].description']);
  });

  it('passes a line’s VAT problem through under its line number', () => {
    const { draft, ctx } = setup();
    draft.addLine('l3', { description: 'Export', quantity: '1', unitPrice: '10', vatCategory: 'AE', vatRate: '0' });
    expect(Object.keys(issueProblems(draft, ctx)).some((k) => k.startsWith('lines[2]'))).toBe(true);
  });

  it('under the franchise (art. 293 B) requires exempt lines and prints the mention', () => {
    const { ws, draft, ctx } = setup({ vatRegime: 'franchise', vatNumber: '' });
    const franchise = { ...ctx, settings: ws.readSettings() };
    expect(issueProblems(draft, franchise)).toHaveProperty(['lines[0].vatCategory']);
    const exempt = new DraftDocument(new Y.Doc());
    exempt.init('invoice', { createdAt: now, customerId: 'cu_1', operationCategory: 'services' });
    exempt.addLine('l1', { description: 'Cours', quantity: '2', unitPrice: '40', vatCategory: 'E', vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI' });
    expect(issueProblems(exempt, franchise)).toEqual({});
    expect(freezeDocument(exempt, { ...franchise, id: 'dc', number: 'F-1' }).mentions).toContain('TVA non applicable, art. 293 B du CGI');
  });

  it('requires a credit note to reference the invoice it corrects', () => {
    const { ctx } = setup();
    const cn = new DraftDocument(new Y.Doc());
    cn.init('credit_note', { createdAt: now, customerId: 'cu_1', operationCategory: 'services' });
    cn.addLine('l1', { description: 'Avoir', quantity: '1', unitPrice: '10', vatRate: '20' });
    expect(issueProblems(cn, { ...ctx, kind: 'credit_note', series: defaultSeries[1]! })).toHaveProperty('precedingNumber');
  });

  it('requires a credit note to state the issue date of the invoice it corrects (BR-FR-CO-05)', () => {
    const { ctx } = setup();
    const credit = { ...ctx, kind: 'credit_note' as const, series: defaultSeries[1]! };
    const undated = new DraftDocument(new Y.Doc());
    undated.init('credit_note', { createdAt: now, customerId: 'cu_1', operationCategory: 'services', precedingNumber: 'F-2026-00041' });
    undated.addLine('l1', { description: 'Avoir', quantity: '1', unitPrice: '10', vatRate: '20' });
    expect(Object.keys(issueProblems(undated, credit))).toEqual(['precedingIssueDate']);
    const dated = new DraftDocument(new Y.Doc());
    dated.init('credit_note', { createdAt: now, customerId: 'cu_1', operationCategory: 'services', precedingNumber: 'F-2026-00041', precedingIssueDate: '2026-11-02' });
    dated.addLine('l1', { description: 'Avoir', quantity: '1', unitPrice: '10', vatRate: '20' });
    expect(issueProblems(dated, credit)).toEqual({});
  });

  it('writes the XML’s PMD, PMT and AAB notes in the very words of the mentions printed on the document', () => {
    const { ws, draft, ctx } = setup({ latePenaltyTerms: '3 fois le taux d’intérêt légal', earlyPaymentTerms: 'Escompte de 2 % sous 8 jours' });
    const buyers = [ctx.customer!, { ...ctx.customer!, language: 'en' as const }, { ...ctx.customer!, kind: 'individual' as const, siren: undefined }];
    for (const buyer of buyers) {
      const frozen = freezeDocument(draft, { ...ctx, settings: ws.readSettings(), customer: buyer, id: 'dc_1', number: 'F-2026-00001' });
      const notes = invoiceModel(frozen).notes.filter((n) => n.subjectCode);
      expect(notes.map((n) => n.subjectCode)).toEqual(buyer.kind === 'company' ? ['PMD', 'PMT', 'AAB'] : ['PMD', 'AAB']);
      for (const n of notes) expect(frozen.mentions).toContain(n.content);
    }
  });

  it('gives individuals no B2B recovery indemnity and English customers English mentions', () => {
    const { ctx } = setup();
    const person = { ...ctx.customer!, kind: 'individual' as const, language: 'en' as const };
    const m = legalMentions(ctx.settings, person, [], { operationCategory: 'goods' });
    expect(m.join('|')).not.toMatch(/40/);
    expect(m).toContain('Nature of the operation: supply of goods');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-20', 30)).toBe('2027-01-19');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('DraftDocument', () => {
  it('merges concurrent edits of different lines and fields', () => {
    const a = new DraftDocument(new Y.Doc());
    a.init('invoice', { createdAt: now });
    a.addLine('l1', { description: 'A', quantity: '1', unitPrice: '10', vatRate: '20' });
    const b = new DraftDocument(new Y.Doc());
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    a.updateLine('l1', { quantity: '2' });
    b.updateLine('l1', { unitPrice: '15' });
    b.addLine('l2', { description: 'B', quantity: '1', unitPrice: '5', vatRate: '5.5' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.canonicalContent()).toBe(b.canonicalContent());
    expect(a.totals().totalWithoutVat).toBe('35.00');
  });

  it('refuses edits once issued, and the canonical content ignores number and status', () => {
    const d = new DraftDocument(new Y.Doc());
    d.init('invoice', { createdAt: now });
    d.addLine('l1', { description: 'A', quantity: '1', unitPrice: '10', vatRate: '20' });
    const before = d.canonicalContent();
    d.meta.set('status', 'issued');
    d.meta.set('number', 'F-2026-00001');
    expect(d.canonicalContent()).toBe(before);
    expect(() => d.updateLine('l1', { quantity: '3' })).toThrow(DocumentIssuedError);
  });

  it('names the wrong field of a line and writes nothing', () => {
    const d = new DraftDocument(new Y.Doc());
    d.init('invoice', { createdAt: now });
    expect(() => d.addLine('l1', { description: 'A', quantity: 'deux', unitPrice: '10' })).toThrow(/quantity/);
    expect(d.listLines()).toEqual([]);
  });
});
