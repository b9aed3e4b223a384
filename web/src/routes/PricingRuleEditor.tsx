import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { draftRule, emptyRuleForm, ruleFormOf, saveRule, type PricingRuleForm } from '../stores/pricingRuleForm';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { GeneralSection } from '../components/pricing/GeneralSection';
import { ConditionsSection } from '../components/pricing/ConditionsSection';
import { EffectSection } from '../components/pricing/EffectSection';
import { Simulator } from '../components/pricing/Simulator';
import '../components/pricing/pricing.css';

/** /c/:companyId/pricing-rules/:ruleId (or /new) — a rule made of forms, checked by core, written offline. */
export default function PricingRuleEditor() {
  const params = useParams<{ ruleId: string }>();
  return (
    <Show when={params.ruleId} keyed>
      {(id) => <RuleEditor ruleId={id} />}
    </Show>
  );
}

function RuleEditor(props: { ruleId: string }) {
  const { company, replica, can, canWrite } = useCompany();
  const navigate = useNavigate();
  const qs = new QuoteSettings(replica.workspace.doc);
  const isNew = props.ruleId === 'new';
  // A new rule's id is chosen once, so the simulator can put the draft in place of its saved self.
  const id = isNew ? `rl_${randomBase62(16)}` : props.ruleId;
  const stored = createMemo(() => (replica.version(), qs.getPricingRule(id)));
  const [form, setForm] = createSignal<PricingRuleForm>(stored() ? ruleFormOf(stored()!, lang()) : emptyRuleForm());
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  // A new rule, once saved, reopens under its id: the "saved" notice travels with the navigation.
  const location = useLocation<{ saved?: boolean }>();
  const [status, setStatus] = createSignal<'saved' | 'invalid' | null>(location.state?.saved ? 'saved' : null);
  const editable = () => canWrite('settings.edit');
  const base = `/c/${company.id}/pricing-rules`;

  const set = (patch: Partial<PricingRuleForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
    // A corrected field loses its message at once; the others keep theirs until the next save.
    const touched = Object.keys(patch);
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !touched.some((f) => fieldOfForm(f).some((p) => k.startsWith(p))))));
  };
  const products = createMemo(() => (replica.version(), replica.workspace.listProducts()));
  const currency = createMemo(() => (replica.version(), replica.workspace.readSettings().currency ?? 'EUR'));
  const draft = createMemo(() => draftRule(id, form()));
  const simRules = createMemo(() => {
    const others = (replica.version(), qs.activePricingRules()).filter((r) => r.id !== id);
    const d = draft();
    return d ? [...others, d] : others;
  });

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const result = saveRule(qs, id, form(), new Date().toISOString(), session.me()?.user.id);
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
    <Show when={isNew || stored()} fallback={<Notice kind="warning" testid="rule-not-found">{t('pricing.notFound')}</Notice>}>
      <div class="page-head">
        <A href={base} class="back">← {t('pricing.back')}</A>
        <h1>{isNew ? t('pricing.newTitle') : t('pricing.editTitle', { name: stored()?.name ?? '' })}</h1>
      </div>
      <Show when={!can('settings.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="pricing-locked">{t('pricing.locked')}</Notice>
      </Show>
      <Show when={stored()?.archived}>
        <Notice kind="warning" testid="rule-archived">{t('pricing.archivedNotice')}</Notice>
      </Show>
      <div class="rule-layout">
        <form class="form rule-form" onSubmit={save} novalidate data-testid="rule-form">
          <fieldset disabled={!editable()} class="plain">
            <GeneralSection form={form()} set={set} errors={errors()} />
            <ConditionsSection form={form()} set={set} errors={errors()} products={products()} />
            <EffectSection form={form()} set={set} errors={errors()} />
          </fieldset>
          <Show when={status() === 'invalid'}>
            <Notice kind="error" testid="rule-invalid">{t('pricing.fixErrors')}</Notice>
          </Show>
          <Show when={status() === 'saved'}>
            <Notice kind="success" testid="rule-saved">{t('pricing.saved')}</Notice>
          </Show>
          <Show when={editable()}>
            <div class="actions">
              <button type="submit" class="btn primary" data-testid="save-rule">{t('pricing.save')}</button>
              <Show when={stored()}>
                {(r) => (
                  <button type="button" class="btn" data-testid="archive-rule" onClick={() => qs.archivePricingRule(id, !r().archived)}>
                    {t(r().archived ? 'pricing.unarchive' : 'pricing.archive')}
                  </button>
                )}
              </Show>
            </div>
          </Show>
        </form>
        <Simulator rules={simRules()} products={products()} currency={currency()} withDraft draftInvalid={draft() === null} />
      </div>
    </Show>
  );
}

/** The core field keys a form field feeds, to clear their messages when it changes. */
function fieldOfForm(formField: string): string[] {
  const map: Record<string, string[]> = {
    name: ['name'], priority: ['priority'], quantityMin: ['conditions.quantity'], quantityMax: ['conditions.quantity'],
    commitmentMin: ['conditions.commitmentMonths'], commitmentMax: ['conditions.commitmentMonths'], segments: ['conditions.segments'],
    minRevenue: ['conditions.customer.minRevenue'], minSeniority: ['conditions.customer.minSeniority'], countries: ['conditions.geography'],
    regions: ['conditions.geography'], postcodePrefixes: ['conditions.geography'], dateFrom: ['conditions.dates'], dateTo: ['conditions.dates'],
    seasonFrom: ['conditions.season'], seasonTo: ['conditions.season'], productIds: ['conditions.productIds'], categories: ['conditions.categories'],
    percent: ['effect'], amount: ['effect'], minimumPrice: ['effect'], tiers: ['effect'], effect: ['effect'], allowNegative: ['effect'],
    blocks: ['conditions'],
  };
  return map[formField] ?? [];
}
