import * as Y from 'yjs';
import { z } from 'zod';
import { address, languageCode, optionalText, parseOrThrow, text } from './fields';
import { contactsInput, CustomerContacts, type Contact } from './contacts';
import { nonEmpty, readRecord, stripDefaults, writeFields, type Scalar } from './records';

/*
 * A customer's personal data: its record (names, addresses, email, phone, notes) and its contacts. Each
 * customer has a Yjs document of its own, `co_….cu_…`, whose log entries the server seals under that
 * customer's data key: erasing the person (GDPR art. 17) is destroying that key. The workspace keeps only
 * a directory entry per customer (id, kind, dates: no personal data), see Workspace.customerIndex.
 *
 * A CustomerBook reads and edits the `customers` and `contacts` maps of a Yjs document: a customer's own
 * document (holding its one record), or a workspace written before customers had documents of their own
 * (what the server's migration moves out).
 */

export const customerInput = z.object({
  kind: z.enum(['company', 'individual']).default('company'),
  name: text().min(1, 'a name is required'),
  email: z.email('an email address').optional(),
  phone: optionalText(40),
  siren: z.string().regex(/^\d{9}$/, 'SIREN: 9 digits').optional(),
  vatNumber: z.string().regex(/^[A-Z]{2}[0-9A-Z+*.]{2,13}$/, 'VAT number, e.g. FR12345678901').optional(),
  language: languageCode.default('fr'),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  notes: optionalText(2000),
  /** Tags the company gives its customers ("PME, Revendeur"), comma-separated: pricing rules and approval circuits read them. */
  segments: optionalText(300),
  /** When the business relationship began: a pricing rule's seniority counts from it. */
  customerSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
  address: address.optional(),
  /** Where goods are delivered or services performed, when not the billing address (2026 reform mention). */
  deliveryAddress: address.optional(),
  /** The people to talk to (0 to 20); stored apart from the customer's fields, see contacts.ts. */
  contacts: contactsInput.optional(),
});
export type CustomerInput = z.input<typeof customerInput>;

export interface Customer {
  id: string;
  kind: 'company' | 'individual';
  name: string;
  email?: string;
  phone?: string;
  siren?: string;
  vatNumber?: string;
  language: 'fr' | 'en';
  paymentTermsDays?: number;
  notes?: string;
  segments?: string;
  customerSince?: string;
  line1?: string;
  line2?: string;
  postcode?: string;
  city?: string;
  country?: string;
  deliveryLine1?: string;
  deliveryLine2?: string;
  deliveryPostcode?: string;
  deliveryCity?: string;
  deliveryCountry?: string;
  contacts: Contact[];
  createdAt: string;
  archived: boolean;
}

function flattenCustomer(input: z.output<typeof customerInput>): Record<string, Scalar | undefined> {
  const { address: addr, deliveryAddress: delivery, contacts: _contacts, ...rest } = input;
  const d = delivery ?? {};
  const deliveryFields = { deliveryLine1: d.line1, deliveryLine2: d.line2, deliveryPostcode: d.postcode, deliveryCity: d.city, deliveryCountry: d.country };
  return { ...rest, ...(addr ?? {}), ...(delivery ? deliveryFields : {}) };
}

/** A customer's segments as a list: trimmed, without empty or repeated tags. */
export function segmentsOf(c: Pick<Customer, 'segments'> | undefined): string[] {
  return [...new Set((c?.segments ?? '').split(',').map((x) => x.trim()).filter((x) => x.length > 0))];
}

/** Typed access to the customer records of one Yjs document. */
export class CustomerBook {
  readonly customers: Y.Map<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.customers = doc.getMap('customers');
  }

  /** The customers' contacts: read with each customer, edited one by one (add, update, remove). */
  get contacts(): CustomerContacts {
    return new CustomerContacts(this.doc);
  }

  listCustomers({ includeArchived = false } = {}): Customer[] {
    const contacts = this.contacts.byCustomer();
    const all = [...this.customers.entries()].map(([id, m]) => ({ ...readRecord<Customer>(id, m), contacts: contacts.get(id) ?? [] }));
    return all.filter((c) => includeArchived || !c.archived).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  getCustomer(id: string): Customer | undefined {
    const m = this.customers.get(id);
    return m ? { ...readRecord<Customer>(id, m), contacts: this.contacts.of(id) } : undefined;
  }

  createCustomer(id: string, input: CustomerInput, now: string): Customer {
    const valid = parseOrThrow(customerInput, input);
    this.doc.transact(() => {
      const m = new Y.Map<Scalar>();
      this.customers.set(id, m);
      writeFields(m, { ...flattenCustomer(valid), createdAt: now, archived: false });
      if (valid.contacts?.length) this.contacts.replace(id, valid.contacts);
    });
    return this.getCustomer(id)!;
  }

  /** A field-level patch: only the fields given change, so concurrent edits of others survive. */
  updateCustomer(id: string, patch: Partial<Record<Exclude<keyof Customer, 'contacts'>, Scalar | undefined>>) {
    const m = this.customers.get(id);
    if (!m) throw new Error(`customer ${id} does not exist`);
    const { id: _id, createdAt: _c, archived, line1, line2, postcode, city, country, deliveryLine1, deliveryLine2, deliveryPostcode, deliveryCity, deliveryCountry, ...fields } = patch;
    const partial = customerInput.partial().extend({ address: address.optional(), deliveryAddress: address.optional() });
    const addr = { line1, line2, postcode, city, country };
    const del = { line1: deliveryLine1, line2: deliveryLine2, postcode: deliveryPostcode, city: deliveryCity, country: deliveryCountry };
    const has = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);
    const valid = parseOrThrow(partial, { ...nonEmpty(fields), ...(has(addr) ? { address: nonEmpty(addr) } : {}), ...(has(del) ? { deliveryAddress: nonEmpty(del) } : {}) });
    const delFlat = { deliveryLine1, deliveryLine2, deliveryPostcode, deliveryCity, deliveryCountry };
    const cleared = Object.fromEntries(Object.entries({ ...fields, ...addr, ...delFlat }).filter(([k, v]) => v === '' && k in patch));
    this.doc.transact(() => {
      const flat = flattenCustomer({ ...valid } as z.output<typeof customerInput>);
      writeFields(m, { ...stripDefaults(flat, nonEmpty({ ...fields, ...addr, ...delFlat })), ...cleared });
      if (typeof archived === 'boolean') writeFields(m, { archived });
    });
  }

  /** Copies a customer's record and contacts from another book (the migration out of a legacy workspace). */
  adopt(from: CustomerBook, id: string) {
    const source = from.customers.get(id);
    if (!source) throw new Error(`customer ${id} does not exist`);
    this.doc.transact(() => {
      const m = new Y.Map<Scalar>();
      this.customers.set(id, m);
      writeFields(m, source.toJSON() as Record<string, Scalar>);
      for (const [contactId, c] of from.contacts.all) {
        if (c.get('customerId') !== id) continue;
        const copy = new Y.Map<Scalar>();
        this.contacts.all.set(contactId, copy);
        writeFields(copy, c.toJSON() as Record<string, Scalar>);
      }
    });
  }

  /** Removes a customer's record and contacts from this book (once adopted by the customer's own document). */
  forget(id: string) {
    this.doc.transact(() => {
      for (const [contactId, c] of [...this.contacts.all]) if (c.get('customerId') === id) this.contacts.all.delete(contactId);
      this.customers.delete(id);
    });
  }
}
