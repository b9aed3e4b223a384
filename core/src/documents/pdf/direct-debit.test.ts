import { beforeAll, describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '.';
import { testFonts } from '../../../../testing/fonts';
import { fixtures } from './fixtures.testing';
import { maskIban } from './labels';
import { plain, textOf } from './text.testing';

/* An invoice collected by SEPA direct debit says so where an invoice says how to pay, and asks for no transfer. */

const fonts = testFonts();
const english = { name: 'Uhrwerk AG', language: 'en' as const, address: { line1: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' } };

describe('renderInvoicePdf: an invoice collected by SEPA direct debit', () => {
  let french: string;
  beforeAll(async () => {
    french = await textOf(renderInvoicePdf(fixtures.directDebit(), { fonts }));
  });

  it('states the debit on the due date, the mandate, the creditor identifier and the account debited, masked', () => {
    expect(french).toContain('Réglée par prélèvement SEPA à l’échéance du 31/12/2026 — mandat BOREAL-2026-0001, ICS FR72ZZZ123456, compte débité FR76 •••• •••• •••• •••• 0143');
  });

  it('asks for no transfer: no "virement", no seller IBAN or BIC, no reference to quote', () => {
    expect(french).not.toContain('virement');
    expect(french).not.toContain('IBAN');
    expect(french).not.toContain('BIC');
    expect(french).not.toContain('avec votre paiement');
  });

  it('never prints the debited account in full', () => {
    expect(french.replace(/\s/g, '')).not.toContain('20041010');
  });

  it('says the same in English, with the English date', async () => {
    const text = await textOf(renderInvoicePdf(fixtures.directDebit(english), { fonts }));
    expect(text).toContain('Paid by SEPA direct debit on the due date, 31 December 2026 — mandate BOREAL-2026-0001, creditor identifier FR72ZZZ123456, account debited FR76 •••• •••• •••• •••• 0143');
    expect(text).not.toContain('bank transfer');
  });
});

describe('maskIban', () => {
  it('keeps the country, the check digits and the last four characters of any IBAN, whatever its spacing', () => {
    expect(plain(maskIban('fr76 2004 1010 0505 5000 0560 143'))).toBe('FR76 •••• •••• •••• •••• 0143');
    expect(plain(maskIban('DE89370400440532013000'))).toBe('DE89 •••• •••• •••• •••• 3000');
  });

  it('glues the masked account into one unbreakable piece', () => {
    expect(maskIban('FR7620041010050550000560143')).not.toContain(' ');
  });
});
