import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { QuoteStatus } from '@facturo/core';
import { ApiError } from '../../api/http';
import { quotesApi, type DecisionKind, type QuoteDetail } from '../../api/quotes';
import { newIdempotencyKey } from '../../stores/ids';
import { decisionNeedsComment, lifecycleActions, type Viewer } from '../../stores/quoteLifecycle';
import { describeError } from '../../errors';
import { formatDate, t, type MessageKey } from '../../i18n';
import { ApprovalCircuit } from './ApprovalCircuit';
import { PortalLinks } from './PortalLinks';
import { QuoteStatusChip } from './QuoteStatusChip';

const fieldLabels: Record<string, MessageKey> = {
  customerId: 'quoteField.customer', validUntil: 'quoteField.validUntil', title: 'quoteField.title', paymentTermsDays: 'quoteField.paymentTermsDays',
  intro: 'quoteField.intro', closing: 'quoteField.closing', lines: 'quoteCheck.lines', margin: 'quoteCheck.margin', marginPercent: 'quoteCheck.margin',
};

/** A refused submission's problems in words: the field's name, then what the server said of it. */
export function checkText(field: string, message: string): string {
  const label = fieldLabels[field];
  return label ? `${t(label)} : ${message}` : `${field} : ${message}`;
}

/**
 * The quote's lifecycle, decided by the server: submission, the approval circuit, sending with the portal
 * link, revisions and the client's answer. Needs the connection; offline the buttons say so.
 */
export function LifecyclePanel(props: {
  companyId: string;
  quoteId: string;
  status: QuoteStatus;
  version: number;
  number: string | undefined;
  detail: QuoteDetail | null;
  online: boolean;
  viewer: Viewer;
  nameOf: (userId: string) => string;
  /** The server's new state of the quote, or nothing: ask it again. */
  onChanged: (d?: QuoteDetail) => void;
  /** Shows the PDF of an archived version. */
  onPreview: (version: number) => void;
}) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [checks, setChecks] = createSignal<[string, string][]>([]);
  const [comment, setComment] = createSignal('');
  const [message, setMessage] = createSignal('');
  const [portalUrl, setPortalUrl] = createSignal<string | null>(null);
  const [emailed, setEmailed] = createSignal<{ sent: boolean; to?: string } | null>(null);
  const status = () => props.status;
  const actions = () => lifecycleActions({ status: status(), authorId: props.detail?.authorId, awaiting: props.detail?.approval?.awaiting ?? null }, props.viewer);
  const has = (a: ReturnType<typeof actions>[number]) => actions().includes(a);
  const run = async <T,>(call: () => Promise<T>, then?: (r: T) => void) => {
    setBusy(true);
    setError(null);
    setChecks([]);
    try {
      const r = await call();
      then?.(r);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'checks_failed') setChecks(Object.entries(e.fields));
      else if (e instanceof ApiError && e.code === 'comment_required') setError(t('lifecycle.commentRequired'));
      else setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  const submit = () => run(() => quotesApi.submit(props.companyId, props.quoteId), props.onChanged);
  const withdraw = () => run(() => quotesApi.withdraw(props.companyId, props.quoteId), props.onChanged);
  const revise = () => run(() => quotesApi.revise(props.companyId, props.quoteId), props.onChanged);
  const decide = (decision: DecisionKind) => {
    const a = props.detail?.approval?.awaiting;
    if (!a) return;
    if (decisionNeedsComment(decision) && comment().trim() === '') return setError(t('lifecycle.commentRequired'));
    void run(() => quotesApi.decide(props.companyId, props.quoteId, { run: a.run, step: a.step, decision, ...(comment().trim() ? { comment: comment().trim() } : {}) }), (d) => {
      setComment('');
      props.onChanged(d);
    });
  };
  const send = () =>
    run(() => quotesApi.send(props.companyId, props.quoteId, message().trim() ? { message: message().trim() } : {}, newIdempotencyKey()), (r) => {
      setPortalUrl(r.portalUrl);
      setEmailed(r.email ?? { sent: false });
      props.onChanged(r.quote);
    });
  const disabled = () => busy() || !props.online;

  return (
    <section class="card section lifecycle" aria-labelledby="lifecycle-title" data-testid="lifecycle-panel">
      <div class="panel-head">
        <h2 class="section-title" id="lifecycle-title">{t('lifecycle.title')}</h2>
        <Show when={!props.online}><span class="badge muted" data-testid="online-only">{t('lifecycle.onlineOnly')}</span></Show>
      </div>
      <dl class="facts">
        <dt>{t('lifecycle.status')}</dt>
        <dd><QuoteStatusChip status={status()} testid="lifecycle-status" /></dd>
        <dt>{t('lifecycle.version')}</dt>
        <dd data-testid="quote-version">{props.version}</dd>
        <dt>{t('lifecycle.number')}</dt>
        <dd data-testid="quote-number">{props.number ?? <span class="muted">{t('lifecycle.noNumber')}</span>}</dd>
        <Show when={props.detail?.validUntil}>
          <dt>{t('quoteField.validUntil')}</dt>
          <dd>{formatDate(`${props.detail?.validUntil}T12:00:00Z`)}</dd>
        </Show>
      </dl>
      <Show when={props.detail?.approval && (props.detail.approval.runs.length > 0 || props.detail.approval.reviewComment)}>
        <h3 class="small-title">{t('lifecycle.circuit')}</h3>
        <ApprovalCircuit approval={props.detail!.approval!} nameOf={props.nameOf} />
      </Show>
      <Show when={props.detail?.answer}>{(a) => <ClientAnswer answer={a()} />}</Show>
      <div class="lifecycle-actions">
        <Show when={has('submit')}>
          <button type="button" class="btn primary" disabled={disabled()} onClick={() => void submit()} data-testid="submit-quote">{t('lifecycle.submit')}</button>
        </Show>
        <Show when={has('withdraw')}>
          <button type="button" class="btn" disabled={disabled()} onClick={() => void withdraw()} data-testid="withdraw-quote">{t('lifecycle.withdraw')}</button>
        </Show>
        <Show when={has('decide')}>
          <div class="decision-form" data-testid="decision-form">
            <label for="decision-comment">{t('lifecycle.comment')}</label>
            <textarea id="decision-comment" rows={2} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} placeholder={t('lifecycle.commentHint')} data-testid="decision-comment" />
            <div class="actions">
              <button type="button" class="btn primary" disabled={disabled()} onClick={() => decide('approve')} data-testid="approve-quote">{t('lifecycle.approve')}</button>
              <button type="button" class="btn" disabled={disabled()} onClick={() => decide('request_changes')} data-testid="request-changes">{t('lifecycle.requestChanges')}</button>
              <button type="button" class="btn danger" disabled={disabled()} onClick={() => decide('reject')} data-testid="reject-quote">{t('lifecycle.reject')}</button>
            </div>
          </div>
        </Show>
        <Show when={has('send')}>
          <div class="send-form">
            <label for="send-message">{t('lifecycle.sendMessage')}</label>
            <textarea id="send-message" rows={2} value={message()} onInput={(e) => setMessage(e.currentTarget.value)} data-testid="send-message" />
            <button type="button" class="btn primary" disabled={disabled()} onClick={() => void send()} data-testid="send-quote">{t('lifecycle.send')}</button>
          </div>
        </Show>
        <Show when={has('revise')}>
          <button type="button" class="btn" disabled={disabled()} onClick={() => void revise()} data-testid="revise-quote">{t('lifecycle.revise')}</button>
        </Show>
      </div>
      <Show when={checks().length > 0}>
        <div class="notice error" role="alert" data-testid="submit-checks">
          <p>{t('lifecycle.submitFailed')}</p>
          <ul><For each={checks()}>{([f, m]) => <li data-field={f}>{checkText(f, m)}</li>}</For></ul>
        </div>
      </Show>
      <Show when={error()}><p class="field-error" role="alert" data-testid="lifecycle-error">{error()}</p></Show>
      <Show when={emailed()}>
        {(m) => (
          <p class={`notice ${m().sent ? 'success' : 'info'} small`} data-testid="send-outcome">
            {m().sent ? t('lifecycle.emailed', { to: m().to ?? '' }) : t('lifecycle.notEmailed')}
          </p>
        )}
      </Show>
      <Show when={props.detail && (props.detail.portalLinks.length > 0 || portalUrl())}>
        <PortalLinks companyId={props.companyId} quoteId={props.quoteId} detail={props.detail!} fresh={portalUrl()} setFresh={setPortalUrl} canManage={has('portalLink') || has('send')} online={props.online} onChanged={() => props.onChanged()} />
      </Show>
      <Switch>
        <Match when={(props.detail?.versions.length ?? 0) > 0}>
          <h3 class="small-title">{t('lifecycle.versions')}</h3>
          <ul class="versions" data-testid="quote-versions">
            <For each={props.detail!.versions}>
              {(v) => (
                <li>
                  {t('lifecycle.versionRow', { v: v.version, stage: t(v.stage === 'sent' ? 'lifecycle.stageSent' : 'lifecycle.stageAccepted'), date: formatDate(v.createdAt) })}{' '}
                  <button type="button" class="btn ghost small" disabled={!props.online} onClick={() => props.onPreview(v.version)} data-testid="version-pdf">PDF</button>
                </li>
              )}
            </For>
          </ul>
        </Match>
      </Switch>
    </section>
  );
}

function ClientAnswer(props: { answer: NonNullable<QuoteDetail['answer']> }) {
  return (
    <div class={`notice ${props.answer.decision === 'accepted' ? 'success' : 'warning'} client-answer`} data-testid="client-answer">
      <Show
        when={props.answer.decision === 'accepted'}
        fallback={<p>{t('lifecycle.declined', { date: formatDate(props.answer.answeredAt), reason: props.answer.reason ?? '—' })}</p>}
      >
        <p>{t('lifecycle.accepted', { name: props.answer.signerName ?? '—', date: formatDate(props.answer.answeredAt) })}</p>
        <Show when={props.answer.pdfSha256}>
          <p class="small">{t('lifecycle.pdfHash')} <code class="hash" data-testid="accepted-pdf-hash">{props.answer.pdfSha256}</code></p>
        </Show>
      </Show>
    </div>
  );
}
