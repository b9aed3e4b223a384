import { createSignal, For, Show } from 'solid-js';
import type { QuoteSettings } from '@facturo/core';
import type { Member } from '../../api/types';
import { t } from '../../i18n';
import { ruleErrorText } from '../pricing/errorText';
import { TextInput } from '../pricing/TextInput';
import { SavedForm } from './SavedForm';

interface Row { from: string; to: string; start: string; end: string }
/** Days typed, instants stored: an absence runs from the start day's midnight to the end day's (UTC), end excluded. */
const instant = (day: string) => (day ? `${day}T00:00:00Z` : '');
const day = (iso: string) => iso.slice(0, 10);

function PersonSelect(props: { id: string; label: 'qset.absent' | 'qset.replacedBy'; value: string; members: Member[] | null; set: (v: string) => void; error?: string }) {
  return (
    <div class="field" classList={{ invalid: Boolean(props.error) }}>
      <label for={props.id}>{t(props.label)}</label>
      <Show when={props.members} fallback={<input id={props.id} value={props.value} onInput={(e) => props.set(e.currentTarget.value)} />}>
        {(list) => (
          <select id={props.id} value={props.value} onChange={(e) => props.set(e.currentTarget.value)}>
            <option value="">{t('qset.choose')}</option>
            <For each={list()}>{(m) => <option value={m.userId} selected={m.userId === props.value}>{m.displayName}</option>}</For>
          </select>
        )}
      </Show>
      <Show when={props.error}><p class="field-error" role="alert">{ruleErrorText(props.error)}</p></Show>
    </div>
  );
}

/** "Absent du … au …, remplacé par …": approvals asked of the absent person go to their stand-in. */
export function DelegationsSection(props: { qs: QuoteSettings; editable: boolean; members: Member[] | null }) {
  const [rows, setRows] = createSignal<Row[]>(props.qs.readDelegations().map((d) => ({ from: d.from, to: d.to, start: day(d.start), end: day(d.end) })));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const patch = (i: number, p: Partial<Row>) => setRows((all) => all.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const save = () => props.qs.setDelegations(rows().map((r) => ({ from: r.from, to: r.to, start: instant(r.start), end: instant(r.end) })));
  return (
    <SavedForm title="qset.delegations" lead="qset.delegationsLead" testid="delegation-section" editable={props.editable} save={save} setErrors={setErrors}>
      <Show when={rows().length === 0}><p class="muted small">{t('qset.noDelegations')}</p></Show>
      <ul class="repeat-list">
        <For each={rows()}>
          {(r, i) => (
            <li class="inline-row repeat-item" data-testid="delegation">
              <PersonSelect id={`dl-from-${i()}`} label="qset.absent" value={r.from} members={props.members} set={(v) => patch(i(), { from: v })} error={errors()[`[${i()}].from`]} />
              <TextInput field={`[${i()}].start`} label="qset.delegationFrom" type="date" value={r.start} onInput={(v) => patch(i(), { start: v })} errors={errors()} />
              <TextInput field={`[${i()}].end`} label="qset.delegationTo" type="date" value={r.end} onInput={(v) => patch(i(), { end: v })} errors={errors()} />
              <PersonSelect id={`dl-to-${i()}`} label="qset.replacedBy" value={r.to} members={props.members} set={(v) => patch(i(), { to: v })} error={errors()[`[${i()}].to`]} />
              <button type="button" class="btn small ghost" onClick={() => setRows((all) => all.filter((_, j) => j !== i()))}>{t('qset.removeDelegation')}</button>
            </li>
          )}
        </For>
      </ul>
      <div>
        <button type="button" class="btn small" onClick={() => setRows((all) => [...all, { from: '', to: '', start: '', end: '' }])} data-testid="add-delegation">{t('qset.addDelegation')}</button>
      </div>
    </SavedForm>
  );
}
