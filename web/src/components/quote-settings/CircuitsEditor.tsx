import { For, Show } from 'solid-js';
import { builtInRoles } from '@facturo/core';
import type { Member } from '../../api/types';
import { randomBase62 } from '../../stores/ids';
import { t } from '../../i18n';
import { ruleErrorText } from '../pricing/errorText';
import { TextInput } from '../pricing/TextInput';
import { emptyStep, type CircuitForm, type Mode, type StepForm } from './approvalForm';

const modes: Mode[] = ['any', 'all', 'quorum'];

interface Props {
  circuits: CircuitForm[];
  set: (c: CircuitForm[]) => void;
  members: Member[] | null;
  errors: Record<string, string>;
}

/** Circuits: steps in series; each step names its approvers (members and/or a role) and how many must agree. */
export function CircuitsEditor(props: Props) {
  const patch = (i: number, p: Partial<CircuitForm>) => props.set(props.circuits.map((c, j) => (j === i ? { ...c, ...p } : c)));
  const patchStep = (i: number, k: number, p: Partial<StepForm>) =>
    patch(i, { steps: (props.circuits[i]?.steps ?? []).map((s, j) => (j === k ? { ...s, ...p } : s)) });
  return (
    <div class="circuits">
      <Show when={props.circuits.length === 0}><p class="muted small">{t('qset.noCircuits')}</p></Show>
      <ol class="repeat-list">
        <For each={props.circuits}>
          {(c, i) => (
            <li class="repeat-item" data-testid="circuit">
              <div class="repeat-head">
                <TextInput field={`circuits[${i()}].name`} label="qset.circuitName" value={c.name} onInput={(v) => patch(i(), { name: v })} errors={props.errors} />
                <button type="button" class="btn small ghost" onClick={() => props.set(props.circuits.filter((_, j) => j !== i()))}>{t('qset.removeCircuit')}</button>
              </div>
              <ol class="repeat-list">
                <For each={c.steps}>
                  {(s, k) => (
                    <li class="repeat-item step" data-testid="circuit-step">
                      <div class="repeat-head">
                        <h3>{t('qset.step', { n: k() + 1 })}</h3>
                        <button type="button" class="btn small ghost" disabled={c.steps.length === 1} onClick={() => patch(i(), { steps: c.steps.filter((_, j) => j !== k()) })}>{t('qset.removeStep')}</button>
                      </div>
                      <TextInput field={`circuits[${i()}].steps[${k()}].name`} label="qset.stepName" value={s.name} onInput={(v) => patchStep(i(), k(), { name: v })} errors={props.errors} />
                      <fieldset class="choice-list">
                        <legend>{t('qset.approvers')}</legend>
                        <Show when={props.members} fallback={<p class="hint">{t('qset.membersOffline')} {s.users.join(', ')}</p>}>
                          {(list) => (
                            <div class="member-picks">
                              <For each={list()}>
                                {(m) => (
                                  <label class="check">
                                    <input type="checkbox" checked={s.users.includes(m.userId)}
                                      onChange={(e) => patchStep(i(), k(), { users: e.currentTarget.checked ? [...s.users, m.userId] : s.users.filter((u) => u !== m.userId) })} />
                                    {m.displayName}
                                  </label>
                                )}
                              </For>
                            </div>
                          )}
                        </Show>
                        <div class="field">
                          <label for={`step-role-${i()}-${k()}`}>{t('qset.approverRole')}</label>
                          <select id={`step-role-${i()}-${k()}`} value={s.role} onChange={(e) => patchStep(i(), k(), { role: e.currentTarget.value })}>
                            <option value="">{t('qset.noRole')}</option>
                            <For each={[...builtInRoles]}>{(r) => <option value={r} selected={s.role === r}>{t(`role.${r}`)}</option>}</For>
                          </select>
                        </div>
                        <Show when={props.errors[`circuits[${i()}].steps[${k()}].approvers`]}>
                          {(m) => <p class="field-error" role="alert">{ruleErrorText(m())}</p>}
                        </Show>
                      </fieldset>
                      <div class="inline-row">
                        <div class="field">
                          <label for={`step-mode-${i()}-${k()}`}>{t('qset.mode')}</label>
                          <select id={`step-mode-${i()}-${k()}`} value={s.mode} onChange={(e) => patchStep(i(), k(), { mode: e.currentTarget.value as Mode })}>
                            <For each={modes}>{(m) => <option value={m} selected={s.mode === m}>{t(`mode.${m}`)}</option>}</For>
                          </select>
                        </div>
                        <Show when={s.mode === 'quorum'}>
                          <TextInput field={`circuits[${i()}].steps[${k()}].rule.quorum`} label="qset.quorum" inputmode="numeric" value={s.quorum} onInput={(v) => patchStep(i(), k(), { quorum: v })} errors={props.errors} />
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ol>
              <div>
                <button type="button" class="btn small" onClick={() => patch(i(), { steps: [...c.steps, emptyStep()] })}>{t('qset.addStep')}</button>
              </div>
            </li>
          )}
        </For>
      </ol>
      <div>
        <button type="button" class="btn" data-testid="add-circuit" onClick={() => props.set([...props.circuits, { id: `ci_${randomBase62(10)}`, name: '', steps: [emptyStep()] }])}>
          {t('qset.addCircuit')}
        </button>
      </div>
    </div>
  );
}
