import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/http';
import { sepaDebitsApi, type CollectionView, type CreatedBatch } from '../../api/sepa';
import { creditorFixes, dueBy } from '../../stores/sepaDebits';
import { newIdempotencyKey } from '../../stores/ids';
import { displayAmount } from '../../stores/fieldInput';
import { describeError } from '../../errors';
import { lang, t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';
import { FormField } from '../subscriptions/FormField';

/** The settings a pain.008 file needs, by the name the server's refusal gives them. */
const settingLabels: Record<string, MessageKey> = {
  legalName: 'field.legalName',
  sepaCreditorId: 'field.sepaCreditorId',
  iban: 'debits.settingIban',
  bic: 'field.bic',
};

type Failure = { kind: 'creditor'; fields: Record<string, string> } | { kind: 'nothing' } | { kind: 'other'; text: string; fields: Record<string, string> };

function failureOf(e: unknown): Failure {
  if (e instanceof ApiError && e.code === 'creditor_incomplete') return { kind: 'creditor', fields: e.fields };
  if (e instanceof ApiError && e.code === 'nothing_to_collect') return { kind: 'nothing' };
  return { kind: 'other', text: describeError(e), fields: e instanceof ApiError ? e.fields : {} };
}

export interface CreateBatchPanelProps {
  companyId: string;
  pending: readonly CollectionView[];
  disabled: boolean;
  onCreated: (batch: CreatedBatch) => void;
}

/** "Créer le fichier de prélèvement": the pending collections due by an optional date go into one pain.008 file. */
export function CreateBatchPanel(props: CreateBatchPanelProps) {
  const [until, setUntil] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<Failure | null>(null);
  const taken = createMemo(() => dueBy(props.pending, until()));
  const settings = `/c/${props.companyId}/settings`;
  const creditorFields = () => { const f = failure(); return f?.kind === 'creditor' ? f.fields : null; };
  const otherText = () => { const f = failure(); return f?.kind === 'other' ? f.text : null; };
  const fieldErrors = () => { const f = failure(); return f?.kind === 'other' ? f.fields : {}; };

  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      props.onCreated(await sepaDebitsApi.createBatch(props.companyId, until() ? { collectionDate: until() } : {}, newIdempotencyKey()));
      setUntil('');
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="batch-form" data-testid="batch-form">
      <FormField
        field="collectionDate" label="debits.until" hint="debits.untilHint" type="date" value={until()} onInput={setUntil} testid="batch-until"
        errors={fieldErrors()}
      />
      <button type="button" class="btn primary" disabled={props.disabled || busy() || taken().count === 0} onClick={() => void create()} data-testid="create-batch">
        {t('debits.create')}
      </button>
      <p class="muted small will-take" data-testid="batch-will-take">
        {taken().count === 0
          ? t('debits.willTakeNone')
          : t(taken().count === 1 ? 'debits.willTakeOne' : 'debits.willTake', { n: taken().count, total: displayAmount(taken().total, taken().currency, lang()) })}
      </p>
      <Show when={creditorFields()}>
        {(fields) => (
          <Notice kind="error" testid="creditor-incomplete">
            <p>{t('debits.creditorIncomplete')}</p>
            <ul class="creditor-fixes">
              <For each={creditorFixes(fields())}>
                {(fix) => (
                  <li data-testid="creditor-missing" data-field={fix.field}>
                    <A href={`${settings}#${fix.anchor}`}>{t(settingLabels[fix.field] ?? 'debits.settingOther', { field: fix.field })}</A>
                  </li>
                )}
              </For>
            </ul>
            <p><A href={settings} class="btn small" data-testid="open-settings">{t('debits.openSettings')} →</A></p>
          </Notice>
        )}
      </Show>
      <Show when={failure()?.kind === 'nothing'}>
        <Notice kind="info" testid="nothing-to-collect">{t('debits.nothingDue')}</Notice>
      </Show>
      <Show when={otherText()}>{(text) => <Notice kind="error" testid="batch-failure">{text()}</Notice>}</Show>
    </div>
  );
}
