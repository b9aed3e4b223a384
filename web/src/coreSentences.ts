import type { MessageKey } from './i18n';

// core/identifiers and core/numbering explain each problem in a full English sentence, some with values
// ("this one has 8"). The user reads the same sentence in their language: each pattern names the
// dictionary key, and its named groups fill the placeholders.

export const coreSentences: [RegExp, MessageKey][] = [
  [/^Enter the SIREN: /, 'id.sirenEmpty'],
  [/^A SIREN has digits only\.$/, 'id.sirenDigits'],
  [/^This looks like a SIRET \(14 digits\); the SIREN/, 'id.sirenIsSiret'],
  [/^A SIREN has 9 digits; this one has (?<n>\d+)\.$/, 'id.sirenLength'],
  [/^This SIREN does not exist/, 'id.sirenChecksum'],
  [/^Enter the SIRET: /, 'id.siretEmpty'],
  [/^A SIRET has digits only\.$/, 'id.siretDigits'],
  [/^This looks like a SIREN \(9 digits\)/, 'id.siretIsSiren'],
  [/^A SIRET has 14 digits; this one has (?<n>\d+)\.$/, 'id.siretLength'],
  [/^The SIREN part of this SIRET/, 'id.siretSirenPart'],
  [/^This SIRET does not exist/, 'id.siretChecksum'],
  [/^Enter the VAT number/, 'id.vatEmpty'],
  [/^A French VAT number starts with FR\.$/, 'id.vatFrPrefix'],
  [/^A French VAT number has 13 characters.*this one has (?<n>\d+)\.$/, 'id.vatFrLength'],
  [/^Characters 3 and 4 of a French VAT number/, 'id.vatFrKeyChars'],
  [/^The last 9 digits of a French VAT number/, 'id.vatFrSiren'],
  [/^The key does not match the SIREN: for SIREN (?<siren>\d+) the VAT number is (?<vat>\w+)\.$/, 'id.vatFrKey'],
  [/^A VAT number starts with the 2-letter code/, 'id.vatPrefix'],
  [/^Greek VAT numbers start with EL/, 'id.vatGreece'],
  [/^(?<prefix>\w+) is not an EU member state/, 'id.vatNotEu'],
  [/^This is not the format of a VAT number from (?<country>.+)\. Check/, 'id.vatFormat'],
  [/^This VAT number from (?<country>.+) does not exist/, 'id.vatChecksum'],
  [/^Enter the IBAN/, 'id.ibanEmpty'],
  [/^An IBAN starts with its country code, e\.g\. FR76…; "(?<country>.*)" is not one/, 'id.ibanCountry'],
  [/^An IBAN from (?<country>\w+) has (?<chars>[\d?]+) characters; this one has (?<n>\d+)\.$/, 'id.ibanLength'],
  [/^This is not the format of an IBAN from (?<country>\w+)/, 'id.ibanFormat'],
  [/^The RIB key/, 'id.ibanRib'],
  [/^The national check digits of this IBAN/, 'id.ibanNational'],
  [/^This IBAN does not exist/, 'id.ibanChecksum'],
  [/^Enter the BIC/, 'id.bicEmpty'],
  [/^Characters 5 and 6 of a BIC are its country code; "(?<code>.*)" is not one\.$/, 'id.bicCountry'],
  [/^A BIC has 8 or 11 letters and digits/, 'id.bicFormat'],
  // core/sepa/creditor-identifier (the ICS of the company settings)
  [/^Enter the SEPA creditor identifier \(ICS\)/, 'ics.empty'],
  [/^A creditor identifier is a country code/, 'ics.format'],
  [/^A creditor identifier from (?<country>\w+) has (?<chars>\d+) characters; this one has (?<n>\d+)\.$/, 'ics.length'],
  [/^This creditor identifier does not exist/, 'ics.checksum'],
  [/^a format is required/, 'num.required'],
  [/^\{(?<token>[^}]*)\}: the width of \{SEQ:…\}/, 'num.width'],
  [/^unknown token \{(?<token>[^}]*)\}/, 'num.unknownToken'],
  [/^the "\{" at position (?<pos>\d+) is never closed$/, 'num.unclosed'],
  [/^the "\}" at position (?<pos>\d+) closes nothing$/, 'num.unopened'],
  [/^"(?<char>.)" cannot appear in an invoice number/, 'num.badChar'],
  [/^must contain \{SEQ\}/, 'num.noSeq'],
  [/^contains \{SEQ\} more than once$/, 'num.twoSeq'],
  [/^\{MM\} needs \{YYYY\} or \{YY\}/, 'num.monthWithoutYear'],
  [/^makes numbers of (?<n>\d+) characters; the limit is (?<max>\d+)$/, 'num.tooLong'],
  [/^1 to 10 letters or digits$/, 'num.seriesId'],
  [/^A logo is a PNG or JPEG image\.$/, 'logo.type'],
  [/^A logo is at most 100 KB; this one has (?<kb>\d+) KB\.$/, 'logo.tooLarge'],
  [/^This file is not a (?<type>PNG|JPEG) image\.$/, 'logo.content'],
];

/** The key and the values of a core sentence, or null when it is not one of them. */
export function matchCoreSentence(message: string): { key: MessageKey; vars: Record<string, string> } | null {
  for (const [pattern, key] of coreSentences) {
    const m = pattern.exec(message);
    if (m) return { key, vars: { ...(m.groups ?? {}) } };
  }
  return null;
}
