import { type Plans, type Subscription } from '@facturo/core';

/** The subscription's currency and cadence, from its first item's plan (every item shares them: commands.ts checkItems). */
export function ruleOfSubscription(sub: Subscription, plans: Plans): { currency: string } {
  const plan = plans.get(sub.items[0]!.planId);
  if (!plan) throw new Error(`items[0].planId: no plan "${sub.items[0]!.planId}"`);
  return { currency: plan.currency };
}
