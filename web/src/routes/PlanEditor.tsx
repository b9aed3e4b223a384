import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { PlanBook } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { emptyPlanForm, fieldsOfError, planFormOf, savePlan, type PlanForm } from '../stores/planForm';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
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
  const { company, replica, can, canWrite } = useCompany();
  const navigate = useNavigate();
  const book = new PlanBook(replica.workspace.doc);
  const isNew = props.planId === 'new';
  const id = isNew ? `pl_${randomBase62(16)}` : props.planId;
  const stored = createMemo(() => (replica.version(), book.get(id)));
  const currency = () => replica.workspace.readSettings().currency ?? 'EUR';
  const [form, setForm] = createSignal<PlanForm>(stored() ? planFormOf(stored()!, lang()) : emptyPlanForm(currency()));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  // A new plan, once saved, reopens under its id: the "saved" notice travels with the navigation.
  const location = useLocation<{ saved?: boolean }>();
  const [status, setStatus] = createSignal<'saved' | 'invalid' | null>(location.state?.saved ? 'saved' : null);
  const editable = () => canWrite('catalog.edit');
  const base = `/c/${company.id}/plans`;

  const set = (patch: Partial<PlanForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
    // A corrected field loses its message at once; the others keep theirs until the next save.
    const touched = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fieldsOfError(k).some((f) => touched.includes(f)))));
  };

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const result = savePlan(book, id, form(), new Date().toISOString(), session.me()?.user.id);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('invalid');
      return;
    }
    setErrors({});
    setStatus('saved');
    if (isNew) navigate(`${base}/${id}`, { replace: true, state: { saved: true } });
  };

  return (
    <Show when={isNew || stored()} fallback={<Notice kind="warning" testid="plan-not-found">{t('plans.notFound')}</Notice>}>
      <div class="page-head">
        <A href={base} class="back">← {t('plans.back')}</A>
        <h1>{isNew ? t('plans.newTitle') : t('plans.editTitle', { name: stored()?.name ?? '' })}</h1>
        <p class="muted">{t('plans.editorLead')}</p>
      </div>
      <Show when={!can('catalog.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="plans-locked">{t('plans.locked')}</Notice>
      </Show>
      <Show when={stored()?.archived}>
        <Notice kind="warning" testid="plan-archived">{t('plans.archivedNotice')}</Notice>
      </Show>
      <form class="form plan-form" onSubmit={save} novalidate data-testid="plan-form">
        <fieldset disabled={!editable()} class="plain">
          <PlanGeneralSection form={form()} set={set} errors={errors()} />
          <PlanPriceSection form={form()} set={set} errors={errors()} />
          <PlanBillingSection form={form()} set={set} errors={errors()} />
          <PlanTermsSection form={form()} set={set} errors={errors()} />
        </fieldset>
        <Show when={status() === 'invalid'}>
          <Notice kind="error" testid="plan-invalid">{t('common.fixErrors')}</Notice>
        </Show>
        <Show when={status() === 'saved'}>
          <Notice kind="success" testid="plan-saved">{t('plans.saved')}</Notice>
        </Show>
        <Show when={editable()}>
          <div class="actions">
            <button type="submit" class="btn primary" data-testid="save-plan">{t('plans.save')}</button>
            <Show when={stored()}>
              {(p) => (
                <button type="button" class="btn" data-testid="archive-plan" onClick={() => book.archive(id, !p().archived)}>
                  {t(p().archived ? 'common.unarchive' : 'plans.archive')}
                </button>
              )}
            </Show>
          </div>
        </Show>
      </form>
    </Show>
  );
}
