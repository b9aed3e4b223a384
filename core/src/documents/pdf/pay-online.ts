import type { FrozenDocument } from '../../issuing';
import type { Language } from './labels';
import { colours, contentWidth, page, type Sheet } from './sheet';

/*
 * "Payer en ligne" (issue 8): the invoice's own pay URL, written out and as a QR code a phone can scan from the
 * printed page. The modules come from the server (QR encoding stays out of core, see sync-server/src/pay/qr.ts);
 * they are drawn here as filled rectangles, one per horizontal run of dark modules, in pure black on white.
 * Scan-ability (ISO/IEC 18004 §7.3.7): a quiet zone of 4 modules kept blank around the symbol, 0.6 mm modules
 * at least, which 300-dpi office printers render as 7 dots.
 */

/** A QR symbol: `size` × `size` modules, row-major, true where dark. */
export interface QrMatrix {
  size: number; // number-ok: modules per side
  dark: boolean[];
}

export interface PayOnline {
  url: string;
  qr: QrMatrix;
}

export const QR_MODULE_MM = 0.6; // number-ok: ISO/IEC 18004 minimum for printed scanning, see above
export const QR_QUIET_MODULES = 4; // number-ok

const words: Record<Language, { title: string; hint: string }> = {
  fr: { title: 'Payer en ligne', hint: 'Par carte ou PayPal : scannez ce code ou ouvrez l’adresse ci-dessous.' },
  en: { title: 'Pay online', hint: 'By card or PayPal: scan this code or open the address below.' },
};

/** Whether the block belongs on this document: an invoice the customer pays (not a credit note, not a direct debit). */
export const showsPayOnline = (doc: FrozenDocument): boolean => doc.kind === 'invoice' && !doc.meta.directDebit;

/** The horizontal runs of dark modules: [row, first column, length]. */
export function darkRuns(qr: QrMatrix): [number, number, number][] {
  if (qr.dark.length !== qr.size * qr.size) throw new Error(`payOnline.qr: ${qr.dark.length} modules for a ${qr.size}×${qr.size} symbol`);
  const runs: [number, number, number][] = [];
  for (let row = 0; row < qr.size; row++) {
    let start = -1;
    for (let col = 0; col <= qr.size; col++) {
      const dark = col < qr.size && qr.dark[row * qr.size + col] === true;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([row, start, col - start]);
        start = -1;
      }
    }
  }
  return runs;
}

/** Draws the block where the cursor is (a new page when it does not fit), the QR at the left, the words beside it. */
export function drawPayOnline(sheet: Sheet, pay: PayOnline) {
  const { accentText, lang } = sheet.ctx;
  const w = words[lang];
  const side = (pay.qr.size + 2 * QR_QUIET_MODULES) * QR_MODULE_MM;
  const textX = page.left + side + 2;
  const textWidth = contentWidth - side - 2;
  const url = sheet.wrap(pay.url, textWidth, { size: 8.5, weight: 'bold' });
  const hint = sheet.wrap(w.hint, textWidth, { size: 8.5 });
  const quiet = QR_QUIET_MODULES * QR_MODULE_MM;
  const textHeight = quiet + sheet.lineHeight(7.5) + 1 + (hint.length + url.length) * sheet.lineHeight(8.5) + 0.5;
  const height = Math.max(side, textHeight) + 2;
  sheet.ensure(height);
  const top = sheet.y;
  const origin = { x: page.left + quiet, y: top + quiet };
  sheet.doc.setFillColor(0, 0, 0);
  for (const [row, col, length] of darkRuns(pay.qr)) {
    sheet.doc.rect(origin.x + col * QR_MODULE_MM, origin.y + row * QR_MODULE_MM, length * QR_MODULE_MM, QR_MODULE_MM, 'F');
  }
  let y = top + quiet;
  sheet.text(w.title.toUpperCase(), textX, y, { weight: 'bold', size: 7.5, colour: accentText });
  y += sheet.lineHeight(7.5) + 1;
  y += sheet.paragraph(hint, textX, y, { size: 8.5 });
  sheet.paragraph(url, textX, y + 0.5, { size: 8.5, weight: 'bold', colour: colours.ink });
  sheet.y = top + height;
}
