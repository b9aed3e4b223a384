import { describe, expect, it } from 'vitest';
import { matrix, sepaMandate } from '../../core/src/documents/fixtures.testing';
import { invoiceEmail } from './invoice-email';

describe('invoiceEmail', () => {
  it('asks for a transfer to the seller’s IBAN when the invoice is not direct-debited', () => {
    const mail = invoiceEmail(matrix['standard-rated invoice with several rates']());
    expect(mail.text).toMatch(/Virement : IBAN FR76/);
    expect(mail.text).not.toMatch(/prélevé/);
  });

  it('says a direct-debited invoice will be collected, under which mandate, showing only the ends of the debtor’s IBAN', () => {
    const doc = matrix['standard-rated invoice with several rates']();
    const mail = invoiceEmail({ ...doc, meta: { ...doc.meta, directDebit: sepaMandate } });
    expect(mail.text).toContain('sera prélevé sur votre compte FR76 •••• 0143 (mandat SEPA BOREAL-2026-0001, créancier FR72ZZZ123456)');
    expect(mail.text).not.toMatch(/Virement|20041010050550000560143/);
  });

  it('gives the pay URL on its own line after the transfer details when there is one', () => {
    const url = 'https://facturo.example/pay/doc_abc.MAC';
    const mail = invoiceEmail(matrix['standard-rated invoice with several rates'](), undefined, { payUrl: url });
    expect(mail.text).toMatch(/Virement : IBAN FR76[^\n]*\nPayer en ligne : https:\/\/facturo\.example\/pay\/doc_abc\.MAC\n/);
    expect(mail.html).toContain(url);
  });

  it('says "Pay online" to an English-speaking customer', () => {
    const doc = matrix['standard-rated invoice with several rates']();
    const mail = invoiceEmail({ ...doc, buyer: { ...doc.buyer, language: 'en' } }, undefined, { payUrl: 'https://facturo.example/pay/x.y' });
    expect(mail.text).toContain('Pay online: https://facturo.example/pay/x.y');
  });

  it('gives no pay URL on a direct-debited invoice, even if one is passed', () => {
    const doc = matrix['standard-rated invoice with several rates']();
    const mail = invoiceEmail({ ...doc, meta: { ...doc.meta, directDebit: sepaMandate } }, undefined, { payUrl: 'https://facturo.example/pay/x.y' });
    expect(mail.text).not.toContain('/pay/');
  });

  it('gives no pay line without a pay URL', () => {
    expect(invoiceEmail(matrix['standard-rated invoice with several rates']()).text).not.toMatch(/en ligne/);
  });
});
