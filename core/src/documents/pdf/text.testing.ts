import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/* The text of each page as a PDF reader extracts it (pdf.js), for the content tests. */

/** No-break and narrow no-break spaces read as plain spaces, on both sides of a comparison. */
export const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

export interface PageText {
  /** Every text item of the page in drawing order, joined by spaces. */
  text: string;
  items: string[];
}

export async function pagesOf(bytes: Uint8Array): Promise<PageText[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PageText[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    const items = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [plain(i.str).trim()] : []));
    pages.push({ text: items.join(' '), items });
  }
  await pdf.destroy();
  return pages;
}

export async function textOf(bytes: Uint8Array): Promise<string> {
  return (await pagesOf(bytes)).map((p) => p.text).join(' ');
}
