import { A, useNavigate } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { draftHash, draftProblems, safeTotals, splitProblems } from '../../stores/draftEdits';
import { queueIssue } from '../../stores/outboxLoop';
import type { OutboxEntry } from '../../stores/db';
import { db } from '../../stores/db';
import { deleteDraft } from '../../stores/draftDeletion';
import { invoicesApi } from '../../api/invoices';
import { session } from '../../auth/session';
import { describeError } from '../../errors';
import type { DraftReplica } from '../../sync/draftReplica';
import { createCustomerRecord } from '../customerRecord';
import { createCustomerRows } from '../customerRows';
import { t } from '../../i18n';
import { useCompany } from '../companyContext';
import { Notice } from '../Notice';
import { Presence } from '../Presence';
import { SyncStatus } from '../SyncStatus';
import { DraftFields } from './DraftFields';
import { IssueChecklist } from './IssueChecklist';
import { DeleteDraftDialog } from './DeleteDraftDialog';
import { IssueDialog } from './IssueDialog';
import { LinesSection } from './LinesSection';
import { problemText } from './problems';
import { StatusChip } from './StatusChip';
import { TotalsPanel } from './TotalsPanel';
import { DraftPreview } from './DraftPreview';
import { HistoryPanel } from '../audit/HistoryPanel';
import { companyToday } from '../../today';

/** The device's calendar day (the server decides the real issue date in the company's zone). */

/** A draft invoice or credit note: co-edited live, checked against the law, issued through the outbox. */
export function DraftEditor(props: { d: DraftReplica; issue: OutboxEntry | undefined }) {
  const { company, replica, can, canWrite } = useCompany();
  const ws = replica.workspace;
  const room = props.d.room;
  const draft = props.d.draft;
  const base = `/c/${company.id}`;
  const meta = createMemo(() => (room.version(), draft.readMeta()));
  const customerId = createMemo(() => meta().customerId);
  const rows = createCustomerRows(company.id);
  // The chosen customer's own document, held open while it is chosen: the legal checks read its record.
  const customer = createCustomerRecord(company.id, ws, customerId);
  const totals = createMemo(() => (room.version(), safeTotals(draft)));
  const problems = createMemo(() => (room.version(), replica.version(), draftProblems(ws, draft, companyToday(), customer())));
  const split = createMemo(() => splitProblems(problems()));
  const lineIds = createMemo(() => (room.version(), draft.listLines().map((l) => l.id)));
  const nameOf = (id: string) => (customer()?.id === id ? customer()?.name : undefined) ?? rows().get(id)?.name;
  const customerName = () => {
    const id = customerId();
    return id ? nameOf(id) : undefined;
  };
  const pending = () => props.issue !== undefined && props.issue.rejected !== true;
  const refused = () => (props.issue?.rejected === true ? props.issue : undefined);
  const readOnly = () => room.readOnly() || pending();
  const creditNote = () => meta().kind === 'credit_note';
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const navigate = useNavigate();
  const [deleting, setDeleting] = createSignal(false);
  const [deleteBusy, setDeleteBusy] = createSignal(false);
  const [deleteError, setDeleteError] = createSignal<string | null>(null);
  const [previewing, setPreviewing] = createSignal(false);

  const issue = async () => {
    setBusy(true);
    try {
      await queueIssue(company.id, props.d.documentId, await draftHash(draft));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      const outcome = await deleteDraft(company.id, props.d.documentId, { db, ws, online: session.reachable(), remove: invoicesApi.remove });
      if (outcome.ok) {
        setDeleting(false);
        navigate(`${base}/invoices`);
      } else {
        setDeleteError(t(outcome.reason === 'issued' ? 'deleteDraft.issued' : outcome.reason === 'pending' ? 'deleteDraft.pending' : 'deleteDraft.unknown'));
      }
    } catch (e) {
      setDeleteError(describeError(e));
    } finally {
      setDeleteBusy(false);
    }
  };
  const cancelIssue = () => {
    if (props.issue) void db.outbox.delete(props.issue.id);
  };

  return (
    <>
      <div class="page-head">
        <A href={`${base}/invoices`} class="back">← {t('invoices.backToList')}</A>
        <h1 data-testid="invoice-title">{t(creditNote() ? 'invoice.draftCreditTitle' : 'invoice.draftTitle')}</h1>
        <StatusChip status={pending() ? 'pending' : 'draft'} />
        <div class="doc-presence">
          <Show when={room.others().length > 0}>
            <span class="muted small">{t('invoice.alsoHere')}</span>
            <Presence others={room.others()} testid="doc-presence" />
          </Show>
          <SyncStatus state={room.syncState()} testid="doc-sync-status" />
        </div>
      </div>
      <div class="actions no-print">
        <button type="button" class="btn" aria-expanded={previewing()} onClick={() => setPreviewing(!previewing())} data-testid="preview-button">
          {t('draftPreview.button')}
        </button>
      </div>
      <Show when={previewing()}>
        <DraftPreview d={props.d} customer={customer()} onClose={() => setPreviewing(false)} />
      </Show>
      <Show when={pending()}>
        <Notice kind="info" testid="pending-issue">
          <p>{t('issue.pending')}</p>
          <button type="button" class="btn small" onClick={cancelIssue} data-testid="cancel-issue">{t('issue.cancel')}</button>
        </Notice>
      </Show>
      <Show when={refused()}>
        {(e) => (
          <Notice kind="error" testid="issue-refused">
            <p>{t('issue.refused')}</p>
            <ul>
              {Object.entries(e().fields ?? {}).map(([k, m]) => (
                <li>{problemText(k, m, { name: customerName() ?? '' })}</li>
              ))}
            </ul>
            <Show when={Object.keys(e().fields ?? {}).length === 0}>
              <p class="small">{e().lastError}</p>
            </Show>
          </Notice>
        )}
      </Show>
      <Show when={!can('documents.edit') && !replica.readOnly()}>
        <Notice kind="info" testid="draft-locked">{t('access.documentsLocked')}</Notice>
      </Show>
      <form class="form invoice-form" onSubmit={(e) => e.preventDefault()} data-testid="invoice-editor">
        <DraftFields d={props.d} ws={ws} base={base} readOnly={readOnly()} part="customer" customers={rows()} customer={customer()} />
        <LinesSection d={props.d} ws={ws} version={replica.version} totals={totals()} lineProblems={split().lines} currency={meta().currency ?? 'EUR'} readOnly={readOnly()} />
        <TotalsPanel totals={totals()} empty={lineIds().length === 0} currency={meta().currency ?? 'EUR'} />
        <DraftFields d={props.d} ws={ws} base={base} readOnly={readOnly()} part="details" customers={rows()} customer={customer()} />
      </form>
      <IssueChecklist problems={problems()} base={base} customerId={meta().customerId} customerName={customerName()} lineIds={lineIds()}>
        <Show when={!can('invoices.issue') && !pending()}>
          <p class="muted small" data-testid="issue-locked">{t('access.issueLocked')}</p>
        </Show>
        <Show when={can('invoices.issue') && !room.readOnly() && !pending()}>
          <div class="actions issue-actions">
            <button type="button" class="btn primary" disabled={Object.keys(problems()).length > 0} onClick={() => setConfirming(true)} data-testid="issue-button">
              {t(creditNote() ? 'issue.buttonCredit' : 'issue.button')}
            </button>
            <Show when={Object.keys(problems()).length > 0}>
              <span class="muted small">{t('issue.fixFirst')}</span>
            </Show>
          </div>
        </Show>
      </IssueChecklist>
      <Show when={!room.readOnly() && canWrite('documents.edit') && !pending()}>
        <div class="actions delete-actions">
          <button
            type="button"
            class="btn danger"
            onClick={() => {
              setDeleteError(null);
              setDeleting(true);
            }}
            data-testid="delete-draft"
          >
            {t('deleteDraft.button')}
          </button>
        </div>
      </Show>
      <HistoryPanel
        doc={props.d.documentId}
        prefix={[]}
        scope={{ kind: 'draft', lineNumber: (id) => lineIds().indexOf(id) + 1 || null, customerName: (id) => nameOf(id) ?? null }}
      />
      <DeleteDraftDialog
        open={deleting()}
        creditNote={creditNote()}
        busy={deleteBusy()}
        error={deleteError()}
        onConfirm={() => void remove()}
        onClose={() => setDeleting(false)}
      />
      <IssueDialog open={confirming()} creditNote={creditNote()} busy={busy()} onConfirm={() => void issue()} onClose={() => setConfirming(false)} />
    </>
  );
}
