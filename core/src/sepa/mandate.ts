import { z } from 'zod';
import { checkBic, checkIban } from '../identifiers';
import { parseOrThrow } from '../schema/fields';
import { isIsoDate } from './calendar';
import { sepaCharacters } from './charset';

/*
 * A SEPA Core mandate as the creditor keeps it (EPC SDD Core rulebook, DS-01 "the Mandate"): the
 * unique mandate reference (RUM, "référence unique de mandat", AT-01), the date of signature (AT-25),
 * the debtor's name (AT-14) and account (AT-07 IBAN; the BIC AT-13 is optional within SEPA since
 * 2016), and whether it allows recurrent collections or a single one (AT-21).
 */

/** RUM: 1–35 characters of the SEPA set, no leading or trailing '/' and no '//' (EPC implementation guidelines). */
export const rum = z
  .string()
  .trim()
  .min(1, 'enter the unique mandate reference (RUM)')
  .max(35, 'a mandate reference (RUM) has at most 35 characters')
  .regex(sepaCharacters, "only letters without accents, digits, spaces and / - ? : ( ) . , ' + are allowed")
  .refine((v) => !v.startsWith('/') && !v.endsWith('/'), 'a mandate reference may not start or end with "/"')
  .refine((v) => !v.includes('//'), 'a mandate reference may not contain "//"');

export const isoDate = z.string().refine(isIsoDate, 'a date YYYY-MM-DD');

export const ibanCode = z.string().transform((value, ctx) => {
  const checked = checkIban(value);
  if (checked.ok) return checked.normalized;
  ctx.addIssue({ code: 'custom', message: checked.message });
  return z.NEVER;
});

const bicCode = z.string().transform((value, ctx) => {
  const checked = checkBic(value);
  if (checked.ok) return checked.normalized;
  ctx.addIssue({ code: 'custom', message: checked.message });
  return z.NEVER;
});

/** An empty BIC field means "not given", which SEPA allows (the IBAN is enough since 2016). */
export const optionalBic = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), bicCode.optional());

export const mandateType = z.enum(['recurrent', 'one-off']);
export type MandateType = z.infer<typeof mandateType>;

/** `revoked`: cancelled by the debtor or creditor; `lapsed`: 36 months without a collection (see mandateLapsed). */
export const mandateStatus = z.enum(['active', 'revoked', 'lapsed']);
export type MandateStatus = z.infer<typeof mandateStatus>;

export const mandateInput = z.object({
  rum,
  signedOn: isoDate,
  debtorName: z.string().trim().min(1, "enter the debtor's name").max(140),
  iban: ibanCode,
  bic: optionalBic,
  type: mandateType,
  status: mandateStatus.default('active'),
});
export type MandateInput = z.input<typeof mandateInput>;
export type Mandate = z.output<typeof mandateInput>;

/** A mandate from a form or the API; throws ValidationError naming each wrong field (`rum`, `iban`, …). */
export function parseMandate(input: unknown): Mandate {
  return parseOrThrow(mandateInput, input);
}
