import { ValidationError } from '../../schema/fields';
import { formatDecimal, formatMoney, formatPercent } from './labels';
import { tint } from './layout';
import { bodySize, cellPad, columnsFor, drawTableHeader, drawTableRow, type Column } from './lines-table';
import type { QuotePdfLine, QuotePdfModel, QuotePdfSection } from './quote-model';
import { quoteLabels } from './quote-labels';
import { colours, contentWidth, page, type Sheet } from './sheet';

/*
 * The quote's detailed description (Code de la consommation L111-1; arrêté du 24 janvier 2017 art. 3:
 * "décompte détaillé … de chaque prestation", quantity and unit price): the invoice's table, one header
 * for the whole quote (repeated on each page), each section a titled band with its text and image, and
 * every option marked as taken or not.
 */

type Cells = Record<Column['key'], string[]>;

const hasDiscount = (l: QuotePdfLine) => !!l.discountPercent && l.discountPercent !== '0';

function cells(sheet: Sheet, line: QuotePdfLine, columns: Column[], currency: string): Cells {
  const { lang, words } = sheet.ctx;
  const w = quoteLabels[lang];
  const showUnit = columns.some((c) => c.key === 'unit');
  const showDiscount = columns.some((c) => c.key === 'discount');
  const discount = hasDiscount(line) ? formatPercent(line.discountPercent!, lang) : '';
  const description = sheet.wrap(line.description, (columns[0]?.width ?? 60) - 2 * cellPad, { size: bodySize });
  if (discount && !showDiscount) description.push(words.lineDiscount(discount));
  if (line.optional) description.push(line.selected ? w.optionSelected : w.optionNotSelected);
  return {
    description,
    quantity: [formatDecimal(line.quantity, lang) + (!showUnit && line.unit ? `\u00a0${line.unit}` : '')],
    unit: [line.unit ?? ''],
    unitPrice: [formatMoney(line.unitPrice, currency, lang)],
    discount: [discount],
    vatRate: [line.vatRate === undefined ? '—' : formatPercent(line.vatRate, lang)],
    net: [formatMoney(line.lineTotal, currency, lang)],
  };
}

/** Grey: the notes under a description (discount, option) and the amount of an option not taken. */
function mutedFor(line: QuotePdfLine, columns: Column[]) {
  const notes = (line.optional ? 1 : 0) + (hasDiscount(line) && !columns.some((c) => c.key === 'discount') ? 1 : 0);
  const excluded = line.optional && !line.selected;
  return (key: Column['key'], i: number, count: number) => (key === 'description' && i >= count - notes) || (key === 'net' && excluded);
}

type Image = { dataUrl: string; format: 'PNG' | 'JPEG'; width: number; height: number };

function readImage(sheet: Sheet, dataUrl: string, field: string): Image {
  const format = dataUrl.startsWith('data:image/png;base64,') ? 'PNG' : dataUrl.startsWith('data:image/jpeg;base64,') ? 'JPEG' : undefined;
  if (!format) throw new ValidationError({ [field]: 'a PNG or JPEG data URL' });
  try {
    const { width, height } = sheet.doc.getImageProperties(dataUrl);
    return { dataUrl, format, width, height };
  } catch {
    throw new ValidationError({ [field]: `not a readable ${format} image` });
  }
}

const text = { size: bodySize };

function drawSectionHead(sheet: Sheet, section: QuotePdfSection, index: number, firstRowHeight: number) {
  const lh = sheet.lineHeight(bodySize);
  if (section.title?.trim()) {
    const title = sheet.wrap(section.title, contentWidth - 2 * cellPad, { weight: 'bold', size: 9 });
    const h = title.length * sheet.lineHeight(9) + 3.4;
    sheet.ensure(h + firstRowHeight);
    sheet.box(page.left, sheet.y, contentWidth, h, tint(sheet.ctx.accent, 0.12));
    sheet.paragraph(title, page.left + cellPad, sheet.y + 1.7, { weight: 'bold', size: 9, colour: sheet.ctx.accentText });
    sheet.y += h;
  }
  if (section.text?.trim()) {
    sheet.y += 1.5;
    for (const l of sheet.wrap(section.text, contentWidth - 2 * cellPad, text)) {
      sheet.ensure(lh);
      sheet.text(l, page.left + cellPad, sheet.y, { ...text, colour: colours.muted });
      sheet.y += lh;
    }
    sheet.y += 1.5;
  }
  if (section.image) {
    const image = readImage(sheet, section.image.dataUrl, `sections[${index}].image`);
    const scale = Math.min((contentWidth * 0.6) / image.width, 60 / image.height);
    const [w, h] = [image.width * scale, image.height * scale];
    sheet.ensure(h + 3);
    sheet.doc.addImage(image.dataUrl, image.format, page.left + cellPad, sheet.y + 1.5, w, h, `section-${index}`, 'FAST');
    sheet.y += h + 3;
  }
}

/**
 * Draws every section from the cursor, breaking pages between rows; the last row keeps `keepWithLast`
 * mm after it (the totals) on its page.
 */
export function drawQuoteLines(sheet: Sheet, model: QuotePdfModel, keepWithLast: number) {
  const lines = model.sections.flatMap((s) => s.lines);
  const columns = columnsFor(sheet, lines);
  const rowHeight = (c: Cells) => Math.max(...columns.map((col) => c[col.key].length)) * sheet.lineHeight(bodySize) + 3.4;
  sheet.ensure(7 + 2 * sheet.lineHeight(bodySize) + 3.4);
  drawTableHeader(sheet, columns);
  sheet.onNewPage = () => drawTableHeader(sheet, columns);
  const lastSection = model.sections.length - 1;
  model.sections.forEach((section, s) => {
    const rows = section.lines.map((line) => ({ line, cells: cells(sheet, line, columns, model.currency) }));
    drawSectionHead(sheet, section, s, rows[0] ? rowHeight(rows[0].cells) : 0);
    rows.forEach(({ line, cells: c }, i) => {
      const last = s === lastSection && i === rows.length - 1;
      drawTableRow(sheet, c, columns, last ? keepWithLast : 0, mutedFor(line, columns));
    });
  });
  sheet.onNewPage = undefined;
}
