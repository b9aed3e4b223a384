import { PDFDocument, StandardFonts, degrees, rgb } from '@cantoo/pdf-lib';
import { addDays, invoicingPeriodOf, legalMentions, type FrozenDocument } from '../issuing';
import { ValidationError } from '../schema/fields';
import type { Customer } from '../schema/customers';
import type { DocumentLine, DocumentMeta, DraftDocument } from '../schema/document';
import type { CompanySettings } from '../schema/workspace';
import Decimal from 'decimal.js';
import { computeInvoiceTotals, documentDecimals, type InvoiceInput, type InvoiceTotals } from '../tax';

/*
 * Documents that are not invoices, drawn by the same renderer as the archived copy: a draft's preview
 * (offline, before it has a number) and a sample for the layout settings. Neither may pass for an
 * invoice (CGI art. 242 nonies A: only the issued, numbered document is one), so each carries a number
 * that is no number ("BROUILLON"), a first mention saying what it is, and a watermark (stampPreview).
 */

export type PreviewLanguage = 'fr' | 'en';

const words = {
  fr: {
    draftNumber: 'BROUILLON',
    draftNotice: (creditNote: boolean) => `Aperçu d’un brouillon : ce document n’est pas ${creditNote ? 'un avoir' : 'une facture'} et n’a aucune valeur.`,
    draftStamp: 'APERÇU – BROUILLON',
    omitted: (n: number) => (n === 1 ? '1 ligne incomplète n’apparaît pas dans cet aperçu.' : `${n} lignes incomplètes n’apparaissent pas dans cet aperçu.`),
    sampleNumber: 'EXEMPLE',
    sampleNotice: 'Exemple de mise en page avec des données fictives : ce document n’est pas une facture.',
    sampleStamp: 'EXEMPLE',
    sampleBuyer: 'Client Exemple SARL',
    sampleLines: ['Conception graphique\nIdentité visuelle et charte', 'Impression de cartes de visite', 'Déplacement'],
    sampleUnits: ['jour', 'lot', 'forfait'],
    sampleNotes: 'Merci pour votre confiance.',
  },
  en: {
    draftNumber: 'DRAFT',
    draftNotice: (creditNote: boolean) => `Preview of a draft: this document is not ${creditNote ? 'a credit note' : 'an invoice'} and has no value.`,
    draftStamp: 'PREVIEW – DRAFT',
    omitted: (n: number) => (n === 1 ? '1 incomplete line is left out of this preview.' : `${n} incomplete lines are left out of this preview.`),
    sampleNumber: 'SAMPLE',
    sampleNotice: 'Layout sample with made-up data: this document is not an invoice.',
    sampleStamp: 'SAMPLE',
    sampleBuyer: 'Sample Customer Ltd',
    sampleLines: ['Graphic design\nVisual identity and style guide', 'Printing of business cards', 'Travel'],
    sampleUnits: ['day', 'batch', 'flat fee'],
    sampleNotes: 'Thank you for your business.',
  },
} as const;

export interface PreviewContext {
  settings: CompanySettings;
  /** The draft's customer when this device has its record; the buyer is left empty otherwise. */
  customer?: Customer | undefined;
  /** The day the preview assumes as issue date (the server decides the real one). */
  today: string;
  /** The language when there is no customer to take it from (the app's). */
  language?: PreviewLanguage;
  id?: string;
}

/** The words a preview prints: what the web shows beside it must say the same. */
export function previewWords(language: PreviewLanguage) {
  return words[language];
}

const emptyBuyer = (language: PreviewLanguage, today: string): Customer => ({
  id: '', kind: 'company', name: '', language, contacts: [], createdAt: today, archived: false,
});

/** The totals of the lines that compute; a line that does not (an exemption without its reason…) is left out. */
function computableLines(input: InvoiceInput, lines: DocumentLine[]): { lines: DocumentLine[]; totals: InvoiceTotals } {
  const attempt = (keep: number[]) => {
    try {
      return computeInvoiceTotals({ ...input, lines: keep.map((i) => input.lines[i]!) });
    } catch (e) {
      if (e instanceof ValidationError) return null;
      throw e;
    }
  };
  if (lines.length === 0) return { lines, totals: noTotals(input.currency) };
  const all = lines.map((_, i) => i);
  const whole = attempt(all);
  if (whole) return { lines, totals: whole };
  const alone = all.filter((i) => attempt([i]) !== null);
  const together = attempt(alone);
  if (together) return { lines: alone.map((i) => lines[i]!), totals: together };
  return { lines: [], totals: noTotals(input.currency) };
}

/** The totals of a document without lines, which EN 16931 (BR-16) does not compute: zero everywhere. */
function noTotals(currency: string): InvoiceTotals {
  const zero = new Decimal(0).toFixed(documentDecimals(currency)); // number-ok: Decimal#toFixed, a decimal string
  return {
    currency, lines: [], allowances: [], charges: [], vatBreakdown: [], lineNetTotal: zero, allowanceTotal: zero, chargeTotal: zero,
    totalWithoutVat: zero, vatTotal: zero, totalWithVat: zero, paidAmount: zero, roundingAmount: zero, amountDue: zero,
  };
}

/**
 * A draft as the renderer takes it, whatever is missing: no customer, no line, a line that does not compute
 * yet. Never throws on an incomplete draft; the number reads "BROUILLON" and the first mention says it is
 * no invoice. The legal mentions are those the issued document would print.
 */
export function previewDocument(draft: DraftDocument, ctx: PreviewContext): FrozenDocument {
  const { status: _s, number: _n, issueDate: _d, ...stored } = draft.readMeta() as Partial<DocumentMeta>;
  const customer = ctx.customer && ctx.customer.id === stored.customerId ? ctx.customer : undefined;
  const language: PreviewLanguage = customer ? (customer.language === 'en' ? 'en' : 'fr') : (ctx.language ?? 'fr');
  const w = words[language];
  const kind = stored.kind ?? 'invoice';
  const currency = stored.currency ?? 'EUR';
  const all = draft.listLines();
  const { lines, totals } = computableLines(draft.toTaxInput(), all);
  const buyer = customer ?? emptyBuyer(language, ctx.today);
  const terms = stored.paymentTermsDays ?? customer?.paymentTermsDays ?? ctx.settings.paymentTermsDays ?? 30;
  const meta = { ...stored, kind, currency, createdAt: stored.createdAt ?? ctx.today };
  const omitted = all.length - lines.length;
  // The period the draft states (BT-73/74), printed as the issued invoice will print it; a half-typed one is not shown.
  let invoicingPeriod: ReturnType<typeof invoicingPeriodOf>;
  try {
    invoicingPeriod = invoicingPeriodOf(meta);
  } catch {
    invoicingPeriod = undefined;
  }
  return {
    id: ctx.id ?? 'preview',
    kind,
    number: w.draftNumber,
    issueDate: ctx.today,
    dueDate: stored.dueDate ?? addDays(ctx.today, terms),
    currency,
    seller: ctx.settings,
    buyer,
    meta,
    lines,
    totals,
    ...(invoicingPeriod ? { invoicingPeriod } : {}),
    mentions: [
      w.draftNotice(kind === 'credit_note'),
      ...(omitted > 0 ? [w.omitted(omitted)] : []),
      ...legalMentions(ctx.settings, buyer, lines, meta),
    ],
  };
}

/**
 * A made-up invoice from the company itself to a sample customer, for the layout settings: three lines
 * with units and a discount, so every optional column and the payment block show.
 */
export function sampleDocument(settings: CompanySettings, opts: { today: string; language: PreviewLanguage }): FrozenDocument {
  const w = words[opts.language];
  const lines: DocumentLine[] = [
    { id: 'l1', description: w.sampleLines[0], quantity: '3', unit: w.sampleUnits[0], unitPrice: '450', vatCategory: 'S', vatRate: '20' },
    { id: 'l2', description: w.sampleLines[1], quantity: '2', unit: w.sampleUnits[1], unitPrice: '37.50', discountPercent: '10', vatCategory: 'S', vatRate: '20' },
    { id: 'l3', description: w.sampleLines[2], quantity: '1', unit: w.sampleUnits[2], unitPrice: '80', vatCategory: 'S', vatRate: '20' },
  ];
  const franchise = settings.vatRegime === 'franchise';
  const vatOf = (l: DocumentLine): DocumentLine =>
    franchise ? { ...l, vatCategory: 'E', vatRate: '0', exemptionReason: 'TVA non applicable, art. 293 B du CGI' } : l;
  const sampleLines = lines.map(vatOf);
  const totals = computeInvoiceTotals({
    currency: 'EUR',
    lines: sampleLines.map((l) => ({
      quantity: l.quantity, unitPrice: l.unitPrice, vatCategory: l.vatCategory, vatRate: l.vatRate ?? '0',
      ...(l.discountPercent ? { discount: { percent: l.discountPercent } } : {}),
      ...(l.exemptionReason ? { exemptionReason: l.exemptionReason } : {}),
    })),
  });
  const buyer: Customer = {
    ...emptyBuyer(opts.language, opts.today),
    name: w.sampleBuyer, siren: '552100554', line1: '14 rue des Tanneurs', postcode: '67000', city: 'Strasbourg', country: 'FR',
  };
  const meta = { kind: 'invoice' as const, currency: 'EUR', createdAt: opts.today, operationCategory: 'services' as const, notes: w.sampleNotes };
  return {
    id: 'sample',
    kind: 'invoice',
    number: w.sampleNumber,
    issueDate: opts.today,
    dueDate: addDays(opts.today, settings.paymentTermsDays ?? 30),
    currency: 'EUR',
    seller: settings,
    buyer,
    meta,
    lines: sampleLines,
    totals,
    mentions: [w.sampleNotice, ...legalMentions(settings, buyer, sampleLines, meta)],
  };
}

/** What stampPreview writes across each page: a draft's or a sample's word. */
export function previewStamp(kind: 'draft' | 'sample', language: PreviewLanguage): string {
  return kind === 'draft' ? words[language].draftStamp : words[language].sampleStamp;
}

/**
 * Writes `text` across every page, large, pale and diagonal, so a printed or forwarded preview can never be
 * taken for the invoice. Helvetica (a standard font, WinAnsi): the stamp's words need nothing more.
 */
export async function stampPreview(pdf: Uint8Array, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const angle = Math.atan2(height, width);
    const size = Math.min(72, (Math.hypot(width, height) * 0.68) / font.widthOfTextAtSize(text, 1));
    const textWidth = font.widthOfTextAtSize(text, size);
    // Centred on the page's middle along the diagonal: start half the text's length back from the centre.
    const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size * 0.35);
    const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size * 0.35);
    page.drawText(text, { x, y, size, font, color: rgb(0.75, 0.1, 0.1), opacity: 0.13, rotate: degrees((angle * 180) / Math.PI) });
  }
  return doc.save({ useObjectStreams: false });
}
