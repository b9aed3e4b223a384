import { GlobalWorkerOptions, PDFWorker, getDocument } from 'pdfjs-dist';
// Bundled as a worker chunk (.js): the server types .mjs files as application/octet-stream, which no module loads.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

// A PDF drawn as page images with pdf.js, loaded on first use. The browser's own viewer cannot be used: the
// app's Content-Security-Policy frames nothing (default-src 'self', object-src 'none'), and phones have no
// inline PDF viewer. The worker is a build asset, precached like the fonts, so previews work offline.

GlobalWorkerOptions.workerSrc = workerUrl;
let worker: PDFWorker | null = null;

/** Draws every page of `bytes` as a canvas `width` CSS pixels wide; returns them, first page first. */
export async function pdfPages(bytes: Uint8Array, width: number): Promise<HTMLCanvasElement[]> {
  worker ??= new PDFWorker();
  // No eval (the CSP forbids it); the copy: pdf.js transfers the buffer it is given to its worker.
  const pdf = await getDocument({ data: bytes.slice(), worker, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: (width / page.getViewport({ scale: 1 }).width) * ratio });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
    return canvases;
  } finally {
    await pdf.destroy();
  }
}
