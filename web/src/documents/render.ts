import type { CompanySettings, Customer, DraftDocument, FrozenDocument, Workspace } from '@facturo/core';

// Documents drawn on this device with core's own renderer (the server archives the same drawing). jsPDF and
// pdf-lib come with '@facturo/core/documents', loaded here on first use only: never in the first load.

export type Layout = ReturnType<Workspace['readLayout']>;

const modules = () => Promise.all([import('@facturo/core/documents'), import('@facturo/core/documents/preview.ts')]);

async function draw(kind: 'draft' | 'sample', build: (preview: Awaited<ReturnType<typeof modules>>[1]) => FrozenDocument, layout: Layout, logo: string | undefined) {
  const [{ renderInvoicePdf, layoutFontFiles }, preview] = await modules();
  const { fontPair } = await import('./fonts');
  const doc = build(preview);
  const fonts = await fontPair(layoutFontFiles(layout));
  const pdf = renderInvoicePdf(doc, { fonts, layout, ...(logo ? { logo } : {}) });
  return preview.stampPreview(pdf, preview.previewStamp(kind, doc.buyer.language === 'en' ? 'en' : 'fr'));
}

export interface DraftPreviewInput {
  draft: DraftDocument;
  settings: CompanySettings;
  customer: Customer | undefined;
  today: string;
  language: 'fr' | 'en';
  layout: Layout;
  logo: string | undefined;
}

/** A draft as a PDF marked "BROUILLON", whatever is still missing; offline too. */
export function renderDraftPreview(p: DraftPreviewInput): Promise<Uint8Array> {
  return draw('draft', (m) => m.previewDocument(p.draft, { settings: p.settings, customer: p.customer, today: p.today, language: p.language }), p.layout, p.logo);
}

/** The company's sample invoice in a layout: what the layout settings show while they change. */
export function renderSample(p: { settings: CompanySettings; today: string; language: 'fr' | 'en'; layout: Layout; logo: string | undefined }): Promise<Uint8Array> {
  return draw('sample', (m) => m.sampleDocument(p.settings, { today: p.today, language: p.language }), p.layout, p.logo);
}

export function pdfBlob(bytes: Uint8Array): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}
