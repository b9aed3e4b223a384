import { expect } from 'vitest';
import type { FrozenDocument } from '../../issuing';
import { documentTypeCode, type Invoice } from '.';

// Kept apart from the fixtures, which scripts (benchmarks) import outside Vitest.

/** What an e-invoice read back must say of its frozen document: numbers, dates, parties, lines, VAT, totals. */
export function expectSameAsFrozen(read: Invoice, doc: FrozenDocument): void {
  const { seller, buyer, totals } = doc;
  expect(read).toMatchObject({ number: doc.number, issueDate: doc.issueDate, typeCode: documentTypeCode(doc.kind), currency: doc.currency });
  expect(read.dueDate).toBe(doc.kind === 'credit_note' ? undefined : doc.dueDate);
  expect(read.purchaseOrder).toBe(doc.meta.purchaseOrderRef);
  expect(read.seller).toMatchObject({ name: seller.legalName, legalId: { id: seller.siren, scheme: '0002' }, electronicAddress: { id: seller.siren, scheme: '0225' } });
  expect(read.seller.vatId).toBe(seller.vatNumber);
  expect(read.seller.address).toEqual({ line1: seller.line1, line2: seller.line2, postcode: seller.postcode, city: seller.city, country: seller.country });
  expect(read.buyer.name).toBe(buyer.name);
  expect(read.buyer.legalId?.id).toBe(buyer.kind === 'company' && buyer.country === 'FR' ? buyer.siren : undefined);
  expect(read.buyer.vatId).toBe(buyer.vatNumber);
  expect(read.buyer.address).toEqual({ line1: buyer.line1, line2: buyer.line2, postcode: buyer.postcode, city: buyer.city, country: buyer.country });
  expect(read.delivery?.date).toBe(doc.meta.deliveryDate);
  expect(read.invoicingPeriod).toEqual(doc.invoicingPeriod);
  expect(read.delivery?.address?.line1).toBe(buyer.deliveryLine1);
  const debit = doc.meta.directDebit;
  expect(read.payment?.directDebit).toEqual(debit && { mandateReference: debit.mandateReference, creditorId: debit.creditorId, debitedAccount: debit.debitedIban });
  expect(read.lines).toHaveLength(doc.lines.length);
  doc.lines.forEach((line, i) => {
    const amounts = totals.lines[i]!;
    const got = read.lines[i]!;
    expect(got).toMatchObject({ quantity: line.quantity, netPrice: line.unitPrice, netAmount: amounts.netAmount, vatCategory: line.vatCategory });
    expect(got.vatRate).toBe(amounts.vatRate);
    expect(got.description ?? got.name).toBe(line.description);
    expect(got.allowances.map((a) => [a.percent, a.amount])).toEqual(amounts.discount ? [[line.discountPercent, amounts.discount.amount]] : []);
  });
  expect(read.vatBreakdown).toEqual(
    totals.vatBreakdown.map((v) => ({ category: v.vatCategory, rate: v.vatRate, taxableAmount: v.taxableAmount, taxAmount: v.taxAmount, exemptionReason: v.exemptionReason, exemptionCode: v.exemptionCode })),
  );
  expect(read.allowances.map((a) => a.amount)).toEqual(totals.allowances.map((a) => a.amount));
  expect(read.charges.map((c) => c.amount)).toEqual(totals.charges.map((c) => c.amount));
  expect(read.totals).toMatchObject({ lineNet: totals.lineNetTotal, withoutVat: totals.totalWithoutVat, vat: totals.vatTotal, withVat: totals.totalWithVat, due: totals.amountDue });
  expect(read.totals.allowances ?? '0.00').toBe(totals.allowanceTotal);
  expect(read.totals.charges ?? '0.00').toBe(totals.chargeTotal);
  expect(read.totals.paid ?? '0.00').toBe(totals.paidAmount);
  expect(read.precedingInvoices.slice(0, doc.meta.precedingNumber ? 1 : 0)).toEqual(
    doc.meta.precedingNumber ? [{ number: doc.meta.precedingNumber, issueDate: doc.meta.precedingIssueDate }] : [],
  );
}
