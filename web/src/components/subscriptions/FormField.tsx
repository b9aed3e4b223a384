import { LabelledField, labelledFieldId, type LabelledFieldProps } from '../form';
import { subscriptionErrorText } from './errorText';

export type FormFieldProps = Omit<LabelledFieldProps, 'suggestions' | 'rows'>;

/** The input's id: the field key made safe for a CSS selector (`items[1].quantity` → `s-items_1__quantity`). */
export const fieldId = (field: string) => labelledFieldId('s', field);

/** A labelled input, select or textarea of the subscription screens, the server's or core's message (translated) beneath it. */
export function FormField(props: FormFieldProps) {
  return <LabelledField {...props} idPrefix="s" errorText={subscriptionErrorText} />;
}
