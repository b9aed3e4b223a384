import { jsPDF } from 'jspdf';
import { utf8Encode } from '@cantoo/pdf-lib';
import type { FrozenDocument } from '../../issuing';
import { canonicalJson } from '../../schema/document';
import { checkLogo } from '../../schema/logo';
import { fingerprint, type FacturXMeta } from './facturx';
import { embedFont } from './fonts';
import { drawContinuationHeader, drawHeader, sellerIdentity, type Logo } from './header';
import { labels, type Language } from './labels';
import { parseLayout, readableOnWhite, rgbOf, textOn, type Layout, type LayoutInput } from './layout';
import { drawLines } from './lines-table';
import { drawPayOnline, showsPayOnline, type PayOnline } from './pay-online';
import { colours, contentWidth, page, Sheet } from './sheet';
import { drawClosing, drawSummary, summaryHeight } from './summary';

/*
 * An issued invoice or credit note as an A4 PDF (jsPDF), in the buyer's language. Deterministic: the
 * creation date is the issue date and the file id derives from the document, so the server's archived
 * copy can be produced again and compared byte for byte.
 */

export interface RenderOptions {
  /**
   * TrueType bytes of the layout's font (see layoutFontFiles); PDF/A embeds every font it uses. Read
   * them once and pass the same arrays every time: each is parsed once per array (about 60 ms).
   */
  fonts: { regular: Uint8Array; bold: Uint8Array };
  /** The seller's logo as frozen at issue: a PNG or JPEG data URL (checkLogo). */
  logo?: string;
  layout?: Layout | LayoutInput;
  /**
   * The invoice's pay URL and its QR code, printed under the totals. Passed at production, never part of the frozen
   * record (invariant 4): it is ours, not the invoice's content. Ignored for a credit note or a direct-debited invoice.
   */
  payOnline?: PayOnline;
}

const languageOf = (doc: FrozenDocument): Language => (doc.buyer.language === 'en' ? 'en' : 'fr');

export function documentTitle(doc: FrozenDocument): string {
  const words = labels[languageOf(doc)];
  return `${doc.kind === 'credit_note' ? words.creditNote : words.invoice} ${doc.number}`;
}

/** The Factur-X packaging metadata of a document: profile EN 16931, titles in the buyer's language. */
export function facturXMetaOf(doc: FrozenDocument): FacturXMeta {
  const title = documentTitle(doc);
  return {
    documentType: 'INVOICE',
    conformanceLevel: 'EN 16931',
    version: '1.0',
    fileName: 'factur-x.xml',
    title,
    author: doc.seller.legalName ?? '',
    subject: `${title} – ${doc.buyer.name}`,
    created: new Date(`${doc.issueDate}T00:00:00Z`),
    language: languageOf(doc) === 'en' ? 'en' : 'fr-FR',
  };
}

/** Logos already checked and measured (a company prints the same one on every document): decoding one costs ms. */
const logos = new Map<string, Logo>();

export function readLogo(pdf: jsPDF, dataUrl: string): Logo {
  const known = logos.get(dataUrl);
  if (known) return known;
  checkLogo(dataUrl);
  const { width, height } = pdf.getImageProperties(dataUrl);
  const logo: Logo = { dataUrl, format: dataUrl.startsWith('data:image/png') ? 'PNG' : 'JPEG', width, height };
  if (logos.size >= 16) logos.delete(logos.keys().next().value!);
  logos.set(dataUrl, logo);
  return logo;
}

export const footerStyle = { size: 7, colour: colours.muted };

/** The footer's lines: the seller's identity (on every page, so no page is anonymous) and the layout's text. */
export function footerLines(sheet: Sheet, doc: Pick<FrozenDocument, 'seller' | 'currency'>): string[] {
  const { words, layout } = sheet.ctx;
  const siret = doc.seller.siret ? `${words.siret} ` : undefined; // the head gives the SIRET; the foot stays one line
  const identity = [doc.seller.legalName, ...sellerIdentity(doc, sheet.ctx.lang, words).filter((l) => !siret || !l.startsWith(siret))].filter(Boolean).join(' · ');
  const lines = sheet.wrap(identity, contentWidth - sheet.width(words.page(99, 99), footerStyle) - 6, footerStyle);
  if (layout.footerText) lines.push(...sheet.wrap(layout.footerText, contentWidth - 20, footerStyle));
  return lines;
}

export function drawFooters(sheet: Sheet, lines: string[]) {
  const pages = sheet.doc.getNumberOfPages();
  const y = page.height - 10 - lines.length * sheet.lineHeight(footerStyle.size);
  for (let p = 1; p <= pages; p++) {
    sheet.doc.setPage(p);
    sheet.rule(page.left, page.right, y - 1.5);
    sheet.paragraph(lines, page.left, y, footerStyle);
    sheet.text(sheet.ctx.words.page(p, pages), page.right, y, { ...footerStyle, align: 'right' });
  }
}

/** Renders the frozen document; throws a ValidationError for a broken layout ("accentColor: …") or logo ("logo: …"). */
export function renderInvoicePdf(doc: FrozenDocument, opts: RenderOptions): Uint8Array {
  const layout = parseLayout(opts.layout);
  const lang = languageOf(doc);
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const logo = opts.logo === undefined ? undefined : readLogo(pdf, opts.logo);
  const fonts = { regular: embedFont(pdf, opts.fonts.regular, 'FCTXAA'), bold: embedFont(pdf, opts.fonts.bold, 'FCTXAB') };
  const accent = rgbOf(layout.accentColor);
  const ctx = { lang, words: labels[lang], layout, accent, accentText: readableOnWhite(accent), onAccent: textOn(accent), fonts };
  const sheet = new Sheet(pdf, ctx, (s) => drawContinuationHeader(s, doc));
  const footer = footerLines(sheet, doc);
  sheet.bottom = page.height - 10 - footer.length * sheet.lineHeight(footerStyle.size) - 6;
  drawHeader(sheet, doc, logo);
  drawLines(sheet, doc, summaryHeight(sheet, doc));
  drawSummary(sheet, doc);
  if (opts.payOnline && showsPayOnline(doc)) drawPayOnline(sheet, opts.payOnline);
  drawClosing(sheet, doc);
  drawFooters(sheet, footer);
  const meta = facturXMetaOf(doc);
  pdf.setDocumentProperties({ title: meta.title, subject: meta.subject, author: meta.author, creator: 'Facturo' });
  pdf.setCreationDate(`D:${doc.issueDate.replace(/-/g, '')}000000+00'00'`);
  pdf.setFileId(fingerprint(utf8Encode(canonicalJson(doc), false)));
  return new Uint8Array(pdf.output('arraybuffer'));
}
