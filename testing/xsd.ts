import { readdirSync, readFileSync } from 'node:fs';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

/*
 * Tests only, and kept out of core/ (it reads files with Node). Validation against the standards' own XSDs (../shared/schemas, see its README), offline, with
 * libxml2 compiled to WebAssembly. Paths are relative to the repository root, where tests run.
 */

const schemas = '../shared/schemas';

function folder(dir: string, as: string): XMLFileInfo[] {
  return readdirSync(`${schemas}/${dir}`)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: `${as}/${f}`, contents: readFileSync(`${schemas}/${dir}/${f}`, 'utf8') }));
}

const facturX = folder('factur-x-en16931', 'fx');
const ublCommon = folder('ubl-2.1/common', 'ubl/common');
const ublMain = folder('ubl-2.1/maindoc', 'ubl/maindoc');

function schemaSet(syntax: 'cii' | 'ubl-invoice' | 'ubl-credit-note'): { schema: XMLFileInfo; preload: XMLFileInfo[] } {
  if (syntax === 'cii') return { schema: facturX.find((f) => f.fileName === 'fx/Factur-X_EN16931.xsd')!, preload: facturX };
  const main = syntax === 'ubl-invoice' ? 'ubl/maindoc/UBL-Invoice-2.1.xsd' : 'ubl/maindoc/UBL-CreditNote-2.1.xsd';
  return { schema: ublMain.find((f) => f.fileName === main)!, preload: [...ublCommon, ...ublMain] };
}

export type XsdSyntax = 'cii' | 'ubl-invoice' | 'ubl-credit-note';

/**
 * The XSD errors of each document, by name (an empty list when it is valid). One run validates
 * them all: compiling the UBL schemas is the slow part.
 */
export async function xsdErrors(documents: Record<string, string>, syntax: XsdSyntax): Promise<Record<string, string[]>> {
  const names = Object.keys(documents);
  const xml = names.map((name, i) => ({ fileName: `doc${i}.xml`, contents: documents[name]! }));
  const { schema, preload } = schemaSet(syntax);
  const result = await validateXML({ xml, schema: [schema], preload: preload.filter((f) => f !== schema), maxMemoryPages: 4096 });
  const errors = Object.fromEntries(names.map((name) => [name, [] as string[]]));
  for (const e of result.errors) {
    const name = names[xml.findIndex((x) => x.fileName === e.loc?.fileName)];
    if (name === undefined) throw new Error(`xmllint: ${e.rawMessage}`);
    errors[name]!.push(e.rawMessage);
  }
  if (!result.valid && result.errors.length === 0) throw new Error(`xmllint failed: ${result.rawOutput}`);
  return errors;
}
