import sans from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import sansBold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import condensed from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf?url';
import condensedBold from 'dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf?url';
import serif from 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf?url';
import serifBold from 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf?url';

// The TrueType files a layout may choose (core's pdfFonts), as build assets: the service worker precaches
// every emitted asset, so a draft previews offline in any of the three fonts.
const urls: Record<string, string> = {
  'DejaVuSans.ttf': sans,
  'DejaVuSans-Bold.ttf': sansBold,
  'DejaVuSansCondensed.ttf': condensed,
  'DejaVuSansCondensed-Bold.ttf': condensedBold,
  'DejaVuSerif.ttf': serif,
  'DejaVuSerif-Bold.ttf': serifBold,
};

// One array per file for the page's life: the renderer parses each array once (renderInvoicePdf).
const loaded = new Map<string, Promise<Uint8Array>>();

async function fetchFont(file: string): Promise<Uint8Array> {
  const url = urls[file];
  if (!url) throw new Error(`no font file ${file} in the build`);
  const res = await fetch(url);
  if (!res.ok) throw new Error(`font ${file}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export function fontBytes(file: string): Promise<Uint8Array> {
  let p = loaded.get(file);
  if (!p) {
    p = fetchFont(file);
    loaded.set(file, p);
    p.catch(() => loaded.delete(file)); // a failed fetch (offline before the cache was filled) is tried again
  }
  return p;
}

export async function fontPair(files: { regular: string; bold: string }): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  const [regular, bold] = await Promise.all([fontBytes(files.regular), fontBytes(files.bold)]);
  return { regular, bold };
}
