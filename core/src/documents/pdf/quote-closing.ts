import { formatDate, formatMoney } from './labels';
import { tint } from './layout';
import type { QuoteAcceptance, QuotePdfModel } from './quote-model';
import { quoteLabels } from './quote-labels';
import { colours, contentWidth, page, type Sheet } from './sheet';
import { block, breakdownHeight, drawBreakdown, totalsColumn, vatBreakdownRows } from './summary';

/*
 * Below the quote's lines: the option legend, the VAT breakdown per rate beside the totals HT, TVA and
 * TTC (arrêté du 24 janvier 2017 art. 3; L111-1 Code de la consommation: the total price), the payment
 * terms, the closing text, the mentions (free or paid quote: arrêté du 24 janvier 2017 art. 3), and the
 * customer's consent: a "Bon pour accord" box to sign, or the evidence of the electronic acceptance.
 */

const rowHeight = (sheet: Sheet) => sheet.lineHeight(9) + 1.2;

/** The totals rows and the TTC band's height, which the last line keeps on its page. */
export function quoteSummaryHeight(sheet: Sheet, model: QuotePdfModel): number {
  const rows = vatBreakdownRows(sheet, model.totals.vatBreakdown, model.currency);
  return Math.max(breakdownHeight(sheet, rows), 2 * rowHeight(sheet) + 10) + 6 + legendHeight(sheet, model);
}

const hasOptions = (model: QuotePdfModel) => model.sections.some((s) => s.lines.some((l) => l.optional));

function legendLines(sheet: Sheet, model: QuotePdfModel): string[] {
  return hasOptions(model) ? sheet.wrap(quoteLabels[sheet.ctx.lang].optionLegend, contentWidth, { size: 7.5 }) : [];
}

function legendHeight(sheet: Sheet, model: QuotePdfModel): number {
  const n = legendLines(sheet, model).length;
  return n ? n * sheet.lineHeight(7.5) + 2 : 0;
}

/** The legend of options, then the VAT breakdown and the totals, kept together on one page. */
export function drawQuoteSummary(sheet: Sheet, model: QuotePdfModel) {
  const { lang, words, accent, onAccent } = sheet.ctx;
  sheet.ensure(quoteSummaryHeight(sheet, model));
  const legend = legendLines(sheet, model);
  if (legend.length) sheet.y += 2 + sheet.paragraph(legend, page.left, sheet.y + 2, { size: 7.5, colour: colours.muted });
  const rows = vatBreakdownRows(sheet, model.totals.vatBreakdown, model.currency);
  const y = sheet.y + 6;
  drawBreakdown(sheet, rows, y);
  const money = (v: string) => formatMoney(v, model.currency, lang);
  const t = totalsColumn;
  const lines: [string, string][] = [[words.totalWithoutVat, money(model.totals.totalWithoutVat)], [words.totalVat, money(model.totals.vatTotal)]];
  lines.forEach(([label, value], i) => {
    sheet.text(label, t.x + 3, y + i * rowHeight(sheet), { size: 9 });
    sheet.text(value, page.right - 3, y + i * rowHeight(sheet), { size: 9, align: 'right' });
  });
  const band = y + lines.length * rowHeight(sheet) + 1;
  sheet.box(t.x, band, t.width, 9, accent);
  sheet.text(words.totalWithVat, t.x + 3, band + 2.3, { weight: 'bold', size: 10, colour: onAccent });
  sheet.text(money(model.totals.totalWithVat), page.right - 3, band + 2.1, { weight: 'bold', size: 11, colour: onAccent, align: 'right' });
  sheet.y = Math.max(y + breakdownHeight(sheet, rows), band + 9) + 6;
}

/** "Devis gratuit" or the quote's price, then the model's own mentions. */
export function quoteMentions(model: QuotePdfModel): string[] {
  const w = quoteLabels[model.language];
  const fee = model.quoteFee === undefined ? w.freeQuote : w.quoteFee(formatMoney(model.quoteFee, model.currency, model.language));
  return [fee, ...(model.mentions ?? [])];
}

/** "2026-12-02T14:03:27.000Z" as the date in the customer's format and "14:03:27", both UTC. */
function utcParts(instant: string): { iso: string; date: string; time: string } {
  const iso = new Date(instant).toISOString();
  return { iso: iso.replace('.000Z', 'Z'), date: iso.slice(0, 10), time: iso.slice(11, 19) };
}

function drawAcceptance(sheet: Sheet, acceptance: QuoteAcceptance) {
  const { lang, accent, accentText } = sheet.ctx;
  const w = quoteLabels[lang];
  const at = utcParts(acceptance.signedAt);
  const lines = [w.acceptedBy(acceptance.signerName, formatDate(at.date, lang), at.time), w.timestamp(at.iso), ...(acceptance.ip ? [w.ipAddress(acceptance.ip)] : [])];
  const wrapped = lines.flatMap((l, i) => sheet.wrap(l, contentWidth - 8, { size: i === 0 ? 9 : 8, weight: i === 0 ? 'bold' : 'regular' }).map((text) => ({ text, first: i === 0 })));
  const height = sheet.lineHeight(7.5) + 3 + wrapped.reduce((h, l) => h + sheet.lineHeight(l.first ? 9 : 8), 0) + 3;
  sheet.ensure(height);
  sheet.box(page.left, sheet.y, contentWidth, height, tint(accent, 0.1));
  sheet.box(page.left, sheet.y, 1.2, height, accent);
  let y = sheet.y + 2.5;
  sheet.text(w.acceptance.toUpperCase(), page.left + 4, y, { weight: 'bold', size: 7.5, colour: accentText });
  y += sheet.lineHeight(7.5) + 1;
  for (const l of wrapped) {
    sheet.text(l.text, page.left + 4, y, { size: l.first ? 9 : 8, weight: l.first ? 'bold' : 'regular', colour: l.first ? colours.ink : colours.muted });
    y += sheet.lineHeight(l.first ? 9 : 8);
  }
  sheet.y += height + 4;
}

/** The box the customer signs on paper: date, name, signature, under "Bon pour accord". */
function drawApprovalBox(sheet: Sheet, x: number, top: number, width: number): number {
  const { lang, accentText } = sheet.ctx;
  const w = quoteLabels[lang];
  const hint = sheet.wrap(w.approvalHint, width - 6, { size: 7.5 });
  const height = 4 + sheet.lineHeight(8) + hint.length * sheet.lineHeight(7.5) + 30;
  sheet.doc.setDrawColor(...accentText);
  sheet.doc.setLineWidth(0.3);
  sheet.doc.rect(x, top, width, height, 'S');
  let y = top + 2.5;
  sheet.text(w.approval.toUpperCase(), x + 3, y, { weight: 'bold', size: 8, colour: accentText });
  y += sheet.lineHeight(8) + 0.5;
  y += sheet.paragraph(hint, x + 3, y, { size: 7.5, colour: colours.muted }) + 3;
  for (const label of [w.date, w.name]) {
    sheet.text(lang === 'fr' ? `${label}\u00a0:` : `${label}:`, x + 3, y, { size: 8.5 });
    sheet.rule(x + 22, x + width - 4, y + 3.6);
    y += 7;
  }
  sheet.text(lang === 'fr' ? `${w.signature}\u00a0:` : `${w.signature}:`, x + 3, y, { size: 8.5 });
  return top + height;
}

/** Payment terms, closing text, mentions, and the signature box or the acceptance evidence, in that order. */
export function drawQuoteClosing(sheet: Sheet, model: QuotePdfModel) {
  const w = quoteLabels[sheet.ctx.lang];
  if (model.paymentTerms?.trim()) block(sheet, w.paymentTerms, [{ text: model.paymentTerms }]);
  if (model.closing?.trim()) {
    for (const l of sheet.wrap(model.closing, contentWidth, { size: 9 })) {
      sheet.ensure(sheet.lineHeight(9));
      sheet.text(l, page.left, sheet.y, { size: 9 });
      sheet.y += sheet.lineHeight(9);
    }
    sheet.y += 5;
  }
  const mentions = quoteMentions(model).map((text) => ({ text }));
  if (model.acceptance) {
    block(sheet, w.mentions, mentions);
    drawAcceptance(sheet, model.acceptance);
    return;
  }
  // The mentions on the left, the box to sign on the right: kept side by side on one page.
  const right = totalsColumn;
  const leftWidth = right.x - page.left - 8;
  const mentionLines = mentions.flatMap((m) => sheet.wrap(m.text, leftWidth, { size: 8.5 }));
  const boxHeight = 4 + sheet.lineHeight(8) + sheet.wrap(w.approvalHint, right.width - 6, { size: 7.5 }).length * sheet.lineHeight(7.5) + 30;
  sheet.ensure(Math.max(boxHeight, sheet.lineHeight(7.5) + 1 + mentionLines.length * sheet.lineHeight(8.5)));
  const top = sheet.y;
  block(sheet, w.mentions, mentions, { x: page.left, width: leftWidth });
  sheet.y = Math.max(sheet.y, drawApprovalBox(sheet, right.x, top, right.width) + 4);
}
