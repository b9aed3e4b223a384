import { createSignal, For, Show } from 'solid-js';
import type { QuoteSettings } from '@facturo/core';
import { t } from '../../i18n';
import { TextInput } from '../pricing/TextInput';
import { SavedForm } from './SavedForm';

interface FollowUpRow { from: 'sent' | 'expiry'; days: string }
const whole = (raw: string) => (/^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN);
const hours = (raw: string) => Number(raw.trim().replace(',', '.') || Number.NaN); // number-ok: hours, not money

/** Approver reminders (after H hours, every H hours, at most N) and the client follow-ups ("J+3 après l'envoi"). */
export function FollowUpSection(props: { qs: QuoteSettings; editable: boolean }) {
  const policy = props.qs.readFollowUpPolicy();
  const r = policy.approverReminder;
  const [remind, setRemind] = createSignal(r !== undefined);
  const [after, setAfter] = createSignal(String(r?.afterHours ?? 24));
  const [every, setEvery] = createSignal(String(r?.everyHours ?? 24));
  const [max, setMax] = createSignal(String(r?.max ?? 3));
  const [rows, setRows] = createSignal<FollowUpRow[]>(policy.clientFollowUps.map((f) => (f.from === 'sent' ? { from: 'sent', days: String(f.days) } : { from: 'expiry', days: String(f.daysBefore) })));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const patch = (i: number, p: Partial<FollowUpRow>) => setRows((all) => all.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const save = () =>
    props.qs.setFollowUpPolicy({
      ...(remind() ? { approverReminder: { afterHours: hours(after()), everyHours: hours(every()), max: whole(max()) } } : {}),
      clientFollowUps: rows().map((x) => (x.from === 'sent' ? { from: 'sent', days: whole(x.days) } : { from: 'expiry', daysBefore: whole(x.days) })),
    });
  return (
    <SavedForm title="qset.followUps" testid="followup-section" editable={props.editable} save={save} setErrors={setErrors}>
      <label class="check">
        <input type="checkbox" checked={remind()} onChange={(e) => setRemind(e.currentTarget.checked)} />
        {t('qset.approverReminder')}
      </label>
      <Show when={remind()}>
        <div class="grid three">
          <TextInput field="approverReminder.afterHours" label="qset.afterHours" inputmode="numeric" value={after()} onInput={setAfter} errors={errors()} />
          <TextInput field="approverReminder.everyHours" label="qset.everyHours" inputmode="numeric" value={every()} onInput={setEvery} errors={errors()} />
          <TextInput field="approverReminder.max" label="qset.maxReminders" inputmode="numeric" value={max()} onInput={setMax} errors={errors()} />
        </div>
      </Show>
      <h3 class="subsection-title">{t('qset.clientFollowUps')}</h3>
      <ul class="repeat-list">
        <For each={rows()}>
          {(x, i) => (
            <li class="inline-row" data-testid="client-follow-up">
              <TextInput field={`clientFollowUps[${i()}].${x.from === 'sent' ? 'days' : 'daysBefore'}`} label="qset.days" inputmode="numeric" value={x.days} onInput={(v) => patch(i(), { days: v })} errors={errors()} />
              <div class="field">
                <label for={`follow-from-${i()}`} class="visually-hidden">{t('qset.days')}</label>
                <select id={`follow-from-${i()}`} value={x.from} onChange={(e) => patch(i(), { from: e.currentTarget.value as FollowUpRow['from'] })}>
                  <option value="sent" selected={x.from === 'sent'}>{t('qset.fromSent')}</option>
                  <option value="expiry" selected={x.from === 'expiry'}>{t('qset.fromExpiry')}</option>
                </select>
              </div>
              <span class="text muted">{x.from === 'sent' ? t('qset.followUpSent', { n: x.days }) : t('qset.followUpExpiry', { n: x.days })}</span>
              <button type="button" class="btn small ghost" onClick={() => setRows((all) => all.filter((_, j) => j !== i()))}>{t('qset.removeFollowUp')}</button>
            </li>
          )}
        </For>
      </ul>
      <div>
        <button type="button" class="btn small" onClick={() => setRows((all) => [...all, { from: 'sent', days: '7' }])}>{t('qset.addFollowUp')}</button>
      </div>
    </SavedForm>
  );
}
