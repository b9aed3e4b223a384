import { createEffect, createSignal, on, onCleanup, Show } from 'solid-js';
import { ApiError, NetworkError } from '../../api/http';
import { subscriptionsApi, type UpcomingInvoice } from '../../api/subscriptions';
import { createBodyOf, previewable, type SubscriptionForm } from '../../stores/subscriptionForm';
import { describeError } from '../../errors';
import { t } from '../../i18n';
import { Notice } from '../Notice';
import { UpcomingInvoices } from './UpcomingInvoices';

type PreviewState = { kind: 'incomplete' } | { kind: 'loading' } | { kind: 'ready'; invoices: UpcomingInvoice[] } | { kind: 'refused' } | { kind: 'offline' } | { kind: 'failed'; message: string };

/**
 * The next 3 invoices of the subscription being filled in, asked of the server (POST /subscriptions/preview) a
 * moment after each change; the server's field refusals (a plan of another cadence) go to `onFieldErrors`.
 */
export function SubscriptionPreview(props: { companyId: string; form: SubscriptionForm; currency: string; onFieldErrors: (fields: Record<string, string>) => void }) {
  const [state, setState] = createSignal<PreviewState>({ kind: 'incomplete' });
  let asked = 0;
  createEffect(
    on(
      () => props.form,
      (f) => {
        const n = ++asked;
        if (!previewable(f)) {
          setState({ kind: 'incomplete' });
          return;
        }
        const timer = setTimeout(() => {
          setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
          subscriptionsApi.previewNew(props.companyId, createBodyOf(f)).then(
            (invoices) => {
              if (n !== asked) return;
              props.onFieldErrors({});
              setState({ kind: 'ready', invoices });
            },
            (e: unknown) => {
              if (n !== asked) return;
              if (e instanceof ApiError && e.status === 400 && Object.keys(e.fields).length > 0) {
                props.onFieldErrors(e.fields);
                setState({ kind: 'refused' });
              } else setState(e instanceof NetworkError ? { kind: 'offline' } : { kind: 'failed', message: describeError(e) });
            },
          );
        }, 350);
        onCleanup(() => clearTimeout(timer));
      },
    ),
  );
  return (
    <aside class="card section sub-preview" data-testid="subscription-preview" aria-live="polite">
      <h2 class="section-title">{t('subForm.preview')}</h2>
      <p class="muted small">{t('subForm.previewHelp')}</p>
      <Show when={state().kind === 'incomplete'}><p class="muted" data-testid="preview-incomplete">{t('subForm.previewIncomplete')}</p></Show>
      <Show when={state().kind === 'loading'}><p class="muted">{t('common.loading')}</p></Show>
      <Show when={state().kind === 'refused'}><Notice kind="warning" testid="preview-refused">{t('subForm.previewRefused')}</Notice></Show>
      <Show when={state().kind === 'offline'}><Notice kind="info" testid="preview-offline">{t('subs.connectionNeeded')}</Notice></Show>
      <Show when={(() => { const s = state(); return s.kind === 'failed' ? s.message : null; })()}>{(m) => <Notice kind="error">{m()}</Notice>}</Show>
      <Show when={(() => { const s = state(); return s.kind === 'ready' ? s.invoices : null; })()}>
        {(invoices) => (
          <Show when={invoices().length > 0} fallback={<p class="muted">{t('subForm.previewNone')}</p>}>
            <UpcomingInvoices invoices={invoices()} currency={props.currency} />
          </Show>
        )}
      </Show>
    </aside>
  );
}
