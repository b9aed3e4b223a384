import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FrozenDocument } from '@facturo/core';
import { facturXMetaOf, layoutFontFiles, renderInvoicePdf, toCii, toFacturX, toUbl, type Layout, type PayOnline } from '@facturo/core/documents';
import type { FileFormat } from './formats';

/*
 * The files of an issued document, made from its frozen record: the Factur-X PDF (EN 16931, the CII
 * embedded as factur-x.xml), the CII itself and the UBL. Pure but for reading the font files, so it
 * runs in the producer's worker thread or, when that cannot start, on the main thread alike.
 */

export interface ProduceRequest {
  frozen: FrozenDocument;
  layout: Layout;
  /** The logo the seller was issued with (a data URL), if any. */
  logo?: string;
  /** The pay URL and its QR code to print (pay/online.ts), when the invoice is paid online: not in the frozen record. */
  payOnline?: PayOnline;
}

export type ProducedFiles = Record<FileFormat, Uint8Array>;

const fontDir = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
// Parsing a font costs about 60 ms once per array (renderInvoicePdf caches by array): each file is read once per thread.
const fonts = new Map<string, Uint8Array>();
const fontFile = (file: string) => {
  let bytes = fonts.get(file);
  if (!bytes) fonts.set(file, (bytes = new Uint8Array(readFileSync(fontDir + file))));
  return bytes;
};

/** The font bytes a layout prints with, read once per file and thread (tests and benchmarks use them too). */
export function layoutFonts(layout: Pick<Layout, 'font'>): { regular: Uint8Array; bold: Uint8Array } {
  const files = layoutFontFiles(layout);
  return { regular: fontFile(files.regular), bold: fontFile(files.bold) };
}

export async function produceFiles({ frozen, layout, logo, payOnline }: ProduceRequest): Promise<ProducedFiles> {
  const cii = toCii(frozen);
  const rendered = renderInvoicePdf(frozen, { fonts: layoutFonts(layout), layout, ...(logo ? { logo } : {}), ...(payOnline ? { payOnline } : {}) });
  const pdf = await toFacturX(rendered, cii, facturXMetaOf(frozen));
  return { pdf, cii: new TextEncoder().encode(cii), ubl: new TextEncoder().encode(toUbl(frozen)) };
}
