import { jsPDF } from 'jspdf';
import { utf8Encode } from '@cantoo/pdf-lib';
import { canonicalJson } from '../../schema/document';
import { fingerprint } from './facturx';
import { embedFont } from './fonts';
import { labels } from './labels';
import { parseLayout, readableOnWhite, rgbOf, textOn } from './layout';
import { drawQuoteClosing, drawQuoteSummary, quoteSummaryHeight } from './quote-closing';
import { drawDraftStamp, drawQuoteContinuation, drawQuoteHeader, quoteTitle } from './quote-header';
import { drawQuoteLines } from './quote-lines';
import { checkQuoteModel, type QuotePdfModel } from './quote-model';
import { quoteLabels } from './quote-labels';
import { drawFooters, footerLines, footerStyle, readLogo, type RenderOptions } from './render';
import { page, Sheet } from './sheet';

/*
 * A quote (devis) as an A4 PDF, in the customer's language: the document the customer reads, downloads
 * and accepts. The server keeps the SHA-256 of the accepted file as evidence, so the rendering is
 * deterministic: no clock (the creation date is the quote's date), a file id derived from the model, and
 * nothing carried over from an earlier rendering.
 */

export type { QuoteAcceptance, QuoteBuyer, QuotePdfLine, QuotePdfModel, QuotePdfSection, QuotePdfTotals } from './quote-model';

/**
 * Renders the quote. Throws a ValidationError naming the field for a broken model
 * ("sections[1].lines[3].unitPrice: …"), layout ("accentColor: …"), logo or section image.
 */
export function renderQuotePdf(model: QuotePdfModel, opts: RenderOptions): Uint8Array {
  checkQuoteModel(model);
  const layout = parseLayout(opts.layout);
  const lang = model.language === 'en' ? 'en' : 'fr';
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  const logo = opts.logo === undefined ? undefined : readLogo(pdf, opts.logo);
  const fonts = { regular: embedFont(pdf, opts.fonts.regular, 'FCTXAA'), bold: embedFont(pdf, opts.fonts.bold, 'FCTXAB') };
  const accent = rgbOf(layout.accentColor);
  const ctx = { lang, words: labels[lang], layout, accent, accentText: readableOnWhite(accent), onAccent: textOn(accent), fonts } as const;
  const sheet = new Sheet(pdf, ctx, (s) => drawQuoteContinuation(s, model));
  const footer = footerLines(sheet, model);
  sheet.bottom = page.height - 10 - footer.length * sheet.lineHeight(footerStyle.size) - 6;
  if (!model.number) drawDraftStamp(sheet, quoteLabels[lang].draftStamp);
  drawQuoteHeader(sheet, model, logo);
  drawQuoteLines(sheet, model, quoteSummaryHeight(sheet, model));
  drawQuoteSummary(sheet, model);
  drawQuoteClosing(sheet, model);
  drawFooters(sheet, footer);
  const title = quoteTitle(model);
  pdf.setDocumentProperties({ title, subject: `${title} – ${model.buyer.name}`, author: model.seller.legalName ?? '', creator: 'Facturo' });
  pdf.setCreationDate(`D:${model.issueDate.replace(/-/g, '')}000000+00'00'`);
  pdf.setFileId(fingerprint(utf8Encode(canonicalJson(model), false)));
  return new Uint8Array(pdf.output('arraybuffer'));
}
