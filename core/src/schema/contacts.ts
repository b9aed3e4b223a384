import * as Y from 'yjs';
import { z } from 'zod';
import { optionalText, parseOrThrow, text, ValidationError } from './fields';

/*
 * The people to talk to at a customer (accounting, buyer…). They live in one top-level map of the
 * workspace keyed by contact id, each a Y.Map of scalar fields naming its customer. Not a map nested
 * in the customer's: two replicas creating that nested map at once would keep only one of them (and
 * its contacts), whereas keys of a top-level map never collide, so concurrent additions all survive.
 */

export const maxContacts = 20;
export const contactIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;

export const contactInput = z.object({
  /** Given by the client, or derived from the customer's id and the position on creation. */
  id: z.string().regex(contactIdPattern, 'letters, digits, "_", "." or "-"').optional(),
  name: text(100).min(1, 'a name is required'),
  email: z.email('an email address').optional(),
  phone: optionalText(40),
  /** What the person does for the customer, e.g. "Comptabilité". */
  role: optionalText(60),
});
export type ContactInput = z.input<typeof contactInput>;
export const contactsInput = z.array(contactInput).max(maxContacts, `at most ${maxContacts} contacts`);

export interface Contact {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  role?: string;
}

type Scalar = string | number | boolean;
type ContactField = Exclude<keyof Contact, 'id'>;
const fields: ContactField[] = ['name', 'email', 'phone', 'role'];

function read(id: string, m: Y.Map<Scalar>): Contact & { customerId: string; order: number } {
  const o = m.toJSON() as Record<string, Scalar>;
  const c: Contact & { customerId: string; order: number } = { id, name: String(o.name ?? ''), customerId: String(o.customerId), order: Number(o.order ?? 0) };
  for (const f of ['email', 'phone', 'role'] as const) if (typeof o[f] === 'string') c[f] = o[f];
  return c;
}

function write(m: Y.Map<Scalar>, valid: Partial<Record<ContactField, string>>, given: Partial<Record<ContactField, string>>) {
  for (const f of fields) {
    if (!(f in given)) continue;
    const v = valid[f];
    if (v === undefined || v === '') m.delete(f);
    else if (m.get(f) !== v) m.set(f, v);
  }
}

/** Validation errors named as the API and forms name them: `contacts[2].email`. */
function parseAt<T extends z.ZodType>(schema: T, index: number, input: unknown): z.infer<T> {
  try {
    return parseOrThrow(schema, input);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`contacts[${index}].${k}`, v])));
  }
}

/** The customers' contacts of one workspace document: typed reads and validated edits. */
export class CustomerContacts {
  readonly all: Y.Map<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.all = doc.getMap('contacts');
  }

  /** Every customer's contacts in their order (position, then id for concurrent additions). */
  byCustomer(): Map<string, Contact[]> {
    const rows = [...this.all.entries()].map(([id, m]) => read(id, m));
    rows.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const out = new Map<string, Contact[]>();
    for (const { customerId, order: _o, ...c } of rows) out.set(customerId, [...(out.get(customerId) ?? []), c]);
    return out;
  }

  of(customerId: string): Contact[] {
    return this.byCustomer().get(customerId) ?? [];
  }

  /** Adds a contact at the end; refuses a 21st. */
  add(customerId: string, contactId: string, input: Omit<ContactInput, 'id'>): Contact {
    const list = this.of(customerId);
    if (list.length >= maxContacts) throw new ValidationError({ contacts: `at most ${maxContacts} contacts` });
    const valid = parseAt(contactInput, list.length, { ...nonEmpty(input), name: input.name ?? '', id: contactId });
    if (this.all.has(contactId)) throw new ValidationError({ [`contacts[${list.length}].id`]: 'this id is already used' });
    const last = this.all.get(list.at(-1)?.id ?? '');
    this.doc.transact(() => this.insert(customerId, contactId, valid, last ? Number(last.get('order')) + 1 : 0));
    return this.of(customerId).find((c) => c.id === contactId)!;
  }

  /** A field-level patch of one contact; '' clears an optional field. */
  update(customerId: string, contactId: string, patch: Partial<Record<ContactField, string>>) {
    const index = this.of(customerId).findIndex((c) => c.id === contactId);
    const m = this.all.get(contactId);
    if (!m || index < 0) throw new Error(`contact ${contactId} of ${customerId} does not exist`);
    const given = Object.fromEntries(Object.entries(patch).filter(([k, v]) => (fields as string[]).includes(k) && v !== undefined));
    const valid = parseAt(contactInput.partial(), index, nonEmpty(given));
    if (given.name === '') throw new ValidationError({ [`contacts[${index}].name`]: 'a name is required' });
    this.doc.transact(() => write(m, valid, given));
  }

  remove(customerId: string, contactId: string) {
    if (this.all.get(contactId)?.get('customerId') === customerId) this.all.delete(contactId);
  }

  /** Makes the customer's contacts exactly this list (as a REST PATCH of `contacts` does): known ids are
   * updated, unknown ones added, missing ones removed. Validates the whole list first. */
  replace(customerId: string, inputs: ContactInput[]) {
    const valid = parseOrThrow(z.object({ contacts: contactsInput }), { contacts: inputs.map((c) => ({ ...nonEmpty(c), name: c.name })) }).contacts;
    const ids = valid.map((c, i) => c.id ?? `${customerId}.${i}`);
    ids.forEach((id, i) => {
      const owner = this.all.get(id)?.get('customerId');
      if ((owner !== undefined && owner !== customerId) || ids.indexOf(id) !== i) throw new ValidationError({ [`contacts[${i}].id`]: 'this id is already used' });
    });
    this.doc.transact(() => {
      for (const c of this.of(customerId)) if (!ids.includes(c.id)) this.all.delete(c.id);
      valid.forEach((c, i) => {
        const m = this.all.get(ids[i]!);
        if (m) {
          write(m, c, { name: '', email: '', phone: '', role: '' });
          if (m.get('order') !== i) m.set('order', i);
        } else this.insert(customerId, ids[i]!, c, i);
      });
    });
  }

  private insert(customerId: string, id: string, valid: z.output<typeof contactInput>, order: number) {
    const m = new Y.Map<Scalar>();
    this.all.set(id, m);
    m.set('customerId', customerId);
    m.set('order', order);
    write(m, valid, { name: '', email: '', phone: '', role: '' });
  }
}

function nonEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
