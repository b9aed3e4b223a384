import { createSignal, For, Show } from 'solid-js';
import { quotesApi, type QuoteDetail } from '../../api/quotes';
import { newIdempotencyKey } from '../../stores/ids';
import { describeError } from '../../errors';
import { formatDate, t } from '../../i18n';

/**
 * The client's portal links: the one just made is shown whole once (the server keeps only its hash), with
 * Copy; every link can be revoked, and a new one made.
 */
export function PortalLinks(props: {
  companyId: string;
  quoteId: string;
  detail: QuoteDetail;
  fresh: string | null;
  setFresh: (url: string | null) => void;
  canManage: boolean;
  online: boolean;
  onChanged: () => void;
}) {
  const [copied, setCopied] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const act = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      props.onChanged();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!props.fresh) return;
    await navigator.clipboard?.writeText(props.fresh).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const create = () => act(async () => props.setFresh((await quotesApi.newPortalLink(props.companyId, props.quoteId, newIdempotencyKey())).url));
  const revoke = (linkId: string) => act(async () => {
    await quotesApi.revokePortalLink(props.companyId, props.quoteId, linkId);
    props.setFresh(null);
  });
  const live = () => props.detail.portalLinks.filter((l) => !l.revokedAt);
  return (
    <div class="portal-links" data-testid="portal-links">
      <h3 class="small-title">{t('portal.title')}</h3>
      <Show when={props.fresh}>
        {(url) => (
          <div class="portal-url">
            <input readonly value={url()} aria-label={t('portal.url')} data-testid="portal-url" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" class="btn small" onClick={() => void copy()} data-testid="copy-portal-url">{t(copied() ? 'common.copied' : 'common.copy')}</button>
          </div>
        )}
      </Show>
      <Show when={props.fresh}><p class="hint">{t('portal.onceHint')}</p></Show>
      <ul class="links">
        <For each={props.detail.portalLinks}>
          {(l) => (
            <li data-testid="portal-link" data-revoked={l.revokedAt !== null}>
              <span>{t('portal.created', { date: formatDate(l.createdAt) })}</span>
              <span class="muted small">
                {l.revokedAt ? t('portal.revoked') : t('portal.expires', { date: formatDate(l.expiresAt) })}
                {l.lastSeenAt ? ` · ${t('portal.seen', { date: formatDate(l.lastSeenAt) })}` : ''}
              </span>
              <Show when={!l.revokedAt && props.canManage}>
                <button type="button" class="btn ghost small danger" disabled={busy() || !props.online} onClick={() => void revoke(l.id)} data-testid="revoke-portal-link">{t('portal.revoke')}</button>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.canManage && live().length === 0}>
        <button type="button" class="btn small" disabled={busy() || !props.online} onClick={() => void create()} data-testid="new-portal-link">{t('portal.new')}</button>
      </Show>
      <Show when={error()}><p class="field-error">{error()}</p></Show>
    </div>
  );
}
