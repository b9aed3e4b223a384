import { ValidationError, type Contact, type CustomerBook } from '@facturo/core';
import { parseInput } from './fieldInput';
import type { EditResult, FieldErrors } from './workspaceEdits';

// A customer's contacts, in the customer's own document, edited from the customer page: each valid keystroke is written at once (others see
// it live); an invalid value writes nothing and returns core's message under the form's field name.

export type ContactField = Exclude<keyof Contact, 'id'>;
export const contactFields: ContactField[] = ['name', 'role', 'email', 'phone'];

/** Core names a contact's field by its position ("contacts[2].email"); the form by the field ("email"). */
function formErrors(e: ValidationError): FieldErrors {
  return Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.replace(/^contacts\[\d+\]\./, ''), v]));
}

function attempt(write: () => void): EditResult {
  try {
    write();
    return { ok: true };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: formErrors(e) };
    throw e;
  }
}

/** Adds a contact from the "new contact" form's values (raw strings as typed). */
export function addContact(book: CustomerBook, customerId: string, contactId: string, values: Partial<Record<ContactField, string>>): EditResult {
  const input = Object.fromEntries(contactFields.map((f) => [f, String(parseInput('text', values[f] ?? '')).trim()]));
  return attempt(() => book.contacts.add(customerId, contactId, { name: input.name ?? '', ...input }));
}

/** One field of one contact; '' clears an optional field (core refuses to clear the name). */
export function editContact(book: CustomerBook, customerId: string, contactId: string, field: ContactField, raw: string): EditResult {
  return attempt(() => book.contacts.update(customerId, contactId, { [field]: String(parseInput('text', raw)) }));
}

export function removeContact(book: CustomerBook, customerId: string, contactId: string): void {
  book.contacts.remove(customerId, contactId);
}
