import { A } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onMount, Show } from 'solid-js';
import { priceQuote, QuoteSettings, stalePrices, type QuoteStatus } from '@facturo/core';
import { membersApi } from '../../api/members';
import { quotesApi, type QuoteDetail } from '../../api/quotes';
import { session } from '../../auth/session';
import { pricingContextOf } from '../../stores/quoteCreate';
import { pricer, quoteAmounts, quoteEditable } from '../../stores/quoteEdits';
import { lifecycleActions } from '../../stores/quoteLifecycle';
import { createCustomerRecord } from '../customerRecord';
import { createOnline } from '../../sync/online';
import { awaitingCustomerPricing, type QuoteReplica } from '../../sync/quoteReplica';
import { t, type MessageKey } from '../../i18n';
import { useCompany } from '../companyContext';
import { createCustomerRows } from '../customerRows';
import { Notice } from '../Notice';
import { Presence } from '../Presence';
import { SyncStatus } from '../SyncStatus';
import { ConversionPanel } from './ConversionPanel';
import { LifecyclePanel } from './LifecyclePanel';
import { QuoteComments } from './QuoteComments';
import { QuoteHeaderFields } from './QuoteHeaderFields';
import { QuotePdf } from './QuotePdf';
import { QuoteSections } from './QuoteSections';
import { QuoteStatusChip } from './QuoteStatusChip';
import { QuoteTotals } from './QuoteTotals';
import { companyToday } from '../../today';


/** Why the quote cannot change now, and what to do: wait for the circuit, revise it, or invoice it. */
function lockedMessage(status: QuoteStatus): MessageKey {
  if (status === 'pending_approval') return 'quote.lockedPending';
  if (status === 'accepted') return 'quote.lockedAccepted';
  return 'quote.locked';
}

/** A quote: co-edited while it is written, read-only once submitted; its lifecycle and invoices beside it. */
export function QuoteView(props: { r: QuoteReplica }) {
  const { company, replica, can } = useCompany();
  const ws = replica.workspace;
  const room = props.r.room;
  const quote = props.r.quote;
  const base = `/c/${company.id}`;
  const me = () => session.me()?.user;
  const meta = createMemo(() => (room.version(), quote.readMeta()));
  const editable = () => quoteEditable(meta().status) && room.frozenAs() === null;
  const readOnly = () => !editable() || room.readOnly();
  const rows = createCustomerRows(company.id);
  const customer = createCustomerRecord(company.id, ws, () => meta().customerId);
  const rules = createMemo(() => (replica.version(), new QuoteSettings(ws.doc).activePricingRules()));
  const context = () => pricingContextOf(companyToday(), meta(), customer());
  const reprice = pricer(quote, rules, context);
  createEffect(on(customer, (c) => {
    if (!c || !awaitingCustomerPricing.has(props.r.documentId)) return;
    awaitingCustomerPricing.delete(props.r.documentId);
    reprice();
  }));
  const stale = createMemo(() => (room.version(), editable() ? stalePrices(quote, priceQuote(quote, rules(), context())) : []));
  const amounts = createMemo(() => (room.version(), quoteAmounts(quote)));
  const currency = () => meta().currency ?? 'EUR';
  const online = createOnline();

  const [detail, setDetail] = createSignal<QuoteDetail | null>(null);
  const refresh = () => {
    if (!online()) return;
    quotesApi.get(company.id, props.r.documentId).then(setDetail, () => undefined);
  };
  // The server writes status, number and version into the document: a change there (an approval, the
  // client's answer on the portal) refreshes the lifecycle panel live.
  createEffect(on([() => meta().status, () => meta().version, () => meta().number, online], refresh));
  const [names, setNames] = createSignal<ReadonlyMap<string, string>>(new Map());
  onMount(() => membersApi.list(company.id).then((list) => setNames(new Map(list.map((m) => [m.userId, m.displayName]))), () => undefined));
  const nameOf = (id: string) => names().get(id) ?? (id === me()?.id ? (me()?.displayName ?? id) : id);
  const status = () => meta().status ?? detail()?.status ?? 'draft';
  const number = () => meta().number ?? detail()?.number ?? ws.getDocument(props.r.documentId)?.number;
  const viewer = () => ({ userId: me()?.id ?? '', can });
  const canConvert = () => lifecycleActions({ status: status(), authorId: detail()?.authorId, awaiting: null }, viewer()).includes('convert');
  const [anchor, setAnchor] = createSignal('');
  const commentCounts = createMemo(() => {
    room.version();
    const m = new Map<string, number>();
    for (const c of quote.listComments()) if (c.anchorId && !c.resolved) m.set(c.anchorId, (m.get(c.anchorId) ?? 0) + 1);
    return m;
  });
  const comment = (lineId: string) => {
    setAnchor(lineId);
    queueMicrotask(() => document.getElementById('quote-comment-text')?.focus());
  };
  const [pdf, setPdf] = createSignal<{ version: number | null } | null>(null);
  const [pdfRevision, setPdfRevision] = createSignal(0);
  const memberName = () => me()?.displayName ?? '?';

  return (
    <>
      <div class="page-head">
        <A href={`${base}/quotes`} class="back">← {t('quotes.backToList')}</A>
        <h1 data-testid="quote-heading">{number() ?? t(editable() ? 'quote.draftTitle' : 'quote.unnumberedTitle')}</h1>
        <span class="badge muted" data-testid="quote-version-badge">{t('quotes.versionShort', { n: meta().version ?? 1 })}</span>
        <QuoteStatusChip status={status()} testid="quote-head-status" />
        <div class="doc-presence">
          <Show when={room.others().length > 0}>
            <span class="muted small">{t('quote.alsoHere')}</span>
            <Presence others={room.others()} testid="doc-presence" />
          </Show>
          <SyncStatus state={room.syncState()} testid="doc-sync-status" />
        </div>
      </div>
      <div class="actions no-print">
        <button type="button" class="btn" aria-expanded={pdf() !== null} disabled={!online()} onClick={() => { setPdf(pdf() ? null : { version: null }); setPdfRevision((n) => n + 1); }} data-testid="quote-pdf-button">
          {t('quotePdf.button')}
        </button>
        <Show when={!online()}><span class="muted small">{t('quotePdf.offline')}</span></Show>
      </div>
      <Show when={pdf()}>
        {(p) => <QuotePdf companyId={company.id} quoteId={props.r.documentId} fileName={`${number() ?? 'devis'}.pdf`} online={online()} version={p().version} revision={pdfRevision()} onClose={() => setPdf(null)} />}
      </Show>
      <Show when={!editable()}>
        <Notice kind="info" testid="quote-locked">{t(lockedMessage(status()), { status: t(`quoteStatus.${status()}` as MessageKey) })}</Notice>
      </Show>
      <Show when={editable() && !can('documents.edit')}>
        <Notice kind="info" testid="quote-no-edit">{t('access.documentsLocked')}</Notice>
      </Show>
      <Show when={!readOnly() && stale().length > 0}>
        <div class="notice warning stale-prices" role="status" data-testid="stale-prices">
          <span>{t('quote.stale', { n: stale().length })}</span>
          <button type="button" class="btn small" onClick={reprice} data-testid="reprice">{t('quote.reprice')}</button>
        </div>
      </Show>
      <div class="quote-layout">
        <form class="form quote-form" onSubmit={(e) => e.preventDefault()} data-testid="quote-editor">
          <QuoteHeaderFields r={props.r} ws={ws} base={base} part="header" readOnly={readOnly()} customers={rows()} customer={customer()} reprice={reprice} />
          <QuoteHeaderFields r={props.r} ws={ws} base={base} part="intro" readOnly={readOnly()} customers={rows()} customer={customer()} reprice={reprice} />
          <QuoteSections r={props.r} ws={ws} amounts={amounts()} currency={currency()} readOnly={readOnly()} reprice={reprice} memberName={memberName()} commentCounts={commentCounts()} onComment={comment} />
          <QuoteHeaderFields r={props.r} ws={ws} base={base} part="closing" readOnly={readOnly()} customers={rows()} customer={customer()} reprice={reprice} />
          <QuoteTotals quote={quote} version={room.version} amounts={amounts()} currency={currency()} />
        </form>
        <aside class="quote-aside">
          <LifecyclePanel
            companyId={company.id} quoteId={props.r.documentId} status={status()} version={meta().version ?? 1} number={number()} detail={detail()}
            online={online()} viewer={viewer()} nameOf={nameOf} onChanged={(d) => (d ? setDetail(d) : refresh())}
            onPreview={(v) => { setPdf({ version: v }); setPdfRevision((n) => n + 1); }}
          />
          <Show when={detail() && (status() === 'accepted' || (detail()?.invoices.length ?? 0) > 0)}>
            <ConversionPanel companyId={company.id} quoteId={props.r.documentId} detail={detail()!} online={online()} canConvert={canConvert()} onChanged={refresh} />
          </Show>
          <QuoteComments r={props.r} editable={editable() && !room.readOnly()} memberName={memberName()} anchor={anchor()} setAnchor={setAnchor} />
        </aside>
      </div>
    </>
  );
}
