import { fieldErrorText, lang, t, translate } from '../../i18n';
import { displayAmount } from '../../stores/fieldInput';
import { paymentMessage } from '../../stores/payments';

/** A field's message on the payment screens in the user's language; the server's own words when unknown. */
export function paymentErrorText(message: string | undefined | null, currency = 'EUR'): string | null {
  if (!message) return null;
  const known = paymentMessage(message, (wire) => displayAmount(wire, currency, lang()));
  if (known) return t(known.key, known.vars);
  const common = fieldErrorText(message);
  return common === translate(lang(), 'err.invalid') ? message : common;
}

/** Why the server refused a queued command: its first field's message, else what it said. */
export function refusalText(fields: Record<string, string>, error: string | null, currency: string): string {
  const first = Object.values(fields)[0];
  if (first) return paymentErrorText(first, currency) ?? first;
  return (error ?? '').replace(/^\d{3} \w+: /, '');
}
