import { AFRelationship, PDFName, PDFNumber } from '@cantoo/pdf-lib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { facturXMetaOf, renderInvoicePdf, toFacturX } from '.';
import { fixtures } from './fixtures.testing';
import { testFonts } from '../../../../testing/fonts';
import { testLogo } from '../../../../testing/png';
import { srgbIccProfile } from './icc';
import { array, decoded, dict, latin1, name, objectsOfType, open, stream, text, utf8 } from './pdf-objects.testing';
import { facturXNamespace } from './xmp';

const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"><!-- Boréal · 3 220,90 € --></rsm:CrossIndustryInvoice>\n`;
const doc = fixtures.short();
const meta = facturXMetaOf(doc);
let bytes: Uint8Array;

beforeAll(async () => {
  bytes = await toFacturX(renderInvoicePdf(doc, { fonts: testFonts(), logo: testLogo() }), xml, meta);
});

async function catalogOf(b = bytes) {
  const pdf = await open(b);
  return { pdf, catalog: pdf.catalog };
}

async function xmpOf(b = bytes): Promise<string> {
  const { pdf, catalog } = await catalogOf(b);
  return utf8(decoded(stream(pdf, catalog.get(name('Metadata')))));
}

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed XMP is navigated by the names the test asserts */
/** The rdf:Description elements of the packet, parsed (values kept as text). */
async function descriptions(): Promise<Record<string, any>[]> {
  const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(await xmpOf());
  return parsed['x:xmpmeta']['rdf:RDF']['rdf:Description'];
}

/** The value of an XMP property: plain, or the single item of an rdf:Alt / rdf:Seq. */
async function property(qname: string): Promise<string | undefined> {
  const d = (await descriptions()).find((x) => qname in x)?.[qname];
  if (typeof d === 'string') return d;
  const li = (d?.['rdf:Alt'] ?? d?.['rdf:Seq'])?.['rdf:li'];
  return typeof li === 'string' ? li : li?.['#text'];
}
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('toFacturX: PDF/A-3b identification and metadata', () => {
  it('starts with a PDF 1.7 header and a binary comment line (ISO 19005-2 §6.1.2)', () => {
    expect(latin1(bytes.subarray(0, 9))).toBe('%PDF-1.7\n');
    expect(bytes[9]).toBe(0x25);
    expect([...bytes.subarray(10, 14)].every((b) => b > 127)).toBe(true);
  });

  it('declares PDF/A-3 conformance level B in an unfiltered, well-formed XMP packet', async () => {
    const { pdf, catalog } = await catalogOf();
    const metadata = stream(pdf, catalog.get(name('Metadata')));
    expect(metadata.dict.get(name('Type'))).toBe(name('Metadata'));
    expect(metadata.dict.get(name('Subtype'))).toBe(name('XML'));
    expect(metadata.dict.has(name('Filter'))).toBe(false);
    const xmp = await xmpOf();
    expect(XMLValidator.validate(xmp)).toBe(true);
    expect(xmp).toMatch(/<pdfaid:part>3<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
  });

  it('describes the Factur-X schema in a PDF/A extension schema: namespace, prefix and four Text properties', async () => {
    const extension = (await descriptions()).find((d) => 'pdfaExtension:schemas' in d)!;
    const schema = extension['pdfaExtension:schemas']['rdf:Bag']['rdf:li'];
    expect(schema['pdfaSchema:namespaceURI']).toBe(facturXNamespace);
    expect(schema['pdfaSchema:namespaceURI']).toBe('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#');
    expect(schema['pdfaSchema:prefix']).toBe('fx');
    const properties: Record<string, string>[] = schema['pdfaSchema:property']['rdf:Seq']['rdf:li'];
    expect(properties.map((p) => p['pdfaProperty:name']).sort()).toEqual(['ConformanceLevel', 'DocumentFileName', 'DocumentType', 'Version']);
    for (const p of properties) {
      expect(p['pdfaProperty:valueType']).toBe('Text');
      expect(p['pdfaProperty:category']).toBe('external');
      expect(p['pdfaProperty:description']).toBeTruthy();
    }
  });

  it('gives the four Factur-X values in the fx namespace', async () => {
    const fx = (await descriptions()).find((d) => d['@_xmlns:fx'] === facturXNamespace)!;
    expect(fx).toMatchObject({ 'fx:DocumentType': 'INVOICE', 'fx:DocumentFileName': 'factur-x.xml', 'fx:Version': '1.0', 'fx:ConformanceLevel': 'EN 16931' });
  });

  it('keeps the Info dictionary and the XMP in agreement (ISO 19005-2 §6.6.3)', async () => {
    const pdf = await open(bytes);
    expect(pdf.getTitle()).toBe('Facture F-2026-00042');
    expect(await property('dc:title')).toBe(pdf.getTitle());
    expect(await property('dc:creator')).toBe(pdf.getAuthor());
    expect(await property('dc:description')).toBe(pdf.getSubject());
    expect(pdf.getSubject()).toContain('Boulangerie Martin & Fils');
    expect(await property('xmp:CreatorTool')).toBe(pdf.getCreator());
    expect(await property('pdf:Producer')).toBe(pdf.getProducer());
    expect(new Date((await property('xmp:CreateDate'))!).getTime()).toBe(pdf.getCreationDate()?.getTime());
    expect(new Date((await property('xmp:ModifyDate'))!).getTime()).toBe(pdf.getModificationDate()?.getTime());
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('has a document /ID of two 16-byte strings in the trailer', async () => {
    const trailer = latin1(bytes.subarray(bytes.length - 400));
    expect(trailer).toMatch(/trailer[\s\S]*\/ID \[ ?<[0-9A-Fa-f]{32}> <[0-9A-Fa-f]{32}> ?\]/);
    const pdf = await open(bytes);
    expect(pdf.context.trailerInfo.ID).toBeDefined();
  });
});

describe('toFacturX: output intent', () => {
  it('has one GTS_PDFA1 output intent whose destination profile is our sRGB ICC profile with 3 components', async () => {
    const { pdf, catalog } = await catalogOf();
    const intents = array(pdf, catalog.get(name('OutputIntents')));
    expect(intents.size()).toBe(1);
    const intent = dict(pdf, intents.get(0));
    expect(intent.get(name('S'))).toBe(name('GTS_PDFA1'));
    expect(text(intent.get(name('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
    const profile = stream(pdf, intent.get(name('DestOutputProfile')));
    expect(profile.dict.get(name('N'))).toEqual(PDFNumber.of(3));
    expect(decoded(profile)).toEqual(srgbIccProfile());
  });
});

describe('toFacturX: the XML as an associated file', () => {
  async function fileSpec(b = bytes) {
    const { pdf, catalog } = await catalogOf(b);
    const af = array(pdf, catalog.get(name('AF')));
    expect(af.size()).toBe(1);
    return { pdf, catalog, ref: af.get(0), spec: dict(pdf, af.get(0)) };
  }

  it('lists the file in the catalog’s /AF array with AFRelationship /Data', async () => {
    const { spec } = await fileSpec();
    expect(spec.get(name('Type'))).toBe(name('Filespec'));
    expect(spec.get(name('AFRelationship'))).toBe(name('Data'));
  });

  it('names it factur-x.xml in /F and /UF and in the /EmbeddedFiles name tree, pointing at the same file specification', async () => {
    const { pdf, catalog, ref, spec } = await fileSpec();
    expect(text(spec.get(name('F')))).toBe('factur-x.xml');
    expect(text(spec.get(name('UF')))).toBe('factur-x.xml');
    const tree = dict(pdf, dict(pdf, catalog.get(name('Names'))).get(name('EmbeddedFiles')));
    const names = array(pdf, tree.get(name('Names')));
    expect(text(names.get(0))).toBe('factur-x.xml');
    expect(names.get(1)).toBe(ref);
  });

  it('embeds exactly the XML given, as text/xml, with its size and modification date', async () => {
    const { pdf, spec } = await fileSpec();
    const file = stream(pdf, dict(pdf, spec.get(name('EF'))).get(name('F')));
    expect(file.dict.get(name('Type'))).toBe(name('EmbeddedFile'));
    expect(file.dict.get(name('Subtype'))).toBe(PDFName.of('text/xml'));
    expect(latin1(bytes)).toContain('/Subtype /text#2Fxml');
    const params = dict(pdf, file.dict.get(name('Params')));
    const expected = new TextEncoder().encode(xml);
    expect(params.get(name('Size'))).toEqual(PDFNumber.of(expected.length));
    expect(text(params.get(name('ModDate')))).toBe('D:20261129000000Z');
    expect(decoded(file)).toEqual(expected);
  });

  it('can declare the relationship Alternative instead', async () => {
    const alt = await toFacturX(renderInvoicePdf(doc, { fonts: testFonts() }), xml, { ...meta, relationship: 'Alternative' });
    const { spec } = await fileSpec(alt);
    expect(spec.get(name('AFRelationship'))).toBe(name(AFRelationship.Alternative));
  });
});

describe('toFacturX: what PDF/A forbids or requires of the content', () => {
  it('embeds every font as a TrueType program (FontFile2) and uses none of the standard 14 unembedded', async () => {
    const pdf = await open(bytes);
    const fonts = objectsOfType(pdf, 'Font');
    const composite = fonts.filter((f) => f.get(name('Subtype')) === name('Type0'));
    expect(composite).toHaveLength(2);
    for (const font of fonts.filter((f) => f.get(name('Subtype')) !== name('Type0'))) {
      expect(font.get(name('Subtype'))).toBe(name('CIDFontType2'));
      expect(font.get(name('CIDToGIDMap'))).toBe(name('Identity'));
      const descriptor = dict(pdf, font.get(name('FontDescriptor')));
      expect(stream(pdf, descriptor.get(name('FontFile2'))).dict.has(name('Length1'))).toBe(true);
    }
    expect(latin1(bytes)).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier|Symbol|ZapfDingbats)/);
  });

  it('has no encryption, no JavaScript and no automatic actions', async () => {
    const pdf = await open(bytes);
    const raw = latin1(bytes);
    expect(pdf.isEncrypted).toBe(false);
    expect(raw).not.toMatch(/\/Encrypt|\/JavaScript|\/JS\b|\/AA\b|\/OpenAction|\/Launch/);
  });

  it('draws nothing that PDF/A-3 forbids: no interpolated images, no transfer functions, no non-standard blend modes', () => {
    const raw = latin1(bytes);
    expect(raw).not.toMatch(/\/Interpolate true|\/TR2? |\/BM \/(?!Normal|Compatible)/);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await toFacturX(renderInvoicePdf(fixtures.short(), { fonts: testFonts(), logo: testLogo() }), xml, facturXMetaOf(fixtures.short()));
    expect(again).toEqual(bytes);
  });
});
