import { LabelledField, labelledFieldId, type LabelledFieldProps } from '../form';
import { fieldErrorText, translate, lang } from '../../i18n';
import { dunningErrorSentence } from '../../stores/dunning/policyErrors';

/** core's dunning message in the user's language; another message goes to the general translation. */
export function dunningErrorText(message: string | undefined | null): string | null {
  if (!message) return null;
  const sentence = dunningErrorSentence(message);
  return sentence ? translate(lang(), sentence.key, sentence.vars) : fieldErrorText(message);
}

/** The input's id: the field key made safe for a CSS selector (`steps[1].offsetDays` → `d-steps_1__offsetDays`). */
export const dunningFieldId = (field: string) => labelledFieldId('d', field);

/** A labelled input of the dunning screens, core's message (translated) beneath it, found by core's field path. */
export function DunningField(props: Omit<LabelledFieldProps, 'suggestions'>) {
  return <LabelledField {...props} idPrefix="d" errorText={dunningErrorText} />;
}
