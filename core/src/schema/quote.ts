import * as Y from 'yjs';
import { z } from 'zod';
import { computeInvoiceTotals, type InvoiceInput, type InvoiceTotals } from '../tax';
import { vatCategories } from '../vat-categories';
import type { QuoteStatus } from '../approvals/state';
import { decimalString, optionalText, parseOrThrow, text, ValidationError } from './fields';
import { canonicalJson, documentTaxInput, type LineInput } from './document';
import { definedFields, insertRecord, patchRecord, writePatch, type Scalar } from './records';

/*
 * A quote (devis) is a Yjs document of its own (`co_….dc_…`, meta.kind = 'quote'), co-edited live and offline
 * like a draft invoice. It has sections (a title, a text, an image) holding lines; a line may be optional (the
 * client ticks it on the portal). Its status, number and version are written by the server only (commands,
 * invariant 7c): a quote is editable in 'draft' and 'changes_requested'; the server refuses edits otherwise
 * (room locked), and a revision reopens it as the next version, the earlier ones archived.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const quoteMetaInput = z.object({
  customerId: text(40).min(1, 'choose a customer').optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').optional(),
  title: optionalText(200),
  /** The last day the offer holds. */
  validUntil: isoDate.optional(),
  intro: optionalText(4000),
  closing: optionalText(4000),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  /** For pricing rules on commitment length (subscriptions, maintenance contracts). */
  commitmentMonths: z.number().int().min(0).max(1200).optional(),
  /** A deposit asked at signature, in percent of the total incl. VAT (shown on the quote; invoiced on conversion). */
  depositPercent: decimalString.optional(),
  templateId: optionalText(40),
  notes: optionalText(2000),
});
export type QuoteMetaInput = z.input<typeof quoteMetaInput>;

export const quoteSectionInput = z.object({
  title: text(200).default(''),
  text: optionalText(4000),
  /** A key of the quote's images map. */
  imageId: optionalText(40),
});
export type QuoteSectionInput = z.input<typeof quoteSectionInput>;

export const quoteLineInput = z.object({
  sectionId: text(40).min(1, 'a section is required'),
  productId: optionalText(40),
  category: optionalText(100),
  description: text(1000),
  quantity: decimalString,
  unit: text(20).optional(),
  /** The price the line is quoted at (after pricing rules or a manual override). */
  unitPrice: decimalString,
  /** The catalog price pricing rules start from. */
  listUnitPrice: decimalString.optional(),
  costPrice: decimalString.optional(),
  discountPercent: decimalString.optional(),
  vatCategory: z.enum(vatCategories).default('S'),
  vatRate: decimalString.optional(),
  exemptionReason: optionalText(300),
  exemptionCode: optionalText(30),
  /** The client may take it or not. */
  optional: z.boolean().default(false),
  /** For an optional line: included unless the client unticks it. */
  selected: z.boolean().default(true),
  /** A person's price instead of the rules' (kept with who and why: issue 6, "manual overrides are recorded"). */
  overridePrice: decimalString.optional(),
  overrideBy: optionalText(200),
  overrideReason: optionalText(500),
  /** What pricing applied when the line was last priced: JSON of [{ ruleId, fr, en }] (core/pricing's explanation). */
  pricing: optionalText(8000),
});
export type QuoteLineInput = z.input<typeof quoteLineInput>;

export interface QuoteLine {
  id: string;
  sectionId: string;
  productId?: string;
  category?: string;
  description: string;
  quantity: string;
  unit?: string;
  unitPrice: string;
  listUnitPrice?: string;
  costPrice?: string;
  discountPercent?: string;
  vatCategory: (typeof vatCategories)[number];
  vatRate?: string;
  exemptionReason?: string;
  exemptionCode?: string;
  optional: boolean;
  selected: boolean;
  overridePrice?: string;
  overrideBy?: string;
  overrideReason?: string;
  pricing?: string;
}

export interface QuoteSection {
  id: string;
  title: string;
  text?: string;
  imageId?: string;
}

export interface QuoteComment {
  id: string;
  /** A line or section it is about, or none for the whole quote. */
  anchorId?: string;
  by: string;
  at: string;
  text: string;
  resolved: boolean;
}

export interface QuoteMeta {
  kind: 'quote';
  status: QuoteStatus;
  customerId?: string;
  currency: string;
  title?: string;
  validUntil?: string;
  intro?: string;
  closing?: string;
  paymentTermsDays?: number;
  commitmentMonths?: number;
  depositPercent?: string;
  templateId?: string;
  notes?: string;
  createdAt: string;
  createdBy?: string;
  /** Written by the server only. */
  number?: string;
  version?: number;
}

/** Statuses in which devices may edit the quote; in every other one the server refuses edits. */
export const editableQuoteStatuses: readonly QuoteStatus[] = ['draft', 'changes_requested'];

export class QuoteLockedError extends Error {
  constructor(readonly status: string) {
    super(`this quote is ${status} and cannot change: revise it to make a new version`);
    this.name = 'QuoteLockedError';
  }
}



/** Typed access to one quote document: nobody reads its maps by string key. */
export class QuoteDocument {
  readonly meta: Y.Map<Scalar>;
  readonly sections: Y.Array<Y.Map<Scalar>>;
  readonly lines: Y.Array<Y.Map<Scalar>>;
  /** imageId -> data URL (PNG or JPEG, checked like the logo). */
  readonly images: Y.Map<string>;
  readonly comments: Y.Array<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap('meta');
    this.sections = doc.getArray('sections');
    this.lines = doc.getArray('lines');
    this.images = doc.getMap('images');
    this.comments = doc.getArray('comments');
  }

  static isQuote(doc: Y.Doc): boolean {
    return doc.getMap('meta').get('kind') === 'quote';
  }

  /** Creates the header once; a second init (another device) changes nothing already set. */
  init(fields: { createdAt: string; createdBy?: string } & QuoteMetaInput) {
    const { createdAt, createdBy, ...rest } = fields;
    const valid = parseOrThrow(quoteMetaInput, definedFields(rest));
    this.doc.transact(() => {
      if (!this.meta.has('kind')) {
        this.meta.set('kind', 'quote');
        this.meta.set('status', 'draft');
        this.meta.set('version', 1);
        this.meta.set('createdAt', createdAt);
        if (createdBy) this.meta.set('createdBy', createdBy);
        this.meta.set('currency', valid.currency ?? 'EUR');
      }
      writePatch(this.meta, valid, valid);
    });
  }

  readMeta(): QuoteMeta {
    return this.meta.toJSON() as QuoteMeta;
  }

  status(): QuoteStatus {
    return (this.meta.get('status') as QuoteStatus | undefined) ?? 'draft';
  }

  isEditable(): boolean {
    return editableQuoteStatuses.includes(this.status());
  }

  private assertEditable() {
    if (!this.isEditable()) throw new QuoteLockedError(this.status());
  }

  updateMeta(patch: Partial<Record<keyof QuoteMetaInput, Scalar | undefined>>) {
    this.assertEditable();
    const valid = parseOrThrow(quoteMetaInput.partial(), definedFields(patch));
    const cleared = Object.fromEntries(Object.entries(patch).filter(([, v]) => v === ''));
    this.doc.transact(() => writePatch(this.meta, { ...valid, ...cleared }, patch));
  }

  listSections(): QuoteSection[] {
    return this.sections.toArray().map((m) => ({ title: '', ...m.toJSON() }) as QuoteSection);
  }

  addSection(id: string, input: QuoteSectionInput, index = this.sections.length) {
    this.assertEditable();
    const valid = parseOrThrow(quoteSectionInput, input);
    if (valid.imageId && !this.images.has(valid.imageId)) throw new ValidationError({ imageId: `no image ${valid.imageId} in this quote` });
    insertRecord(this.sections, id, quoteSectionInput, input, index);
  }

  updateSection(id: string, patch: Partial<Record<keyof QuoteSectionInput, string>>) {
    this.assertEditable();
    patchRecord(this.find(this.sections, id, 'section'), quoteSectionInput, patch);
  }

  /** Removes a section and its lines. */
  removeSection(id: string) {
    this.assertEditable();
    this.doc.transact(() => {
      for (const l of this.listLines().filter((x) => x.sectionId === id)) this.lines.delete(this.indexIn(this.lines, l.id, 'line'), 1);
      this.sections.delete(this.indexIn(this.sections, id, 'section'), 1);
    });
  }

  listLines(): QuoteLine[] {
    return this.lines.toArray().map((m) => ({ optional: false, selected: true, ...m.toJSON() }) as QuoteLine);
  }

  addLine(id: string, input: QuoteLineInput, index = this.lines.length) {
    this.assertEditable();
    const valid = parseOrThrow(quoteLineInput, input);
    this.find(this.sections, valid.sectionId, 'section');
    insertRecord(this.lines, id, quoteLineInput, input, index);
  }

  updateLine(id: string, patch: Partial<Record<keyof QuoteLineInput, Scalar | undefined>>) {
    this.assertEditable();
    patchRecord(this.find(this.lines, id, 'line'), quoteLineInput, patch);
  }

  removeLine(id: string) {
    this.assertEditable();
    this.lines.delete(this.indexIn(this.lines, id, 'line'), 1);
  }

  addImage(id: string, dataUrl: string) {
    this.assertEditable();
    if (!/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(dataUrl)) throw new ValidationError({ image: 'a PNG or JPEG image' });
    if (dataUrl.length > 700_000) throw new ValidationError({ image: 'at most 500 KB' });
    if (!this.images.has(id)) this.images.set(id, dataUrl);
  }

  readImage(id: string | undefined): string | undefined {
    return id ? this.images.get(id) : undefined;
  }

  listComments(): QuoteComment[] {
    return this.comments.toArray().map((m) => ({ resolved: false, ...m.toJSON() }) as QuoteComment);
  }

  /** Comments are part of the draft (the room is locked once submitted; reviewers answer with their decision's comment). */
  addComment(id: string, c: { anchorId?: string; by: string; at: string; text: string }) {
    this.assertEditable();
    const body = parseOrThrow(text(2000).min(1, 'the comment is empty'), c.text);
    this.doc.transact(() => {
      const m = new Y.Map<Scalar>();
      this.comments.push([m]);
      writePatch(m, { id, by: c.by, at: c.at, text: body, ...(c.anchorId ? { anchorId: c.anchorId } : {}) }, { id, by: 1, at: 1, text: 1, anchorId: 1 });
    });
  }

  resolveComment(id: string, resolved = true) {
    this.find(this.comments, id, 'comment').set('resolved', resolved);
  }

  /** The lines the quote's total counts: every firm line, and the optional lines selected. */
  countedLines(): QuoteLine[] {
    return this.listLines().filter((l) => !l.optional || l.selected);
  }

  toTaxInput(lines = this.countedLines()): InvoiceInput {
    return documentTaxInput(this.readMeta().currency ?? 'EUR', lines);
  }

  totals(): InvoiceTotals {
    return computeInvoiceTotals(this.toTaxInput());
  }

  /** The lines as invoice lines (conversion), in section order. */
  invoiceLines(lines = this.countedLines()): LineInput[] {
    return lines.map(invoiceLineOf);
  }

  /** What is frozen when the quote is sent or accepted, as canonical JSON (the server hashes it). */
  canonicalContent(): string {
    const { status: _s, ...meta } = this.readMeta();
    const images = Object.fromEntries([...this.images.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
    return canonicalJson({ meta, sections: this.listSections(), lines: this.listLines(), images });
  }

  private indexIn(arr: Y.Array<Y.Map<Scalar>>, id: string, what: string): number {
    const i = arr.toArray().findIndex((m) => m.get('id') === id);
    if (i < 0) throw new ValidationError({ [what]: `${what} ${id} does not exist` });
    return i;
  }

  private find(arr: Y.Array<Y.Map<Scalar>>, id: string, what: string): Y.Map<Scalar> {
    return arr.get(this.indexIn(arr, id, what));
  }
}

export function invoiceLineOf(l: QuoteLine): LineInput {
  return {
    description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: l.vatCategory,
    ...(l.productId ? { productId: l.productId } : {}),
    ...(l.unit ? { unit: l.unit } : {}),
    ...(l.discountPercent && l.discountPercent !== '0' ? { discountPercent: l.discountPercent } : {}),
    ...(l.vatCategory === 'O' ? {} : { vatRate: l.vatRate ?? '0' }),
    ...(l.exemptionReason ? { exemptionReason: l.exemptionReason } : {}),
    ...(l.exemptionCode ? { exemptionCode: l.exemptionCode } : {}),
  };
}
