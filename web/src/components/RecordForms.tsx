import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Permission } from '@facturo/core';
import type { EditResult, Draft, FieldErrors } from '../stores/workspaceEdits';
import { t, type MessageKey } from '../i18n';
import type { FieldSpec } from './Field';
import { DraftSection } from './DraftSection';
import { LiveSection, type EditingRoom, type StoredValue } from './LiveSection';
import { Notice } from './Notice';
import { useCompany } from './companyContext';

type Sections = { title: MessageKey; hint?: MessageKey; specs: FieldSpec[] }[];

/** What creating or changing the record needs, and the sentence saying so to a role without it. */
export interface RecordAccess {
  needs: Permission;
  lockedNote: MessageKey;
}

/** The "new customer / new product" page: a local draft, created in one go when valid. */
export function NewRecordForm(props: {
  title: MessageKey;
  submitLabel: MessageKey;
  backHref: string;
  sections: (values: Record<string, string>) => Sections;
  initial: Record<string, string>;
  create: (draft: Draft) => { result: EditResult; href: string };
  access: RecordAccess;
}) {
  const navigate = useNavigate();
  const { canWrite } = useCompany();
  const [values, setValues] = createStore<Record<string, string>>({ ...props.initial });
  const [errors, setErrors] = createSignal<FieldErrors>({});

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const specs = props.sections(values).flatMap((s) => s.specs);
    const draft: Draft = Object.fromEntries(specs.map((s) => [s.name, { kind: s.kind, raw: values[s.name] ?? '' }]));
    const { result, href } = props.create(draft);
    if (result.ok) return navigate(href, { replace: true });
    setErrors(result.errors);
    const first = specs.find((s) => s.name in result.errors);
    if (first) document.getElementById(`field-${first.name}`)?.focus();
  };

  return (
    <>
      <div class="page-head">
        <A href={props.backHref} class="back">← {t('common.backToList')}</A>
        <h1>{t(props.title)}</h1>
      </div>
      <Show when={!canWrite(props.access.needs)}>
        <Notice kind="info" testid="locked-notice">{t(props.access.lockedNote)}</Notice>
      </Show>
      <form class="form" onSubmit={submit} novalidate>
        <fieldset class="plain" disabled={!canWrite(props.access.needs)}>
          <For each={props.sections(values)}>
            {(section) => (
              <DraftSection title={section.title} hint={section.hint} specs={section.specs} values={values} errors={errors()} onInput={(f, raw) => setValues(f, raw)} />
            )}
          </For>
          <Show when={Object.keys(errors()).length > 0}>
            <Notice kind="error" testid="form-error">{t('common.fixErrors')}</Notice>
          </Show>
          <div class="actions">
            <button type="submit" class="btn primary" data-testid="create-record">{t(props.submitLabel)}</button>
            <A href={props.backHref} class="btn">{t('common.cancel')}</A>
          </div>
        </fieldset>
      </form>
    </>
  );
}

/** An existing customer or product: every field edits the document live; archive instead of delete. */
export function EditRecordForm(props: {
  record: Record<string, StoredValue> | undefined;
  backHref: string;
  notFound: MessageKey;
  archivedNotice: MessageKey;
  archiveLabel: MessageKey;
  sections: Sections;
  presencePrefix: string;
  edit: (spec: FieldSpec, raw: string) => EditResult;
  setArchived: (archived: boolean) => void;
  /** A section of its own (a customer's contacts), shown after the section with this title. */
  extraSection?: { after: MessageKey; render: () => JSX.Element };
  access: RecordAccess;
  /** Under the page, e.g. the record's history. */
  footer?: () => JSX.Element;
  /** Where the record lives: the workspace unless given (a customer's own document). */
  room?: EditingRoom;
  /** Beside the title: whether the record's own document is saved (the shell's chip speaks for the workspace). */
  status?: () => JSX.Element;
}) {
  const { replica, can } = useCompany();
  const room = () => props.room ?? replica;
  return (
    <Show
      when={props.record}
      fallback={
        <>
          <Notice kind="warning" testid="record-not-found">{t(props.notFound)}</Notice>
          <A href={props.backHref} class="btn">← {t('common.backToList')}</A>
        </>
      }
    >
      {(record) => (
        <>
          <div class="page-head">
            <A href={props.backHref} class="back">← {t('common.backToList')}</A>
            <h1 data-testid="record-title">{String(record().name ?? '')}</h1>
            {props.status?.()}
            <p class="muted small">{t('common.autosave')}</p>
          </div>
          <Show when={record().archived === true}>
            <Notice kind="warning" testid="archived-notice">{t(props.archivedNotice)}</Notice>
          </Show>
          {/* A role that may change nothing at all already reads the company-wide read-only notice. */}
          <Show when={!can(props.access.needs) && !replica.readOnly()}>
            <Notice kind="info" testid="locked-notice">{t(props.access.lockedNote)}</Notice>
          </Show>
          <form class="form" onSubmit={(e) => e.preventDefault()}>
            <For each={props.sections}>
              {(section) => (
                <>
                  <LiveSection
                    title={section.title}
                    hint={section.hint}
                    specs={section.specs}
                    needs={[props.access.needs]}
                    read={(f) => record()[f]}
                    edit={props.edit}
                    presencePrefix={props.presencePrefix}
                    room={props.room}
                  />
                  <Show when={props.extraSection?.after === section.title && props.extraSection}>{(extra) => extra().render()}</Show>
                </>
              )}
            </For>
          </form>
          <div class="actions">
            <button
              type="button"
              class="btn"
              classList={{ danger: record().archived !== true }}
              disabled={!can(props.access.needs) || room().readOnly()}
              onClick={() => props.setArchived(record().archived !== true)}
              data-testid="archive-toggle"
            >
              {record().archived === true ? t('common.unarchive') : t(props.archiveLabel)}
            </button>
          </div>
          {props.footer?.()}
        </>
      )}
    </Show>
  );
}
