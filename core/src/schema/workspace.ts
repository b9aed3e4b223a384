import * as Y from 'yjs';
import { z } from 'zod';
import { address, countryCode, decimalString, languageCode, optionalText, parseOrThrow, text } from './fields';

/*
 * The workspace document: one Yjs document per company holding settings, customers and products.
 * Every record is a Y.Map of scalar fields, so two people editing different fields of the same
 * customer both win; the same field resolves last-writer-wins, identically on every replica.
 * Records are never deleted from the map (a concurrent edit would resurrect half a record): they
 * are archived.
 */

export const companySettings = z.object({
  legalName: optionalText(),
  tradeName: optionalText(),
  legalForm: optionalText(60),
  shareCapital: decimalString.optional(),
  siren: z.string().regex(/^\d{9}$/, 'SIREN: 9 digits').optional(),
  siret: z.string().regex(/^\d{14}$/, 'SIRET: 14 digits').optional(),
  vatNumber: z.string().regex(/^[A-Z]{2}[0-9A-Z+*.]{2,13}$/, 'VAT number, e.g. FR12345678901').optional(),
  rcsCity: optionalText(100),
  email: z.email('an email address').optional(),
  phone: optionalText(40),
  iban: optionalText(40),
  bic: optionalText(11),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  language: languageCode.optional(),
  line1: optionalText(),
  line2: optionalText(),
  postcode: optionalText(20),
  city: optionalText(100),
  country: countryCode.optional(),
});
export type CompanySettings = z.infer<typeof companySettings>;

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
  address: address.optional(),
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
  line1?: string;
  line2?: string;
  postcode?: string;
  city?: string;
  country?: string;
  createdAt: string;
  archived: boolean;
}

export const productInput = z.object({
  name: text().min(1, 'a name is required'),
  description: optionalText(2000),
  unit: text(20).default('unit'),
  unitPrice: decimalString,
  vatRate: decimalString.default('20'),
  costPrice: decimalString.optional(),
  category: optionalText(100),
});
export type ProductInput = z.input<typeof productInput>;

export interface Product {
  id: string;
  name: string;
  description?: string;
  unit: string;
  unitPrice: string;
  vatRate: string;
  costPrice?: string;
  category?: string;
  createdAt: string;
  archived: boolean;
}

type Scalar = string | number | boolean;
type FieldsOf<T> = { [K in keyof T]?: T[K] };

function writeFields(map: Y.Map<Scalar>, fields: Record<string, Scalar | undefined>) {
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '') {
      if (map.has(k)) map.delete(k);
    } else if (map.get(k) !== v) map.set(k, v);
  }
}

function flattenCustomer(input: z.output<typeof customerInput>): Record<string, Scalar | undefined> {
  const { address: addr, ...rest } = input;
  return { ...rest, ...(addr ?? {}) };
}

function readRecord<T>(id: string, map: Y.Map<Scalar>): T {
  return { id, ...map.toJSON() } as T;
}

/** Typed access to a company's workspace document: nobody else reads it by string key. */
export class Workspace {
  readonly settings: Y.Map<Scalar>;
  readonly customers: Y.Map<Y.Map<Scalar>>;
  readonly products: Y.Map<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.settings = doc.getMap('settings');
    this.customers = doc.getMap('customers');
    this.products = doc.getMap('products');
  }

  readSettings(): CompanySettings {
    return this.settings.toJSON() as CompanySettings;
  }

  /** Validates the whole patch first: nothing is written when one field is wrong. */
  updateSettings(patch: FieldsOf<CompanySettings>) {
    const valid = parseOrThrow(companySettings.partial(), patch);
    const cleared = Object.fromEntries(Object.entries(patch).filter(([, v]) => v === undefined || v === ''));
    this.doc.transact(() => writeFields(this.settings, { ...valid, ...cleared }));
  }

  listCustomers({ includeArchived = false } = {}): Customer[] {
    const all = [...this.customers.entries()].map(([id, m]) => readRecord<Customer>(id, m));
    return all.filter((c) => includeArchived || !c.archived).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  getCustomer(id: string): Customer | undefined {
    const m = this.customers.get(id);
    return m ? readRecord<Customer>(id, m) : undefined;
  }

  createCustomer(id: string, input: CustomerInput, now: string): Customer {
    const valid = parseOrThrow(customerInput, input);
    this.doc.transact(() => {
      const m = new Y.Map<Scalar>();
      this.customers.set(id, m);
      writeFields(m, { ...flattenCustomer(valid), createdAt: now, archived: false });
    });
    return this.getCustomer(id)!;
  }

  /** A field-level patch: only the fields given change, so concurrent edits of others survive. */
  updateCustomer(id: string, patch: Partial<Record<keyof Customer, Scalar | undefined>>) {
    const m = this.customers.get(id);
    if (!m) throw new Error(`customer ${id} does not exist`);
    const { id: _id, createdAt: _c, archived, line1, line2, postcode, city, country, ...fields } = patch;
    const partial = customerInput.partial().extend({ address: address.optional() });
    const addr = { line1, line2, postcode, city, country };
    const hasAddr = Object.values(addr).some((v) => v !== undefined);
    const valid = parseOrThrow(partial, { ...nonEmpty(fields), ...(hasAddr ? { address: nonEmpty(addr) } : {}) });
    const cleared = Object.fromEntries(Object.entries({ ...fields, ...addr }).filter(([k, v]) => v === '' && k in patch));
    this.doc.transact(() => {
      const flat = flattenCustomer({ ...valid } as z.output<typeof customerInput>);
      writeFields(m, { ...stripDefaults(flat, nonEmpty({ ...fields, ...addr })), ...cleared });
      if (typeof archived === 'boolean') writeFields(m, { archived });
    });
  }

  listProducts({ includeArchived = false } = {}): Product[] {
    const all = [...this.products.entries()].map(([id, m]) => readRecord<Product>(id, m));
    return all.filter((p) => includeArchived || !p.archived).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  getProduct(id: string): Product | undefined {
    const m = this.products.get(id);
    return m ? readRecord<Product>(id, m) : undefined;
  }

  createProduct(id: string, input: ProductInput, now: string): Product {
    const valid = parseOrThrow(productInput, input);
    this.doc.transact(() => {
      const m = new Y.Map<Scalar>();
      this.products.set(id, m);
      writeFields(m, { ...valid, createdAt: now, archived: false });
    });
    return this.getProduct(id)!;
  }

  updateProduct(id: string, patch: Partial<Record<keyof Product, Scalar | undefined>>) {
    const m = this.products.get(id);
    if (!m) throw new Error(`product ${id} does not exist`);
    const { id: _id, createdAt: _c, archived, ...fields } = patch;
    const valid = parseOrThrow(productInput.partial(), nonEmpty(fields));
    const cleared = Object.fromEntries(Object.entries(fields).filter(([, v]) => v === ''));
    this.doc.transact(() => {
      writeFields(m, { ...stripDefaults(valid, fields), ...cleared });
      if (typeof archived === 'boolean') writeFields(m, { archived });
    });
  }
}

function nonEmpty<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

/** zod's defaults must not overwrite fields the patch did not name. */
function stripDefaults(valid: Record<string, Scalar | undefined>, given: Record<string, unknown>): Record<string, Scalar> {
  return Object.fromEntries(Object.entries(valid).filter(([k]) => k in given)) as Record<string, Scalar>;
}

/** Room names: every document id starts with its company id, so authorisation reads it. */
export const docIds = {
  workspace: (companyId: string) => `${companyId}.workspace`,
  companyOf(docId: string): string | undefined {
    const m = /^(co_[A-Za-z0-9]{8,32})\.[A-Za-z0-9._-]{1,80}$/.exec(docId);
    return m?.[1];
  },
};
