import { ValidationError, type DunningChannel, type DunningPolicy, type DunningPolicyBook, type DunningTone, type RiskLevel } from '@facturo/core';

// The dunning policy editor's form (issue 8): strings as typed, turned into core's input; DunningPolicyBook.set
// (parseDunningPolicy) stays the only judge, and its ValidationError keys ("steps[1].template.fr.body",
// "appliesTo.amount.max") are shown beside the field of the same path.

export interface StepForm {
  id: string;
  offsetDays: string;
  channel: DunningChannel;
  tone: DunningTone;
  frSubject: string;
  frBody: string;
  enSubject: string;
  enBody: string;
  penalties: boolean;
  assignee: string;
}

export interface PolicyForm {
  name: string;
  isDefault: boolean;
  priority: string;
  /** Comma-separated customer segments (tags). */
  segments: string;
  riskLevels: RiskLevel[];
  amountMin: string;
  amountMax: string;
  currency: string;
  steps: StepForm[];
}

export function emptyStep(id: string, offsetDays = '7'): StepForm {
  return { id, offsetDays, channel: 'email', tone: 'reminder', frSubject: '', frBody: '', enSubject: '', enBody: '', penalties: false, assignee: '' };
}

export function emptyPolicyForm(currency = 'EUR'): PolicyForm {
  return { name: '', isDefault: false, priority: '100', segments: '', riskLevels: [], amountMin: '', amountMax: '', currency, steps: [emptyStep('s1')] };
}

/** A step id no other step of the form uses: s1, s2, … */
export function nextStepId(steps: readonly StepForm[]): string {
  const used = new Set(steps.map((s) => s.id));
  let n = steps.length + 1;
  while (used.has(`s${n}`)) n += 1;
  return `s${n}`;
}

/** A whole number as typed becomes a number; anything else goes as is, for core to name what is wrong. */
const wholeOrRaw = (raw: string): number | string => (/^\s*-?\d+\s*$/.test(raw) ? Number(raw.trim()) : raw);

function textOf(subject: string, body: string) {
  if (!subject.trim() && !body.trim()) return undefined;
  return { ...(subject.trim() ? { subject: subject.trim() } : {}), body };
}

function stepInputOf(s: StepForm) {
  const fr = textOf(s.frSubject, s.frBody);
  const en = textOf(s.enSubject, s.enBody);
  return {
    id: s.id,
    offsetDays: wholeOrRaw(s.offsetDays),
    channel: s.channel,
    tone: s.tone,
    template: { ...(fr ? { fr } : {}), ...(en ? { en } : {}) },
    penalties: s.penalties,
    ...(s.assignee && s.channel !== 'email' ? { assignee: s.assignee } : {}),
  };
}

/** Core's input for the form: rules left empty are left out (the policy then applies to any invoice). */
export function policyInputOf(f: PolicyForm): Record<string, unknown> {
  const segments = f.segments.split(',').map((s) => s.trim()).filter(Boolean);
  const amount = f.amountMin.trim() || f.amountMax.trim()
    ? { ...(f.amountMin.trim() ? { min: f.amountMin.trim().replace(',', '.') } : {}), ...(f.amountMax.trim() ? { max: f.amountMax.trim().replace(',', '.') } : {}), currency: f.currency }
    : undefined;
  const appliesTo = f.isDefault ? {} : { ...(segments.length ? { segments } : {}), ...(f.riskLevels.length ? { riskLevels: f.riskLevels } : {}), ...(amount ? { amount } : {}) };
  return { name: f.name.trim(), isDefault: f.isDefault, priority: wholeOrRaw(f.priority), appliesTo, steps: f.steps.map(stepInputOf) };
}

export function policyFormOf(p: DunningPolicy): PolicyForm {
  return {
    name: p.name,
    isDefault: p.isDefault,
    priority: String(p.priority),
    segments: (p.appliesTo.segments ?? []).join(', '),
    riskLevels: [...(p.appliesTo.riskLevels ?? [])],
    amountMin: p.appliesTo.amount?.min ?? '',
    amountMax: p.appliesTo.amount?.max ?? '',
    currency: p.appliesTo.amount?.currency ?? 'EUR',
    steps: p.steps.map((s) => ({
      id: s.id,
      offsetDays: String(s.offsetDays),
      channel: s.channel,
      tone: s.tone,
      frSubject: s.template.fr?.subject ?? '',
      frBody: s.template.fr?.body ?? '',
      enSubject: s.template.en?.subject ?? '',
      enBody: s.template.en?.body ?? '',
      penalties: s.penalties,
      assignee: s.assignee ?? '',
    })),
  };
}

export type SavePolicyResult = { ok: true; policy: DunningPolicy } | { ok: false; errors: Record<string, string> };

/** Writes the policy to the workspace (offline too), or says which fields core refused and nothing is written. */
export function savePolicy(book: DunningPolicyBook, id: string, form: PolicyForm, at: string, by?: string): SavePolicyResult {
  try {
    return { ok: true, policy: book.set(id, policyInputOf(form), at, by) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, errors: e.fields };
    throw e;
  }
}

/** A step's day counted from the due date: J−3 before it, J+7 after it (D−3, D+7 in English). */
export function offsetLabel(offsetDays: number, lang: 'fr' | 'en'): string {
  const d = lang === 'fr' ? 'J' : 'D';
  return offsetDays === 0 ? d : offsetDays < 0 ? `${d}−${-offsetDays}` : `${d}+${offsetDays}`;
}
