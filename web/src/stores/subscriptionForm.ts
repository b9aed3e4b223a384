import { parseSubscription, ValidationError, type StoredPlan } from '@facturo/core';
import type { CreateSubscriptionBody } from '../api/subscriptions';
import { parseInput } from './fieldInput';

// The new-subscription form (issue 7): what the person picks and types, turned into the body of
// POST /api/v1/subscriptions (and of its preview). core's subscription schema checks the shape on the device,
// naming `items[1].quantity` as the server would; the server alone checks the plans (which exist, which share
// the first one's cadence) and answers with the same field names.

export interface ItemRow {
  planId: string;
  quantity: string;
  /** Empty: the plan's price. */
  unitPrice: string;
}

export interface SubscriptionForm {
  customerId: string;
  start: string;
  items: ItemRow[];
  review: 'issue' | 'draft';
  /** Empty: paid another way than SEPA direct debit. */
  mandateId: string;
}

export function emptySubscriptionForm(today: string): SubscriptionForm {
  return { customerId: '', start: today, items: [{ planId: '', quantity: '1', unitPrice: '' }], review: 'issue', mandateId: '' };
}

const decimal = (raw: string) => String(parseInput('decimal', raw));

/** The request body: decimal commas made points, an empty custom price or mandate left out. */
export function createBodyOf(f: SubscriptionForm): CreateSubscriptionBody {
  return {
    customerId: f.customerId,
    start: f.start,
    items: f.items.map((i) => ({ planId: i.planId, quantity: decimal(i.quantity), ...(i.unitPrice.trim() ? { unitPrice: decimal(i.unitPrice) } : {}) })),
    review: f.review,
    ...(f.mandateId ? { mandateId: f.mandateId } : {}),
  };
}

/** core's check of the body's shape, by field (`customerId`, `items[0].quantity`); empty when it holds. */
export function formErrors(f: SubscriptionForm): Record<string, string> {
  try {
    parseSubscription({ id: 'new', ...createBodyOf(f) });
    return {};
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
}

/** Whether the preview is worth asking for: the shape holds (the server then judges the plans). */
export function previewable(f: SubscriptionForm): boolean {
  return Object.keys(formErrors(f)).length === 0;
}

/** The plans an item may pick: the active ones, and the one it already names even if archived since. */
export function plansFor(plans: readonly StoredPlan[], chosen: string): StoredPlan[] {
  return plans.filter((p) => !p.archived || p.id === chosen);
}

export function addItem(f: SubscriptionForm): SubscriptionForm {
  return { ...f, items: [...f.items, { planId: '', quantity: '1', unitPrice: '' }] };
}

export function removeItem(f: SubscriptionForm, index: number): SubscriptionForm {
  return f.items.length <= 1 ? f : { ...f, items: f.items.filter((_, i) => i !== index) };
}

export function setItem(f: SubscriptionForm, index: number, patch: Partial<ItemRow>): SubscriptionForm {
  return { ...f, items: f.items.map((i, k) => (k === index ? { ...i, ...patch } : i)) };
}

/**
 * Messages after an item is removed: those of later items move up one place, the removed one's go, so a
 * message stays beside the item it is about.
 */
export function shiftItemErrors(errors: Record<string, string>, removed: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    const m = /^items\[(\d+)\](.*)$/.exec(key);
    if (!m) out[key] = message;
    else if (Number(m[1]) < removed) out[key] = message;
    else if (Number(m[1]) > removed) out[`items[${Number(m[1]) - 1}]${m[2] ?? ''}`] = message;
  }
  return out;
}
