import { For, Show } from 'solid-js';
import { dunningChannels, dunningTones } from '@facturo/core';
import { lang, t, type MessageKey } from '../../i18n';
import { offsetLabel, type StepForm } from '../../stores/dunning/policyForm';
import { DunningField } from './DunningField';

export interface StepCardProps {
  index: number;
  step: StepForm;
  set: (patch: Partial<StepForm>) => void;
  remove?: () => void;
  errors: Record<string, string>;
  /** The company's members who may post a letter or make a call. */
  members: { id: string; name: string }[];
}

/** One step of a policy: its day, channel, tone, penalties, person in charge and its texts in French and English. */
export function StepCard(props: StepCardProps) {
  const path = (rest: string) => `steps[${props.index}].${rest}`;
  const day = () => (/^\s*-?\d+\s*$/.test(props.step.offsetDays) ? offsetLabel(Number(props.step.offsetDays), lang()) : '…');
  const assignees = () => {
    const known = props.members.some((m) => m.id === props.step.assignee);
    return [
      { value: '', label: t('dunning.nobody') },
      ...props.members.map((m) => ({ value: m.id, label: m.name })),
      ...(props.step.assignee && !known ? [{ value: props.step.assignee, label: props.step.assignee }] : []),
    ];
  };
  return (
    <section class="card section dunning-step" data-testid="policy-step" data-step={props.step.id}>
      <div class="dunning-step-head">
        <h3 class="section-title">{t('dunning.step', { n: props.index + 1, day: day() })}</h3>
        <Show when={props.remove}>
          {(remove) => <button type="button" class="btn small" onClick={() => remove()()} data-testid="remove-step">{t('dunning.removeStep')}</button>}
        </Show>
      </div>
      <div class="grid">
        <DunningField field={path('offsetDays')} label="dunning.offset" inputmode="numeric" value={props.step.offsetDays} onInput={(v) => props.set({ offsetDays: v })} errors={props.errors} testid="step-offset" />
        <DunningField
          field={path('channel')} label="dunning.channel" value={props.step.channel} errors={props.errors} testid="step-channel"
          onInput={(v) => props.set({ channel: v as StepForm['channel'] })}
          options={dunningChannels.map((c) => ({ value: c, label: t(`dunning.channel.${c}` as MessageKey) }))}
        />
        <DunningField
          field={path('tone')} label="dunning.tone" value={props.step.tone} errors={props.errors} testid="step-tone"
          onInput={(v) => props.set({ tone: v as StepForm['tone'] })}
          options={dunningTones.map((c) => ({ value: c, label: t(`dunning.tone.${c}` as MessageKey) }))}
        />
        <Show when={props.step.channel !== 'email'}>
          <DunningField field={path('assignee')} label="dunning.assignee" value={props.step.assignee} errors={props.errors} options={assignees()} onInput={(v) => props.set({ assignee: v })} testid="step-assignee" />
        </Show>
      </div>
      <label class="check">
        <input type="checkbox" checked={props.step.penalties} onChange={(e) => props.set({ penalties: e.currentTarget.checked })} data-testid="step-penalties" />
        {t('dunning.penalties')}
      </label>
      <Show when={props.errors[path('template')]}>
        <DunningField field={path('template')} label="dunning.body" value="" errors={props.errors} onInput={() => undefined} />
      </Show>
      <div class="dunning-texts">
        <For each={['fr', 'en'] as const}>
          {(l) => (
            <fieldset class="plain dunning-text" data-testid={`step-text-${l}`}>
              <legend>{t(l === 'fr' ? 'dunning.textFr' : 'dunning.textEn')}</legend>
              <DunningField
                field={path(`template.${l}.subject`)} label="dunning.subject" errors={props.errors} testid={`step-subject-${l}`}
                value={l === 'fr' ? props.step.frSubject : props.step.enSubject} onInput={(v) => props.set(l === 'fr' ? { frSubject: v } : { enSubject: v })} wide
              />
              <DunningField
                field={path(`template.${l}.body`)} label="dunning.body" errors={props.errors} testid={`step-body-${l}`} textarea rows={8}
                value={l === 'fr' ? props.step.frBody : props.step.enBody} onInput={(v) => props.set(l === 'fr' ? { frBody: v } : { enBody: v })} wide
              />
            </fieldset>
          )}
        </For>
      </div>
    </section>
  );
}
