import { createResource, createSignal, Show } from 'solid-js';
import { auditApi } from '../../api/audit';
import { historyRows, type HistoryScope } from '../../audit/changes';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';
import { EmptyState, Notice } from '../Notice';
import { ChangeList } from './ChangeList';
import { createReading } from './createReading';

const PAGE = 20;

/**
 * "Historique" under a customer, a product or a draft (for members who may read the audit trail):
 * who changed which field from what to what, when, from which device. Asked of the server when opened.
 */
export function HistoryPanel(props: {
  /** `workspace`, or a draft's id (dc_…). */
  doc: string;
  /** Where the record's changes sit: ['customers', 'cu_…'], [] for a draft. */
  prefix: string[];
  scope: HistoryScope;
}) {
  const { company, can } = useCompany();
  const [opened, setOpened] = createSignal(0);
  const [shown, setShown] = createSignal(PAGE);
  const reading = createReading();
  const [items] = createResource(
    () => (opened() > 0 ? { n: opened() } : false),
    () => auditApi.history(company.id, props.doc, props.prefix.length > 0 ? props.prefix.join('/') : undefined),
  );
  const rows = () => historyRows(items.latest ?? [], props.prefix, props.scope, reading());

  return (
    <Show when={can('audit.read')}>
      <details class="card history" data-testid="history" onToggle={(e) => e.currentTarget.open && setOpened((n) => n + 1)}>
        <summary>{t('history.title')}</summary>
        <p class="hint">{t('history.lead')}</p>
        <Show when={items.error}>
          <Notice kind="warning">{t('history.unavailable')} {describeError(items.error)}</Notice>
        </Show>
        <Show when={items.latest} fallback={<Show when={!items.error}><p class="muted">{t('common.loading')}</p></Show>}>
          <Show when={rows().length > 0} fallback={<EmptyState title={t('history.empty')} testid="history-empty" />}>
            <ChangeList rows={rows().slice(0, shown())} reading={reading()} testid="history-list" />
            <Show when={rows().length > shown()}>
              <button type="button" class="btn small more" onClick={() => setShown((n) => n + PAGE)}>{t('history.more')}</button>
            </Show>
          </Show>
        </Show>
      </details>
    </Show>
  );
}
