import { A, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { liveQuery } from 'dexie';
import { db, type OutboxEntry } from '../stores/db';
import { isFor } from '../stores/outboxLoop';
import { openDraft, resets, type DraftReplica } from '../sync/draftReplica';
import { optionsFor } from '../sync/roomOptions';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { DraftEditor } from '../components/invoice/DraftEditor';
import { IssuedInvoice } from '../components/invoice/IssuedInvoice';
import { LateEditsNotice } from '../components/invoice/LateEditsNotice';

/** /c/:companyId/invoices/:invoiceId — opens the document's replica, then the editor or the issued view. */
export default function InvoiceEditor() {
  const params = useParams<{ invoiceId: string }>();
  const { company } = useCompany();
  const [value, setValue] = createSignal<DraftReplica | null>(null);
  createEffect(
    on([() => params.invoiceId, resets], ([id]) => {
      const { replica, release } = openDraft(company.id, id, optionsFor(company.id, 'document'));
      setValue(replica);
      onCleanup(release);
    }),
  );
  return (
    <Show when={value()} keyed>
      {(d) => <InvoiceView d={d} />}
    </Show>
  );
}

function InvoiceView(props: { d: DraftReplica }) {
  const { company, replica } = useCompany();
  const room = props.d.room;
  const meta = createMemo(() => (room.version(), props.d.draft.readMeta()));
  const indexed = createMemo(() => (replica.version(), replica.workspace.getDocument(props.d.documentId)));
  const number = () => room.frozenAs() ?? meta().number ?? indexed()?.number ?? null;
  const issued = () => meta().status === 'issued' || room.frozenAs() !== null;
  const [issue, setIssue] = createSignal<OutboxEntry | undefined>(undefined);
  const sub = liveQuery(() => db.outbox.where('companyId').equals(company.id).filter((e) => e.kind === 'issue' && isFor(e.payload, props.d.documentId)).first()).subscribe({
    next: (e) => setIssue(e),
    error: () => setIssue(undefined),
  });
  onCleanup(() => sub.unsubscribe());

  return (
    <Switch>
      <Match when={!room.loaded()}>
        <p class="muted">{t('common.loading')}</p>
      </Match>
      <Match when={!meta().kind}>
        <Notice kind={indexed() ? 'info' : 'warning'} testid="invoice-not-here">
          {t(indexed() ? 'invoice.waitingForSync' : 'invoice.notFound')}
        </Notice>
        <A href={`/c/${company.id}/invoices`} class="btn">← {t('invoices.backToList')}</A>
      </Match>
      <Match when={true}>
        <Show when={room.lateEdits()}>
          <LateEditsNotice d={props.d} number={number() ?? '…'} isInvoice={meta().kind === 'invoice'} />
        </Show>
        <Show when={issued()} fallback={<DraftEditor d={props.d} issue={issue()} />}>
          <IssuedInvoice d={props.d} number={number() ?? '…'} />
        </Show>
      </Match>
    </Switch>
  );
}
