import { templateVariables, textBlockVariables } from '../text-template';

/*
 * The variables a dunning text may use: the text blocks' own (text-template.ts), less those a reminder cannot
 * fill (an open invoice's issue date and amount excluding VAT are not part of what the dunning pass reads), plus
 * three of its own. `custom.NAME` are the company's values, as in text blocks.
 */
const notFilled = new Set(['invoice.issueDate', 'invoice.totalExclVat']);

export const dunningVariables = {
  ...Object.fromEntries(Object.entries(textBlockVariables).filter(([k]) => !notFilled.has(k))),
  'dunning.daysLate': { fr: 'Jours de retard à la date de la relance', en: 'Days late on the reminder’s date' },
  'dunning.payOnline': { fr: 'Phrase donnant le lien de paiement en ligne (vide sans lien)', en: 'Sentence giving the online payment link (empty without one)' },
  'dunning.penaltyTerms': {
    fr: 'Mention des pénalités de retard et de l’indemnité de 40 € (vide si l’étape n’applique pas de pénalités)',
    en: 'Statement of late-payment penalties and the €40 indemnity (empty when the step applies no penalties)',
  },
} as Readonly<Record<string, { fr: string; en: string }>>;

/** The variables of a dunning text that are neither known nor one of the company's custom values. */
export function unknownDunningVariables(template: string, customNames: readonly string[]): string[] {
  return templateVariables(template).filter((v) => !Object.hasOwn(dunningVariables, v) && !(v.startsWith('custom.') && customNames.includes(v.slice(7))));
}
