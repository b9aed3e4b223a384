import type { FrozenDocument } from '../../issuing';
import { Money } from '../../money';
import type { VatBreakdown } from '../../tax';
import { formatDate, formatIban, formatMoney, formatPercent, maskIban } from './labels';
import { tint } from './layout';
import { colours, contentWidth, page, type Sheet } from './sheet';

/*
 * Below the lines: the VAT breakdown per rate with its exemption reasons (CGI 242 nonies A, EN 16931
 * BG-23), the totals, how to pay, the notes, and the legal mentions (late-payment penalties, the 40 €
 * recovery indemnity, early-payment discount, franchise or reverse-charge wording) at the foot.
 */

const breakdown = { x: page.left, width: 92 };
/** The totals column, right of the VAT breakdown. */
export const totalsColumn = { x: 118, width: page.right - 118 };
const totals = totalsColumn;

export type BreakdownRow = { cells: [string, string, string]; reason?: string[] };
type Row = BreakdownRow;

function breakdownRows(sheet: Sheet, doc: FrozenDocument): Row[] {
  return vatBreakdownRows(sheet, doc.totals.vatBreakdown, doc.currency);
}

/** The VAT breakdown's rows (rate, taxable amount, VAT), each with its exemption reason wrapped under it. */
export function vatBreakdownRows(sheet: Sheet, groups: Pick<VatBreakdown, 'vatRate' | 'taxableAmount' | 'taxAmount' | 'exemptionReason'>[], currency: string): Row[] {
  const { lang, words } = sheet.ctx;
  return groups.map((g) => ({
    cells: [g.vatRate === undefined ? words.notSubject : formatPercent(g.vatRate, lang), formatMoney(g.taxableAmount, currency, lang), formatMoney(g.taxAmount, currency, lang)],
    reason: g.exemptionReason ? sheet.wrap(g.exemptionReason, breakdown.width - 4, { size: 7.5 }) : undefined,
  }));
}

export function breakdownHeight(sheet: Sheet, rows: Row[]): number {
  return sheet.lineHeight(8) + 6 + rows.reduce((h, r) => h + sheet.lineHeight(8.5) + 2 + (r.reason?.length ?? 0) * sheet.lineHeight(7.5), 0);
}

export function drawBreakdown(sheet: Sheet, rows: Row[], y: number) {
  const { words, accentText } = sheet.ctx;
  const col = breakdown.width / 3;
  const x = breakdown.x;
  sheet.text(words.vatBreakdown.toUpperCase(), x, y, { weight: 'bold', size: 7.5, colour: accentText });
  y += sheet.lineHeight(7.5) + 1.5;
  [words.rate, words.base, words.vatAmount].forEach((t, i) => sheet.text(t, x + (i === 0 ? 0 : col * (i + 1)), y, { size: 8, colour: colours.muted, align: i === 0 ? 'left' : 'right' }));
  y += sheet.lineHeight(8) + 1;
  sheet.rule(x, x + breakdown.width, y);
  y += 1;
  for (const r of rows) {
    r.cells.forEach((t, i) => sheet.text(t, x + (i === 0 ? 0 : col * (i + 1)), y, { size: 8.5, align: i === 0 ? 'left' : 'right' }));
    y += sheet.lineHeight(8.5) + 0.5;
    if (r.reason) y += sheet.paragraph(r.reason, x, y, { size: 7.5, colour: colours.muted });
    y += 1.5;
  }
}

function totalRows(sheet: Sheet, doc: FrozenDocument): [string, string][] {
  const { lang, words } = sheet.ctx;
  const t = doc.totals;
  const money = (v: string) => formatMoney(v, doc.currency, lang);
  const nonZero = (v: string) => !new Money(v).isZero();
  const rows: [string, string][] = [];
  if (nonZero(t.allowanceTotal) || nonZero(t.chargeTotal)) rows.push([words.net, money(t.lineNetTotal)]);
  if (nonZero(t.allowanceTotal)) rows.push([words.allowances, `-${money(t.allowanceTotal)}`]);
  if (nonZero(t.chargeTotal)) rows.push([words.charges, money(t.chargeTotal)]);
  rows.push([words.totalWithoutVat, money(t.totalWithoutVat)], [words.totalVat, money(t.vatTotal)], [words.totalWithVat, money(t.totalWithVat)]);
  if (nonZero(t.paidAmount)) rows.push([words.paid, `-${money(t.paidAmount)}`]);
  if (nonZero(t.roundingAmount)) rows.push([words.rounding, money(t.roundingAmount)]);
  return rows;
}

function drawTotals(sheet: Sheet, doc: FrozenDocument, rows: [string, string][], y: number): number {
  const { words, accent, onAccent, lang } = sheet.ctx;
  const h = sheet.lineHeight(9) + 1.2;
  rows.forEach(([label, value], i) => {
    const strong = label === words.totalWithVat;
    sheet.text(label, totals.x + 3, y + i * h, { size: 9, weight: strong ? 'bold' : 'regular' });
    sheet.text(value, page.right - 3, y + i * h, { size: 9, weight: strong ? 'bold' : 'regular', align: 'right' });
  });
  y += rows.length * h + 1;
  const label = doc.kind === 'credit_note' ? words.creditTotal : words.amountDue;
  sheet.box(totals.x, y, totals.width, 9, accent);
  sheet.text(label, totals.x + 3, y + 2.3, { weight: 'bold', size: 10, colour: onAccent });
  sheet.text(formatMoney(doc.totals.amountDue, doc.currency, lang), page.right - 3, y + 2.1, { weight: 'bold', size: 11, colour: onAccent, align: 'right' });
  return y + 9;
}

/** The height of the summary, which the lines table keeps its last row with (no page of totals alone). */
export function summaryHeight(sheet: Sheet, doc: FrozenDocument): number {
  return Math.max(breakdownHeight(sheet, breakdownRows(sheet, doc)), totalRows(sheet, doc).length * (sheet.lineHeight(9) + 1.2) + 10) + 6;
}

/** The VAT breakdown beside the totals, kept together on one page. */
export function drawSummary(sheet: Sheet, doc: FrozenDocument) {
  const rows = breakdownRows(sheet, doc);
  const totalsRows = totalRows(sheet, doc);
  const height = summaryHeight(sheet, doc) - 6;
  sheet.ensure(height + 6);
  const y = sheet.y + 6;
  drawBreakdown(sheet, rows, y);
  drawTotals(sheet, doc, totalsRows, y);
  sheet.y = y + height + 6;
}

type Column = { x: number; width: number };
const fullWidth: Column = { x: page.left, width: contentWidth };
export type BlockLine = { text: string; bold?: boolean };

function wrapBlock(sheet: Sheet, lines: BlockLine[], width: number): BlockLine[] {
  return lines.flatMap((l) => sheet.wrap(l.text, width, { size: 8.5, weight: l.bold ? 'bold' : 'regular' }).map((text) => ({ text, bold: l.bold })));
}

const blockHeight = (sheet: Sheet, lines: number) => sheet.lineHeight(7.5) + 1 + lines * sheet.lineHeight(8.5) + 5;

/** A titled block of text lines, broken across pages line by line if it must. */
export function block(sheet: Sheet, title: string, lines: BlockLine[], at: Column = fullWidth) {
  const { accentText } = sheet.ctx;
  const wrapped = wrapBlock(sheet, lines, at.width);
  const lh = sheet.lineHeight(8.5);
  sheet.ensure(sheet.lineHeight(7.5) + 1 + Math.min(wrapped.length, 3) * lh);
  sheet.text(title.toUpperCase(), at.x, sheet.y, { weight: 'bold', size: 7.5, colour: accentText });
  sheet.y += sheet.lineHeight(7.5) + 1;
  for (const l of wrapped) {
    sheet.ensure(lh);
    sheet.text(l.text, at.x, sheet.y, { size: 8.5, weight: l.bold ? 'bold' : 'regular' });
    sheet.y += lh;
  }
  sheet.y += 5;
}

/**
 * How to pay; in a narrow column the IBAN and the BIC take a line each rather than break in the middle. An
 * invoice collected by SEPA direct debit asks for nothing: it says when it is debited, under which mandate
 * and creditor identifier (the SEPA rulebook's pre-notification terms), from which account, masked.
 */
function paymentLines(sheet: Sheet, doc: FrozenDocument, narrow = false): BlockLine[] {
  const { lang, words, layout } = sheet.ctx;
  const lines: { text: string; bold?: boolean }[] = [];
  if (doc.kind === 'credit_note') {
    if (doc.meta.precedingNumber) lines.push({ text: words.creditSettlement(doc.meta.precedingNumber) });
  } else if (doc.meta.directDebit) {
    const { mandateReference, creditorId, debitedIban } = doc.meta.directDebit;
    lines.push({ text: words.directDebit(formatDate(doc.dueDate, lang), mandateReference, creditorId, maskIban(debitedIban)) });
  } else {
    lines.push({ text: words.payBefore(formatDate(doc.dueDate, lang)) });
    const bank = [doc.seller.iban && `IBAN ${formatIban(doc.seller.iban)}`, doc.seller.bic && `BIC ${doc.seller.bic}`].filter((b): b is string => !!b);
    if (narrow) lines.push(...bank.map((text) => ({ text, bold: true })));
    else if (bank.length > 0) lines.push({ text: bank.join('   '), bold: true });
    lines.push({ text: words.payReference(doc.number) });
  }
  if (layout.paymentInstructions) lines.push({ text: layout.paymentInstructions });
  return lines;
}

const mentionSize = 7.5;

function mentionLines(sheet: Sheet, doc: FrozenDocument, width: number): string[] {
  return doc.mentions.flatMap((m) => sheet.wrap(m, width - 4, { size: mentionSize }));
}

const mentionsHeight = (sheet: Sheet, lines: number) => lines * sheet.lineHeight(mentionSize) + 3;

/** The legal mentions in a tinted box whose bottom is at most `bottom`, from `top` on. */
function mentionsBox(sheet: Sheet, lines: string[], at: Column, top: number) {
  const height = mentionsHeight(sheet, lines.length);
  sheet.box(at.x, top, at.width, height, tint(sheet.ctx.accent, 0.05));
  sheet.paragraph(lines, at.x + 2, top + 1.5, { size: mentionSize, colour: colours.muted });
  return top + height;
}

/**
 * How to pay, the notes, and every legal mention at the foot of the last page. When stacked they would send
 * the mentions to a page of their own, the payment block and the mentions stand side by side instead, so a
 * ten-line invoice with a logo stays on one page.
 */
export function drawClosing(sheet: Sheet, doc: FrozenDocument) {
  const { words } = sheet.ctx;
  const payment = paymentLines(sheet, doc);
  const notes = doc.meta.notes?.trim() ? [{ text: doc.meta.notes }] : [];
  const stacked = (payment.length ? blockHeight(sheet, wrapBlock(sheet, payment, contentWidth).length) : 0)
    + (notes.length ? blockHeight(sheet, wrapBlock(sheet, notes, contentWidth).length) : 0)
    + mentionsHeight(sheet, mentionLines(sheet, doc, contentWidth).length);
  // The mentions under the totals, the payment under the VAT breakdown: the columns of the block above.
  const left: Column = { x: page.left, width: totals.x - page.left - 8 };
  const right: Column = totals;
  const half = left.width;
  const sideLines = mentionLines(sheet, doc, right.width);
  const narrowPayment = paymentLines(sheet, doc, true);
  const leftHeight = (narrowPayment.length ? blockHeight(sheet, wrapBlock(sheet, narrowPayment, half).length) : 0) + (notes.length ? blockHeight(sheet, wrapBlock(sheet, notes, half).length) : 0);
  const sideBySide = Math.max(leftHeight, mentionsHeight(sheet, sideLines.length));
  if (sheet.y + stacked > sheet.bottom && sheet.y + sideBySide <= sheet.bottom) {
    const top = sheet.y;
    if (narrowPayment.length) block(sheet, words.payment, narrowPayment, left);
    if (notes.length) block(sheet, words.notes, notes, left);
    const end = mentionsBox(sheet, sideLines, right, top);
    sheet.y = Math.max(sheet.y, end);
    return;
  }
  if (payment.length) block(sheet, words.payment, payment);
  if (notes.length) block(sheet, words.notes, notes);
  const lines = mentionLines(sheet, doc, contentWidth);
  sheet.ensure(mentionsHeight(sheet, lines.length));
  sheet.y = mentionsBox(sheet, lines, fullWidth, Math.max(sheet.y, sheet.bottom - mentionsHeight(sheet, lines.length)));
}
