import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook, Workspace } from '@facturo/core';
import { deliveryAddressSpecs } from '../routes/formSpecs';
import { createCustomer, createProduct, editCustomer, editLogo, editProduct, editSettings, formFieldOf } from './workspaceEdits';

const now = '2026-11-29T10:00:00.000Z';
const fresh = () => new Workspace(new Y.Doc());
const freshBook = () => new CustomerBook(new Y.Doc());

describe('workspace and customer edits from forms', () => {
  it('writes a SIREN typed with spaces as 9 digits', () => {
    const ws = fresh();
    expect(editSettings(ws, 'siren', 'compact', '732 829 320')).toEqual({ ok: true });
    expect(ws.readSettings().siren).toBe('732829320');
  });

  it('writes nothing for an invalid value and names the field', () => {
    const ws = fresh();
    editSettings(ws, 'siren', 'compact', '732829320');
    const result = editSettings(ws, 'siren', 'compact', '1234');
    expect(result).toEqual({ ok: false, errors: { siren: 'A SIREN has 9 digits; this one has 4.' } });
    expect(ws.readSettings().siren).toBe('732829320');
  });

  it('sets a new logo, or names the logo field and keeps the current one when the file is refused', () => {
    const ws = fresh();
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    expect(editLogo(ws, png, 'lg_1')).toEqual({ ok: true });
    expect(editLogo(ws, 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', 'lg_2')).toEqual({ ok: false, errors: { logo: 'A logo is a PNG or JPEG image.' } });
    expect(ws.currentLogo()).toBe(png);
  });

  it('clears an optional settings field emptied by the user', () => {
    const ws = fresh();
    editSettings(ws, 'email', 'text', 'compta@exemple.fr');
    expect(editSettings(ws, 'email', 'text', '')).toEqual({ ok: true });
    expect(ws.readSettings().email).toBeUndefined();
  });

  it('reads a payment term as a whole number and refuses anything else', () => {
    const ws = fresh();
    expect(editSettings(ws, 'paymentTermsDays', 'integer', ' 45 ')).toEqual({ ok: true });
    expect(ws.readSettings().paymentTermsDays).toBe(45);
    expect(editSettings(ws, 'paymentTermsDays', 'integer', '4,5').ok).toBe(false);
    expect(editSettings(ws, 'paymentTermsDays', 'integer', '400').ok).toBe(false);
    expect(ws.readSettings().paymentTermsDays).toBe(45);
  });

  it('refuses to empty a required customer name and keeps it', () => {
    const book = freshBook();
    book.createCustomer('cu_1', { name: 'Boulangerie Martin' }, now);
    expect(editCustomer(book, 'cu_1', 'name', 'text', '')).toEqual({ ok: false, errors: { name: 'a name is required' } });
    expect(book.getCustomer('cu_1')?.name).toBe('Boulangerie Martin');
  });

  it('edits one address field of a customer and reports address errors under the form field name', () => {
    const book = freshBook();
    book.createCustomer('cu_1', { name: 'A' }, now);
    expect(editCustomer(book, 'cu_1', 'city', 'text', 'Nantes')).toEqual({ ok: true });
    expect(editCustomer(book, 'cu_1', 'country', 'code', 'fr')).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')).toMatchObject({ city: 'Nantes', country: 'FR' });
    const bad = editCustomer(book, 'cu_1', 'country', 'code', 'France');
    expect(bad.ok === false && Object.keys(bad.errors)).toEqual(['country']);
    expect(editCustomer(book, 'cu_1', 'phone', 'text', '')).toEqual({ ok: true });
  });

  it('accepts a French decimal comma for prices', () => {
    const ws = fresh();
    ws.createProduct('pr_1', { name: 'Audit', unitPrice: '950' }, now);
    expect(editProduct(ws, 'pr_1', 'unitPrice', 'decimal', '1 250,50')).toEqual({ ok: true });
    expect(ws.getProduct('pr_1')?.unitPrice).toBe('1250.50');
    expect(editProduct(ws, 'pr_1', 'unitPrice', 'decimal', '').ok).toBe(false);
    expect(ws.getProduct('pr_1')?.unitPrice).toBe('1250.50');
  });

  it('creates a customer from a draft: its record in its own document, its entry in the directory', () => {
    const ws = fresh();
    const book = freshBook();
    const ok = createCustomer(ws, () => book, 'cu_1', { name: { kind: 'text', raw: 'Élodie Durand' }, city: { kind: 'text', raw: 'Lyon' }, kind: { kind: 'text', raw: 'individual' } }, now, 'us_1');
    expect(ok).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')).toMatchObject({ name: 'Élodie Durand', city: 'Lyon', kind: 'individual', archived: false });
    expect(ws.listCustomerEntries()).toEqual([{ id: 'cu_1', kind: 'individual', createdAt: now, createdBy: 'us_1' }]);
  });

  it('reports every wrong field of a new customer without opening its document nor listing it', () => {
    const ws = fresh();
    let opened = 0;
    const book = () => (opened++, freshBook());
    const bad = createCustomer(ws, book, 'cu_1', { name: { kind: 'text', raw: '' }, email: { kind: 'text', raw: 'nope' }, country: { kind: 'code', raw: 'France' } }, now);
    expect(bad.ok === false && Object.keys(bad.errors).sort()).toEqual(['country', 'email', 'name']);
    expect(opened).toBe(0);
    expect(ws.listCustomerEntries()).toEqual([]);
  });

  it('creates a product with the defaults of the schema for fields left empty', () => {
    const ws = fresh();
    expect(createProduct(ws, 'pr_1', { name: { kind: 'text', raw: 'Conseil' }, unitPrice: { kind: 'decimal', raw: '95,5' }, costPrice: { kind: 'decimal', raw: '' } }, now)).toEqual({ ok: true });
    expect(ws.getProduct('pr_1')).toMatchObject({ unitPrice: '95.5', vatRate: '20', unit: 'unit' });
    expect(ws.getProduct('pr_1')?.costPrice).toBeUndefined();
  });

  it("refuses identifiers whose check digits are wrong, with core/identifiers' message", () => {
    const ws = fresh();
    expect(editSettings(ws, 'siren', 'compact', '123456789')).toEqual({ ok: false, errors: { siren: expect.stringContaining('does not exist') } });
    expect(editSettings(ws, 'vatNumber', 'compact', 'FR00732829320')).toEqual({ ok: false, errors: { vatNumber: expect.stringContaining('FR44732829320') } });
    expect(editSettings(ws, 'iban', 'compact', 'FR76 3000 6000 0112 3456 7890 188')).toMatchObject({ ok: false });
    expect(editSettings(ws, 'bic', 'compact', 'BNP')).toMatchObject({ ok: false });
    expect(ws.readSettings()).toEqual({});
  });

  it('stores a valid IBAN, SIRET and BIC without their spaces', () => {
    const ws = fresh();
    expect(editSettings(ws, 'iban', 'compact', 'fr76 3000 6000 0112 3456 7890 189')).toEqual({ ok: true });
    expect(editSettings(ws, 'siret', 'compact', '732 829 320 00074')).toEqual({ ok: true });
    expect(editSettings(ws, 'bic', 'compact', 'bnpa fr pp')).toEqual({ ok: true });
    expect(ws.readSettings()).toMatchObject({ iban: 'FR7630006000011234567890189', siret: '73282932000074', bic: 'BNPAFRPP' });
  });

  it("checks a customer's SIREN and VAT number, on creation as on edit", () => {
    const ws = fresh();
    const book = freshBook();
    const bad = createCustomer(ws, () => book, 'cu_1', { name: { kind: 'text', raw: 'ACME' }, siren: { kind: 'compact', raw: '123456789' } }, now);
    expect(bad).toMatchObject({ ok: false, errors: { siren: expect.any(String) } });
    expect(book.getCustomer('cu_1')).toBeUndefined();
    expect(createCustomer(ws, () => book, 'cu_1', { name: { kind: 'text', raw: 'ACME' }, siren: { kind: 'compact', raw: '732 829 320' } }, now)).toEqual({ ok: true });
    expect(editCustomer(book, 'cu_1', 'vatNumber', 'compact', 'DE 136 695 970')).toMatchObject({ ok: false });
    expect(editCustomer(book, 'cu_1', 'vatNumber', 'compact', 'DE 136 695 976')).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')).toMatchObject({ siren: '732829320', vatNumber: 'DE136695976' });
  });

  it("edits the delivery address field by field, apart from the billing address", () => {
    const book = freshBook();
    book.createCustomer('cu_1', { name: 'Hôtel du Lac', address: { city: 'Beaune', country: 'FR' } }, now);
    const typed: Record<string, string> = { deliveryLine1: 'Quai 3', deliveryLine2: 'Entrée des livraisons', deliveryPostcode: '21000', deliveryCity: 'Dijon', deliveryCountry: 'fr' };
    for (const spec of deliveryAddressSpecs) expect(editCustomer(book, 'cu_1', spec.name, spec.kind, typed[spec.name] ?? '')).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')).toMatchObject({ city: 'Beaune', country: 'FR', deliveryLine1: 'Quai 3', deliveryPostcode: '21000', deliveryCity: 'Dijon', deliveryCountry: 'FR' });
    expect(editCustomer(book, 'cu_1', 'deliveryLine2', 'text', '')).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')?.deliveryLine2).toBeUndefined();
    expect(book.getCustomer('cu_1')?.line2).toBeUndefined();
  });

  it('reports a wrong delivery field under its own name, never the billing one', () => {
    const book = freshBook();
    book.createCustomer('cu_1', { name: 'A', address: { country: 'FR' }, deliveryAddress: { country: 'BE' } }, now);
    expect(editCustomer(book, 'cu_1', 'deliveryCountry', 'code', 'Belgique')).toEqual({ ok: false, errors: { deliveryCountry: expect.stringMatching(/^ISO 3166/) } });
    expect(editCustomer(book, 'cu_1', 'deliveryCity', 'text', 'x'.repeat(101)).ok).toBe(false);
    expect(book.getCustomer('cu_1')).toMatchObject({ country: 'FR', deliveryCountry: 'BE' });
    expect(formFieldOf('deliveryAddress.postcode')).toBe('deliveryPostcode');
    expect(formFieldOf('address.postcode')).toBe('postcode');
    expect(formFieldOf('name')).toBe('name');
  });

  it('creates a customer with a delivery address, and names its wrong fields', () => {
    const ws = fresh();
    const draft = (country: string) => ({
      name: { kind: 'text' as const, raw: 'Hôtel du Lac' },
      city: { kind: 'text' as const, raw: 'Beaune' },
      deliveryCity: { kind: 'text' as const, raw: 'Dijon' },
      deliveryCountry: { kind: 'code' as const, raw: country },
    });
    const book = freshBook();
    expect(createCustomer(ws, () => book, 'cu_1', draft('Bourgogne'), now)).toEqual({ ok: false, errors: { deliveryCountry: expect.any(String) } });
    const both = createCustomer(ws, () => book, 'cu_1', { ...draft('Bourgogne'), siren: { kind: 'compact', raw: '123' } }, now);
    expect(both.ok === false && Object.keys(both.errors).sort()).toEqual(['deliveryCountry', 'siren']);
    expect(book.customers.size).toBe(0);
    expect(createCustomer(ws, () => book, 'cu_1', draft('fr'), now)).toEqual({ ok: true });
    expect(book.getCustomer('cu_1')).toMatchObject({ city: 'Beaune', deliveryCity: 'Dijon', deliveryCountry: 'FR' });
    expect(book.getCustomer('cu_1')?.country).toBeUndefined();
  });
});
