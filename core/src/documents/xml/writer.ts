/*
 * A minimal XML writer: elements as data, rendered indented with everything escaped. Both syntaxes
 * build their tree with `leaf` (omitted when its value is absent), `node` (always written) and
 * `group` (omitted when none of its children is), so optional terms need no `if`.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text?: string;
  children: XmlElement[];
}

export type XmlChild = XmlElement | undefined;
type Attributes = Record<string, string | undefined>;

function attributes(attrs: Attributes): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

/** An element holding text; undefined (not written) when the text is absent or empty. */
export function leaf(name: string, value: string | undefined, attrs: Attributes = {}): XmlChild {
  if (value === undefined || value === '') return undefined;
  return { name, attributes: attributes(attrs), text: value, children: [] };
}

/** An element that is always written, even empty (the schema requires it). */
export function node(name: string, children: XmlChild[], attrs: Attributes = {}): XmlElement {
  return { name, attributes: attributes(attrs), children: children.filter((c): c is XmlElement => c !== undefined) };
}

/** An element written only when at least one of its children is. */
export function group(name: string, children: XmlChild[], attrs: Attributes = {}): XmlChild {
  const element = node(name, children, attrs);
  return element.children.length > 0 ? element : undefined;
}

/** XML 1.0 allows tab, newline and the characters from space up, except U+FFFE and U+FFFF, even escaped. */
function allowedInXml(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c === 0x9 || c === 0xa || (c >= 0x20 && c !== 0xfffe && c !== 0xffff);
}

/** Carriage returns become newlines (a reader would do so); forbidden control characters are dropped. */
function escapeText(value: string): string {
  const clean = [...value.replace(/\r\n?/g, '\n')].filter(allowedInXml).join('');
  return clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  // Newlines and tabs in attributes would be normalised to spaces by any reader: keep them as references.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function render(element: XmlElement, depth: number): string {
  const indent = '  '.repeat(depth);
  const attrs = Object.entries(element.attributes).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (element.text !== undefined) return `${indent}<${element.name}${attrs}>${escapeText(element.text)}</${element.name}>`;
  if (element.children.length === 0) return `${indent}<${element.name}${attrs}/>`;
  const inner = element.children.map((c) => render(c, depth + 1)).join('\n');
  return `${indent}<${element.name}${attrs}>\n${inner}\n${indent}</${element.name}>`;
}

/** The document, UTF-8, with its XML declaration. */
export function renderDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, 0)}\n`;
}
