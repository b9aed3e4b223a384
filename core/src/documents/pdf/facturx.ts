import { AFRelationship, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFString, utf8Encode } from '@cantoo/pdf-lib';
import { srgbIccProfile } from './icc';
import { xmpPacket } from './xmp';

/*
 * Factur-X packaging (Factur-X 1.0 specification, PDF/A-3 ISO 19005-3): the rendered invoice becomes a
 * PDF/A-3b file carrying its CII XML as an associated file. jsPDF writes the pages; pdf-lib adds what
 * jsPDF lacks: the XMP packet, the sRGB output intent, the associated file and a matching Info dictionary.
 */

export interface FacturXMeta {
  /** XMP fx:DocumentType. Factur-X 1.0 names INVOICE for every invoice document, credit notes included
   * (the CII's type code 381 tells them apart); ORDER* belong to Order-X. */
  documentType: 'INVOICE';
  conformanceLevel: 'MINIMUM' | 'BASIC WL' | 'BASIC' | 'EN 16931' | 'EXTENDED';
  /** XMP fx:Version: "1.0" for every Factur-X 1.0.x release. */
  version: string;
  fileName: 'factur-x.xml';
  title: string;
  author: string;
  subject: string;
  /** Creation and modification date of the file and of the attachment: the issue, never "now". */
  created: Date;
  /** How the XML relates to the PDF (PDF/A-3 §6.8): Data by default, Alternative where a receiver wants it. */
  relationship?: 'Data' | 'Alternative';
  /** The document's language, e.g. "fr-FR" (catalog /Lang). */
  language?: string;
}

export const facturXProducer = 'Facturo (jsPDF, pdf-lib)';
const creatorTool = 'Facturo';

/** 16 bytes as 32 hex digits from four FNV-1a lanes: a deterministic file identifier, not a security hash. */
export function fingerprint(...parts: Uint8Array[]): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x2166136f, 0x5bd1e995];
  parts.forEach((bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] ?? 0;
      for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l] ?? 0) ^ ((b + l * 31) & 0xff), 0x01000193);
    }
  });
  return lanes.map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

function setInfo(pdf: PDFDocument, meta: FacturXMeta) {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  pdf.setCreator(creatorTool);
  pdf.setProducer(facturXProducer);
  pdf.setCreationDate(meta.created);
  pdf.setModificationDate(meta.created);
  if (meta.language) pdf.setLanguage(meta.language);
}

function setMetadata(pdf: PDFDocument, meta: FacturXMeta) {
  const xmp = xmpPacket({
    title: meta.title,
    author: meta.author,
    subject: meta.subject,
    creatorTool,
    producer: facturXProducer,
    created: meta.created,
    facturX: { documentType: meta.documentType, fileName: meta.fileName, version: meta.version, conformanceLevel: meta.conformanceLevel },
  });
  // Unfiltered, so that a reader without PDF support finds the packet (ISO 19005-2 §6.6.2.1 via XMP part 1).
  const stream = pdf.context.stream(utf8Encode(xmp, false), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}

function setOutputIntent(pdf: PDFDocument) {
  const profile = pdf.context.flateStream(srgbIccProfile(), { N: 3 });
  const intent = pdf.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: pdf.context.register(profile),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), pdf.context.obj([pdf.context.register(intent)]));
}

/**
 * Turns a rendered invoice into a Factur-X PDF/A-3b: same pages, plus XMP (pdfaid, Dublin Core,
 * Factur-X extension schema and values), the sRGB output intent, `xml` as the associated file
 * `factur-x.xml` and a document /ID. Identical input gives identical bytes.
 */
export async function toFacturX(pdfBytes: Uint8Array, xml: string, meta: FacturXMeta): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  if (pdf.isEncrypted) throw new Error('an encrypted PDF cannot become PDF/A');
  pdf.context.header = PDFHeader.forVersion(1, 7); // associated files (/AF) are PDF 2.0 syntax that PDF/A-3 borrows
  pdf.catalog.delete(PDFName.of('OpenAction')); // jsPDF's zoom: no action at all is the simplest PDF/A
  const xmlBytes = utf8Encode(xml, false);
  setInfo(pdf, meta);
  setMetadata(pdf, meta);
  setOutputIntent(pdf);
  await pdf.attach(xmlBytes, meta.fileName, {
    mimeType: 'text/xml',
    description: `Factur-X ${meta.conformanceLevel}`,
    creationDate: meta.created,
    modificationDate: meta.created,
    afRelationship: meta.relationship === 'Alternative' ? AFRelationship.Alternative : AFRelationship.Data,
  });
  const id = PDFHexString.of(fingerprint(pdfBytes, xmlBytes));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}
