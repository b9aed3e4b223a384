import { rule, when, type BusinessRule } from './rule';

/*
 * EN 16931-1 rules on the invoicing period (BG-14): it has at least one of its dates (BR-CO-19), and
 * ends no earlier than it starts (BR-29). Dates are the model's ISO YYYY-MM-DD, so they compare as text;
 * a date in another form is left to the syntax's own checks.
 */

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const periodRules: BusinessRule[] = [
  rule('BR-CO-19', (inv) =>
    when(
      inv.invoicingPeriod !== undefined && inv.invoicingPeriod.start === undefined && inv.invoicingPeriod.end === undefined,
      'invoicingPeriod',
      'an invoicing period (BG-14) needs its start date (BT-73), its end date (BT-74) or both (EN 16931 BR-CO-19)',
    ),
  ),
  rule('BR-29', (inv) => {
    const { start, end } = inv.invoicingPeriod ?? {};
    const comparable = start !== undefined && end !== undefined && isoDate.test(start) && isoDate.test(end);
    return when(comparable && end < start, 'invoicingPeriod.end', `the invoicing period ends (BT-74 ${end ?? ''}) before it starts (BT-73 ${start ?? ''}) (EN 16931 BR-29)`);
  }),
];
