import type { IdentifierCheck } from '../identifiers';

/*
 * The SEPA Creditor Identifier (ICS, "identifiant créancier SEPA" in France), EPC262-08 "Creditor
 * Identifier Overview":
 *   positions 1-2  ISO 3166 country code,
 *   positions 3-4  check digits, ISO 7064 MOD 97-10,
 *   positions 5-7  Creditor Business Code, chosen freely by the creditor ("ZZZ" when unused),
 *   positions 8-   the national identifier (up to 28 characters; in France 6 characters, the former
 *                  NNE, so a French ICS has 13 characters: FRkk ZZZ nnnnnn).
 * Check digits, as for an IBAN but leaving out the business code: take the national identifier, append
 * the country code and "00", replace each letter by two digits (A = 10 … Z = 35), take the number
 * modulo 97; the check digits are 98 minus that remainder, on two digits. A CI is valid when the same
 * computation with the real check digits in place of "00" leaves remainder 1.
 */

/** Remainder modulo 97 of the number spelt by the string, letters counting as 10..35 (ISO 7064). */
function mod97(value: string): number {
  let remainder = 0;
  for (const ch of value) {
    const digits = String(Number.parseInt(ch, 36));
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder;
}

/** The two check digits of a CI from its country and national identifier. */
export function creditorIdentifierCheckDigits(country: string, nationalId: string): string {
  return String(98 - mod97(`${nationalId}${country}00`.toUpperCase())).padStart(2, '0');
}

/** National part lengths from the EPC overview for France and Germany; other countries get the general structure only. */
const nationalLength: Record<string, number> = { FR: 6, DE: 11 };

/** SEPA Creditor Identifier: structure and check digits; stored upper case without spaces. */
export function checkCreditorIdentifier(value: string): IdentifierCheck {
  const ci = typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : '';
  if (ci === '') return { ok: false, message: 'Enter the SEPA creditor identifier (ICS), e.g. FR72ZZZ123456, given by your bank.' };
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$/.test(ci)) {
    return { ok: false, message: 'A creditor identifier is a country code, 2 check digits, a 3-character business code (often ZZZ) and the national identifier, e.g. FR72ZZZ123456.' };
  }
  const country = ci.slice(0, 2);
  const national = ci.slice(7);
  const expected = nationalLength[country];
  if (expected !== undefined && national.length !== expected) {
    return { ok: false, message: `A creditor identifier from ${country} has ${expected + 7} characters; this one has ${ci.length}.` };
  }
  if (ci.slice(2, 4) !== creditorIdentifierCheckDigits(country, national)) {
    return { ok: false, message: 'This creditor identifier does not exist: its check digits (characters 3 and 4) do not match. Check for a typo.' };
  }
  return { ok: true, normalized: ci };
}
