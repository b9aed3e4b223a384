import type { FrozenDocument } from '../../issuing';
import type { Customer } from '../../schema/customers';
import type { CompanySettings } from '../../schema/workspace';
import { formatDate, formatMoney, formatSiren, type Language } from './labels';
import { tint } from './layout';
import { colours, page, type Sheet } from './sheet';

/*
 * The first page's head: who sells (with the identity French law wants on every invoice: legal form,
 * share capital, SIREN/SIRET, RCS, VAT number — Code de commerce R123-237, CGI 242 nonies A), what this
 * is (title, number, dates, references), and who buys (name, billing address, delivery address when
 * it differs, SIREN and VAT number, mandatory for business buyers since the 2026 reform).
 */

export interface Logo {
  dataUrl: string;
  format: 'PNG' | 'JPEG';
  width: number;
  height: number;
}

/** The head's two columns: seller, facts and delivery on the left, the buyer on the right. */
export const headerColumns = { leftWidth: 92, rightX: 112 };
const column = headerColumns;

interface Address {
  line1?: string;
  line2?: string;
  postcode?: string;
  city?: string;
  country?: string;
}

function countryName(code: string, lang: Language): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Address lines; the country is named only when it is not the seller's own. */
export function addressLines(a: Address, lang: Language, homeCountry: string | undefined): string[] {
  const cityLine = [a.postcode, a.city].filter(Boolean).join(' ');
  const country = a.country && a.country !== (homeCountry ?? 'FR') ? countryName(a.country, lang) : undefined;
  return [a.line1, a.line2, cityLine, country].filter((l): l is string => !!l && l.trim() !== '');
}

/** The seller's legal identity, one fact a line: also what the footer of every page summarises. */
export function sellerIdentity(doc: Pick<FrozenDocument, 'seller' | 'currency'>, lang: Language, words: Sheet['ctx']['words']): string[] {
  const s = doc.seller;
  const lines: string[] = [];
  if (s.legalForm) lines.push(s.shareCapital ? words.capital(s.legalForm, formatMoney(s.shareCapital, doc.currency, lang)) : s.legalForm);
  if (s.siren) lines.push(s.rcsCity ? `RCS ${s.rcsCity} ${formatSiren(s.siren)}` : `${words.siren} ${formatSiren(s.siren)}`);
  if (s.siret) lines.push(`${words.siret} ${formatSiren(s.siret)}`);
  if (s.vatNumber) lines.push(`${words.vatNumber} ${s.vatNumber}`);
  return lines;
}

/** The seller's block at the top left, logo first; returns its bottom. */
export function drawSeller(sheet: Sheet, doc: Pick<FrozenDocument, 'seller' | 'currency'>, logo: Logo | undefined): number {
  const { lang, words } = sheet.ctx;
  const s = doc.seller;
  let y = page.top;
  if (logo) {
    const scale = Math.min(55 / logo.width, 20 / logo.height);
    sheet.doc.addImage(logo.dataUrl, logo.format, page.left, y, logo.width * scale, logo.height * scale, 'logo', 'FAST');
    y += logo.height * scale + 4;
  }
  y += sheet.paragraph(sheet.wrap(s.legalName ?? '', column.leftWidth, { weight: 'bold', size: 12 }), page.left, y, { weight: 'bold', size: 12 });
  if (s.tradeName && s.tradeName !== s.legalName) y += sheet.paragraph([s.tradeName], page.left, y, { size: 9 });
  y += 1;
  y += sheet.paragraph(addressLines(s, lang, s.country), page.left, y, { size: 9 });
  const contact = [s.email, s.phone].filter(Boolean).join(' · ');
  if (contact) y += sheet.paragraph([contact], page.left, y, { size: 8.5, colour: colours.muted });
  y += 1.5;
  y += sheet.paragraph(sellerIdentity(doc, lang, words), page.left, y, { size: 7.5, colour: colours.muted });
  return y;
}

function drawTitle(sheet: Sheet, doc: FrozenDocument): number {
  const { words, accentText } = sheet.ctx;
  const title = doc.kind === 'credit_note' ? words.creditNote : words.invoice;
  sheet.text(title.toUpperCase(), page.right, page.top - 1, { weight: 'bold', size: 22, colour: accentText, align: 'right' });
  sheet.text(`${words.numberPrefix} ${doc.number}`, page.right, page.top + 9.5, { weight: 'bold', size: 11, align: 'right' });
  return page.top + 16;
}

/** Dates and references, as label/value rows in a tinted box. */
function drawFacts(sheet: Sheet, doc: FrozenDocument, y: number): number {
  const { lang, words } = sheet.ctx;
  const rows: [string, string][] = [[words.issueDate, formatDate(doc.issueDate, lang)]];
  if (doc.meta.deliveryDate) rows.push([words.deliveryDate, formatDate(doc.meta.deliveryDate, lang)]);
  if (doc.kind !== 'credit_note') rows.push([words.dueDate, formatDate(doc.dueDate, lang)]);
  if (doc.meta.purchaseOrderRef) rows.push([words.purchaseOrder, doc.meta.purchaseOrderRef]);
  if (doc.meta.precedingNumber) {
    const date = doc.meta.precedingIssueDate ? (lang === 'fr' ? ` du ${formatDate(doc.meta.precedingIssueDate, lang)}` : ` of ${formatDate(doc.meta.precedingIssueDate, lang)}`) : '';
    rows.push([words.corrects, `${doc.meta.precedingNumber}${date}`]);
  }
  return drawFactRows(sheet, rows, y);
}

/** Label/value rows in a tinted box under the seller; returns its bottom. */
export function drawFactRows(sheet: Sheet, rows: [string, string][], y: number): number {
  const h = sheet.lineHeight(9) + 0.8;
  const width = column.leftWidth;
  sheet.box(page.left, y, width, rows.length * h + 4, tint(sheet.ctx.accent, 0.08));
  rows.forEach(([label, value], i) => {
    const top = y + 2 + i * h;
    sheet.text(label, page.left + 3, top, { size: 8.5, colour: colours.muted });
    sheet.text(value, page.left + width - 3, top, { weight: 'bold', size: 9, align: 'right' });
  });
  return y + rows.length * h + 4;
}

export function drawParty(sheet: Sheet, heading: string, lines: { text: string; bold?: boolean; muted?: boolean }[], x: number, y: number, width: number): number {
  const { accentText } = sheet.ctx;
  sheet.text(heading.toUpperCase(), x, y, { weight: 'bold', size: 7.5, colour: accentText });
  let top = y + sheet.lineHeight(7.5) + 1;
  for (const line of lines) {
    const style = { weight: line.bold ? ('bold' as const) : ('regular' as const), size: line.bold ? 10.5 : line.muted ? 8 : 9, colour: line.muted ? colours.muted : colours.ink };
    top += sheet.paragraph(sheet.wrap(line.text, width, style), x, top, style);
  }
  return top;
}

export function buyerLines(doc: { buyer: Pick<Customer, 'name' | 'line1' | 'line2' | 'postcode' | 'city' | 'country' | 'siren' | 'vatNumber'>; seller: Pick<CompanySettings, 'country'> }, lang: Language, words: Sheet['ctx']['words']) {
  const b = doc.buyer;
  const lines: { text: string; bold?: boolean; muted?: boolean }[] = [{ text: b.name, bold: true }];
  lines.push(...addressLines(b, lang, doc.seller.country).map((text) => ({ text })));
  if (b.siren) lines.push({ text: `${words.siren} ${formatSiren(b.siren)}`, muted: true });
  if (b.vatNumber) lines.push({ text: `${words.vatNumber} ${b.vatNumber}`, muted: true });
  return lines;
}

function deliveryAddress(doc: FrozenDocument): Address | undefined {
  const b = doc.buyer;
  const d = { line1: b.deliveryLine1, line2: b.deliveryLine2, postcode: b.deliveryPostcode, city: b.deliveryCity, country: b.deliveryCountry ?? b.country };
  if (!d.line1 && !d.city) return undefined;
  const same = d.line1 === b.line1 && (d.line2 ?? '') === (b.line2 ?? '') && d.postcode === b.postcode && d.city === b.city && d.country === b.country;
  return same ? undefined : d;
}

/** BG-14 under the head, above the lines it covers: both days included, as frozen. */
function drawBillingPeriod(sheet: Sheet, doc: FrozenDocument) {
  if (!doc.invoicingPeriod) return;
  const { lang, words } = sheet.ctx;
  sheet.text(words.billingPeriod(formatDate(doc.invoicingPeriod.start, lang), formatDate(doc.invoicingPeriod.end, lang)), page.left, sheet.y, { weight: 'bold', size: 9.5 });
  sheet.y += sheet.lineHeight(9.5) + 5;
}

/** Draws the whole head of the first page and moves the cursor below it. */
export function drawHeader(sheet: Sheet, doc: FrozenDocument, logo: Logo | undefined) {
  const { lang, words } = sheet.ctx;
  const sellerBottom = drawSeller(sheet, doc, logo);
  const titleBottom = drawTitle(sheet, doc);
  const rowTop = Math.max(sellerBottom, titleBottom) + 7;
  let left = drawFacts(sheet, doc, rowTop);
  const delivery = deliveryAddress(doc);
  if (delivery) left = drawParty(sheet, words.deliverTo, addressLines(delivery, lang, doc.seller.country).map((text) => ({ text })), page.left, left + 5, column.leftWidth);
  const right = drawParty(sheet, words.billTo, buyerLines(doc, lang, words), column.rightX, rowTop, page.right - column.rightX);
  sheet.y = Math.max(left, right) + 8;
  drawBillingPeriod(sheet, doc);
}

/** The head of pages 2 and later: who and which document, so a loose page is never anonymous. */
export function drawContinuationHeader(sheet: Sheet, doc: FrozenDocument) {
  const { words } = sheet.ctx;
  const title = doc.kind === 'credit_note' ? words.creditNote : words.invoice;
  drawRunningHead(sheet, doc.seller.legalName ?? '', `${title} ${words.numberPrefix} ${doc.number} (${words.continued})`);
}

/** A continuation page's head line: the seller on the left, which document on the right, an accent rule. */
export function drawRunningHead(sheet: Sheet, sellerName: string, documentLabel: string) {
  sheet.text(sellerName, page.left, page.top, { weight: 'bold', size: 9 });
  sheet.text(documentLabel, page.right, page.top, { size: 9, colour: colours.muted, align: 'right' });
  sheet.rule(page.left, page.right, page.top + 6, sheet.ctx.accent, 0.4);
}
