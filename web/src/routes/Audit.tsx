import { createSignal, onMount, Show } from 'solid-js';
import { auditApi, type AuditEvent } from '../api/audit';
import { chainBroken } from '../audit/chainBroken';
import { describeError } from '../errors';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createReading } from '../components/audit/createReading';
import { EventFeed } from '../components/audit/EventFeed';
import { IntegrityPanel } from '../components/audit/IntegrityPanel';
import { focusFromHash } from '../components/focusFromHash';
import { EmptyState, Notice } from '../components/Notice';

const PAGE = 50;

/** /c/:companyId/audit — the integrity of the log, then its events, newest first, a page at a time. */
export default function Audit() {
  const { company, can } = useCompany();
  const reading = createReading();
  const [items, setItems] = createSignal<AuditEvent[]>([]);
  const [next, setNext] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal(false);
  const [loaded, setLoaded] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  focusFromHash();

  const load = async (before?: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await auditApi.events(company.id, { limit: PAGE, ...(before ? { before } : {}) });
      setItems((list) => (before ? [...list, ...page.items] : page.items));
      setNext(page.next);
      setLoaded(true);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  onMount(() => {
    if (can('audit.read') && !chainBroken.has(company.id)) void load();
  });

  return (
    <>
      <div class="page-head">
        <h1>{t('audit.title')}</h1>
        <p class="muted">{t('audit.lead')}</p>
      </div>
      <Show when={can('audit.read')} fallback={<Notice kind="info" testid="audit-locked">{t('err.forbidden')}</Notice>}>
        <IntegrityPanel reading={reading()} />
        {/* While the company is paused the events are not served: the panel above is what matters. */}
        <Show when={!chainBroken.has(company.id)}>
          <section class="card" aria-labelledby="events-title">
            <div class="card-head">
              <h2 id="events-title">{t('audit.events')}</h2>
            </div>
            <Show when={error()}>{(e) => <Notice kind="warning">{t('audit.unavailable')} {describeError(e())}</Notice>}</Show>
            <Show when={loaded()} fallback={<Show when={!error()}><p class="muted">{t('common.loading')}</p></Show>}>
              <Show when={items().length > 0} fallback={<EmptyState title={t('audit.empty')} />}>
                <EventFeed items={items()} reading={reading()} />
              </Show>
              <Show when={next()} fallback={<Show when={items().length > 0}><p class="hint more">{t('audit.end')}</p></Show>}>
                {(before) => (
                  <button type="button" class="btn more" disabled={loading()} onClick={() => void load(before())} data-testid="audit-older">
                    {loading() ? t('audit.loadingOlder') : t('audit.older')}
                  </button>
                )}
              </Show>
            </Show>
          </section>
        </Show>
      </Show>
    </>
  );
}
