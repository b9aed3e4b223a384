import { describe, expect, it } from 'vitest';
import { parsePlan, parseSubscription } from './index';
import { fieldsOf } from '../schema/fields.testing';

const valid = { id: 'pro', name: 'Pro', unitPrice: '49.00', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'anniversary', description: 'Abonnement Pro' };


describe('parsePlan', () => {
  it('fills the defaults: EUR, standard VAT, no trial, no commitment', () => {
    expect(parsePlan(valid)).toMatchObject({ currency: 'EUR', vatCategory: 'S', trialDays: 0, commitmentMonths: 0, minimumTermMonths: 0, tacitRenewal: false });
  });

  it('names each bad field', () => {
    const fields = fieldsOf(() => parsePlan({ ...valid, unitPrice: '49,00', trialDays: 400, frequency: { unit: 'month', every: 0 } }));
    expect(Object.keys(fields).sort()).toEqual(['frequency.every', 'trialDays', 'unitPrice']);
  });

  it('refuses a negative price', () => {
    expect(fieldsOf(() => parsePlan({ ...valid, unitPrice: '-1' }))).toEqual({ unitPrice: 'a price of 0 or more' });
  });
});

describe('parseSubscription', () => {
  it('names the item and change fields', () => {
    const fields = fieldsOf(() => parseSubscription({ id: 's', customerId: 'c', start: '2026-01-15', items: [{ planId: 'pro', quantity: '0' }], changes: [{ at: '15/01/2026', kind: 'quantity' }] }));
    expect(Object.keys(fields).sort()).toEqual(['changes[0].at', 'items[0].quantity']);
  });
});
