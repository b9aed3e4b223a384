import { createResource, createSignal, For, Show } from 'solid-js';
import { alertsApi, type Alert } from '../api/alerts';
import { actorName, formatInstant } from '../audit/reading';
import { alertSentence, unreadCount } from '../security/alerts';
import { describeError } from '../errors';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createReading } from '../components/audit/createReading';
import { EmptyState, Notice } from '../components/Notice';
import { alertsChanged } from '../components/security/unreadAlerts';
import '../components/security/security.css';

/** /c/:companyId/alerts — what often comes before a fraud, for the members who manage the company. */
export default function Alerts() {
  const { company, can } = useCompany();
  const [alerts, { refetch }] = createResource(() => (can('members.manage') ? company.id : false), alertsApi.list);
  const reading = createReading();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const unread = () => (alerts() ?? []).filter((a) => !a.readAt);

  const mark = async (list: Alert[]) => {
    setBusy(true);
    setError(null);
    try {
      for (const a of list) await alertsApi.read(company.id, a.id);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
      alertsChanged();
      void refetch();
    }
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('alerts.title')}</h1>
        <Show when={unread().length > 0}>
          <button type="button" class="btn" disabled={busy()} onClick={() => void mark(unread())} data-testid="alerts-mark-all">
            {t('alerts.markAll')}
          </button>
        </Show>
        <p class="muted">{t('alerts.lead')}</p>
      </div>
      <Show when={!can('members.manage')}>
        <Notice kind="info" testid="alerts-locked">{t('err.forbidden')}</Notice>
      </Show>
      <Show when={error()}>{(m) => <Notice kind="error">{m()}</Notice>}</Show>
      <Show when={alerts.error}>
        <Notice kind="warning">{t('alerts.unavailable')} {describeError(alerts.error)}</Notice>
      </Show>
      <Show when={can('members.manage') && !alerts.error}>
        <section class="card" aria-label={t('alerts.title')}>
          <Show when={alerts.latest} fallback={<p class="muted">{t('common.loading')}</p>}>
            {(list) => (
              <Show when={list().length > 0} fallback={<EmptyState title={t('alerts.empty')}><p class="muted">{t('alerts.emptyHelp')}</p></EmptyState>}>
                <Show when={unreadCount(list()) === 0}>
                  <p class="hint" data-testid="alerts-all-read">{t('alerts.allRead')}</p>
                </Show>
                <ul class="feed" data-testid="alert-list">
                  <For each={list()}>
                    {(a) => (
                      <li class="feed-item" classList={{ unread: !a.readAt }} data-testid="alert" data-kind={a.kind} data-read={a.readAt ? 'yes' : 'no'}>
                        <div class="feed-text">
                          <p class="feed-sentence" data-testid="alert-sentence">{alertSentence(a, reading())}</p>
                          <p class="feed-meta">
                            <time datetime={a.createdAt}>{formatInstant(a.createdAt, reading().lang)}</time>
                            <Show when={a.readAt}> · {t('alerts.readBy', { who: actorName(a.readBy, reading()), when: formatInstant(a.readAt, reading().lang) })}</Show>
                          </p>
                        </div>
                        <div class="feed-side">
                          <Show when={!a.readAt}>
                            <span class="badge">{t('alerts.unread')}</span>
                            <button type="button" class="btn small" disabled={busy()} onClick={() => void mark([a])} data-testid="alert-mark-read">
                              {t('alerts.markRead')}
                            </button>
                          </Show>
                        </div>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            )}
          </Show>
        </section>
      </Show>
    </>
  );
}
