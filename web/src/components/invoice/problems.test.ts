import { describe, expect, it } from 'vitest';
import { setLang } from '../../i18n';
import { problemTarget, problemText } from './problems';

describe('issue problems in the user’s words', () => {
  it('says what is missing, with a link to where it is fixed', () => {
    setLang('fr');
    expect(problemText('seller.siren', 'the company’s SIREN is required (settings)')).toBe('Le SIREN de votre entreprise est obligatoire (paramètres).');
    expect(problemTarget('seller.address', { base: '/c/co_1', lineIds: [] })).toEqual({ href: '/c/co_1/settings#field-line1' });
    expect(problemTarget('customer.siren', { base: '/c/co_1', customerId: 'cu_1', lineIds: [] })).toEqual({ href: '/c/co_1/customers/cu_1#field-siren' });
    expect(problemTarget('lines[1].exemptionReason', { base: '/c/co_1', lineIds: ['ln_a', 'ln_b'] })).toEqual({ focusId: 'line-ln_b-exemptionReason' });
  });

  it('explains an identifier that fails its check, and whose it is', () => {
    setLang('fr');
    const siren = 'This SIREN does not exist: its last digit does not match the others. Check for a typo.';
    expect(problemText('customer.siren', siren, { name: 'Boulangerie Martin' })).toBe('Boulangerie Martin : Ce SIREN n’existe pas : son dernier chiffre ne correspond pas aux autres. Vérifiez la saisie.');
    expect(problemText('seller.siren', siren)).toMatch(/^Votre entreprise \(paramètres\) : Ce SIREN n’existe pas/);
    setLang('en');
    expect(problemText('seller.iban', 'This IBAN does not exist: its check digits (characters 3 and 4) do not match. Check for a typo.')).toMatch(/^Your company \(settings\): This IBAN does not exist/);
  });

  it('words the problems of a line by field', () => {
    setLang('fr');
    expect(problemText('lines[0].vatCategory', 'under the franchise (art. 293 B) no VAT is charged: use category E')).toMatch(/franchise en base/);
    expect(problemText('lines[0].exemptionReason', 'category S (Standard rated) takes no exemption reason (EN 16931 BR-S-10)')).toBe('Une ligne soumise à TVA ne porte pas de mention d’exonération.');
  });
});

describe('e-invoicing rules refused at issue', () => {
  it('says in French what to do for the rules a user can meet, and names any other with its explanation', () => {
    expect(problemText('BR-IC-11', 'In an Invoice with a VAT breakdown where the VAT category code is "Intra-community supply" the Actual delivery date (BT-72) … shall not be blank.')).toBe('Livraison intracommunautaire : indiquez la date de livraison (règle BR-IC-11).');
    expect(problemText('precedingIssueDate', 'a credit note must give the date of the invoice it corrects')).toContain('date de la facture qu’il corrige');
    expect(problemText('BR-CO-15', 'Invoice total amount with VAT = … (BT-112)')).toBe('La facture électronique serait refusée (règle BR-CO-15) : Invoice total amount with VAT = … (BT-112)');
  });
});
