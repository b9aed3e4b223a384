import { parseMandate, ValidationError, type MandateType } from '@facturo/core';
import type { CreateMandateBody } from '../api/sepa';
import { parseInput } from './fieldInput';

// The SEPA mandate form (issue 7): the RUM, signature date, debtor and account as the signed paper says.
// core's parseMandate checks it on the device (IBAN mod 97, BIC, RUM characters) with the field names the
// server's 400 `fields` use, so a message lands beside its input before or after sending.

export interface MandateForm {
  rum: string;
  signedOn: string;
  debtorName: string;
  iban: string;
  bic: string;
  type: MandateType;
}

/**
 * A RUM to suggest: unique per company (the server refuses a duplicate), of the SEPA character set, at most
 * 35 characters (EPC SDD Core AT-01): "RUM-" + the signature day + a random tail, e.g. RUM-20261201-K3F9QZ.
 */
export function suggestRum(signedOn: string, random: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(signedOn) ? signedOn.replaceAll('-', '') : '';
  const tail = random.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 8);
  return ['RUM', day, tail].filter((p) => p !== '').join('-');
}

export function emptyMandateForm(today: string, random: string, debtorName = ''): MandateForm {
  return { rum: suggestRum(today, random), signedOn: today, debtorName, iban: '', bic: '', type: 'recurrent' };
}

/** The request body: IBAN and BIC without spaces, in capitals; an empty BIC left out (optional since 2016). */
export function mandateBodyOf(customerId: string, f: MandateForm): CreateMandateBody {
  const bic = String(parseInput('compact', f.bic));
  return {
    customerId,
    rum: f.rum.trim(),
    signedOn: f.signedOn,
    debtorName: f.debtorName.trim(),
    iban: String(parseInput('compact', f.iban)),
    ...(bic ? { bic } : {}),
    type: f.type,
  };
}

/** core's problems with the form, by field (`rum`, `iban`, …); empty when it holds. */
export function mandateErrors(f: MandateForm): Record<string, string> {
  const { customerId: _c, ...input } = mandateBodyOf('', f);
  try {
    parseMandate(input);
    return {};
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
}

/** The IBAN as lists show it: only its last four characters ("•••• 1234"), never the whole account. */
export function maskedIban(last4: string): string {
  return `•••• ${last4}`;
}
