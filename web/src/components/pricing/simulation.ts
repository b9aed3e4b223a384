import { ValidationError, simulate, type PricedLine, type PricingContextInput, type PricingLineInput, type PricingRule, type Product } from '@facturo/core';
import { parseInput } from '../../stores/fieldInput';

// The simulator's inputs as typed, turned into core's context and line; core's simulate prices on the device.

export interface SimulationInput {
  productId: string;
  listPrice: string;
  quantity: string;
  date: string;
  commitment: string;
  segments: string;
  country: string;
  postcode: string;
  region: string;
  revenue: string;
  since: string;
}

export type Simulation = { ok: true; line: PricedLine } | { ok: false; field: string; message: string };

const dec = (raw: string) => String(parseInput('decimal', raw));
const opt = (raw: string) => (raw.trim() === '' ? undefined : raw.trim());
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function simulationContext(i: SimulationInput): PricingContextInput {
  const segments = i.segments.split(',').map((s) => s.trim()).filter(Boolean);
  return compact({
    date: i.date,
    commitmentMonths: i.commitment.trim() === '' ? undefined : Number(i.commitment),
    customer: compact({
      segments,
      country: opt(i.country.toUpperCase()),
      postcode: opt(i.postcode),
      region: opt(i.region),
      revenueLast12Months: i.revenue.trim() === '' ? undefined : dec(i.revenue),
      since: opt(i.since),
    }),
  });
}

export function simulationLine(i: SimulationInput, product: Product | undefined, quantity = i.quantity): PricingLineInput {
  return compact({
    productId: product?.id ?? 'simulation',
    category: product?.category,
    costPrice: product?.costPrice,
    quantity: dec(quantity),
    listUnitPrice: dec(i.listPrice),
  });
}

/** One simulated line, or the first field core refused (named as core names it). */
export function runSimulation(i: SimulationInput, rules: readonly PricingRule[], product: Product | undefined, quantity?: string): Simulation {
  try {
    return { ok: true, line: simulate(simulationContext(i), rules, simulationLine(i, product, quantity)) };
  } catch (e) {
    if (!(e instanceof ValidationError)) return { ok: false, field: '', message: e instanceof Error ? e.message : String(e) };
    const [field, message] = Object.entries(e.fields)[0] ?? ['', ''];
    return { ok: false, field, message };
  }
}

/** Quantities worth charting: 1, each threshold the rules name, the quantity typed; at most 7, increasing. */
export function chartQuantities(rules: readonly PricingRule[], typed: string): string[] {
  const points = new Set<number>([1]); // number-ok: quantities for the chart's x axis, not money
  for (const r of rules) {
    const q = r.conditions.quantity;
    if (q?.min !== undefined) points.add(Number(q.min));
    if (q?.max !== undefined) points.add(Number(q.max) + 1);
    if (r.effect.kind === 'tieredUnitPrice') for (const tier of r.effect.tiers) points.add(Number(tier.minQuantity));
  }
  const typedNumber = Number(dec(typed));
  if (Number.isFinite(typedNumber) && typedNumber > 0) points.add(typedNumber);
  return [...points].filter((n) => Number.isFinite(n) && n > 0).sort((a, b) => a - b).slice(0, 7).map(String);
}
