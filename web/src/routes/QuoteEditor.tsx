import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { openQuote, type QuoteReplica } from '../sync/quoteReplica';
import { optionsFor } from '../sync/roomOptions';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { QuoteView } from '../components/quote/QuoteView';

/** /c/:companyId/quotes/:quoteId — opens the quote's replica, then its editor (read-only once submitted). */
export default function QuoteEditor() {
  const params = useParams<{ quoteId: string }>();
  const { company } = useCompany();
  const [value, setValue] = createSignal<QuoteReplica | null>(null);
  createEffect(
    on(() => params.quoteId, (id) => {
      const { replica, release } = openQuote(company.id, id, optionsFor(company.id, 'document'));
      setValue(replica);
      onCleanup(release);
    }),
  );
  return (
    <Show when={value()} keyed>
      {(r) => <QuoteGate r={r} />}
    </Show>
  );
}

function QuoteGate(props: { r: QuoteReplica }) {
  const { company, replica } = useCompany();
  const room = props.r.room;
  const kind = createMemo(() => (room.version(), props.r.quote.readMeta().kind));
  const indexed = createMemo(() => (replica.version(), replica.workspace.getDocument(props.r.documentId)));
  return (
    <Switch>
      <Match when={!room.loaded()}>
        <p class="muted">{t('common.loading')}</p>
      </Match>
      <Match when={kind() !== 'quote'}>
        <Notice kind={indexed() ? 'info' : 'warning'} testid="quote-not-here">{t(indexed() ? 'quote.waitingForSync' : 'quote.notFound')}</Notice>
        <A href={`/c/${company.id}/quotes`} class="btn">← {t('quotes.backToList')}</A>
      </Match>
      <Match when={true}>
        <QuoteView r={props.r} />
      </Match>
    </Switch>
  );
}
