import { ValidationErrorsBIC, ValidationErrorsIBAN, countrySpecs, electronicFormatIBAN, validateBIC, validateIBAN } from 'ibantools';
import * as jsvat from 'jsvat';

/*
 * Company and bank identifiers as French businesses meet them: SIREN and SIRET (INSEE), the French
 * VAT number, other EU VAT numbers (jsvat), IBAN and BIC (ibantools). Every check returns the
 * normalized form to store, or a message to show next to the field.
 */

export type IdentifierCheck = { ok: true; normalized: string } | { ok: false; message: string };

const ok = (normalized: string): IdentifierCheck => ({ ok: true, normalized });
const fail = (message: string): IdentifierCheck => ({ ok: false, message });

/** What people type around identifiers: spaces (also non-breaking), dots and dashes. */
const compact = (value: unknown): string => (typeof value === 'string' ? value.replace(/[\s.-]/g, '').toUpperCase() : '');

/** Luhn checksum (ISO/IEC 7812), used by INSEE for SIREN and SIRET; integers, not money. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** SIREN: the 9-digit company number given by INSEE, with a Luhn check digit. */
export function checkSiren(value: string): IdentifierCheck {
  const siren = compact(value);
  if (siren === '') return fail('Enter the SIREN: 9 digits, shown on the Kbis or the INSEE "avis de situation".');
  if (!/^\d+$/.test(siren)) return fail('A SIREN has digits only.');
  if (siren.length === 14) return fail('This looks like a SIRET (14 digits); the SIREN is its first 9 digits.');
  if (siren.length !== 9) return fail(`A SIREN has 9 digits; this one has ${siren.length}.`);
  if (!luhnValid(siren)) return fail('This SIREN does not exist: its last digit does not match the others. Check for a typo.');
  return ok(siren);
}

/** La Poste's establishments share one SIREN and use a different check (INSEE). */
const laPosteSiren = '356000000';

/** SIRET: SIREN + 5-digit establishment number (NIC), Luhn-checked as a whole. */
export function checkSiret(value: string): IdentifierCheck {
  const siret = compact(value);
  if (siret === '') return fail('Enter the SIRET: 14 digits, the SIREN followed by the establishment number (NIC).');
  if (!/^\d+$/.test(siret)) return fail('A SIRET has digits only.');
  if (siret.length === 9) return fail('This looks like a SIREN (9 digits); a SIRET adds the 5-digit establishment number (NIC).');
  if (siret.length !== 14) return fail(`A SIRET has 14 digits; this one has ${siret.length}.`);
  const siren = siret.slice(0, 9);
  if (!luhnValid(siren)) return fail('The SIREN part of this SIRET (its first 9 digits) does not exist. Check for a typo.');
  // La Poste: the digits of the SIRET add up to a multiple of 5, except the head office's, Luhn-valid.
  const digitSum = [...siret].reduce((sum, c) => sum + c.charCodeAt(0) - 48, 0);
  const valid = luhnValid(siret) || (siren === laPosteSiren && digitSum % 5 === 0);
  if (!valid) return fail('This SIRET does not exist: its establishment number (NIC) does not match the SIREN. Check for a typo.');
  return ok(siret);
}

/** The numeric key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97, on 2 digits. */
function frenchVatKey(siren: string): string {
  const mod97 = [...siren].reduce((r, c) => (r * 10 + c.charCodeAt(0) - 48) % 97, 0);
  return String((12 + 3 * mod97) % 97).padStart(2, '0');
}

/** The French VAT number of a company from its SIREN, e.g. 732829320 → FR44732829320. */
export function frenchVatNumberOf(siren: string): IdentifierCheck {
  const checked = checkSiren(siren);
  return checked.ok ? ok(`FR${frenchVatKey(checked.normalized)}${checked.normalized}`) : checked;
}

/** French VAT number: FR + 2-character key + SIREN. Keys with letters (older scheme) are not computable. */
export function checkFrenchVatNumber(value: string): IdentifierCheck {
  const vat = compact(value);
  if (vat === '') return fail('Enter the VAT number, e.g. FR44732829320 (FR, a 2-character key, then the SIREN).');
  if (!vat.startsWith('FR')) return fail('A French VAT number starts with FR.');
  if (vat.length !== 13) return fail(`A French VAT number has 13 characters: FR, a 2-character key and the 9-digit SIREN; this one has ${vat.length}.`);
  const key = vat.slice(2, 4);
  const siren = vat.slice(4);
  if (!/^[0-9A-HJ-NP-Z]{2}$/.test(key)) return fail('Characters 3 and 4 of a French VAT number are its key: digits, or letters other than I and O.');
  if (!/^\d{9}$/.test(siren) || !luhnValid(siren)) return fail('The last 9 digits of a French VAT number are the SIREN, and these are not a valid SIREN.');
  const expected = frenchVatKey(siren);
  if (/^\d{2}$/.test(key) && key !== expected) return fail(`The key does not match the SIREN: for SIREN ${siren} the VAT number is FR${expected}${siren}.`);
  return ok(vat);
}

/** The EU member states, by VAT prefix (Greece uses EL). */
const euVatCountries = [
  jsvat.austria, jsvat.belgium, jsvat.bulgaria, jsvat.croatia, jsvat.cyprus, jsvat.czechRepublic, jsvat.denmark,
  jsvat.estonia, jsvat.finland, jsvat.france, jsvat.germany, jsvat.greece, jsvat.hungary, jsvat.ireland, jsvat.italy,
  jsvat.latvia, jsvat.lithuania, jsvat.luxembourg, jsvat.malta, jsvat.netherlands, jsvat.poland, jsvat.portugal,
  jsvat.romania, jsvat.slovakiaRepublic, jsvat.slovenia, jsvat.spain, jsvat.sweden,
]; // prettier-ignore
const euVatPrefixes = new Set(euVatCountries.map((c) => (c === jsvat.greece ? 'EL' : c.codes[0])));

/** Any EU VAT number (intra-community VAT number): French ones checked here, the others by jsvat. */
export function checkVatNumber(value: string): IdentifierCheck {
  const vat = compact(value).replace(/\//g, '');
  if (vat === '') return fail('Enter the VAT number with its country code, e.g. FR44732829320 or DE136695976.');
  const prefix = vat.slice(0, 2);
  if (prefix === 'FR') return checkFrenchVatNumber(vat);
  if (!/^[A-Z]{2}$/.test(prefix)) return fail('A VAT number starts with the 2-letter code of its country, e.g. FR, DE, BE.');
  if (prefix === 'GR') return fail('Greek VAT numbers start with EL, not GR.');
  if (!euVatPrefixes.has(prefix)) return fail(`${prefix} is not an EU member state: only EU VAT numbers (intra-community) can be checked.`);
  const result = jsvat.checkVAT(vat, euVatCountries);
  const country = result.country?.name ?? prefix;
  if (!result.isValidFormat) return fail(`This is not the format of a VAT number from ${country}. Check the number of digits.`);
  if (!result.isValid) return fail(`This VAT number from ${country} does not exist: its check digits do not match. Check for a typo.`);
  return ok(result.value ?? vat);
}

function ibanProblem(code: ValidationErrorsIBAN, iban: string): string {
  const country = iban.slice(0, 2);
  switch (code) {
    case ValidationErrorsIBAN.NoIBANProvided:
      return 'Enter the IBAN, e.g. FR76 3000 6000 0112 3456 7890 189.';
    case ValidationErrorsIBAN.NoIBANCountry:
      return `An IBAN starts with its country code, e.g. FR76…; "${country}" is not one that has IBANs.`;
    case ValidationErrorsIBAN.WrongBBANLength:
      return `An IBAN from ${country} has ${countrySpecs[country]?.chars ?? '?'} characters; this one has ${iban.length}.`;
    case ValidationErrorsIBAN.WrongBBANFormat:
      return `This is not the format of an IBAN from ${country}: check the bank and account parts.`;
    case ValidationErrorsIBAN.WrongAccountBankBranchChecksum:
      return country === 'FR'
        ? 'The RIB key (the last 2 digits) does not match the bank, branch and account numbers. Check for a typo.'
        : 'The national check digits of this IBAN do not match its account number. Check for a typo.';
    default:
      return 'This IBAN does not exist: its check digits (characters 3 and 4) do not match. Check for a typo.';
  }
}

/** IBAN (ISO 13616), including the national check (the RIB key for France); stored without spaces. */
export function checkIban(value: string): IdentifierCheck {
  const iban = electronicFormatIBAN(typeof value === 'string' ? value.replace(/[\s.]/g, '') : '') ?? '';
  // ibantools lists the national check before the IBAN one; report the most basic problem first.
  const code = [...validateIBAN(iban).errorCodes].sort((a, b) => a - b)[0];
  return code === undefined ? ok(iban) : fail(ibanProblem(code, iban));
}

/** BIC (ISO 9362): 8 or 11 characters, bank, country, location and optional branch. */
export function checkBic(value: string): IdentifierCheck {
  const bic = compact(value);
  const code = validateBIC(bic).errorCodes[0];
  if (code === undefined) return ok(bic);
  if (code === ValidationErrorsBIC.NoBICProvided) return fail('Enter the BIC (also called SWIFT code), e.g. BNPAFRPP or BNPAFRPPXXX.');
  if (code === ValidationErrorsBIC.NoBICCountry && bic.length >= 6) return fail(`Characters 5 and 6 of a BIC are its country code; "${bic.slice(4, 6)}" is not one.`);
  return fail('A BIC has 8 or 11 letters and digits: bank (4 letters), country (2 letters), location (2), then an optional branch (3), e.g. BNPAFRPPXXX.');
}
