import type { MessageKey, Vars } from '../../i18n';

// core's payment messages (core/src/payments: allocation, refund, fields) and the server's (sync-server payments)
// are English sentences for developers; users read these. The amounts they quote are wire strings ("200.00"):
// `money` shows them as the user writes money.

type Rule = [RegExp, MessageKey, ((m: RegExpExecArray, money: (wire: string) => string) => Vars)?];

const rules: Rule[] = [
  [/is more than what remains of the payment \(([-\d.]+)\)/, 'payErr.overPayment', (m, money) => ({ rest: money(m[1] ?? '') })],
  [/is more than invoice \S+ still owes \(([-\d.]+)\)/, 'payErr.overInvoice', (m, money) => ({ open: money(m[1] ?? '') })],
  [/is more than invoice \S+ was paid \(([-\d.]+)\)/, 'payErr.overRefundInvoice', (m, money) => ({ paid: money(m[1] ?? '') })],
  [/is more than the customer's credit \(([-\d.]+)\)/, 'payErr.overCredit', (m, money) => ({ credit: money(m[1] ?? '') })],
  [/^must be more than zero/, 'payErr.positive'],
  [/is not a decimal amount/, 'payErr.decimal'],
  [/has more decimals than/, 'payErr.decimals'],
  [/is not a date YYYY-MM-DD|^a date YYYY-MM-DD$/, 'payErr.date'],
  [/is not among the customer's open invoices/, 'payErr.notOpen'],
  [/is allocated twice/, 'payErr.twice'],
  [/is another customer's/, 'payErr.otherCustomer'],
  [/^no issued invoice/, 'payErr.notIssued'],
  [/^choose a customer$|^no customer /, 'payErr.customer'],
  [/has no payment to refund/, 'payErr.nothingToRefund'],
  [/^the (payment|refund) is in \w+ but invoice/, 'payErr.currency'],
];

/** The dictionary key (and its values) for a payment message; null when it is none of these. */
export function paymentMessage(message: string, money: (wire: string) => string): { key: MessageKey; vars?: Vars } | null {
  for (const [pattern, key, vars] of rules) {
    const m = pattern.exec(message);
    if (m) return vars ? { key, vars: vars(m, money) } : { key };
  }
  return null;
}
