import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CustomerBook } from '@facturo/core';
import { fieldErrorText } from '../i18n';
import { addContact, editContact, removeContact } from './contactEdits';

const now = '2026-11-29T10:00:00.000Z';

function withCustomer() {
  const book = new CustomerBook(new Y.Doc());
  book.createCustomer('cu1', { name: 'Garage Petit' }, now);
  return book;
}

describe('contact edits from the customer page', () => {
  it('adds a contact from the form, trimmed and without the fields left empty', () => {
    const book = withCustomer();
    expect(addContact(book, 'cu1', 'ct1', { name: ' Anne Roux ', role: 'Comptabilité', email: '', phone: '' })).toEqual({ ok: true });
    expect(book.getCustomer('cu1')?.contacts).toEqual([{ id: 'ct1', name: 'Anne Roux', role: 'Comptabilité' }]);
  });

  it('names the form field of a wrong value, not its position in the list', () => {
    const book = withCustomer();
    expect(addContact(book, 'cu1', 'ct1', { name: '', email: 'anne@' })).toEqual({ ok: false, errors: { name: 'a name is required', email: 'an email address' } });
    addContact(book, 'cu1', 'ct1', { name: 'Anne' });
    expect(editContact(book, 'cu1', 'ct1', 'email', 'anne@')).toEqual({ ok: false, errors: { email: 'an email address' } });
    expect(editContact(book, 'cu1', 'ct1', 'name', '')).toEqual({ ok: false, errors: { name: 'a name is required' } });
    expect(book.getCustomer('cu1')?.contacts).toEqual([{ id: 'ct1', name: 'Anne' }]);
  });

  it('edits, clears and removes', () => {
    const book = withCustomer();
    addContact(book, 'cu1', 'ct1', { name: 'Anne', phone: '01 02 03 04 05' });
    expect(editContact(book, 'cu1', 'ct1', 'role', 'Direction')).toEqual({ ok: true });
    expect(editContact(book, 'cu1', 'ct1', 'phone', '')).toEqual({ ok: true });
    expect(book.getCustomer('cu1')?.contacts).toEqual([{ id: 'ct1', name: 'Anne', role: 'Direction' }]);
    removeContact(book, 'cu1', 'ct1');
    expect(book.getCustomer('cu1')?.contacts).toEqual([]);
  });

  it('explains a 21st contact in French and English', () => {
    const book = withCustomer();
    for (let i = 0; i < 20; i++) addContact(book, 'cu1', `ct${i}`, { name: `P${i}` });
    const result = addContact(book, 'cu1', 'ct20', { name: 'P20' });
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : Object.values(result.errors)[0] ?? '';
    expect(fieldErrorText(message, 'fr')).toBe('20 contacts au maximum par client.');
    expect(fieldErrorText(message, 'en')).toBe('At most 20 contacts per customer.');
  });
});
