import { createSignal } from 'solid-js';
import type { QuoteSettings } from '@facturo/core';
import { t } from '../../i18n';
import { TextInput } from '../pricing/TextInput';
import { SavedForm } from './SavedForm';

const whole = (raw: string) => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN);

/** Validity of a new quote, lifetime of the client's link, and whether approval sends the quote at once. */
export function DefaultsSection(props: { qs: QuoteSettings; editable: boolean }) {
  const d = props.qs.readDefaults();
  const [validity, setValidity] = createSignal(String(d.validityDays));
  const [portal, setPortal] = createSignal(String(d.portalLinkDays));
  const [send, setSend] = createSignal(d.sendOnApproval);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const save = () => props.qs.updateDefaults({ validityDays: whole(validity()), portalLinkDays: whole(portal()), sendOnApproval: send() });
  return (
    <SavedForm title="qset.defaults" testid="defaults-section" editable={props.editable} save={save} setErrors={setErrors}>
      <div class="grid">
        <TextInput field="validityDays" label="qset.validityDays" inputmode="numeric" value={validity()} onInput={setValidity} errors={errors()} />
        <TextInput field="portalLinkDays" label="qset.portalLinkDays" inputmode="numeric" value={portal()} onInput={setPortal} errors={errors()} />
      </div>
      <label class="check">
        <input type="checkbox" checked={send()} onChange={(e) => setSend(e.currentTarget.checked)} />
        {t('qset.sendOnApproval')}
      </label>
    </SavedForm>
  );
}
