export { renderInvoicePdf, facturXMetaOf, documentTitle, type RenderOptions } from './render';
export { darkRuns, QR_MODULE_MM, QR_QUIET_MODULES, type PayOnline, type QrMatrix } from './pay-online';
export { toFacturX, type FacturXMeta } from './facturx';
export { layoutSchema, parseLayout, defaultLayout, layoutFontFiles, pdfFonts, type Layout, type LayoutInput, type PdfFontId } from './layout';
export { srgbIccProfile } from './icc';
export { renderQuotePdf, type QuoteAcceptance, type QuoteBuyer, type QuotePdfLine, type QuotePdfModel, type QuotePdfSection, type QuotePdfTotals } from './quote';
