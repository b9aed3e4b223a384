/*
 * The XMP metadata packet of a Factur-X PDF/A-3b file: PDF/A identification (ISO 19005-3 §6.6.4),
 * the Dublin Core, XMP and PDF properties that mirror the Info dictionary (§6.6.3: they must agree),
 * and the Factur-X properties with the extension schema that declares them (§6.6.2.3: every property
 * outside the predefined schemas needs one). Property names and namespace: Factur-X 1.0 specification.
 */

export const facturXNamespace = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  creatorTool: string;
  producer: string;
  keywords?: string;
  created: Date;
  facturX: { documentType: string; fileName: string; version: string; conformanceLevel: string };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An instant as XMP writes it: "2026-11-29T00:00:00Z" (UTC, whole seconds, as in the Info dictionary). */
export const xmpDate = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

const facturXProperties: [name: keyof XmpFields['facturX'], xmpName: string, description: string][] = [
  ['fileName', 'DocumentFileName', 'The name of the embedded XML document'],
  ['documentType', 'DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'],
  ['version', 'Version', 'The actual version of the standard applying to the embedded XML document'],
  ['conformanceLevel', 'ConformanceLevel', 'The conformance level of the embedded XML document'],
];

function extensionSchema(): string {
  const properties = facturXProperties
    .map(
      ([, name, description]) => `
              <rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>${name}</pdfaProperty:name>
                <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                <pdfaProperty:category>external</pdfaProperty:category>
                <pdfaProperty:description>${escape(description)}</pdfaProperty:description>
              </rdf:li>`,
    )
    .join('');
  return `
    <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>${facturXNamespace}</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>${properties}
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>`;
}

/** The packet as a string; the caller stores it UTF-8 encoded, unfiltered, as the catalog's /Metadata. */
export function xmpPacket(f: XmpFields): string {
  const date = xmpDate(f.created);
  const fx = facturXProperties.map(([key, name]) => `\n      <fx:${name}>${escape(f.facturX[key])}</fx:${name}>`).join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(f.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${escape(f.author)}</rdf:li></rdf:Seq></dc:creator>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escape(f.subject)}</rdf:li></rdf:Alt></dc:description>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreatorTool>${escape(f.creatorTool)}</xmp:CreatorTool>
      <xmp:CreateDate>${date}</xmp:CreateDate>
      <xmp:ModifyDate>${date}</xmp:ModifyDate>
      <xmp:MetadataDate>${date}</xmp:MetadataDate>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${escape(f.producer)}</pdf:Producer>${f.keywords ? `\n      <pdf:Keywords>${escape(f.keywords)}</pdf:Keywords>` : ''}
    </rdf:Description>${extensionSchema()}
    <rdf:Description rdf:about="" xmlns:fx="${facturXNamespace}">${fx}
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
