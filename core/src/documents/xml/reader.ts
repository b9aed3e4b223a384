import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * Reading CII and UBL back: fast-xml-parser turns the document into plain objects (namespace
 * prefixes dropped, every value kept as the string written), and these accessors walk them
 * without caring whether an element occurred once or several times.
 */

export type XmlNode = { readonly [name: string]: unknown };

export class InvoiceXmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvoiceXmlError';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Character references (&#38;, &#x263A;) are XML too; fast-xml-parser decodes them only with this option.
  htmlEntities: true,
});

/** The root element of a well-formed document and its name, one of those expected; or an InvoiceXmlError. */
export function readRoot(xml: string, expected: string[]): { name: string; root: XmlNode } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new InvoiceXmlError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parsed = parser.parse(xml) as XmlNode;
  const name = expected.find((n) => asNode(parsed[n]));
  const root = name === undefined ? undefined : asNode(parsed[name]);
  if (name === undefined || !root) throw new InvoiceXmlError(`the root element is not ${expected.join(' or ')}`);
  return { name, root };
}

function asNode(value: unknown): XmlNode | undefined {
  if (typeof value === 'string') return { '#text': value };
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as XmlNode) : undefined;
}

/** Every child element of that name, in document order. */
export function all(parent: XmlNode | undefined, name: string): XmlNode[] {
  const value = parent?.[name];
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.map(asNode).filter((n): n is XmlNode => n !== undefined);
}

/** The first child element of that name. */
export function one(parent: XmlNode | undefined, name: string): XmlNode | undefined {
  return all(parent, name)[0];
}

/** The node at that path of child names, each step taking the first occurrence. */
export function at(parent: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  return path.reduce<XmlNode | undefined>((n, name) => one(n, name), parent);
}

/** The text of the element at that path, or undefined when it is absent or empty. */
export function text(parent: XmlNode | undefined, ...path: string[]): string | undefined {
  const value = at(parent, ...path)?.['#text'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An attribute of the element at that path. */
export function attribute(parent: XmlNode | undefined, name: string, ...path: string[]): string | undefined {
  const value = at(parent, ...path)?.[`@${name}`];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
