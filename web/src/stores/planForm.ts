import { ValidationError, type Frequency, type Plan, type PlanBook, type PlanInput } from '@facturo/core';
import { parseInput } from './fieldInput';

// The plan editor's state (issue 7): what the person types, turned into core's PlanInput and back. core
// (PlanBook.set → parsePlan) stays the only judge of a plan; its ValidationError keys (`unitPrice`,
// `frequency.every`) are the form's field names, so each message lands beside its input.

/** How often, as a person chooses it; "every N" asks for N. */
export const cadences = ['weekly', 'monthly', 'quarterly', 'yearly', 'everyMonths', 'everyWeeks'] as const;
export type Cadence = (typeof cadences)[number];

export interface PlanForm {
  name: string;
  description: string;
  unitPrice: string;
  vatRate: string;
  vatCategory: string;
  currency: string;
  unit: string;
  cadence: Cadence;
  /** N of "every N months/weeks"; ignored for the named cadences. */
  every: string;
  timing: 'advance' | 'arrears';
  alignment: 'anniversary' | 'calendar';
  trialDays: string;
  commitmentMonths: string;
  tacitRenewal: boolean;
  minimumTermMonths: string;
}

export function emptyPlanForm(currency = 'EUR'): PlanForm {
  return {
    name: '', description: '', unitPrice: '', vatRate: '20', vatCategory: 'S', currency, unit: '',
    cadence: 'monthly', every: '2', timing: 'advance', alignment: 'calendar',
    trialDays: '0', commitmentMonths: '0', tacitRenewal: false, minimumTermMonths: '0',
  };
}

/** A whole number, or NaN so that core names the field ("a whole number of days"). */
const whole = (raw: string): number => {
  const v = parseInput('integer', raw);
  return v === '' ? 0 : (v as number);
};

export function frequencyOf(cadence: Cadence, every: string): Frequency {
  switch (cadence) {
    case 'weekly':
      return { unit: 'week', every: 1 };
    case 'monthly':
      return { unit: 'month', every: 1 };
    case 'quarterly':
      return { unit: 'month', every: 3 };
    case 'yearly':
      return { unit: 'month', every: 12 };
    case 'everyMonths':
      return { unit: 'month', every: whole(every) };
    case 'everyWeeks':
      return { unit: 'week', every: whole(every) };
  }
}

/** The cadence a frequency reads as: 3 months is "quarterly", 2 months "every 2 months". */
export function cadenceOf(f: Frequency): { cadence: Cadence; every: string } {
  if (f.unit === 'week') return f.every === 1 ? { cadence: 'weekly', every: '2' } : { cadence: 'everyWeeks', every: String(f.every) };
  const named: Record<number, Cadence> = { 1: 'monthly', 3: 'quarterly', 12: 'yearly' };
  const cadence = named[f.every];
  return cadence ? { cadence, every: '2' } : { cadence: 'everyMonths', every: String(f.every) };
}

/** The plan input core validates: only what the form shows. */
export function planInputOf(f: PlanForm): Omit<PlanInput, 'id'> {
  const unit = f.unit.trim();
  return {
    name: f.name.trim(),
    description: f.description.trim(),
    unitPrice: String(parseInput('decimal', f.unitPrice)),
    vatRate: String(parseInput('decimal', f.vatRate)),
    vatCategory: f.vatCategory as PlanInput['vatCategory'],
    currency: String(parseInput('code', f.currency)),
    frequency: frequencyOf(f.cadence, f.every),
    timing: f.timing,
    alignment: f.alignment,
    trialDays: whole(f.trialDays),
    commitmentMonths: whole(f.commitmentMonths),
    // Tacit renewal renews a commitment: without one there is nothing to renew.
    tacitRenewal: f.tacitRenewal && whole(f.commitmentMonths) > 0,
    minimumTermMonths: whole(f.minimumTermMonths),
    ...(unit ? { unit } : {}),
  };
}

const frComma = (v: string, fr: boolean) => (fr ? v.replace('.', ',') : v);

/** A stored plan as the form shows it (decimal comma in French). */
export function planFormOf(plan: Plan, lang: 'fr' | 'en' = 'fr'): PlanForm {
  const fr = lang === 'fr';
  return {
    ...emptyPlanForm(plan.currency),
    name: plan.name, description: plan.description, unitPrice: frComma(plan.unitPrice, fr), vatRate: frComma(plan.vatRate, fr),
    vatCategory: plan.vatCategory, unit: plan.unit ?? '', ...cadenceOf(plan.frequency), timing: plan.timing, alignment: plan.alignment,
    trialDays: String(plan.trialDays), commitmentMonths: String(plan.commitmentMonths), tacitRenewal: plan.tacitRenewal,
    minimumTermMonths: String(plan.minimumTermMonths),
  };
}

export type SavePlanResult = { ok: true; plan: Plan } | { ok: false; errors: Record<string, string> };

/** Checks the form with core and writes the plan into the workspace document (offline too). */
export function savePlan(book: PlanBook, id: string, form: PlanForm, at: string, by?: string): SavePlanResult {
  try {
    return { ok: true, plan: book.set(id, planInputOf(form), at, by) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.fields };
    throw e;
  }
}

/** The form fields a core error key belongs to, to clear its message when one of them changes. */
export function fieldsOfError(key: string): (keyof PlanForm)[] {
  if (key.startsWith('frequency')) return ['cadence', 'every'];
  return [key as keyof PlanForm];
}

/** "Chaque mois", "Tous les 2 mois": the dictionary key and its count, for lists and summaries. */
export function frequencyWords(f: Frequency): { key: 'freq.weekly' | 'freq.monthly' | 'freq.quarterly' | 'freq.yearly' | 'freq.everyMonths' | 'freq.everyWeeks'; n: number } {
  const { cadence } = cadenceOf(f);
  return { key: `freq.${cadence}`, n: f.every };
}
