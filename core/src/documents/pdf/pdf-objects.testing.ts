import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from '@cantoo/pdf-lib';

/* Reading a produced PDF back for the tests: pdf-lib's object model, decoded streams, raw bytes. */

export async function open(bytes: Uint8Array) {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

export const name = (n: string) => PDFName.of(n);

export function dict(doc: PDFDocument, value: PDFObject | undefined): PDFDict {
  const v = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (!(v instanceof PDFDict)) throw new Error(`expected a dictionary, got ${String(v)}`);
  return v;
}

export function array(doc: PDFDocument, value: PDFObject | undefined): PDFArray {
  const v = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (!(v instanceof PDFArray)) throw new Error(`expected an array, got ${String(v)}`);
  return v;
}

export function stream(doc: PDFDocument, value: PDFObject | undefined): PDFRawStream {
  const v = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (!(v instanceof PDFRawStream)) throw new Error(`expected a stream, got ${String(v)}`);
  return v;
}

export const decoded = (s: PDFRawStream): Uint8Array => decodePDFRawStream(s).decode();

export function text(value: PDFObject | undefined): string {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  throw new Error(`expected a string, got ${String(value)}`);
}

export const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
export const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Every indirect object that is a dictionary (or a stream's dictionary) with /Type `type`. */
export function objectsOfType(doc: PDFDocument, type: string): PDFDict[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => (o instanceof PDFRawStream ? o.dict : o))
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(name('Type')) === name(type));
}
