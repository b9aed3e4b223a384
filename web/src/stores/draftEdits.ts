import {
  DraftDocument, ValidationError, issueProblems, lineInput, type CompanySettings, type DocumentKind, type DocumentLine, type DocumentMeta,
  type Customer, type IssueContext, type InvoiceTotals, type LineInput, type Product, type Workspace,
} from '@facturo/core';
import { parseInput, type InputKind } from './fieldInput';
import type { EditResult } from './workspaceEdits';

// Edits of a draft invoice or credit note from the editor, field by field like the workspace forms:
// a valid value is written at once (co-editors see it live), an invalid one writes nothing.

/** The franchise en base mention (CGI art. 293 B), as the law words it. */
export const franchiseReason = 'TVA non applicable, art. 293 B du CGI';

/** The French VAT rates offered on a line; "0" opens the exemption (category + reason). */
export const frenchVatRates = ['20', '10', '5.5', '2.1', '0'] as const;

/** The categories offered for a line without VAT (EN 16931 codes). */
export const exemptCategories = ['E', 'AE', 'K', 'G', 'O', 'Z'] as const;

function attempt(field: string, write: () => void): EditResult {
  try {
    write();
    return { ok: true };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.fields };
    if (e instanceof Error) return { ok: false, errors: { [field]: e.message } };
    throw e;
  }
}

/** Creates a draft offline: its own document, and its entry in the workspace's index. */
export function createDraft(ws: Workspace, draft: DraftDocument, d: { id: string; kind: DocumentKind; createdAt: string; createdBy?: string }): void {
  draft.init(d.kind, { createdAt: d.createdAt, ...(d.createdBy ? { createdBy: d.createdBy } : {}), operationCategory: 'services' });
  ws.registerDocument(d.id, { kind: d.kind, createdAt: d.createdAt, ...(d.createdBy ? { createdBy: d.createdBy } : {}) });
}

/** The VAT of a new line: none under the franchise en base, else the normal rate (or the product's). */
export function vatDefaults(settings: CompanySettings, rate = '20'): Pick<LineInput, 'vatCategory' | 'vatRate' | 'exemptionReason'> {
  if (settings.vatRegime === 'franchise') return { vatCategory: 'E', vatRate: '0', exemptionReason: franchiseReason };
  return Number(rate) > 0 ? { vatCategory: 'S', vatRate: rate } : { vatCategory: 'E', vatRate: '0' }; // number-ok: a sign test
}

export function addFreeLine(draft: DraftDocument, lineId: string, settings: CompanySettings): void {
  draft.addLine(lineId, { description: '', quantity: '1', unitPrice: '0', ...vatDefaults(settings) });
}

/** A line from a product: its name and description, unit, unit price and VAT rate are copied. */
export function addProductLine(draft: DraftDocument, lineId: string, product: Product, settings: CompanySettings): void {
  const description = product.description ? `${product.name}\n${product.description}` : product.name;
  draft.addLine(lineId, {
    productId: product.id,
    description,
    quantity: '1',
    unit: product.unit,
    unitPrice: product.unitPrice,
    ...vatDefaults(settings, product.vatRate),
  });
}

export function editMeta(draft: DraftDocument, field: string, kind: InputKind, raw: string): EditResult {
  const value = parseInput(kind, raw);
  return attempt(field, () => draft.updateMeta({ [field]: value }));
}

const lineShape = lineInput.shape as Record<string, { safeParse(v: unknown): { success: boolean } } | undefined>;

export function editLine(draft: DraftDocument, lineId: string, field: string, kind: InputKind, raw: string): EditResult {
  const value = parseInput(kind, raw);
  // Clearing a required field (quantity, unit price) would delete it: refuse. A description may be empty for now.
  if (value === '' && field !== 'description' && lineShape[field]?.safeParse(undefined).success === false) {
    return { ok: false, errors: { [field]: 'received undefined' } };
  }
  return attempt(field, () => draft.updateLine(lineId, { [field]: value }));
}

/** The VAT select of a line: a rate is standard-rated; "0" keeps (or starts) an exemption. */
export function setLineVat(draft: DraftDocument, line: DocumentLine, choice: string): EditResult {
  if (choice === '0') {
    const category = line.vatCategory === 'S' ? 'E' : line.vatCategory;
    return attempt('vatRate', () => draft.updateLine(line.id, { vatCategory: category, vatRate: '0' }));
  }
  return attempt('vatRate', () => draft.updateLine(line.id, { vatCategory: 'S', vatRate: choice, exemptionReason: '', exemptionCode: '' }));
}

export function setLineCategory(draft: DraftDocument, lineId: string, category: string): EditResult {
  // EN 16931 BR-Z-10: a zero-rated line states no exemption reason.
  const noReason = category === 'Z' ? { exemptionReason: '', exemptionCode: '' } : {};
  return attempt('vatCategory', () => draft.updateLine(lineId, { vatCategory: category, vatRate: '0', ...noReason }));
}

/** Categories whose lines state why no VAT is charged (EN 16931 BR-x-10). */
export function needsExemptionReason(category: string): boolean {
  return ['E', 'AE', 'K', 'G', 'O'].includes(category);
}

/** What the VAT select shows for a line. */
export function vatChoiceOf(line: DocumentLine): string {
  if (line.vatCategory !== 'S') return '0';
  return line.vatRate ?? '';
}

/** The totals, or null while a line does not compute (its problems are shown on the line). */
export function safeTotals(draft: DraftDocument): InvoiceTotals | null {
  try {
    return draft.totals();
  } catch (e) {
    if (e instanceof ValidationError) return null;
    throw e;
  }
}

/** `customer`: the draft's customer as its own document holds it, when this device has it open. */
export function issueContextOf(ws: Workspace, draft: DraftDocument, issueDate: string, customer: Customer | undefined): IssueContext {
  const meta = draft.readMeta();
  const series = ws.listSeries().find((s) => s.id === meta.seriesId) ?? ws.defaultSeriesFor(meta.kind ?? 'invoice');
  return { kind: meta.kind, settings: ws.readSettings(), customer: customer?.id === meta.customerId ? customer : undefined, series, issueDate };
}

export function draftProblems(ws: Workspace, draft: DraftDocument, issueDate: string, customer: Customer | undefined): Record<string, string> {
  return issueProblems(draft, issueContextOf(ws, draft, issueDate, customer));
}

export interface SplitProblems {
  /** By line index: field -> message ("lines[2].quantity" -> lines 2, "quantity"). */
  lines: Map<number, Record<string, string>>;
  /** Everything else: seller, customer, document fields. */
  document: Record<string, string>;
}

export function splitProblems(problems: Record<string, string>): SplitProblems {
  const out: SplitProblems = { lines: new Map(), document: {} };
  for (const [key, message] of Object.entries(problems)) {
    const m = /^lines\[(\d+)\]\.?(.*)$/.exec(key);
    if (!m) {
      out.document[key] = message;
      continue;
    }
    const index = Number(m[1]); // number-ok: an array index
    out.lines.set(index, { ...(out.lines.get(index) ?? {}), [m[2] || 'line']: message });
  }
  return out;
}

/**
 * Late edits kept: a new draft with the content this device holds (header and lines), never the number,
 * status or dates the server gave the issued one.
 */
export function copyDraftContent(source: DraftDocument, target: DraftDocument, d: { createdAt: string; createdBy?: string; newLineId: () => string }): void {
  const meta = source.readMeta();
  const kept = <K extends keyof DocumentMeta>(...keys: K[]) => {
    const out: Partial<Pick<DocumentMeta, K>> = {};
    for (const k of keys) if (meta[k] !== undefined && meta[k] !== '') out[k] = meta[k];
    return out;
  };
  target.init(meta.kind, {
    createdAt: d.createdAt,
    ...(d.createdBy ? { createdBy: d.createdBy } : {}),
    ...kept('customerId', 'currency', 'deliveryDate', 'paymentTermsDays', 'operationCategory', 'purchaseOrderRef', 'notes'),
    ...kept('precedingDocumentId', 'precedingNumber', 'precedingIssueDate'),
  });
  target.doc.transact(() => {
    for (const { id: _id, ...line } of source.listLines()) target.addLine(d.newLineId(), line);
  });
}

/** SHA-256 hex of a text's UTF-8 bytes, with the platform's WebCrypto. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** docs/protocol.md: draftHash = SHA-256 hex of DraftDocument.canonicalContent() (UTF-8). */
export function draftHash(draft: DraftDocument): Promise<string> {
  return sha256Hex(draft.canonicalContent());
}
