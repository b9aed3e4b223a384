import { buyerLines, drawFactRows, drawParty, drawRunningHead, drawSeller, headerColumns, type Logo } from './header';
import { formatDate } from './labels';
import type { QuotePdfModel } from './quote-model';
import { quoteLabels, type QuoteLabels } from './quote-labels';
import { colours, contentWidth, page, type Sheet } from './sheet';

/*
 * The quote's head: the seller with its legal identity (the invoice's block: Code de consommation L111-1
 * and arrêté du 24 janvier 2017 art. 3 want name, address, legal form, RCS, VAT number), "DEVIS", its
 * number and version, the date and the validity period, and the customer.
 */

/** "Devis D-2026-00012 (version 2)", or "Devis (Brouillon)" before it has a number. */
export function quoteTitle(model: QuotePdfModel): string {
  const w = quoteLabels[model.language];
  const version = model.version && model.version > 1 ? ` (${w.version(model.version)})` : '';
  return model.number ? `${w.quote} ${model.number}${version}` : `${w.quote} (${w.draft})${version}`;
}

/** Days from one ISO date to another (both midnight UTC). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000); // number-ok: days
}

function drawTitle(sheet: Sheet, model: QuotePdfModel, w: QuoteLabels): number {
  const { words, accentText } = sheet.ctx;
  sheet.text(w.quote.toUpperCase(), page.right, page.top - 1, { weight: 'bold', size: 22, colour: accentText, align: 'right' });
  const number = model.number ? `${words.numberPrefix} ${model.number}` : w.draft;
  sheet.text(number, page.right, page.top + 9.5, { weight: 'bold', size: 11, align: 'right' });
  if (!model.version || model.version < 2) return page.top + 16;
  sheet.text(w.version(model.version), page.right, page.top + 15, { size: 9, colour: colours.muted, align: 'right' });
  return page.top + 20;
}

/** The first page's head; moves the cursor below it, past the quote's subject and introduction. */
export function drawQuoteHeader(sheet: Sheet, model: QuotePdfModel, logo: Logo | undefined) {
  const { lang, words } = sheet.ctx;
  const w = quoteLabels[lang];
  const sellerBottom = drawSeller(sheet, model, logo);
  const titleBottom = drawTitle(sheet, model, w);
  const rowTop = Math.max(sellerBottom, titleBottom) + 7;
  const rows: [string, string][] = [
    [w.issueDate, formatDate(model.issueDate, lang)],
    [w.validUntil, formatDate(model.validUntil, lang)],
    [w.validity, w.days(daysBetween(model.issueDate, model.validUntil))],
  ];
  const left = drawFactRows(sheet, rows, rowTop);
  const right = drawParty(sheet, w.client, buyerLines(model, lang, words), headerColumns.rightX, rowTop, page.right - headerColumns.rightX);
  sheet.y = Math.max(left, right) + 8;
  if (!model.number) {
    sheet.y += sheet.paragraph(sheet.wrap(w.draftNotice, contentWidth, { weight: 'bold', size: 9 }), page.left, sheet.y, { weight: 'bold', size: 9, colour: [176, 42, 55] }) + 3;
  }
  if (model.title?.trim()) {
    const style = { weight: 'bold' as const, size: 12 };
    sheet.y += sheet.paragraph(sheet.wrap(`${w.subject}${lang === 'fr' ? '\u00a0:' : ':'} ${model.title}`, contentWidth, style), page.left, sheet.y, style) + 2;
  }
  if (model.intro?.trim()) sheet.y += sheet.paragraph(sheet.wrap(model.intro, contentWidth, { size: 9 }), page.left, sheet.y, { size: 9 }) + 5;
}

/** A draft's pale diagonal word behind each page's content, so a printed draft is never taken for the quote. */
export function drawDraftStamp(sheet: Sheet, word: string) {
  const size = 96;
  sheet.style({ weight: 'bold', size, colour: [238, 228, 230] });
  const width = sheet.doc.getTextWidth(word);
  const angle = 50;
  const rad = (angle * Math.PI) / 180;
  const x = page.width / 2 - (Math.cos(rad) * width) / 2;
  const y = page.height / 2 + (Math.sin(rad) * width) / 2;
  sheet.doc.text(word, x, y, { angle });
}

/** The head of pages 2 and later: the seller and which quote, so a loose page is never anonymous. */
export function drawQuoteContinuation(sheet: Sheet, model: QuotePdfModel) {
  const w = quoteLabels[sheet.ctx.lang];
  if (!model.number) drawDraftStamp(sheet, w.draftStamp);
  drawRunningHead(sheet, model.seller.legalName ?? '', `${quoteTitle(model)} (${sheet.ctx.words.continued})`);
}
