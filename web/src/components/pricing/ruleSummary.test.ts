import { describe, expect, it } from 'vitest';
import { parsePricingRule } from '@facturo/core';
import { ruleSummary } from './ruleSummary';

const rule = (input: object) => parsePricingRule({ id: 'r', name: 'R', priority: 1, ...input });

describe('rule summary', () => {
  it('says a volume discount in French words', () => {
    expect(ruleSummary(rule({ conditions: { quantity: { min: '100' } }, effect: { kind: 'percentOff', percent: '8' } }), 'EUR', 'fr')).toBe('−8 % si quantité ≥ 100');
  });

  it('says it in English with a decimal point', () => {
    expect(ruleSummary(rule({ conditions: { quantity: { min: '2.5' } }, effect: { kind: 'percentOff', percent: '7.5' } }), 'EUR', 'en')).toBe('−7.5 % if quantity ≥ 2.5');
  });

  it('joins several conditions and names products', () => {
    const r = rule({ conditions: { commitmentMonths: { min: 12 }, productIds: ['pr_1'] }, effect: { kind: 'amountOffPerUnit', amount: '5' } });
    expect(ruleSummary(r, 'EUR', 'fr', () => 'Maintenance')).toBe('−5,00\u00a0€ par unité si engagement ≥ 12 mois et produit Maintenance');
  });

  it('says a rule without conditions applies to every line', () => {
    expect(ruleSummary(rule({ effect: { kind: 'marginFloor', percent: '30' } }), 'EUR', 'fr')).toBe('marge minimale 30 % sur toutes les lignes');
  });
});
