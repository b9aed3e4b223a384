import { fieldErrorText, t, type MessageKey } from '../../i18n';

// core's messages for pricing rules, templates and quote settings are English sentences for developers
// (core/src/pricing/rules.ts, schema/quote-settings.ts, approvals/*); users read these instead.
const messages: [RegExp, MessageKey][] = [
  [/^must not exceed max$/, 'pricingErr.minMax'],
  [/^give min, max or both$/, 'pricingErr.giveBound'],
  [/^at least one value$/, 'pricingErr.atLeastOne'],
  [/^a date YYYY-MM-DD$/, 'pricingErr.date'],
  [/^a month-day MM-DD$/, 'pricingErr.monthDay'],
  [/^must not be negative$/, 'pricingErr.negative'],
  [/^above 100 % needs allowNegative$/, 'pricingErr.over100'],
  [/^tiers must have strictly increasing/, 'pricingErr.tiers'],
  [/^negative needs allowNegative$/, 'pricingErr.negativePrice'],
  [/^(a whole number|an integer)/, 'pricingErr.whole'],
  [/^must not be after to$/, 'pricingErr.fromAfterTo'],
  [/^at least one section$/, 'pricingErr.sections'],
  [/^name at least one user or a role$/, 'pricingErr.approvers'],
  [/^no circuit "/, 'pricingErr.noCircuit'],
  [/^an instant such as/, 'pricingErr.instant'],
  [/^must be after start$/, 'pricingErr.afterStart'],
  [/^someone else$/, 'pricingErr.someoneElse'],
  [/^at least 1 day$/, 'err.min'],
  [/^Too small: expected array to have >=\s*1/, 'pricingErr.atLeastOne'],
];

/** A core message for these screens in the user's language; the app's common messages otherwise. */
export function ruleErrorText(message: string | undefined | null): string | null {
  if (!message) return null;
  for (const [pattern, key] of messages) if (pattern.test(message)) return t(key, { min: 1 });
  return fieldErrorText(message);
}
