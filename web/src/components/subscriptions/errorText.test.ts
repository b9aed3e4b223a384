import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { parseMandate, parseSubscription, PlanBook, ValidationError } from '@facturo/core';
import { setLang } from '../../i18n';
import { subscriptionErrorText } from './errorText';

function fieldsOf(parse: () => unknown): Record<string, string> {
  try {
    parse();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
  }
  throw new Error('expected a ValidationError');
}

const planInput = { name: 'M', description: 'M', unitPrice: '1', vatRate: '20', frequency: { unit: 'month', every: 1 }, timing: 'advance', alignment: 'calendar' };

describe('subscription field messages', () => {
  it("shows each of core's plan, subscription and mandate messages in French, none in core's English", () => {
    setLang('fr');
    const book = new PlanBook(new Y.Doc());
    const messages = [
      ...Object.values(fieldsOf(() => book.set('pl_1', { ...planInput, name: '', description: '', unitPrice: '-1', currency: 'euro', trialDays: 1.5, commitmentMonths: 200, minimumTermMonths: -1, frequency: { unit: 'month', every: 0 } }, 'x'))),
      ...Object.values(fieldsOf(() => book.set('pl_1', { ...planInput, unitPrice: 'abc', trialDays: 400, frequency: { unit: 'month', every: 1.5 } }, 'x'))),
      ...Object.values(fieldsOf(() => parseSubscription({ id: 's', customerId: '', start: '1 mars', items: [{ planId: '', quantity: '0' }] }))),
      ...Object.values(fieldsOf(() => parseSubscription({ id: 's', customerId: 'c', start: '2027-03-01', items: [] }))),
      ...Object.values(fieldsOf(() => parseMandate({ rum: '', signedOn: 'x', debtorName: '', iban: 'FR76', type: 'recurrent' }))),
      ...Object.values(fieldsOf(() => parseMandate({ rum: '/A', signedOn: '2026-12-01', debtorName: 'X', iban: 'FR7630006000011234567890189', type: 'recurrent' }))),
      ...Object.values(fieldsOf(() => parseMandate({ rum: 'é'.repeat(36), signedOn: '2026-12-01', debtorName: 'X', iban: 'FR7630006000011234567890189', type: 'recurrent' }))),
    ];
    expect(messages.length).toBeGreaterThan(15);
    for (const m of messages) {
      const shown = subscriptionErrorText(m);
      expect(shown, m).not.toBe(m);
      expect(shown, m).not.toBe('Valeur invalide.');
    }
  });

  it("names the cadence problem the server reports for an item of another rhythm", () => {
    setLang('fr');
    expect(subscriptionErrorText('billed every 1 week(s), the subscription every 1 month(s)')).toMatch(/même rythme/);
    expect(subscriptionErrorText('currency USD differs from the subscription\'s EUR')).toMatch(/même rythme/);
  });

  it('shows a message it does not know as the server worded it', () => {
    setLang('fr');
    expect(subscriptionErrorText('RUM already used by mandate md_1')).toBe('RUM already used by mandate md_1');
  });
});
