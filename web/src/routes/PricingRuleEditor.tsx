import { useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { draftRule, emptyRuleForm, ruleFormOf, saveRule, type PricingRuleForm } from '../stores/pricingRuleForm';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createRecordSave, RecordEditorFooter, RecordEditorHead } from '../components/record-pages';
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
  const { company, replica, canWrite } = useCompany();
  const qs = new QuoteSettings(replica.workspace.doc);
  const isNew = props.ruleId === 'new';
  // A new rule's id is chosen once, so the simulator can put the draft in place of its saved self.
  const id = isNew ? `rl_${randomBase62(16)}` : props.ruleId;
  const stored = createMemo(() => (replica.version(), qs.getPricingRule(id)));
  const [form, setForm] = createSignal<PricingRuleForm>(stored() ? ruleFormOf(stored()!, lang()) : emptyRuleForm());
  const editable = () => canWrite('settings.edit');
  const base = `/c/${company.id}/pricing-rules`;
  const { status, setStatus, errors, setErrors, settle } = createRecordSave({ isNew, savedHref: `${base}/${id}` });

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
    settle(saveRule(qs, id, form(), new Date().toISOString(), session.me()?.user.id));
  };

  return (
    <Show when={isNew || stored()} fallback={<Notice kind="warning" testid="rule-not-found">{t('pricing.notFound')}</Notice>}>
      <RecordEditorHead
        back={{ href: base, label: t('pricing.back') }}
        title={isNew ? t('pricing.newTitle') : t('pricing.editTitle', { name: stored()?.name ?? '' })}
        locked={{ needs: 'settings.edit', testid: 'pricing-locked', text: t('pricing.locked') }}
        archived={{ when: stored()?.archived === true, testid: 'rule-archived', text: t('pricing.archivedNotice') }}
      />
      <div class="rule-layout">
        <form class="form rule-form" onSubmit={save} novalidate data-testid="rule-form">
          <fieldset disabled={!editable()} class="plain">
            <GeneralSection form={form()} set={set} errors={errors()} />
            <ConditionsSection form={form()} set={set} errors={errors()} products={products()} />
            <EffectSection form={form()} set={set} errors={errors()} />
          </fieldset>
          <RecordEditorFooter
            status={status()}
            editable={editable()}
            testids={{ invalid: 'rule-invalid', saved: 'rule-saved', save: 'save-rule', archive: 'archive-rule' }}
            labels={{ invalid: t('pricing.fixErrors'), saved: t('pricing.saved'), save: t('pricing.save'), archive: t('pricing.archive'), unarchive: t('pricing.unarchive') }}
            stored={stored()}
            onArchive={(archived) => qs.archivePricingRule(id, archived)}
          />
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
