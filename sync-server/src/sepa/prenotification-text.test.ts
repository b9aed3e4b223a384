import { describe, expect, it } from 'vitest';
import { englishEuros, frenchEuros, prenotificationEmail } from './prenotification-text';

const facts = { amount: '49.9', collectionDate: '2027-01-04', rum: 'RUM-7', creditorId: 'FR72ZZZ123456', invoice: 'F-2026-00042', seller: 'Studio Boréal', ibanLast4: '0189' };

describe('pre-notification text', () => {
  it('writes French amounts with a decimal comma and thin spaces between thousands', () => {
    expect([frenchEuros('5'), frenchEuros('1234.5'), frenchEuros('1234567.891')]).toEqual(['5,00\u00a0€', '1\u202f234,50\u00a0€', '1\u202f234\u202f567,89\u00a0€']);
  });

  it('writes English amounts with the euro sign first and commas between thousands', () => {
    expect([englishEuros('0.5'), englishEuros('1234567')]).toEqual(['€0.50', '€1,234,567.00']);
  });

  it('dates the French notice day/month/year and names the mandate and the creditor', () => {
    const mail = prenotificationEmail({ ...facts, lang: 'fr' });
    expect(mail.subject).toBe('Prélèvement SEPA de 49,90\u00a0€ le 04/01/2027 – facture F-2026-00042');
    expect(mail.text).toContain('Référence unique du mandat (RUM) : RUM-7');
    expect(mail.text).toContain('Identifiant créancier SEPA (ICS) : FR72ZZZ123456');
  });

  it('leaves the creditor identifier line out while the company has none', () => {
    expect(prenotificationEmail({ ...facts, lang: 'en', creditorId: undefined }).text).not.toContain('creditor identifier');
  });
});
