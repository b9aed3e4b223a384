// What the user types, turned into the value the workspace schema expects, and back for display.
// Input conventions only (spaces, decimal comma, capitals); the rules themselves stay in core's schema.

export type InputKind = 'text' | 'compact' | 'code' | 'decimal' | 'integer' | 'boolean';

/** The parsed value; '' means "cleared". */
export type FieldValue = string | number | boolean;

export function parseInput(kind: InputKind, raw: string): FieldValue {
  const s = raw.trim();
  switch (kind) {
    case 'text':
      return raw;
    case 'compact': // SIREN, SIRET, IBAN, BIC, VAT number: typed with spaces, stored without
      return s.replace(/[\s.-]/g, '').toUpperCase();
    case 'code': // ISO codes: FR, EUR
      return s.toUpperCase();
    case 'decimal': // "1 250,50" -> "1250.50"
      return s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    case 'integer':
      return s === '' ? '' : /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
    case 'boolean': // a checkbox: "true" / "false"
      return s === 'true';
  }
}

/** How a stored value shows in an input: a decimal comma in French. */
export function displayValue(kind: InputKind, value: string | number | boolean | undefined, lang: 'fr' | 'en'): string {
  if (kind === 'boolean') return value === true ? 'true' : 'false';
  if (value === undefined || typeof value === 'boolean') return '';
  const s = String(value);
  return kind === 'decimal' && lang === 'fr' ? s.replace('.', ',') : s;
}

const symbols: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

/**
 * An amount as people read it: "1 250,50 €" in French, "€1,250.50" in English. Takes the wire string
 * already rounded by core (formatAmount) and only regroups its digits.
 */
export function displayAmount(wire: string, currency: string, lang: 'fr' | 'en'): string {
  const [int = '', frac] = wire.split('.');
  const negative = int.startsWith('-');
  const grouped = (negative ? int.slice(1) : int).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  const n = (negative ? '-' : '') + grouped + (frac === undefined ? '' : (lang === 'fr' ? ',' : '.') + frac);
  const symbol = symbols[currency];
  if (lang === 'fr') return `${n}\u00a0${symbol ?? currency}`;
  return symbol ? `${negative ? '-' : ''}${symbol}${n.replace(/^-/, '')}` : `${n} ${currency}`;
}

/** A unit price as written ("650", "12.5") shown with its cents at least ("650,00 €"); extra decimals kept. */
export function displayPrice(wire: string, currency: string, lang: 'fr' | 'en'): string {
  const [int = '', frac = ''] = wire.split('.');
  return displayAmount(`${int}.${frac.padEnd(2, '0')}`, currency, lang);
}
