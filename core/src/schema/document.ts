import * as Y from 'yjs';
import { z } from 'zod';
import { computeInvoiceTotals, type InvoiceInput, type InvoiceTotals } from '../tax';
import { vatCategories } from '../vat-categories';
import { readDate } from '../periods/dates';
import { decimalString, optionalText, parseOrThrow, text } from './fields';
import { definedFields, insertRecord, patchRecord, writePatch } from './records';

/*
 * A draft document (invoice, credit note) is its own Yjs document while it is a draft: co-edited
 * live and offline. `meta` holds the header, `lines` an array of line maps, so two people can edit
 * different lines, or different fields of one line, at once. Once the server issues it, the server
 * writes the number and status in a last update and refuses any later one (invariant 4).
 */
export const documentKinds = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const operationCategories = ['goods', 'services', 'mixed'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
/** A date that exists: 2027-02-30 is refused. */
const calendarDate = isoDate.refine((d) => {
  try {
    return readDate(d, 'date') !== undefined;
  } catch {
    return false;
  }
}, 'not a date of the calendar');

export const documentMetaInput = z.object({
  customerId: text(40).min(1, 'choose a customer').optional(),
  seriesId: text(20).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR').optional(),
  /** BT-72: the date of delivery or end of service when it differs from the issue date. */
  deliveryDate: isoDate.optional(),
  /**
   * BG-14, the invoicing period, first and last day both included (EN 16931 BT-73, BT-74). Two fields,
   * not one object, so that two people may edit the start and the end at once; that the end is not
   * before the start (BR-29) is checked at issue, when both are known.
   */
  invoicingPeriodStart: calendarDate.optional(),
  invoicingPeriodEnd: calendarDate.optional(),
  dueDate: isoDate.optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  operationCategory: z.enum(operationCategories).optional(),
  purchaseOrderRef: optionalText(100),
  notes: optionalText(2000),
});
export type DocumentMetaInput = z.input<typeof documentMetaInput>;

export const lineInput = z.object({
  productId: optionalText(40),
  description: text(1000),
  quantity: decimalString,
  unit: text(20).optional(),
  unitPrice: decimalString,
  /** Percent of the line's gross amount (BT-138). */
  discountPercent: decimalString.optional(),
  vatCategory: z.enum(vatCategories).default('S'),
  vatRate: decimalString.optional(),
  exemptionReason: optionalText(300),
  exemptionCode: optionalText(30),
});
export type LineInput = z.input<typeof lineInput>;

export interface DocumentLine {
  id: string;
  productId?: string;
  description: string;
  quantity: string;
  unit?: string;
  unitPrice: string;
  discountPercent?: string;
  vatCategory: (typeof vatCategories)[number];
  vatRate?: string;
  exemptionReason?: string;
  exemptionCode?: string;
}

/**
 * BG-19, how an invoice collected by SEPA direct debit says so (issue 7). Set by the server's billing run
 * from the subscription's mandate and the seller's settings, never by a draft, so it is not in documentMetaInput;
 * freezeContent checks it (issuing.ts).
 */
export interface DirectDebit {
  /** BT-89, the unique mandate reference (RUM, "référence unique de mandat"). */
  mandateReference: string;
  /** BT-90, the seller's SEPA creditor identifier (ICS, "identifiant créancier SEPA"), e.g. FR72ZZZ123456. */
  creditorId: string;
  /** BT-91, the debtor's account debited: an IBAN. */
  debitedIban: string;
}

export interface DocumentMeta {
  kind: DocumentKind;
  status: 'draft' | 'issued';
  customerId?: string;
  seriesId?: string;
  currency: string;
  deliveryDate?: string;
  /** BT-73 and BT-74, included (documentMetaInput); a recurring invoice states `period` instead. */
  invoicingPeriodStart?: string;
  invoicingPeriodEnd?: string;
  dueDate?: string;
  paymentTermsDays?: number;
  operationCategory?: (typeof operationCategories)[number];
  purchaseOrderRef?: string;
  notes?: string;
  /** Credit notes: the invoice they correct (BT-25/BT-26). */
  precedingDocumentId?: string;
  precedingNumber?: string;
  precedingIssueDate?: string;
  /** Recurring invoices (issue 7): the subscription and its billing period, half-open [start, end) as core/periods. */
  subscriptionId?: string;
  period?: { start: string; end: string };
  /** Recurring invoices collected under a SEPA mandate; absent otherwise (paid by credit transfer). */
  directDebit?: DirectDebit;
  createdAt: string;
  createdBy?: string;
  /** Written by the server only, when it issues the document. */
  number?: string;
  issueDate?: string;
}

type Scalar = string | number | boolean;

/** What is frozen at issue besides the number and its dates: the header and the lines, as plain data. */
export interface DocumentContent {
  meta: Omit<DocumentMeta, 'status' | 'number' | 'issueDate'>;
  lines: DocumentLine[];
}

type TaxedLine = Pick<DocumentLine, 'quantity' | 'unitPrice' | 'vatCategory' | 'vatRate' | 'discountPercent' | 'exemptionReason' | 'exemptionCode'>;

/** The EN 16931 input of a document's lines; a credit note negates nothing: its lines say what they credit. */
export function documentTaxInput(currency: string, lines: TaxedLine[]): InvoiceInput {
  return {
    currency,
    lines: lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      vatCategory: l.vatCategory,
      ...(l.vatCategory === 'O' ? {} : { vatRate: l.vatRate ?? '0' }),
      ...(l.discountPercent && l.discountPercent !== '0' ? { discount: { percent: l.discountPercent } } : {}),
      ...(l.exemptionReason ? { exemptionReason: l.exemptionReason } : {}),
      ...(l.exemptionCode ? { exemptionCode: l.exemptionCode } : {}),
    })),
  };
}

export class DocumentIssuedError extends Error {
  constructor(readonly number: string | undefined) {
    super(`this document is issued (${number ?? 'number pending'}) and can no longer change; correct it with a credit note`);
    this.name = 'DocumentIssuedError';
  }
}



/** Typed access to one draft document. */
export class DraftDocument {
  readonly meta: Y.Map<Scalar>;
  readonly lines: Y.Array<Y.Map<Scalar>>;

  constructor(readonly doc: Y.Doc) {
    this.meta = doc.getMap('meta');
    this.lines = doc.getArray('lines');
  }

  /** Creates the header once; a second init (another device) changes nothing already set. */
  init(kind: DocumentKind, fields: { createdAt: string; createdBy?: string; currency?: string } & DocumentMetaInput & Partial<Pick<DocumentMeta, 'precedingDocumentId' | 'precedingNumber' | 'precedingIssueDate'>>) {
    const { createdAt, createdBy, precedingDocumentId, precedingNumber, precedingIssueDate, ...rest } = fields;
    const valid = parseOrThrow(documentMetaInput, definedFields(rest));
    this.doc.transact(() => {
      if (!this.meta.has('kind')) {
        this.meta.set('kind', kind);
        this.meta.set('status', 'draft');
        this.meta.set('createdAt', createdAt);
        if (createdBy) this.meta.set('createdBy', createdBy);
        for (const [k, v] of Object.entries({ precedingDocumentId, precedingNumber, precedingIssueDate })) if (v) this.meta.set(k, v);
        this.meta.set('currency', valid.currency ?? 'EUR');
      }
      writePatch(this.meta, valid, valid);
    });
  }

  readMeta(): DocumentMeta {
    return this.meta.toJSON() as DocumentMeta;
  }

  isIssued(): boolean {
    return this.meta.get('status') === 'issued';
  }

  private assertDraft() {
    if (this.isIssued()) throw new DocumentIssuedError(this.meta.get('number') as string | undefined);
  }

  updateMeta(patch: Partial<Record<keyof DocumentMetaInput, Scalar | undefined>>) {
    this.assertDraft();
    const valid = parseOrThrow(documentMetaInput.partial(), definedFields(patch));
    const cleared = Object.fromEntries(Object.entries(patch).filter(([, v]) => v === ''));
    this.doc.transact(() => writePatch(this.meta, { ...valid, ...cleared }, patch));
  }

  listLines(): DocumentLine[] {
    return this.lines.toArray().map((m) => m.toJSON() as DocumentLine);
  }

  private indexOf(id: string): number {
    const i = this.lines.toArray().findIndex((m) => m.get('id') === id);
    if (i < 0) throw new Error(`line ${id} does not exist`);
    return i;
  }

  addLine(id: string, input: LineInput, index = this.lines.length) {
    this.assertDraft();
    insertRecord(this.lines, id, lineInput, input, index);
  }

  updateLine(id: string, patch: Partial<Record<keyof LineInput, Scalar | undefined>>) {
    this.assertDraft();
    patchRecord(this.lines.get(this.indexOf(id)), lineInput, patch);
  }

  removeLine(id: string) {
    this.assertDraft();
    this.lines.delete(this.indexOf(id), 1);
  }

  /** The EN 16931 input of the computation (documentTaxInput). */
  toTaxInput(): InvoiceInput {
    return documentTaxInput(this.readMeta().currency ?? 'EUR', this.listLines());
  }

  totals(): InvoiceTotals {
    return computeInvoiceTotals(this.toTaxInput());
  }

  /**
   * The content that is frozen at issue, as canonical JSON (sorted keys). Device and server hash the
   * same string (draftHash) to prove they issue the same draft.
   */
  canonicalContent(): string {
    return canonicalJson(this.content());
  }

  /** The header without status, number and issue date, and the lines: what freezeContent freezes. */
  content(): DocumentContent {
    const { status: _s, number: _n, issueDate: _d, ...meta } = this.readMeta();
    return { meta, lines: this.listLines() };
  }
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
