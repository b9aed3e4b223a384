/*
 * The SEPA character set: the EPC implementation guidelines limit pain.008 texts to the Latin
 * characters a-z A-Z 0-9 / - ? : ( ) . , ' + and space; banks may reject anything else. Identifiers
 * (mandate reference, message and end-to-end ids) may further not start or end with '/' nor contain '//'.
 */

export const sepaCharacters = /^[A-Za-z0-9/?:().,'+ -]*$/;

/** Letters that do not decompose into a base letter plus accents. */
const ligatures: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', þ: 'th', Þ: 'TH',
  '&': '+', '’': "'", '‘': "'", '«': "'", '»': "'", '"': "'", '–': '-', '—': '-', _: '-', ';': ',', '!': '.',
}; // prettier-ignore

/** Reduces a text to the SEPA set: accents dropped (é → e), ligatures spelled out, anything else a space. */
export function toSepaText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, (ch) => ligatures[ch] ?? ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Cuts to a schema maximum, by characters (all SEPA characters are single code units). */
export function cut(value: string, max: number): string {
  return value.length <= max ? value : value.slice(0, max).trimEnd();
}

/** An identifier in the SEPA set, without leading, trailing or doubled '/'. */
export function toSepaIdentifier(value: string, max: number): string {
  const text = toSepaText(value).replace(/\/{2,}/g, '/');
  return cut(text, max).replace(/^\/+|\/+$/g, '');
}
