import type { FrozenDocument } from '../../issuing';
import type { DocumentLine } from '../../schema/document';
import type { LineAmounts } from '../../tax';
import { formatDecimal, formatMoney, formatPercent } from './labels';
import { colours, contentWidth, page, type Sheet } from './sheet';

/*
 * The lines table: every per-line detail the law asks for (CGI 242 nonies A: designation, quantity,
 * unit price, rate of VAT, discounts). A column the layout hides never hides a fact: a hidden unit
 * joins the quantity, a hidden discount joins the description. Multi-page: the header row repeats.
 */

export interface Column {
  key: 'description' | 'quantity' | 'unit' | 'unitPrice' | 'discount' | 'vatRate' | 'net';
  width: number;
  align: 'left' | 'right';
}

export const cellPad = 2;
const pad = cellPad;
const padY = 1.7;
export const bodySize = 8.5;

/** The table's columns: optional ones only when the layout shows them and a line uses them. */
export function columnsFor(sheet: Sheet, lines: Pick<DocumentLine, 'discountPercent' | 'unit'>[]): Column[] {
  const { columns } = sheet.ctx.layout;
  const anyDiscount = lines.some((l) => l.discountPercent && l.discountPercent !== '0');
  const anyUnit = lines.some((l) => l.unit);
  const fixed: Column[] = [
    { key: 'quantity', width: 15, align: 'right' },
    ...(columns.unit && anyUnit ? [{ key: 'unit', width: 15, align: 'left' } as Column] : []),
    { key: 'unitPrice', width: 25, align: 'right' },
    ...(columns.discount && anyDiscount ? [{ key: 'discount', width: 16, align: 'right' } as Column] : []),
    { key: 'vatRate', width: 15, align: 'right' },
    { key: 'net', width: 27, align: 'right' },
  ];
  const used = fixed.reduce((a, c) => a + c.width, 0);
  return [{ key: 'description', width: contentWidth - used, align: 'left' }, ...fixed];
}

/** The header row on the accent colour. */
export function drawTableHeader(sheet: Sheet, columns: Column[]) {
  const { words, accent, onAccent } = sheet.ctx;
  const titles: Record<Column['key'], string> = {
    description: words.description,
    quantity: words.quantity,
    unit: words.unit,
    unitPrice: words.unitPrice,
    discount: words.discount,
    vatRate: words.vatRate,
    net: words.net,
  };
  const h = 7;
  sheet.box(page.left, sheet.y, contentWidth, h, accent);
  let x = page.left;
  for (const c of columns) {
    const at = c.align === 'right' ? x + c.width - pad : x + pad;
    sheet.text(titles[c.key], at, sheet.y + 2, { weight: 'bold', size: 8, colour: onAccent, align: c.align });
    x += c.width;
  }
  sheet.y += h;
}

function cells(sheet: Sheet, line: DocumentLine, amounts: LineAmounts | undefined, columns: Column[], currency: string): Record<Column['key'], string[]> {
  const { lang, words } = sheet.ctx;
  const showUnit = columns.some((c) => c.key === 'unit');
  const showDiscount = columns.some((c) => c.key === 'discount');
  const discount = line.discountPercent && line.discountPercent !== '0' ? formatPercent(line.discountPercent, lang) : '';
  const descWidth = (columns[0]?.width ?? 60) - 2 * pad;
  const description = sheet.wrap(line.description, descWidth, { size: bodySize });
  if (discount && !showDiscount) description.push(words.lineDiscount(discount));
  const quantity = formatDecimal(line.quantity, lang) + (!showUnit && line.unit ? `\u00a0${line.unit}` : '');
  const rate = amounts?.vatRate ?? line.vatRate;
  return {
    description,
    quantity: [quantity],
    unit: [line.unit ?? ''],
    unitPrice: [formatMoney(line.unitPrice, currency, lang)],
    discount: [discount],
    vatRate: [rate === undefined ? '—' : formatPercent(rate, lang)],
    net: [amounts ? formatMoney(amounts.netAmount, currency, lang) : ''],
  };
}

function row(sheet: Sheet, content: Record<Column['key'], string[]>, columns: Column[], discountNote: boolean, keepWith: number) {
  drawTableRow(sheet, content, columns, keepWith, (key, i, count) => key === 'description' && discountNote && i === count - 1);
}

/** One row, kept whole on a page with `keepWith` mm after it; `muted` greys a cell's i-th of `count` lines. */
export function drawTableRow(sheet: Sheet, content: Record<Column['key'], string[]>, columns: Column[], keepWith: number, muted: (key: Column['key'], i: number, count: number) => boolean) {
  const lh = sheet.lineHeight(bodySize);
  const height = Math.max(...columns.map((c) => content[c.key].length)) * lh + 2 * padY;
  sheet.ensure(height + keepWith);
  let x = page.left;
  for (const c of columns) {
    const lines = content[c.key];
    const at = c.align === 'right' ? x + c.width - pad : x + pad;
    lines.forEach((text, i) => {
      sheet.text(text, at, sheet.y + padY + i * lh, { size: bodySize, align: c.align, colour: muted(c.key, i, lines.length) ? colours.muted : colours.ink });
    });
    x += c.width;
  }
  sheet.y += height;
  sheet.rule(page.left, page.right, sheet.y);
}

/**
 * Draws the table from the cursor, breaking pages between rows. The last row moves to the next page
 * with what follows (`keepWithLast` mm) rather than leave the totals on a page of their own.
 */
export function drawLines(sheet: Sheet, doc: FrozenDocument, keepWithLast: number) {
  const columns = columnsFor(sheet, doc.lines);
  sheet.ensure(7 + 2 * sheet.lineHeight(bodySize) + 2 * padY);
  drawTableHeader(sheet, columns);
  sheet.onNewPage = () => drawTableHeader(sheet, columns);
  const discountHidden = !columns.some((c) => c.key === 'discount');
  doc.lines.forEach((line, i) => {
    const hasDiscount = !!line.discountPercent && line.discountPercent !== '0';
    const last = i === doc.lines.length - 1;
    row(sheet, cells(sheet, line, doc.totals.lines[i], columns, doc.currency), columns, discountHidden && hasDiscount, last ? keepWithLast : 0);
  });
  sheet.onNewPage = undefined;
}
