import { createResource, createSignal, For, Show } from 'solid-js';
import { account, type AccountSession } from '../../api/security';
import { createAction } from '../../components/action';
import { Notice } from '../../components/Notice';
import { formatDate, t } from '../../i18n';
import { describeDevice, formatAgo } from './sessionText';

/** Where the person is signed in: this device first, the others each with a way to sign it out. */
export function SessionsSection() {
  const [sessions, { refetch }] = createResource(() => account.sessions());
  const [done, setDone] = createSignal<string | null>(null);
  const action = createAction();
  const ordered = () => [...(sessions() ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const others = () => ordered().filter((s) => !s.current);

  const end = (s: AccountSession) =>
    void action.run(async () => {
      setDone(null);
      await account.endSession(s.id);
      setDone(t('sessions.ended'));
      await refetch();
    });
  const endOthers = () =>
    void action.run(async () => {
      setDone(null);
      await account.endOtherSessions();
      setDone(t('sessions.othersEnded'));
      await refetch();
    });

  return (
    <section class="card" aria-labelledby="sessions-title" data-testid="sessions-section">
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <p class="muted">{t('sessions.lead')}</p>
      <ul class="list">
        <For each={ordered()}>
          {(s) => (
            <li class="list-row" data-testid="session-row" data-current={s.current ? 'true' : 'false'}>
              <div>
                <strong>{describeDevice(s.device)}</strong> <Show when={s.current}><span class="badge">{t('sessions.thisDevice')}</span></Show>
                <div class="muted small">
                  {[s.ip, s.current ? null : t('sessions.seen', { ago: formatAgo(s.lastSeenAt, Date.now()) }), t('sessions.since', { date: formatDate(s.createdAt) })].filter(Boolean).join(' · ')}
                </div>
              </div>
              <Show when={!s.current}>
                <button type="button" class="btn small" onClick={() => end(s)} disabled={action.busy()} aria-label={t('sessions.endNamed', { device: describeDevice(s.device) })} data-testid="end-session">
                  {t('sessions.end')}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={others().length > 1}>
        <div class="actions">
          <button type="button" class="btn danger" onClick={endOthers} disabled={action.busy()} data-testid="end-other-sessions">
            {t('sessions.endOthers')}
          </button>
        </div>
      </Show>
      <Show when={sessions.error || action.error()}>
        <Notice kind="error">{action.error() ?? t('err.network')}</Notice>
      </Show>
      <Show when={done()}>
        <Notice kind="success">{done()}</Notice>
      </Show>
    </section>
  );
}
