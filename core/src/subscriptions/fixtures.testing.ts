import { parsePlan, type Plan, type PlanInput, type Plans } from './plan';
import { parseSubscription, type Subscription, type SubscriptionInput } from './subscription';

export const pro = (over: Partial<PlanInput> = {}): Plan =>
  parsePlan({
    id: 'pro',
    name: 'Pro',
    unitPrice: '49.00',
    vatRate: '20',
    currency: 'EUR',
    frequency: { unit: 'month', every: 1 },
    timing: 'advance',
    alignment: 'anniversary',
    description: 'Abonnement Pro',
    ...over,
  });

export const plansOf = (...plans: Plan[]): Plans => new Map(plans.map((p) => [p.id, p]));

export const subscription = (over: Partial<SubscriptionInput> = {}): Subscription =>
  parseSubscription({ id: 's1', customerId: 'c1', start: '2026-01-15', items: [{ planId: 'pro', quantity: '1' }], ...over });
