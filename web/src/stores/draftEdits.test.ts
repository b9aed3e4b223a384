import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, DraftDocument, Workspace } from '@facturo/core';
import {
  addFreeLine, addProductLine, copyDraftContent, createDraft, draftHash, draftProblems, editLine, franchiseReason, safeTotals, setLineVat, sha256Hex, splitProblems,
} from './draftEdits';

const now = '2026-03-01T10:00:00.000Z';
function setup() {
  const ws = new Workspace(new Y.Doc());
  const draft = new DraftDocument(new Y.Doc());
  createDraft(ws, draft, { id: 'dc_1', kind: 'invoice', createdAt: now, createdBy: 'us_1' });
  return { ws, draft };
}

describe('draft edits', () => {
  it('creates a draft offline: its header (services by default) and its entry in the workspace index', () => {
    const { ws, draft } = setup();
    expect(draft.readMeta()).toMatchObject({ kind: 'invoice', status: 'draft', operationCategory: 'services', createdBy: 'us_1' });
    expect(ws.getDocument('dc_1')).toMatchObject({ kind: 'invoice', status: 'draft', createdAt: now });
  });

  it('starts new lines at 20 % VAT, or exempt with the art. 293 B mention under the franchise en base', () => {
    const { draft } = setup();
    addFreeLine(draft, 'ln_1', {});
    addFreeLine(draft, 'ln_2', { vatRegime: 'franchise' });
    expect(draft.listLines()[0]).toMatchObject({ vatCategory: 'S', vatRate: '20' });
    expect(draft.listLines()[1]).toMatchObject({ vatCategory: 'E', vatRate: '0', exemptionReason: franchiseReason });
  });

  it("copies a product's name, description, unit, price and VAT rate onto a line", () => {
    const { ws, draft } = setup();
    const p = ws.createProduct('pr_1', { name: 'Pain de campagne', description: 'Levain naturel', unit: 'kg', unitPrice: '4.20', vatRate: '5.5' }, now);
    addProductLine(draft, 'ln_1', p, {});
    expect(draft.listLines()[0]).toMatchObject({ productId: 'pr_1', description: 'Pain de campagne\nLevain naturel', unit: 'kg', unitPrice: '4.20', vatCategory: 'S', vatRate: '5.5', quantity: '1' });
  });

  it('writes a quantity typed with a comma, refuses a cleared one and names the field', () => {
    const { draft } = setup();
    addFreeLine(draft, 'ln_1', {});
    expect(editLine(draft, 'ln_1', 'quantity', 'decimal', '2,5')).toEqual({ ok: true });
    expect(draft.listLines()[0]?.quantity).toBe('2.5');
    expect(editLine(draft, 'ln_1', 'quantity', 'decimal', '')).toMatchObject({ ok: false, errors: { quantity: expect.any(String) } });
    expect(editLine(draft, 'ln_1', 'quantity', 'decimal', 'deux')).toMatchObject({ ok: false, errors: { quantity: expect.any(String) } });
    expect(draft.listLines()[0]?.quantity).toBe('2.5');
  });

  it('switches a line between a standard rate and an exemption, dropping the reason of an exemption', () => {
    const { draft } = setup();
    addFreeLine(draft, 'ln_1', {});
    setLineVat(draft, draft.listLines()[0]!, '0');
    expect(draft.listLines()[0]).toMatchObject({ vatCategory: 'E', vatRate: '0' });
    draft.updateLine('ln_1', { exemptionReason: 'Exonération art. 261 du CGI' });
    setLineVat(draft, draft.listLines()[0]!, '10');
    expect(draft.listLines()[0]).toMatchObject({ vatCategory: 'S', vatRate: '10' });
    expect(draft.listLines()[0]?.exemptionReason).toBeUndefined();
  });

  it("names each line's problems on that line and the others on the document", () => {
    const { ws, draft } = setup();
    addFreeLine(draft, 'ln_1', {});
    addFreeLine(draft, 'ln_2', {});
    setLineVat(draft, draft.listLines()[1]!, '0'); // exempt without a reason
    expect(safeTotals(draft)).toBeNull();
    const split = splitProblems(draftProblems(ws, draft, '2026-03-01', undefined));
    expect(Object.keys(split.lines.get(0) ?? {})).toEqual(['description']);
    expect(Object.keys(split.lines.get(1) ?? {}).sort()).toEqual(['description', 'exemptionReason']);
    expect(split.document).toHaveProperty('customerId');
    expect(split.document).toHaveProperty(['seller.siren']);
  });

  it("checks the chosen customer's own record, never another customer's", () => {
    const { ws, draft } = setup();
    draft.updateMeta({ customerId: 'cu_1' });
    const book = new CustomerBook(new Y.Doc());
    const other = book.createCustomer('cu_2', { name: 'Garage Petit', siren: '732829320', address: { line1: '1 rue A', postcode: '69001', city: 'Lyon', country: 'FR' } }, now);
    const chosen = book.createCustomer('cu_1', { name: 'Boulangerie Martin' }, now);
    expect(draftProblems(ws, draft, '2026-03-01', other)).toHaveProperty('customerId');
    const problems = draftProblems(ws, draft, '2026-03-01', chosen);
    expect(problems).not.toHaveProperty('customerId');
    expect(problems).toHaveProperty(['customer.address']);
  });

  it('copies late edits into a new draft: header and lines, never the number or status', () => {
    const { draft } = setup();
    draft.updateMeta({ customerId: 'cu_1', notes: 'Livraison le matin' });
    addFreeLine(draft, 'ln_1', {});
    draft.updateLine('ln_1', { description: 'Audit', quantity: '3', unitPrice: '100' });
    draft.meta.set('status', 'issued');
    draft.meta.set('number', 'F-2026-00012');
    const target = new DraftDocument(new Y.Doc());
    let n = 0;
    copyDraftContent(draft, target, { createdAt: now, createdBy: 'us_2', newLineId: () => `ln_new${n++}` });
    expect(target.readMeta()).toMatchObject({ kind: 'invoice', status: 'draft', customerId: 'cu_1', notes: 'Livraison le matin', createdBy: 'us_2' });
    expect(target.readMeta().number).toBeUndefined();
    expect(target.listLines()).toEqual([expect.objectContaining({ id: 'ln_new0', description: 'Audit', quantity: '3', unitPrice: '100' })]);
  });

  it('hashes UTF-8 text with SHA-256 in hex, as the server does', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('été')).toBe('bd010c64132bf5cae8aea89f6762515727dcf68a5dd1de813c87f50a16c4513c');
  });

  it('hashes the canonical content of the draft', async () => {
    const { draft } = setup();
    addFreeLine(draft, 'ln_1', {});
    draft.updateLine('ln_1', { description: 'Prestation — été' });
    expect(await draftHash(draft)).toBe(await sha256Hex(draft.canonicalContent()));
  });
});
