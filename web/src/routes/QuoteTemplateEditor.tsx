import { useParams } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { QuoteSettings } from '@facturo/core';
import { session } from '../auth/session';
import { randomBase62 } from '../stores/ids';
import { emptyTemplateForm, saveTemplate, templateFormOf, type TemplateForm } from '../stores/templateForm';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { createRecordSave, RecordEditorFooter, RecordEditorHead } from '../components/record-pages';
import { TextInput, inputId } from '../components/pricing/TextInput';
import { ruleErrorText } from '../components/pricing/errorText';
import { TemplateSections } from '../components/quote-settings/TemplateSections';
import { VariablePicker, focusText } from '../components/quote-settings/VariablePicker';
import '../components/pricing/pricing.css';

/** /c/:companyId/quote-templates/:templateId (or /new) — checked whole by core, written offline. */
export default function QuoteTemplateEditor() {
  const params = useParams<{ templateId: string }>();
  return <Show when={params.templateId} keyed>{(id) => <TemplateEditor templateId={id} />}</Show>;
}

function TemplateEditor(props: { templateId: string }) {
  const { company, replica, canWrite } = useCompany();
  const qs = new QuoteSettings(replica.workspace.doc);
  const isNew = props.templateId === 'new';
  const id = isNew ? `qt_${randomBase62(16)}` : props.templateId;
  const stored = createMemo(() => (replica.version(), qs.getTemplate(id)));
  const [form, setForm] = createSignal<TemplateForm>(stored() ? templateFormOf(stored()!, lang()) : emptyTemplateForm(qs.readDefaults().validityDays));
  const products = createMemo(() => (replica.version(), replica.workspace.listProducts()));
  const editable = () => canWrite('catalog.edit');
  const base = `/c/${company.id}/quote-templates`;
  const { status, setStatus, errors, settle } = createRecordSave({ isNew, savedHref: `${base}/${id}` });
  const set = (patch: Partial<TemplateForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setStatus(null);
  };
  const text = (field: 'intro' | 'closing') => ({ id: inputId(field), value: () => form()[field], set: (v: string) => set({ [field]: v }) });
  const save = (e: SubmitEvent) => {
    e.preventDefault();
    settle(saveTemplate(qs, id, form(), new Date().toISOString(), session.me()?.user.id));
  };
  const f = () => form();

  return (
    <Show when={isNew || stored()} fallback={<Notice kind="warning">{t('tpl.notFound')}</Notice>}>
      <RecordEditorHead
        back={{ href: base, label: t('tpl.back') }}
        title={isNew ? t('tpl.newTitle') : t('tpl.editTitle', { name: stored()?.name ?? '' })}
        locked={{ needs: 'catalog.edit', testid: 'templates-locked', text: t('tpl.locked') }}
        archived={{ when: stored()?.archived === true, text: t('tpl.archivedNotice') }}
      />
      <form class="form" onSubmit={save} novalidate data-testid="template-form">
        <fieldset class="plain" disabled={!editable()}>
          <section class="card section">
            <h2 class="section-title">{t('tpl.general')}</h2>
            <div class="grid">
              <TextInput field="name" label="tpl.name" required value={f().name} onInput={(v) => set({ name: v })} errors={errors()} />
              <TextInput field="title" label="tpl.quoteTitle" hint="tpl.quoteTitleHint" value={f().title} onInput={(v) => set({ title: v })} errors={errors()} />
              <TextInput field="description" label="tpl.description" wide value={f().description} onInput={(v) => set({ description: v })} errors={errors()} />
              <TextInput field="validityDays" label="tpl.validityDays" inputmode="numeric" value={f().validityDays} onInput={(v) => set({ validityDays: v })} errors={errors()} />
              <TextInput field="depositPercent" label="tpl.deposit" inputmode="decimal" value={f().depositPercent} onInput={(v) => set({ depositPercent: v })} errors={errors()} />
              <TextInput field="paymentTermsDays" label="tpl.paymentTerms" inputmode="numeric" value={f().paymentTermsDays} onInput={(v) => set({ paymentTermsDays: v })} errors={errors()} />
            </div>
            <div onFocusIn={() => focusText(text('intro'))}>
              <TextInput field="intro" label="tpl.intro" wide textarea rows={3} value={f().intro} onInput={(v) => set({ intro: v })} errors={errors()} />
            </div>
            <div onFocusIn={() => focusText(text('closing'))}>
              <TextInput field="closing" label="tpl.closing" wide textarea rows={3} value={f().closing} onInput={(v) => set({ closing: v })} errors={errors()} />
            </div>
            <VariablePicker />
          </section>
          <TemplateSections sections={f().sections} set={(sections) => set({ sections })} products={products()} errors={errors()} />
        </fieldset>
        <Show when={errors().sections}>{(m) => <Notice kind="error">{ruleErrorText(m())}</Notice>}</Show>
        <RecordEditorFooter
          status={status()}
          editable={editable()}
          testids={{ invalid: 'template-invalid', saved: 'template-saved', save: 'save-template' }}
          labels={{ invalid: t('tpl.fixErrors'), saved: t('tpl.saved'), save: t('tpl.save'), archive: t('tpl.archive'), unarchive: t('tpl.unarchive') }}
          stored={stored()}
          onArchive={(archived) => qs.archiveTemplate(id, archived)}
        />
      </form>
    </Show>
  );
}
