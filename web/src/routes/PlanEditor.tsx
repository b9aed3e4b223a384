import { useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { PlanBook } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { emptyPlanForm, fieldsOfError, planFormOf, savePlan, type PlanForm } from '../stores/planForm';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createRecordSave, RecordEditorFooter, RecordEditorHead } from '../components/record-pages';
import { PlanBillingSection, PlanGeneralSection, PlanPriceSection, PlanTermsSection } from '../components/subscriptions/PlanSections';
import '../components/pricing/pricing.css';
import '../components/subscriptions/subscriptions.css';

/** /c/:companyId/plans/:planId (or /new) — a plan made of forms, checked by core, written offline. */
export default function PlanEditor() {
  const params = useParams<{ planId: string }>();
  return (
    <Show when={params.planId} keyed>
      {(id) => <Editor planId={id} />}
    </Show>
  );
}

function Editor(props: { planId: string }) {
  const { company, replica, canWrite } = useCompany();
  const book = new PlanBook(replica.workspace.doc);
  const isNew = props.planId === 'new';
  const id = isNew ? `pl_${randomBase62(16)}` : props.planId;
  const stored = createMemo(() => (replica.version(), book.get(id)));
  const currency = () => replica.workspace.readSettings().currency ?? 'EUR';
  const [form, setForm] = createSignal<PlanForm>(stored() ? planFormOf(stored()!, lang()) : emptyPlanForm(currency()));
  const editable = () => canWrite('catalog.edit');
  const base = `/c/${company.id}/plans`;
  const { status, setStatus, errors, setErrors, settle } = createRecordSave({ isNew, savedHref: `${base}/${id}` });

  const set = (patch: Partial<PlanForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
    // A corrected field loses its message at once; the others keep theirs until the next save.
    const touched = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fieldsOfError(k).some((f) => touched.includes(f)))));
  };

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    settle(savePlan(book, id, form(), new Date().toISOString(), session.me()?.user.id));
  };

  return (
    <Show when={isNew || stored()} fallback={<Notice kind="warning" testid="plan-not-found">{t('plans.notFound')}</Notice>}>
      <RecordEditorHead
        back={{ href: base, label: t('plans.back') }}
        title={isNew ? t('plans.newTitle') : t('plans.editTitle', { name: stored()?.name ?? '' })}
        lead={t('plans.editorLead')}
        locked={{ needs: 'catalog.edit', testid: 'plans-locked', text: t('plans.locked') }}
        archived={{ when: stored()?.archived === true, testid: 'plan-archived', text: t('plans.archivedNotice') }}
      />
      <form class="form plan-form" onSubmit={save} novalidate data-testid="plan-form">
        <fieldset disabled={!editable()} class="plain">
          <PlanGeneralSection form={form()} set={set} errors={errors()} />
          <PlanPriceSection form={form()} set={set} errors={errors()} />
          <PlanBillingSection form={form()} set={set} errors={errors()} />
          <PlanTermsSection form={form()} set={set} errors={errors()} />
        </fieldset>
        <RecordEditorFooter
          status={status()}
          editable={editable()}
          testids={{ invalid: 'plan-invalid', saved: 'plan-saved', save: 'save-plan', archive: 'archive-plan' }}
          labels={{ invalid: t('common.fixErrors'), saved: t('plans.saved'), save: t('plans.save'), archive: t('plans.archive'), unarchive: t('common.unarchive') }}
          stored={stored()}
          onArchive={(archived) => book.archive(id, archived)}
        />
      </form>
    </Show>
  );
}
