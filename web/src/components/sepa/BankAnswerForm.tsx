import { createResource, createSignal, For, Show } from 'solid-js';
import { sepaDebitsApi, type BatchView, type ConfirmedBatch } from '../../api/sepa';
import { bankAnswer, rejectReasons } from '../../stores/sepaDebits';
import { newIdempotencyKey } from '../../stores/ids';
import { displayAmount } from '../../stores/fieldInput';
import { describeError } from '../../errors';
import { formatDay, lang, t } from '../../i18n';
import { createAction } from '../action';
import { Notice } from '../Notice';
import { SequenceType } from './SequenceType';

export interface BankAnswerFormProps {
  companyId: string;
  batch: BatchView;
  customerName: (id: string) => string | undefined;
  disabled: boolean;
  onRecorded: (answer: ConfirmedBatch) => void;
  onClose: () => void;
}

/**
 * "Enregistrer la réponse de la banque": the lines of a file sent to the bank; the person ticks those the bank
 * returned unpaid (R-transactions) with the reason it gave, and the others are recorded as paid.
 */
export function BankAnswerForm(props: BankAnswerFormProps) {
  const [lines] = createResource(
    () => props.batch.id,
    async (id) => (await sepaDebitsApi.collections(props.companyId, 'batched')).filter((c) => c.batchId === id),
  );
  const [rejected, setRejected] = createSignal<ReadonlyMap<string, string>>(new Map());
  const action = createAction();
  const toggle = (invoiceId: string, on: boolean) =>
    setRejected((m) => {
      const next = new Map(m);
      if (on) next.set(invoiceId, m.get(invoiceId) ?? rejectReasons[0]);
      else next.delete(invoiceId);
      return next;
    });
  const setReason = (invoiceId: string, reason: string) => setRejected((m) => new Map(m).set(invoiceId, reason));
  const paidCount = () => (lines()?.length ?? 0) - rejected().size;

  const record = () =>
    action.run(async () => props.onRecorded(await sepaDebitsApi.confirmBatch(props.companyId, props.batch.id, bankAnswer(lines() ?? [], rejected()), newIdempotencyKey())));

  return (
    <div class="bank-answer" data-testid="bank-answer">
      <p class="small">{t('debits.answerHelp')}</p>
      <Show when={lines.error}>
        <Notice kind="error">{describeError(lines.error)}</Notice>
      </Show>
      <Show when={lines()}>
        <table class="table compact" data-testid="bank-answer-lines">
          <thead>
            <tr>
              <th scope="col">{t('debits.colRejected')}</th>
              <th scope="col">{t('debits.colInvoice')}</th>
              <th scope="col">{t('debits.colCustomer')}</th>
              <th scope="col" class="hide-sm">{t('debits.colSequence')}</th>
              <th scope="col" class="num">{t('debits.colAmount')}</th>
              <th scope="col">{t('debits.colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={lines()}>
              {(c) => {
                const ticked = () => rejected().has(c.invoiceId);
                const label = () => t('debits.rejectLine', { invoice: c.number ?? c.invoiceId });
                return (
                  <tr data-testid="bank-answer-line" data-invoice={c.invoiceId} data-rejected={ticked()}>
                    <td>
                      <input type="checkbox" checked={ticked()} aria-label={label()} onChange={(e) => toggle(c.invoiceId, e.currentTarget.checked)} data-testid="reject-line" />
                    </td>
                    <td class="nowrap">{c.number ?? '—'}</td>
                    <td>{props.customerName(c.customerId) ?? t('debits.unknownCustomer')}</td>
                    <td class="hide-sm"><SequenceType type={c.sequenceType} /></td>
                    <td class="num">{displayAmount(c.amount, c.currency, lang())}</td>
                    <td>
                      <Show when={ticked()} fallback={<span class="muted small">{t('debits.paidLine', { date: formatDay(c.collectionDate) })}</span>}>
                        <select
                          aria-label={t('debits.reasonFor', { invoice: c.number ?? c.invoiceId })} value={rejected().get(c.invoiceId)}
                          onChange={(e) => setReason(c.invoiceId, e.currentTarget.value)} data-testid="reject-reason"
                        >
                          <For each={rejectReasons}>{(code) => <option value={code}>{t(`sepaReject.${code}`)}</option>}</For>
                        </select>
                      </Show>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <Show when={action.error()}>{(m) => <Notice kind="error" testid="bank-answer-failure">{m()}</Notice>}</Show>
        <div class="actions wrap">
          <button type="button" class="btn primary" disabled={props.disabled || action.busy() || (lines()?.length ?? 0) === 0} onClick={() => void record()} data-testid="record-answer">
            {t('debits.recordAnswer', { paid: paidCount(), rejected: rejected().size })}
          </button>
          <button type="button" class="btn ghost" onClick={() => props.onClose()}>{t('common.cancel')}</button>
        </div>
      </Show>
    </div>
  );
}
