import { render, textBlockData, type TextBlockContext } from '../text-template';
import { daysBetween } from '../periods/dates';
import type { DunningStep } from './policy';

/*
 * A step's text for one invoice, rendered with text-template's engine (no code runs; an unknown variable names
 * itself). The dunning variables are written here in both languages. Penalties: a business customer owes the
 * late-payment penalties of the invoice's terms from the day after the due date and a fixed €40 recovery
 * indemnity (C. com. L441-10 and D441-5); a consumer owes interest at the statutory rate from the formal notice
 * (C. civ. art. 1231-6), and no indemnity.
 */

export type Language = 'fr' | 'en';

export interface RenderedStep {
  language: Language;
  subject?: string;
  body: string;
}

export interface StepRenderContext {
  language: Language;
  customerKind: 'company' | 'individual';
  seller: TextBlockContext['seller'];
  customer: { name?: string; email?: string; city?: string };
  invoice: { number: string; dueDate: string; currency: string; total: string; open: string; paymentLink?: string };
  custom: Readonly<Record<string, string>>;
  daysLate: number; // number-ok: days
}

const payOnline = { fr: (url: string) => `Vous pouvez la régler en ligne : ${url}`, en: (url: string) => `You can pay it online: ${url}` };

const penaltyTerms = {
  company: {
    fr: 'Conformément à l’article L441-10 du Code de commerce, cette somme porte, depuis sa date d’échéance, des pénalités de retard au taux prévu par nos conditions de paiement, et une indemnité forfaitaire pour frais de recouvrement de 40 € est due (article D441-5).',
    en: 'Under article L441-10 of the French Commercial Code, this sum bears late-payment penalties at the rate set in our payment terms from its due date, and a fixed recovery indemnity of €40 is owed (article D441-5).',
  },
  individual: {
    fr: 'Conformément à l’article 1231-6 du Code civil, cette somme porte intérêt au taux légal à compter de la présente mise en demeure.',
    en: 'Under article 1231-6 of the French Civil Code, this sum bears interest at the statutory rate from the date of this formal notice.',
  },
};

/** The template in the wanted language, else in the other one (a policy may be written in French only). */
export function pickTemplate(step: DunningStep, wanted: Language): { language: Language; text: { subject?: string; body: string } } {
  const other: Language = wanted === 'fr' ? 'en' : 'fr';
  const text = step.template[wanted];
  if (text) return { language: wanted, text };
  return { language: other, text: step.template[other]! };
}

export function renderStep(step: DunningStep, ctx: StepRenderContext): RenderedStep {
  const { language, text } = pickTemplate(step, ctx.language);
  const inv = ctx.invoice;
  const data = textBlockData({
    language, seller: ctx.seller, custom: ctx.custom,
    customer: { name: ctx.customer.name ?? '', ...(ctx.customer.email ? { email: ctx.customer.email } : {}), ...(ctx.customer.city ? { city: ctx.customer.city } : {}) },
    invoice: { number: inv.number, dueDate: inv.dueDate, currency: inv.currency, totals: { totalWithVat: inv.total, totalWithoutVat: inv.total, amountDue: inv.open } },
  });
  data.dunning = {
    daysLate: String(Math.max(0, ctx.daysLate)),
    payOnline: inv.paymentLink ? payOnline[language](inv.paymentLink) : '',
    penaltyTerms: step.penalties ? penaltyTerms[ctx.customerKind][language] : '',
  };
  // An empty variable (no payment link) must not leave a hole of blank lines in the letter.
  const tidy = (s: string) => s.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { language, ...(text.subject ? { subject: tidy(render(text.subject, data)) } : {}), body: tidy(render(text.body, data)) };
}

/** What a step says for one invoice on `today`: the words the pass sends, and the script a task shows a person. */
export interface StepTextInput {
  customer: { kind: 'company' | 'individual'; language: Language; name?: string; email?: string; city?: string };
  invoice: StepRenderContext['invoice'] & { dueDate: string };
  today: string;
  seller?: StepRenderContext['seller'];
  custom?: Readonly<Record<string, string>>;
  /** The company's language: a task is read by its people; an email or a letter goes in the customer's. */
  language?: Language;
}

export function dunningStepText(step: DunningStep, input: StepTextInput): RenderedStep {
  return renderStep(step, {
    language: step.channel === 'task' ? (input.language ?? 'fr') : input.customer.language, customerKind: input.customer.kind,
    seller: input.seller ?? {}, custom: input.custom ?? {}, customer: input.customer, invoice: input.invoice, daysLate: daysBetween(input.invoice.dueDate, input.today),
  });
}
