import * as Y from 'yjs';
import { z } from 'zod';
import { checkSeriesFormat } from '../numbering';
import { countryCode, decimalString, languageCode, optionalText, parseOrThrow, text, ValidationError } from './fields';
import { nonEmpty, readRecord, stripDefaults, writeFields, type FieldsOf, type Scalar } from './records';
import { CustomerBook, type Customer, type CustomerInput } from './customers';
import { checkLogo } from './logo';
import { defaultLayout, layoutSchema, parseLayout, type Layout } from '../documents/pdf/layout';
import { unknownVariables } from '../text-template';
import type { QuoteStatus } from '../approvals/state';
import { checkCreditorIdentifier } from '../sepa/creditor-identifier';

/*
 * The workspace document: one Yjs document per company holding settings, products, series, the index of
 * documents and the directory of customers (their personal data lives in documents of their own, see
 * customers.ts). Every record is a Y.Map of scalar fields, so two people editing different fields of the
 * same product both win; the same field resolves last-writer-wins, identically on every replica.
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
  /** SEPA creditor identifier (ICS, EPC262-08), given by the bank; pain.008 direct debits need it. Stored normalised. */
  sepaCreditorId: z.string().transform((value, ctx) => {
    const checked = checkCreditorIdentifier(value);
    if (checked.ok) return checked.normalized;
    ctx.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  }).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  language: languageCode.optional(),
  line1: optionalText(),
  line2: optionalText(),
  postcode: optionalText(20),
  city: optionalText(100),
  country: countryCode.optional(),
  /** 'franchise' = franchise en base (CGI art. 293 B): no VAT charged, the mention is printed. */
  vatRegime: z.enum(['normal', 'franchise']).optional(),
  /** Option for VAT on debits (a mention required on invoices since the 2026 reform). */
  vatOnDebits: z.boolean().optional(),
  /** Late-payment penalty terms (Code de commerce L441-10), e.g. "taux BCE + 10 points". */
  latePenaltyTerms: optionalText(300),
  /** Early-payment discount terms, or their absence (L441-9). */
  earlyPaymentTerms: optionalText(300),
  /** The current logo, a key of the workspace's logos map; written only by setLogo and removeLogo. */
  logoId: z.string().optional(),
});
/** What a settings form may change: the logo goes through setLogo, which checks the image. */
const editableSettings = companySettings.omit({ logoId: true });
export type CompanySettings = z.infer<typeof companySettings>;

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

export const seriesInput = z.object({
  kind: z.enum(['invoice', 'credit_note', 'quote']),
  name: text(60).min(1, 'a name is required'),
  format: text(60).refine((f) => checkSeriesFormat(f).ok, { message: 'a numbering format such as F-{YYYY}-{SEQ:05}' }),
});
export type SeriesInput = z.input<typeof seriesInput>;
export interface Series extends SeriesInput {
  id: string;
}

/** Series every company has until it defines its own (one per kind of document). */
export const defaultSeries: Series[] = [
  { id: 'F', kind: 'invoice', name: 'Factures', format: 'F-{YYYY}-{SEQ:05}' },
  { id: 'AV', kind: 'credit_note', name: 'Avoirs', format: 'AV-{YYYY}-{SEQ:05}' },
  // Quotes are numbered when first sent (issue 6); their series need not be gapless, but ours is.
  { id: 'D', kind: 'quote', name: 'Devis', format: 'D-{YYYY}-{SEQ:05}' },
];

export const textBlockInput = z.object({
  name: text(80).min(1, 'a name is required'),
  /** Where the block is offered: the notes of an invoice, the message of an email, or both. */
  usage: z.enum(['document', 'email', 'any']).default('any'),
  body: text(4000).min(1, 'the text is empty'),
});
export type TextBlockInput = z.input<typeof textBlockInput>;
export interface TextBlock {
  id: string;
  name: string;
  usage: 'document' | 'email' | 'any';
  body: string;
}

/** A customer in the workspace's directory: no personal data (that lives in the customer's own document). */
export interface CustomerIndexEntry {
  id: string;
  kind: 'company' | 'individual';
  createdAt: string;
  createdBy?: string;
  /** Set when the customer's personal data was erased (GDPR art. 17). */
  erasedAt?: string;
}

export interface DocumentIndexEntry {
  id: string;
  kind: 'invoice' | 'credit_note' | 'quote';
  /** Invoices: draft or issued; quotes: their lifecycle status, written by the server. */
  status: 'draft' | 'issued' | QuoteStatus;
  /** An invoice made from a quote (deposit, partial, final): the quote's id. */
  quoteId?: string;
  customerId?: string;
  number?: string;
  createdAt: string;
  createdBy?: string;
}

/** Typed access to a company's workspace document: nobody else reads it by string key. */
export class Workspace {
  readonly settings: Y.Map<Scalar>;
  /** customerId -> directory entry (kind, dates): what every device lists without opening each customer. */
  readonly customerIndex: Y.Map<Y.Map<Scalar>>;
  readonly products: Y.Map<Y.Map<Scalar>>;
  readonly series: Y.Map<Y.Map<Scalar>>;
  readonly documents: Y.Map<Y.Map<Scalar>>;
  /** logoId -> data URL. Never deleted: an issued invoice prints the logo it was issued with. */
  readonly logos: Y.Map<string>;
  /** How documents look (accent colour, font, optional columns, footer, payment instructions): flat fields. */
  readonly layout: Y.Map<Scalar>;
  /** Reusable text blocks with variables (`{{customer.name}}`), by id. */
  readonly textBlocks: Y.Map<Y.Map<Scalar>>;
  /** The company's own values text blocks may use as `{{custom.name}}`. */
  readonly customValues: Y.Map<string>;

  constructor(readonly doc: Y.Doc) {
    this.settings = doc.getMap('settings');
    this.customerIndex = doc.getMap('customerIndex');
    this.products = doc.getMap('products');
    this.series = doc.getMap('series');
    this.documents = doc.getMap('documents');
    this.logos = doc.getMap('logos');
    this.layout = doc.getMap('layout');
    this.textBlocks = doc.getMap('textBlocks');
    this.customValues = doc.getMap('customValues');
  }

  listSeries(): Series[] {
    const own = [...this.series.entries()].map(([id, m]) => readRecord<Series>(id, m));
    const ids = new Set(own.map((s) => s.id));
    return [...defaultSeries.filter((s) => !ids.has(s.id)), ...own].sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The series a new document of this kind uses unless the user picks another. */
  defaultSeriesFor(kind: Series['kind']): Series {
    return this.listSeries().find((s) => s.kind === kind)!;
  }

  setSeries(id: string, input: SeriesInput) {
    if (!/^[A-Za-z0-9]{1,10}$/.test(id)) throw new ValidationError({ id: '1 to 10 letters or digits' });
    const valid = parseOrThrow(seriesInput, input);
    this.doc.transact(() => {
      let m = this.series.get(id);
      if (!m) this.series.set(id, (m = new Y.Map<Scalar>()));
      writeFields(m, valid);
    });
  }

  /** The workspace's index of documents, so every device lists drafts without opening each one. */
  registerDocument(id: string, entry: Omit<DocumentIndexEntry, 'id' | 'status'>) {
    this.doc.transact(() => {
      if (this.documents.has(id)) return;
      const m = new Y.Map<Scalar>();
      this.documents.set(id, m);
      writeFields(m, { ...entry, status: 'draft' });
    });
  }

  indexDocument(id: string, patch: Partial<Omit<DocumentIndexEntry, 'id'>>) {
    const m = this.documents.get(id);
    if (m) this.doc.transact(() => writeFields(m, patch));
  }

  listDocuments(): DocumentIndexEntry[] {
    return [...this.documents.entries()]
      .map(([id, m]) => readRecord<DocumentIndexEntry>(id, m))
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  }

  /** Invoices and credit notes (quotes have their own list). */
  listInvoiceDocuments(): (DocumentIndexEntry & { kind: 'invoice' | 'credit_note'; status: 'draft' | 'issued' })[] {
    return this.listDocuments().filter((d): d is DocumentIndexEntry & { kind: 'invoice' | 'credit_note'; status: 'draft' | 'issued' } => d.kind !== 'quote');
  }

  listQuoteDocuments(): (DocumentIndexEntry & { kind: 'quote'; status: QuoteStatus })[] {
    return this.listDocuments().filter((d): d is DocumentIndexEntry & { kind: 'quote'; status: QuoteStatus } => d.kind === 'quote');
  }

  getDocument(id: string): DocumentIndexEntry | undefined {
    const m = this.documents.get(id);
    return m ? readRecord<DocumentIndexEntry>(id, m) : undefined;
  }

  readSettings(): CompanySettings {
    return this.settings.toJSON() as CompanySettings;
  }

  /** Validates the whole patch first: nothing is written when one field is wrong. */
  updateSettings(patch: FieldsOf<Omit<CompanySettings, 'logoId'>>) {
    const valid = parseOrThrow(editableSettings.partial(), nonEmpty(patch));
    const cleared = Object.fromEntries(Object.entries(patch).filter(([k, v]) => (v === undefined || v === '') && k in editableSettings.shape));
    this.doc.transact(() => writeFields(this.settings, { ...valid, ...cleared }));
  }

  /** A new logo under a new id (generated by the caller, as for every record); older ones stay for issued invoices. */
  setLogo(id: string, dataUrl: string) {
    checkLogo(dataUrl);
    if (this.logos.has(id)) throw new Error(`logo ${id} already exists`);
    this.doc.transact(() => {
      this.logos.set(id, dataUrl);
      writeFields(this.settings, { logoId: id });
    });
  }

  /** No logo on new documents; the image stays, since issued invoices may refer to it. */
  removeLogo() {
    this.doc.transact(() => writeFields(this.settings, { logoId: undefined }));
  }

  /** The data URL of a logo by id (an issued invoice's seller.logoId), or undefined when there is none. */
  readLogo(id: string | undefined): string | undefined {
    return id ? this.logos.get(id) : undefined;
  }

  /** The layout documents are printed with; a field never set takes its default. */
  readLayout(): Layout {
    const f = this.layout.toJSON() as Record<string, Scalar>;
    const stored = {
      ...(f.accentColor !== undefined ? { accentColor: f.accentColor } : {}),
      ...(f.font !== undefined ? { font: f.font } : {}),
      columns: { ...(f.columnsUnit !== undefined ? { unit: f.columnsUnit } : {}), ...(f.columnsDiscount !== undefined ? { discount: f.columnsDiscount } : {}) },
      ...(f.footerText !== undefined ? { footerText: f.footerText } : {}),
      ...(f.paymentInstructions !== undefined ? { paymentInstructions: f.paymentInstructions } : {}),
    };
    // Written only through updateLayout, so valid; a value a later build no longer accepts falls back to the default.
    const parsed = layoutSchema.safeParse(stored);
    return parsed.success ? parsed.data : defaultLayout;
  }

  /**
   * Changes some fields of the layout. The result is checked whole first: a broken value is refused with the
   * field it breaks and nothing is written, so the layout in force stays. '' clears a text field.
   */
  updateLayout(patch: { accentColor?: string; font?: string; columns?: { unit?: boolean; discount?: boolean }; footerText?: string; paymentInstructions?: string }) {
    const current = this.readLayout();
    const next = { ...current, ...patch, columns: { ...current.columns, ...patch.columns } } as Record<string, unknown>;
    for (const k of ['footerText', 'paymentInstructions'] as const) if (next[k] === '') delete next[k];
    const valid = parseLayout(next);
    this.doc.transact(() =>
      writeFields(this.layout, {
        accentColor: valid.accentColor, font: valid.font, columnsUnit: valid.columns.unit, columnsDiscount: valid.columns.discount,
        footerText: valid.footerText, paymentInstructions: valid.paymentInstructions,
      }));
  }

  listTextBlocks(): TextBlock[] {
    return [...this.textBlocks.entries()].map(([id, m]) => readRecord<TextBlock>(id, m)).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  getTextBlock(id: string): TextBlock | undefined {
    const m = this.textBlocks.get(id);
    return m ? readRecord<TextBlock>(id, m) : undefined;
  }

  /** Creates or changes a text block; its body is checked first (an unknown variable is refused, naming it). */
  setTextBlock(id: string, input: TextBlockInput) {
    const valid = parseOrThrow(textBlockInput, input);
    const unknown = unknownVariables(valid.body, this.customValueNames());
    if (unknown.length > 0) throw new ValidationError({ body: `unknown variable${unknown.length > 1 ? 's' : ''} ${unknown.map((v) => `{{${v}}}`).join(', ')}` });
    this.doc.transact(() => {
      let m = this.textBlocks.get(id);
      if (!m) this.textBlocks.set(id, (m = new Y.Map<Scalar>()));
      writeFields(m, valid);
    });
  }

  removeTextBlock(id: string) {
    this.textBlocks.delete(id);
  }

  customValueNames(): string[] {
    return [...this.customValues.keys()].sort();
  }

  setCustomValue(name: string, value: string) {
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(name)) throw new ValidationError({ name: 'letters, digits and "_", starting with a letter (at most 40)' });
    const valid = parseOrThrow(z.object({ value: text(500) }), { value }).value;
    if (this.customValues.get(name) !== valid) this.customValues.set(name, valid);
  }

  removeCustomValue(name: string) {
    this.customValues.delete(name);
  }

  /** The logo new documents print, or undefined. */
  currentLogo(): string | undefined {
    return this.readLogo(this.readSettings().logoId);
  }

  /** A new customer in the directory (its record goes into its own document: createCustomerIn). */
  registerCustomer(id: string, entry: Omit<CustomerIndexEntry, 'id' | 'erasedAt'>) {
    this.doc.transact(() => {
      if (this.customerIndex.has(id)) return;
      const m = new Y.Map<Scalar>();
      this.customerIndex.set(id, m);
      writeFields(m, entry);
    });
  }

  /** The directory: every customer ever created, erased ones too (their entry says when, and nothing else). */
  listCustomerEntries({ includeErased = false } = {}): CustomerIndexEntry[] {
    return [...this.customerIndex.entries()]
      .map(([id, m]) => readRecord<CustomerIndexEntry>(id, m))
      .filter((e) => includeErased || !e.erasedAt)
      .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
  }

  customerEntry(id: string): CustomerIndexEntry | undefined {
    const m = this.customerIndex.get(id);
    return m ? readRecord<CustomerIndexEntry>(id, m) : undefined;
  }

  /** The customer's personal data was erased (its key destroyed): devices drop their copies when they see this. */
  markCustomerErased(id: string, at: string) {
    const m = this.customerIndex.get(id);
    if (!m) throw new Error(`customer ${id} does not exist`);
    this.doc.transact(() => writeFields(m, { erasedAt: at }));
  }

  /** Customers as workspaces held them before each had a document of its own (read by the migration only). */
  get legacyCustomers(): CustomerBook {
    return new CustomerBook(this.doc);
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

/** Room names: every document id starts with its company id, so authorisation reads it. */
export const docIds = {
  workspace: (companyId: string) => `${companyId}.workspace`,
  /** A draft document (invoice, credit note): `co_….dc_…`. */
  document: (companyId: string, documentId: string) => `${companyId}.${documentId}`,
  /** A customer's own document (its personal data, sealed under its own key): `co_….cu_…`. */
  customer: (companyId: string, customerId: string) => `${companyId}.${customerId}`,
  customerOf(docId: string): string | undefined {
    return /^co_[A-Za-z0-9]{8,32}\.(cu_[A-Za-z0-9_]{4,40})$/.exec(docId)?.[1];
  },
  documentOf(docId: string): string | undefined {
    return /^co_[A-Za-z0-9]{8,32}\.(dc_[A-Za-z0-9]{8,32})$/.exec(docId)?.[1];
  },
  companyOf(docId: string): string | undefined {
    const m = /^(co_[A-Za-z0-9]{8,32})\.[A-Za-z0-9._-]{1,80}$/.exec(docId);
    return m?.[1];
  },
};

/** Creates a customer: its record in its own document, its entry in the workspace's directory. */
export function createCustomerIn(ws: Workspace, book: CustomerBook, id: string, input: CustomerInput, now: string, createdBy?: string): Customer {
  const created = book.createCustomer(id, input, now);
  ws.registerCustomer(id, { kind: created.kind, createdAt: now, ...(createdBy ? { createdBy } : {}) });
  return created;
}
