import type { jsPDF } from 'jspdf';
import type { Labels, Language } from './labels';
import type { Layout, Rgb } from './layout';

/*
 * The page geometry (A4, millimetres) and a small drawing vocabulary over jsPDF: text whose `y` is the
 * top of its line box, wrapped paragraphs, rules and boxes, and a cursor that moves to a new page
 * when the next block does not fit.
 */
export const page = { width: 210, height: 297, left: 16, right: 194, top: 16, continuationTop: 30 };
export const contentWidth = page.right - page.left;

const ptToMm = 25.4 / 72;

export const colours = {
  ink: [33, 37, 41] as Rgb,
  muted: [108, 117, 125] as Rgb,
  rule: [222, 226, 230] as Rgb,
  white: [255, 255, 255] as Rgb,
};

export interface Style {
  weight?: 'regular' | 'bold';
  size?: number;
  colour?: Rgb;
}

export interface TextOptions extends Style {
  align?: 'left' | 'right' | 'center';
}

export interface SheetContext {
  lang: Language;
  words: Labels;
  layout: Layout;
  accent: Rgb;
  /** The accent, darkened where needed so that text in it stays readable on white. */
  accentText: Rgb;
  onAccent: Rgb;
  fonts: { regular: string; bold: string };
}

export class Sheet {
  y = page.top;
  /** Where content stops: above the footer, whose height depends on its text. */
  bottom = page.height - 22;
  /** Called after a page break, e.g. to repeat a table's header row. */
  onNewPage: (() => void) | undefined;

  constructor(
    readonly doc: jsPDF,
    readonly ctx: SheetContext,
    private readonly continuationHeader: (sheet: Sheet) => void,
  ) {}

  style({ weight = 'regular', size = 9, colour = colours.ink }: Style) {
    this.doc.setFont(weight === 'bold' ? this.ctx.fonts.bold : this.ctx.fonts.regular, 'normal');
    this.doc.setFontSize(size);
    this.doc.setTextColor(colour[0], colour[1], colour[2]);
  }

  /** The height of one line of text at `size` points, in millimetres. */
  lineHeight(size = 9): number {
    return size * ptToMm * 1.32;
  }

  /** Draws one line with its top at `y`. */
  text(s: string, x: number, y: number, options: TextOptions = {}) {
    this.style(options);
    const size = options.size ?? 9;
    this.doc.text(s, x, y + size * ptToMm * 0.93, { align: options.align ?? 'left', baseline: 'alphabetic' });
  }

  width(s: string, style: Style = {}): number {
    this.style(style);
    return this.doc.getTextWidth(s);
  }

  /**
   * Splits text into lines no wider than `width`, keeping the author's line breaks. As French typography
   * wants, a line never breaks between an amount and its unit ("40 €", "20 %") nor before ":", ";", "!",
   * "?", "»" or after "«": those spaces become non-breaking.
   */
  wrap(s: string, width: number, style: Style = {}): string[] {
    this.style(style);
    const glued = s.replace(/(\d) (€|%)/g, '$1\u00a0$2').replace(/ ([:;!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
    return glued.split(/\r?\n/).flatMap((para) => (para.trim() === '' ? [''] : (this.doc.splitTextToSize(para, width) as string[])));
  }

  /** Draws wrapped lines from `y` and returns the height used. */
  paragraph(lines: string[], x: number, y: number, options: TextOptions = {}): number {
    const h = this.lineHeight(options.size);
    lines.forEach((line, i) => this.text(line, x, y + i * h, options));
    return lines.length * h;
  }

  box(x: number, y: number, w: number, h: number, fill: Rgb) {
    this.doc.setFillColor(fill[0], fill[1], fill[2]);
    this.doc.rect(x, y, w, h, 'F');
  }

  rule(x1: number, x2: number, y: number, colour: Rgb = colours.rule, width = 0.2) {
    this.doc.setDrawColor(colour[0], colour[1], colour[2]);
    this.doc.setLineWidth(width);
    this.doc.line(x1, y, x2, y);
  }

  /** Starts a new page when `height` does not fit below the cursor; true if it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom) return false;
    this.newPage();
    return true;
  }

  newPage() {
    this.doc.addPage('a4', 'portrait');
    this.y = page.top;
    this.continuationHeader(this);
    this.y = page.continuationTop;
    this.onNewPage?.();
  }
}
