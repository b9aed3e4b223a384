import type { Identifier, Invoice, InvoiceParty } from '../xml/model';
import { missing, rule, when, type BusinessRule } from './rule';

/*
 * EN 16931-1 rules on the document, its parties and its payment: what must be there (BR-01 …
 * BR-16, BR-49, BR-50, BR-55, BR-57, BR-61 … BR-63). Rules on terms we never emit (payee, tax
 * representative, card payments, item identifiers) are left out; the invoicing period has period.ts.
 */

const required = (id: string, path: string, term: string, value: (inv: Invoice) => string | undefined): BusinessRule =>
  rule(id, (inv) => when(missing(value(inv)), path, `${term} is missing (EN 16931 ${id})`));

const hasAddress = (p: InvoiceParty) => p.address !== undefined && Object.keys(p.address).length > 0;

/** BR-62, BR-63: an electronic address is meaningless without the scheme saying what it is. */
const addressScheme = (id: string, path: string, term: string, address: (inv: Invoice) => Identifier | undefined): BusinessRule =>
  rule(id, (inv) => {
    const a = address(inv);
    return when(a !== undefined && missing(a.scheme), path, `${term} has no scheme identifier (EN 16931 ${id})`);
  });

/** UNTDID 4461 codes of credit transfers, whose account BR-61 requires. */
const creditTransferCodes = ['30', '58'];

export const presenceRules: BusinessRule[] = [
  required('BR-01', 'specification', 'the specification identifier (BT-24)', (inv) => inv.specification),
  required('BR-02', 'number', 'the invoice number (BT-1)', (inv) => inv.number),
  required('BR-03', 'issueDate', 'the issue date (BT-2)', (inv) => inv.issueDate),
  required('BR-04', 'typeCode', 'the invoice type code (BT-3)', (inv) => inv.typeCode),
  required('BR-05', 'currency', 'the invoice currency code (BT-5)', (inv) => inv.currency),
  required('BR-06', 'seller.name', 'the seller’s name (BT-27)', (inv) => inv.seller.name),
  required('BR-07', 'buyer.name', 'the buyer’s name (BT-44)', (inv) => inv.buyer.name),
  rule('BR-08', (inv) => when(!hasAddress(inv.seller), 'seller.address', 'the seller’s postal address (BG-5) is missing (EN 16931 BR-08)')),
  required('BR-09', 'seller.address.country', 'the seller’s country code (BT-40)', (inv) => inv.seller.address?.country),
  rule('BR-10', (inv) => when(!hasAddress(inv.buyer), 'buyer.address', 'the buyer’s postal address (BG-8) is missing (EN 16931 BR-10)')),
  required('BR-11', 'buyer.address.country', 'the buyer’s country code (BT-55)', (inv) => inv.buyer.address?.country),
  required('BR-12', 'totals.lineNet', 'the sum of line net amounts (BT-106)', (inv) => inv.totals.lineNet),
  required('BR-13', 'totals.withoutVat', 'the total without VAT (BT-109)', (inv) => inv.totals.withoutVat),
  required('BR-14', 'totals.withVat', 'the total with VAT (BT-112)', (inv) => inv.totals.withVat),
  required('BR-15', 'totals.due', 'the amount due for payment (BT-115)', (inv) => inv.totals.due),
  rule('BR-16', (inv) => when(inv.lines.length === 0, 'lines', 'an invoice has at least one line (BG-25) (EN 16931 BR-16)')),
  rule('BR-49', (inv) => when(inv.payment !== undefined && missing(inv.payment.meansCode), 'payment.meansCode', 'payment instructions need a payment means code (BT-81) (EN 16931 BR-49)')),
  rule('BR-50', (inv) =>
    when(inv.payment?.account !== undefined && missing(inv.payment.account.iban), 'payment.account.iban', 'credit transfer details need the payee’s account identifier (BT-84) (EN 16931 BR-50)'),
  ),
  rule('BR-55', (inv) =>
    inv.precedingInvoices.flatMap((p, i) => when(missing(p.number), `precedingInvoices[${i}].number`, 'a preceding invoice reference needs its number (BT-25) (EN 16931 BR-55)')),
  ),
  rule('BR-57', (inv) =>
    when(inv.delivery?.address !== undefined && missing(inv.delivery.address.country), 'delivery.address.country', 'the deliver-to address needs its country code (BT-80) (EN 16931 BR-57)'),
  ),
  rule('BR-61', (inv) =>
    when(
      inv.payment !== undefined && creditTransferCodes.includes(inv.payment.meansCode) && missing(inv.payment.account?.iban),
      'payment.account.iban',
      `payment by credit transfer (${inv.payment?.meansCode}) needs the payee’s account identifier (BT-84) (EN 16931 BR-61)`,
    ),
  ),
  addressScheme('BR-62', 'seller.electronicAddress.scheme', 'the seller’s electronic address (BT-34)', (inv) => inv.seller.electronicAddress),
  addressScheme('BR-63', 'buyer.electronicAddress.scheme', 'the buyer’s electronic address (BT-49)', (inv) => inv.buyer.electronicAddress),
];
