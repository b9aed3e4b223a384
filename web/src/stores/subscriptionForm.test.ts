import { describe, expect, it } from 'vitest';
import type { StoredPlan } from '@facturo/core';
import { addItem, createBodyOf, emptySubscriptionForm, formErrors, plansFor, previewable, removeItem, setItem, shiftItemErrors, type SubscriptionForm } from './subscriptionForm';

const filled = (patch: Partial<SubscriptionForm> = {}): SubscriptionForm => ({
  ...emptySubscriptionForm('2027-03-01'),
  customerId: 'cu_1',
  items: [{ planId: 'pl_a', quantity: '2,5', unitPrice: '' }, { planId: 'pl_b', quantity: '1', unitPrice: '19,90' }],
  ...patch,
});

describe('new subscription form', () => {
  it('makes the request body: decimal points, an empty custom price and no mandate left out', () => {
    expect(createBodyOf(filled())).toEqual({
      customerId: 'cu_1',
      start: '2027-03-01',
      items: [{ planId: 'pl_a', quantity: '2.5' }, { planId: 'pl_b', quantity: '1', unitPrice: '19.90' }],
      review: 'issue',
    });
  });

  it('sends the chosen mandate and review mode', () => {
    const body = createBodyOf(filled({ mandateId: 'md_1', review: 'draft' }));
    expect(body.mandateId).toBe('md_1');
    expect(body.review).toBe('draft');
  });

  it("names core's problems by the server's field names", () => {
    const errors = formErrors(filled({ customerId: '', items: [{ planId: '', quantity: '1', unitPrice: '' }, { planId: 'pl_b', quantity: '0', unitPrice: 'abc' }] }));
    expect(Object.keys(errors).sort()).toEqual(['customerId', 'items[0].planId', 'items[1].quantity', 'items[1].unitPrice']);
  });

  it('asks for a preview only once the shape holds', () => {
    const empty = emptySubscriptionForm('2027-03-01');
    expect(previewable(empty)).toBe(false);
    expect(previewable({ ...empty, customerId: 'cu_1' })).toBe(false);
    expect(previewable(setItem({ ...empty, customerId: 'cu_1' }, 0, { planId: 'pl_a' }))).toBe(true);
  });

  it('adds items and never removes the last one', () => {
    const one = emptySubscriptionForm('2027-03-01');
    expect(removeItem(one, 0).items).toHaveLength(1);
    const two = addItem(one);
    expect(two.items).toHaveLength(2);
    expect(removeItem(setItem(two, 1, { planId: 'pl_b' }), 0).items).toEqual([{ planId: 'pl_b', quantity: '1', unitPrice: '' }]);
  });

  it('moves the messages of later items up when an item is removed, and drops the removed one’s', () => {
    const moved = shiftItemErrors({ customerId: 'x', 'items[0].planId': 'a', 'items[1].planId': 'b', 'items[2].quantity': 'c' }, 1);
    expect(moved).toEqual({ customerId: 'x', 'items[0].planId': 'a', 'items[1].quantity': 'c' });
  });

  it('offers active plans, and an archived one only to the item that already names it', () => {
    const plan = (id: string, archived: boolean) => ({ id, archived }) as StoredPlan;
    const all = [plan('pl_a', false), plan('pl_old', true)];
    expect(plansFor(all, '').map((p) => p.id)).toEqual(['pl_a']);
    expect(plansFor(all, 'pl_old').map((p) => p.id)).toEqual(['pl_a', 'pl_old']);
  });
});
