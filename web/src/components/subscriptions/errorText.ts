import { fieldErrorText, t, translate, lang, type MessageKey } from '../../i18n';

// core's messages for plans, subscriptions and mandates (core/src/subscriptions/plan.ts, subscription.ts,
// sepa/mandate.ts) and the server's field messages are English sentences for developers; users read these.
// A message none of them knows is shown as the server worded it rather than as a bare "invalid value".
const messages: [RegExp, MessageKey, ((m: RegExpExecArray) => Record<string, string>)?][] = [
  [/^a description is printed on the invoice$/, 'subErr.description'],
  [/^a price of 0 or more$/, 'subErr.price'],
  [/^a whole number of days$/, 'subErr.wholeDays'],
  [/^a whole number of months$/, 'subErr.wholeMonths'],
  [/^a whole number$/, 'subErr.whole'],
  [/^at least (\d+)$/, 'err.min', (m) => ({ min: m[1] ?? '' })],
  [/^at most (\d+)$/, 'err.max', (m) => ({ max: m[1] ?? '' })],
  [/^choose a plan$/, 'subErr.choosePlan'],
  [/^choose a customer$/, 'subErr.chooseCustomer'],
  [/^a quantity above 0$/, 'subErr.quantity'],
  [/^at least one item$/, 'subErr.oneItem'],
  [/^a date YYYY-MM-DD$/, 'subErr.date'],
  [/^no plan "/, 'subErr.noPlan'],
  [/differs from the subscription's|, the subscription (in|every|\w+-aligned)/, 'subErr.cadence'],
  [/^enter the unique mandate reference/, 'subErr.rumRequired'],
  [/^a mandate reference \(RUM\) has at most 35/, 'subErr.rumLength'],
  [/^only letters without accents, digits, spaces/, 'subErr.rumChars'],
  [/^a mandate reference may not (start or end with|contain)/, 'subErr.rumSlash'],
  [/^enter the debtor's name$/, 'subErr.debtorName'],
  [/^a mandate with the reference \(RUM\) .* already exists/, 'subErr.rumTaken'],
  [/^a mandate cannot be signed in the future/, 'subErr.signedFuture'],
];

/** A field's message for these screens in the user's language; the server's own words when unknown. */
export function subscriptionErrorText(message: string | undefined | null): string | null {
  if (!message) return null;
  for (const [pattern, key, vars] of messages) {
    const m = pattern.exec(message);
    if (m) return t(key, vars?.(m));
  }
  const common = fieldErrorText(message);
  return common === translate(lang(), 'err.invalid') ? message : common;
}
