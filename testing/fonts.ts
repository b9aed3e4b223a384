import type { PdfFontId } from '../core/src/documents/pdf/layout';
import { layoutFonts } from '../sync-server/src/documents/produce';

/*
 * Test and benchmark helpers that need Node (files on disk) live in testing/, out of core/, which stays
 * pure (STYLE.md §1). Fonts: the bytes the server prints with, read as it reads them.
 */

/** The font bytes a caller passes to renderInvoicePdf. */
export function testFonts(font: PdfFontId = 'dejavu-sans') {
  return layoutFonts({ font });
}
