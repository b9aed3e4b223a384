import { checkIban } from '../../identifiers';
import type { Invoice } from '../xml/model';
import { missing, rule, when, type BusinessRule } from './rule';

/*
 * A direct debit (BG-19) states what the bank needs to collect it. EN 16931-1 itself makes none of its
 * terms mandatory: its BR-61 asks for the payee's account on credit transfers (30, 58) only, and says
 * nothing of code 59. The CIUS on top of it do, and we hold our invoices to them, since a SEPA collection
 * without any of the three cannot be made nor checked by the buyer: Peppol's PEPPOL-EN16931-R061 (the
 * mandate reference, BT-89, for direct debits 49 and 59; XRechnung's former BR-DE-29), XRechnung's
 * BR-DE-30 (the bank assigned creditor identifier, BT-90) and BR-DE-31 (the debited account, BT-91),
 * and BR-DE-20 (that account is a valid IBAN for a SEPA direct debit, 59).
 */

/** UNTDID 4461 codes of direct debits: 49 direct debit, 59 SEPA direct debit. */
const directDebitCodes = ['49', '59'];

/** XRechnung's BR-DE-30/31 apply when BG-19 is there; we also hold a bare SEPA direct debit (59) to them. */
const statesDirectDebit = (inv: Invoice) => inv.payment !== undefined && (inv.payment.directDebit !== undefined || inv.payment.meansCode === '59');

export const directDebitRules: BusinessRule[] = [
  rule('PEPPOL-EN16931-R061', (inv) =>
    when(
      inv.payment !== undefined && directDebitCodes.includes(inv.payment.meansCode) && missing(inv.payment.directDebit?.mandateReference),
      'payment.directDebit.mandateReference',
      `a direct debit (${inv.payment?.meansCode}) needs its mandate reference (BT-89) (PEPPOL-EN16931-R061)`,
    ),
  ),
  rule('BR-DE-30', (inv) =>
    when(statesDirectDebit(inv) && missing(inv.payment?.directDebit?.creditorId), 'payment.directDebit.creditorId', 'a direct debit needs the seller’s SEPA creditor identifier (BT-90) (BR-DE-30)'),
  ),
  rule('BR-DE-31', (inv) =>
    when(statesDirectDebit(inv) && missing(inv.payment?.directDebit?.debitedAccount), 'payment.directDebit.debitedAccount', 'a direct debit needs the debited account (BT-91) (BR-DE-31)'),
  ),
  rule('BR-DE-20', (inv) => {
    const account = inv.payment?.meansCode === '59' ? inv.payment.directDebit?.debitedAccount : undefined;
    return when(account !== undefined && !missing(account) && !checkIban(account).ok, 'payment.directDebit.debitedAccount', `the debited account ${account ?? ''} of a SEPA direct debit is not a valid IBAN (BT-91) (BR-DE-20)`);
  }),
];
