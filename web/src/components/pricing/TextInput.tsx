import { Show } from 'solid-js';
import { LabelledField, labelledFieldId, type LabelledFieldProps } from '../form';
import { ruleErrorText } from './errorText';

export type TextInputProps = Omit<LabelledFieldProps, 'labelText' | 'options' | 'upper' | 'testid'>;

/** The input's id: the field key with its dots and brackets made safe for a CSS selector. */
export const inputId = (field: string) => labelledFieldId('f', field);

/** A labelled input of the pricing and quote-settings screens, core's message (translated) beneath it. Renders only. */
export function TextInput(props: TextInputProps) {
  return <LabelledField {...props} idPrefix="f" errorText={ruleErrorText} />;
}

/** A field's message, only when there is one (an empty alert would still be announced). */
export function FieldMessage(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <p class="field-error" role="alert" data-testid="field-error">{props.message}</p>
    </Show>
  );
}
