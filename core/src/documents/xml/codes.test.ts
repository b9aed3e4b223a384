import { describe, expect, it } from 'vitest';
import { documentTypeCode } from './codes';
import { unitCode } from './units';

describe('document type codes (BT-3)', () => {
  it('codes invoices 380, credit notes 381 and deposit invoices 386', () => {
    expect([documentTypeCode('invoice'), documentTypeCode('credit_note'), documentTypeCode('deposit_invoice')]).toEqual(['380', '381', '386']);
  });
});

describe('unitCode (BT-130)', () => {
  it('codes the units people type, in French or English, singular or plural', () => {
    expect(['heures', 'h', 'Jour', 'jours', 'mois', 'kg', 'm²', 'pièces', 'Unité'].map(unitCode)).toEqual(['HUR', 'HUR', 'DAY', 'DAY', 'MON', 'KGM', 'MTK', 'H87', 'C62']);
  });

  it('keeps a Recommendation 20 code given as such, and counts anything else in units', () => {
    expect([unitCode('KGM'), unitCode('carton'), unitCode(undefined)]).toEqual(['KGM', 'C62', 'C62']);
  });
});
