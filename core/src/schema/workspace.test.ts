import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from './fields';
import { Workspace, createCustomerIn, docIds } from './workspace';
import { CustomerBook } from './customers';

const now = '2026-11-29T10:00:00.000Z';

describe('Workspace', () => {
  it('creates a customer with its address flattened and reads it back', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'Boulangerie Martin', address: { city: 'Lyon', country: 'FR' } }, now);
    expect(new CustomerBook(ws.doc).getCustomer('cu1')).toMatchObject({ name: 'Boulangerie Martin', city: 'Lyon', country: 'FR', language: 'fr', archived: false });
  });

  it('keeps a delivery address apart from the billing address and patches it field by field', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'Hôtel', address: { city: 'Beaune', country: 'FR' }, deliveryAddress: { line1: 'Quai 3', city: 'Dijon', country: 'FR' } }, now);
    expect(new CustomerBook(ws.doc).getCustomer('cu1')).toMatchObject({ city: 'Beaune', deliveryLine1: 'Quai 3', deliveryCity: 'Dijon' });
    new CustomerBook(ws.doc).updateCustomer('cu1', { deliveryCity: 'Chalon' });
    expect(new CustomerBook(ws.doc).getCustomer('cu1')).toMatchObject({ city: 'Beaune', deliveryCity: 'Chalon', deliveryLine1: 'Quai 3' });
    expect(() => new CustomerBook(ws.doc).updateCustomer('cu1', { deliveryCountry: 'Bourgogne' })).toThrow(/deliveryAddress.country/);
  });

  it('rejects a bad customer naming every wrong field and writes nothing', () => {
    const ws = new Workspace(new Y.Doc());
    let error: unknown;
    try {
      new CustomerBook(ws.doc).createCustomer('cu1', { name: '', email: 'nope', address: { country: 'France' } }, now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fields).sort()).toEqual(['address.country', 'email', 'name']);
    expect(new CustomerBook(ws.doc).customers.size).toBe(0);
  });

  it('patches only the fields given, leaving defaults and other fields alone', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'A', language: 'en', email: 'a@example.com' }, now);
    new CustomerBook(ws.doc).updateCustomer('cu1', { city: 'Paris' });
    expect(new CustomerBook(ws.doc).getCustomer('cu1')).toMatchObject({ name: 'A', language: 'en', email: 'a@example.com', city: 'Paris' });
    new CustomerBook(ws.doc).updateCustomer('cu1', { email: '' });
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.email).toBeUndefined();
  });

  it('keeps both sides of concurrent edits to different fields of one customer', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new CustomerBook(a).createCustomer('cu1', { name: 'A' }, now);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    new CustomerBook(a).updateCustomer('cu1', { city: 'Nantes' });
    new CustomerBook(b).updateCustomer('cu1', { phone: '0102030405' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(new CustomerBook(a).getCustomer('cu1')).toEqual(new CustomerBook(b).getCustomer('cu1'));
    expect(new CustomerBook(a).getCustomer('cu1')).toMatchObject({ city: 'Nantes', phone: '0102030405' });
  });

  it('archives instead of deleting and hides archived records from lists', () => {
    const ws = new Workspace(new Y.Doc());
    ws.createProduct('p1', { name: 'Audit', unitPrice: '950.00' }, now);
    ws.updateProduct('p1', { archived: true });
    expect(ws.listProducts()).toEqual([]);
    expect(ws.listProducts({ includeArchived: true })).toHaveLength(1);
  });

  it('refuses a product price that is not a decimal string', () => {
    const ws = new Workspace(new Y.Doc());
    expect(() => ws.createProduct('p1', { name: 'X', unitPrice: '12,5' }, now)).toThrow(/unitPrice/);
  });

  it('reads the company out of a document id and refuses malformed ones', () => {
    expect(docIds.companyOf(docIds.workspace('co_abcdefgh12'))).toBe('co_abcdefgh12');
    expect(docIds.companyOf('co_abcdefgh12/../x')).toBeUndefined();
    expect(docIds.companyOf('workspace')).toBeUndefined();
  });
});

describe('customer contacts', () => {
  it('creates a customer with its contacts and reads them back in order', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'Garage Petit', contacts: [{ name: 'Anne Roux', role: 'Comptabilité', email: 'anne@garage.fr' }, { name: 'Paul Petit', phone: '06 12 34 56 78' }] }, now);
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.contacts).toEqual([
      { id: 'cu1.0', name: 'Anne Roux', role: 'Comptabilité', email: 'anne@garage.fr' },
      { id: 'cu1.1', name: 'Paul Petit', phone: '06 12 34 56 78' },
    ]);
    expect(new CustomerBook(ws.doc).listCustomers()[0]?.contacts).toHaveLength(2);
  });

  it('names a wrong contact field with its position and writes nothing', () => {
    const ws = new Workspace(new Y.Doc());
    const contacts = [{ name: 'A' }, { name: 'B' }, { name: 'C', email: 'not-an-email' }];
    expect(() => new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X', contacts }, now)).toThrow(ValidationError);
    try {
      new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X', contacts }, now);
    } catch (e) {
      expect((e as ValidationError).fields).toEqual({ 'contacts[2].email': 'an email address' });
    }
    expect(new CustomerBook(ws.doc).customers.size).toBe(0);
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X' }, now);
    new CustomerBook(ws.doc).contacts.add('cu1', 'ct1', { name: 'A' });
    expect(() => new CustomerBook(ws.doc).contacts.add('cu1', 'ct2', { name: '' })).toThrow(/contacts\[1\]\.name/);
    expect(() => new CustomerBook(ws.doc).contacts.update('cu1', 'ct1', { phone: 'x'.repeat(41) })).toThrow(/contacts\[0\]\.phone/);
    expect(() => new CustomerBook(ws.doc).contacts.update('cu1', 'ct1', { name: '' })).toThrow(/contacts\[0\]\.name/);
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.contacts).toEqual([{ id: 'ct1', name: 'A' }]);
  });

  it('refuses a 21st contact', () => {
    const ws = new Workspace(new Y.Doc());
    const twenty = Array.from({ length: 20 }, (_, i) => ({ name: `P${i}` }));
    expect(() => new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X', contacts: [...twenty, { name: 'P20' }] }, now)).toThrow(/contacts/);
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X', contacts: twenty }, now);
    expect(() => new CustomerBook(ws.doc).contacts.add('cu1', 'ct21', { name: 'P20' })).toThrow(/at most 20/);
  });

  it('edits one field of a contact, clears an optional one and removes a contact', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X' }, now);
    new CustomerBook(ws.doc).contacts.add('cu1', 'ct1', { name: 'Anne', email: 'a@x.fr', role: 'Achats' });
    new CustomerBook(ws.doc).contacts.add('cu1', 'ct2', { name: 'Paul' });
    new CustomerBook(ws.doc).contacts.update('cu1', 'ct1', { role: 'Comptabilité', email: '' });
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.contacts[0]).toEqual({ id: 'ct1', name: 'Anne', role: 'Comptabilité' });
    new CustomerBook(ws.doc).contacts.remove('cu1', 'ct1');
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.contacts).toEqual([{ id: 'ct2', name: 'Paul' }]);
  });

  it('replaces the list: known ids updated, new ones added, missing ones removed', () => {
    const ws = new Workspace(new Y.Doc());
    new CustomerBook(ws.doc).createCustomer('cu1', { name: 'X', contacts: [{ id: 'a', name: 'A', role: 'R' }, { id: 'b', name: 'B' }] }, now);
    new CustomerBook(ws.doc).contacts.replace('cu1', [{ name: 'C' }, { id: 'a', name: 'A2' }]);
    expect(new CustomerBook(ws.doc).getCustomer('cu1')?.contacts).toEqual([{ id: 'cu1.0', name: 'C' }, { id: 'a', name: 'A2' }]);
  });

  it('keeps both contacts added at once on two replicas, in the same order on each', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    new CustomerBook(a).createCustomer('cu1', { name: 'A' }, now);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    new CustomerBook(a).contacts.add('cu1', 'ct_a', { name: 'Anne', role: 'Comptabilité' });
    new CustomerBook(b).contacts.add('cu1', 'ct_b', { name: 'Bruno', email: 'bruno@x.fr' });
    new CustomerBook(b).updateCustomer('cu1', { city: 'Lyon' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const onA = new CustomerBook(a).getCustomer('cu1');
    expect(onA).toEqual(new CustomerBook(b).getCustomer('cu1'));
    expect(onA?.contacts.map((c) => c.name)).toEqual(['Anne', 'Bruno']);
    expect(onA?.city).toBe('Lyon');
  });
});

describe('customer directory', () => {
  it('keeps the record in the customer’s own document and only kind and dates in the workspace', () => {
    const ws = new Workspace(new Y.Doc());
    const book = new CustomerBook(new Y.Doc());
    createCustomerIn(ws, book, 'cu_1', { kind: 'individual', name: 'Julie Martin', email: 'julie@example.fr', address: { city: 'Lyon' } }, now, 'us_1');
    expect(book.getCustomer('cu_1')).toMatchObject({ name: 'Julie Martin', email: 'julie@example.fr', city: 'Lyon' });
    expect(ws.listCustomerEntries()).toEqual([{ id: 'cu_1', kind: 'individual', createdAt: now, createdBy: 'us_1' }]);
    // Nothing personal reached the workspace document.
    expect(JSON.stringify(ws.doc.toJSON())).not.toMatch(/Julie|julie@|Lyon/);
  });

  it('validates the record before anything is written to either document', () => {
    const ws = new Workspace(new Y.Doc());
    const book = new CustomerBook(new Y.Doc());
    expect(() => createCustomerIn(ws, book, 'cu_1', { name: '' }, now)).toThrow(/name/);
    expect(ws.listCustomerEntries()).toEqual([]);
    expect(book.listCustomers()).toEqual([]);
  });

  it('lists erased customers only when asked, with the date and nothing else', () => {
    const ws = new Workspace(new Y.Doc());
    createCustomerIn(ws, new CustomerBook(new Y.Doc()), 'cu_1', { name: 'A' }, now);
    createCustomerIn(ws, new CustomerBook(new Y.Doc()), 'cu_2', { name: 'B' }, '2026-11-30T00:00:00Z');
    ws.markCustomerErased('cu_1', '2026-12-01T00:00:00Z');
    expect(ws.listCustomerEntries().map((e) => e.id)).toEqual(['cu_2']);
    expect(ws.customerEntry('cu_1')).toEqual({ id: 'cu_1', kind: 'company', createdAt: now, erasedAt: '2026-12-01T00:00:00Z' });
    expect(() => ws.markCustomerErased('cu_9', now)).toThrow(/cu_9/);
  });
});

describe('moving a legacy customer out of the workspace', () => {
  it('copies the record and its contacts into the customer’s book, then leaves nothing of them in the workspace', () => {
    const ws = new Workspace(new Y.Doc());
    const legacy = ws.legacyCustomers;
    legacy.createCustomer('cu_1', { name: 'Julie Martin', kind: 'individual', email: 'julie@example.fr', contacts: [{ name: 'Paul Martin', phone: '0601020304' }] }, now);
    legacy.createCustomer('cu_2', { name: 'Garage Petit', contacts: [{ name: 'Anne Roux' }] }, now);
    const book = new CustomerBook(new Y.Doc());
    book.adopt(legacy, 'cu_1');
    legacy.forget('cu_1');
    expect(book.getCustomer('cu_1')).toMatchObject({ name: 'Julie Martin', kind: 'individual', email: 'julie@example.fr', createdAt: now, contacts: [{ name: 'Paul Martin', phone: '0601020304' }] });
    expect(book.listCustomers()).toHaveLength(1); // Garage Petit's contact did not come along
    expect(legacy.listCustomers().map((c) => c.id)).toEqual(['cu_2']);
    expect(JSON.stringify(ws.doc.toJSON())).not.toMatch(/Julie|Paul|0601020304/);
    expect(() => book.adopt(legacy, 'cu_1')).toThrow(/cu_1/);
  });
});

describe('document layout and text blocks', () => {
  it('reads the default layout until changed, keeps what is not patched, and refuses a broken value without writing', () => {
    const ws = new Workspace(new Y.Doc());
    expect(ws.readLayout()).toEqual({ accentColor: '#1f4e79', font: 'dejavu-sans', columns: { unit: true, discount: true } });
    ws.updateLayout({ accentColor: '#8a3b12', columns: { discount: false }, footerText: 'www.studio-boreal.fr' });
    ws.updateLayout({ font: 'dejavu-serif' });
    expect(ws.readLayout()).toEqual({ accentColor: '#8a3b12', font: 'dejavu-serif', columns: { unit: true, discount: false }, footerText: 'www.studio-boreal.fr' });
    const before = ws.layout.toJSON();
    expect(() => ws.updateLayout({ accentColor: 'red', font: 'comic' })).toThrow(/accentColor.*font|font.*accentColor/s);
    expect(ws.layout.toJSON()).toEqual(before); // the layout in force stays
    ws.updateLayout({ footerText: '' });
    expect(ws.readLayout().footerText).toBeUndefined();
  });

  it('keeps text blocks whose variables are known, and names an unknown one instead of saving it', () => {
    const ws = new Workspace(new Y.Doc());
    ws.setCustomValue('website', 'www.studio-boreal.fr');
    ws.setTextBlock('tb_1', { name: 'Relance aimable', usage: 'email', body: 'Bonjour {{customer.name}}, la facture {{invoice.number}} arrive à échéance le {{invoice.dueDate}}. {{custom.website}}' });
    expect(ws.listTextBlocks()).toEqual([expect.objectContaining({ id: 'tb_1', name: 'Relance aimable', usage: 'email' })]);
    expect(() => ws.setTextBlock('tb_1', { name: 'Relance aimable', body: 'Échéance : {{invoice.dueDat}} {{custom.site}}' })).toThrow('body: unknown variables {{invoice.dueDat}}, {{custom.site}}');
    expect(ws.getTextBlock('tb_1')?.body).toContain('{{invoice.dueDate}}');
    expect(() => ws.setTextBlock('tb_2', { name: '', body: '' })).toThrow(/name.*body|body.*name/s);
    expect(() => ws.setCustomValue('1site', 'x')).toThrow(/name/);
  });
});
