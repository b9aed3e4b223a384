import { useParams } from '@solidjs/router';
import { createMemo, createSignal, Index, Show } from 'solid-js';
import { DunningPolicyBook, Workspace } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { emptyPolicyForm, emptyStep, nextStepId, policyFormOf, savePolicy, type PolicyForm, type StepForm } from '../stores/dunning/policyForm';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createRecordSave, RecordEditorFooter, RecordEditorHead } from '../components/record-pages';
import { PolicyGeneralSection, PolicyRulesSection } from '../components/dunning/PolicySections';
import { dunningErrorText } from '../components/dunning/DunningField';
import { StepCard } from '../components/dunning/StepCard';
import { VariableList } from '../components/dunning/VariableList';
import { createMemberChoices } from '../components/dunning/members';
import '../components/dunning/dunning.css';

/** /c/:companyId/dunning/policies/:policyId (or /new) — a reminder policy made of forms, checked by core, written offline. */
export default function DunningPolicyEditor() {
  const params = useParams<{ policyId: string }>();
  return (
    <Show when={params.policyId} keyed>
      {(id) => <Editor policyId={id} />}
    </Show>
  );
}

function Editor(props: { policyId: string }) {
  const { company, replica, canWrite } = useCompany();
  const book = new DunningPolicyBook(replica.workspace.doc);
  const isNew = props.policyId === 'new';
  const id = isNew ? `dp_${randomBase62(16)}` : props.policyId;
  const stored = createMemo(() => (replica.version(), book.get(id)));
  const customNames = createMemo(() => (replica.version(), new Workspace(replica.workspace.doc).customValueNames()));
  const [form, setForm] = createSignal<PolicyForm>(stored() ? policyFormOf(stored()!) : emptyPolicyForm(replica.workspace.readSettings().currency ?? 'EUR'));
  const members = createMemberChoices(company.id);
  const editable = () => canWrite('settings.edit');
  const base = `/c/${company.id}/dunning/policies`;
  const { status, setStatus, errors, setErrors, settle } = createRecordSave({ isNew, savedHref: `${base}/${id}` });

  // A changed field loses its message at once; the others keep theirs until the next save.
  const forget = (prefix: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(prefix))));
  const set = (patch: Partial<PolicyForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
    for (const k of Object.keys(patch)) forget(k === 'segments' || k === 'riskLevels' || k.startsWith('amount') ? 'appliesTo' : k);
  };
  const setStep = (i: number, patch: Partial<StepForm>) => {
    setForm((f) => ({ ...f, steps: f.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));
    setStatus(null);
    forget(`steps[${i}]`);
  };
  const addStep = () => {
    const last = form().steps.at(-1);
    const offset = last && /^-?\d+$/.test(last.offsetDays.trim()) ? String(Number(last.offsetDays) + 7) : '7';
    setForm((f) => ({ ...f, steps: [...f.steps, emptyStep(nextStepId(f.steps), offset)] }));
  };
  // Removing a step renumbers the later ones: their messages no longer name the right step.
  const removeStep = (i: number) => {
    setForm((f) => ({ ...f, steps: f.steps.filter((_, j) => j !== i) }));
    forget('steps');
  };

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    settle(savePolicy(book, id, form(), new Date().toISOString(), session.me()?.user.id));
  };

  return (
    <Show when={isNew || stored()} fallback={<Notice kind="warning" testid="policy-not-found">{t('dunning.notFound')}</Notice>}>
      <RecordEditorHead
        back={{ href: base, label: t('dunning.back') }}
        title={isNew ? t('dunning.newTitle') : t('dunning.editTitle', { name: stored()?.name ?? '' })}
        lead={t('dunning.editorLead')}
        locked={{ needs: 'settings.edit', testid: 'dunning-locked', text: t('dunning.locked') }}
        archived={{ when: stored()?.archived === true, testid: 'policy-archived', text: t('dunning.archivedNotice') }}
      />
      <form class="form dunning-form" onSubmit={save} novalidate data-testid="policy-form">
        <fieldset disabled={!editable()} class="plain">
          <PolicyGeneralSection form={form()} set={set} errors={errors()} />
          <PolicyRulesSection form={form()} set={set} errors={errors()} />
          <h2>{t('dunning.steps')}</h2>
          <VariableList customNames={customNames()} />
          <Show when={errors().steps}>
            <Notice kind="error">{dunningErrorText(errors().steps)}</Notice>
          </Show>
          {/* By position, not by object: a card stays mounted (and its textarea focused) while its step is typed in. */}
          <Index each={form().steps}>
            {(step, i) => (
              <StepCard index={i} step={step()} set={(p) => setStep(i, p)} errors={errors()} members={members()} {...(form().steps.length > 1 ? { remove: () => removeStep(i) } : {})} />
            )}
          </Index>
          <Show when={editable() && form().steps.length < 12}>
            <button type="button" class="btn" onClick={addStep} data-testid="add-step">{t('dunning.addStep')}</button>
          </Show>
        </fieldset>
        <RecordEditorFooter
          status={status()}
          editable={editable()}
          testids={{ invalid: 'policy-invalid', saved: 'policy-saved', save: 'save-policy', archive: 'archive-policy' }}
          labels={{ invalid: t('common.fixErrors'), saved: t('dunning.saved'), save: t('dunning.save'), archive: t('dunning.archive'), unarchive: t('common.unarchive') }}
          stored={stored()}
          onArchive={(archived) => book.archive(id, archived)}
        />
      </form>
    </Show>
  );
}
