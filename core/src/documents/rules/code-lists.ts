import { vatexPattern } from '../../vat-categories';
import type { Identifier, Invoice, PostalAddress } from '../xml/model';
import { rule, when, type BusinessRule, type Finding } from './rule';

/*
 * EN 16931 code list rules (BR-CL-…) on the codes we write: currency, countries, identifier
 * schemes, VAT exemption codes. The VAT category and type code lists are checked by the French
 * rules, whose lists are narrower (BR-FR-04, BR-FR-15).
 */

/** ISO 3166-1 alpha-2, plus the two codes the EN 16931 country code list adds: 1A (Kosovo) and XI (Northern Ireland). */
const countries = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW 1A XI'
  ).split(' '),
);

export const isCountryCode = (code: string): boolean => countries.has(code);

/** The CEF Electronic Address Scheme codes, as the French rules list them (FNFE-MPE schematron, BR-FR-12 function). */
const easCodes = new Set(
  (
    'AN AQ AS AU EM 0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0154 0158 0170 0177 0183 0184 ' +
    '0188 0190 0191 0192 0193 0194 0195 0196 0198 0199 0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 ' +
    '0216 0217 0218 0221 0225 0230 0235 0240 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 ' +
    '9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 ' +
    '9953 9957 9959'
  ).split(' '),
);

/** ISO 6523 ICD codes are four digits; we check the shape, not the (long, growing) list. */
const icdShape = /^\d{4}$/;

function addresses(inv: Invoice): [string, PostalAddress | undefined][] {
  return [
    ['seller.address', inv.seller.address],
    ['buyer.address', inv.buyer.address],
    ['delivery.address', inv.delivery?.address],
  ];
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

function schemes(inv: Invoice, pick: (p: Invoice['seller']) => Identifier[], field: string): { path: string; scheme: string | undefined }[] {
  return (['seller', 'buyer'] as const).flatMap((role) => pick(inv[role]).map((id, i) => ({ path: `${role}.${field}${field === 'identifiers' ? `[${i}]` : ''}.scheme`, scheme: id.scheme })));
}

export const codeListRules: BusinessRule[] = [
  rule('BR-CL-04', (inv) => when(inv.currency !== '' && !currencies.has(inv.currency), 'currency', `${inv.currency} is not an ISO 4217 currency code (EN 16931 BR-CL-04)`)),
  rule('BR-CL-14', (inv): Finding[] =>
    addresses(inv).flatMap(([path, a]) => when(a?.country !== undefined && !isCountryCode(a.country), `${path}.country`, `${a?.country} is not an ISO 3166-1 country code (EN 16931 BR-CL-14)`)),
  ),
  rule('BR-CL-10', (inv) =>
    schemes(inv, (p) => p.identifiers, 'identifiers').flatMap(({ path, scheme }) => when(scheme !== undefined && !icdShape.test(scheme), path, `${scheme} is not an ISO 6523 ICD code (EN 16931 BR-CL-10)`)),
  ),
  rule('BR-CL-11', (inv) =>
    schemes(inv, (p) => (p.legalId ? [p.legalId] : []), 'legalId').flatMap(({ path, scheme }) =>
      when(scheme !== undefined && !icdShape.test(scheme), path, `${scheme} is not an ISO 6523 ICD code (EN 16931 BR-CL-11)`),
    ),
  ),
  rule('BR-CL-22', (inv) =>
    inv.vatBreakdown.flatMap((v, i) =>
      when(v.exemptionCode !== undefined && !vatexPattern.test(v.exemptionCode), `vatBreakdown[${i}].exemptionCode`, `${v.exemptionCode} is not a VATEX code (EN 16931 BR-CL-22)`),
    ),
  ),
  rule('BR-CL-25', (inv) =>
    schemes(inv, (p) => (p.electronicAddress ? [p.electronicAddress] : []), 'electronicAddress').flatMap(({ path, scheme }) =>
      when(scheme !== undefined && !easCodes.has(scheme), path, `${scheme} is not an Electronic Address Scheme code (EN 16931 BR-CL-25)`),
    ),
  ),
];
