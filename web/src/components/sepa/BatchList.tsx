import { createSignal, For, Show } from 'solid-js';
import { sepaDebitsApi, type BatchView, type ConfirmedBatch } from '../../api/sepa';
import { saveFile } from '../../export/saveFile';
import { fileNameOf } from '../../stores/sepaDebits';
import { displayAmount } from '../../stores/fieldInput';
import { describeError } from '../../errors';
import { formatDate, formatDay, lang, t } from '../../i18n';
import { Notice } from '../Notice';
import { BankAnswerForm } from './BankAnswerForm';

export interface BatchListProps {
  companyId: string;
  batches: readonly BatchView[];
  customerName: (id: string) => string | undefined;
  /** The member may download files and record answers (payments.record) and the server is reachable. */
  canAct: boolean;
  onAnswered: (answer: ConfirmedBatch) => void;
}

/** The pain.008 files made, newest first: download one for the bank, then record the bank's answer. */
export function BatchList(props: BatchListProps) {
  const [answering, setAnswering] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [downloading, setDownloading] = createSignal<string | null>(null);

  const download = async (b: BatchView) => {
    setFailure(null);
    setDownloading(b.id);
    try {
      const file = await sepaDebitsApi.pain008(props.companyId, b.id);
      saveFile(file.blob, fileNameOf(file.contentDisposition, `${b.messageId}.xml`));
    } catch (e) {
      setFailure(describeError(e));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="download-failure">{m()}</Notice>}</Show>
      <table class="table" data-testid="batch-list">
        <thead>
          <tr>
            <th scope="col">{t('debits.colDebitDate')}</th>
            <th scope="col" class="num">{t('debits.colCount')}</th>
            <th scope="col" class="num">{t('debits.colTotal')}</th>
            <th scope="col">{t('debits.colStatus')}</th>
            <th scope="col"><span class="visually-hidden">{t('debits.colActions')}</span></th>
          </tr>
        </thead>
        <tbody>
          <For each={props.batches}>
            {(b) => (
              <>
                <tr data-testid="batch-row" data-id={b.id} data-status={b.status}>
                  <td>
                    <span class="nowrap" data-testid="batch-date">{formatDay(b.collectionDate)}</span>
                    <span class="muted small batch-made" title={b.messageId}>{t('debits.madeOn', { date: formatDate(b.createdAt) })}</span>
                  </td>
                  <td class="num" data-testid="batch-count">{b.count}</td>
                  <td class="num" data-testid="batch-total">{displayAmount(b.total, 'EUR', lang())}</td>
                  <td>
                    <span class="chip debit-chip" data-tone={b.status === 'confirmed' ? 'success' : 'info'} data-testid="batch-status">
                      {t(b.status === 'confirmed' ? 'debits.batchConfirmed' : 'debits.batchCreated')}
                    </span>
                  </td>
                  <td>
                    <Show when={props.canAct}>
                      <div class="batch-actions">
                        <button type="button" class="btn small" disabled={downloading() === b.id} onClick={() => void download(b)} data-testid="download-pain008">
                          {t('debits.download')}
                        </button>
                        <Show when={b.status === 'created' && answering() !== b.id}>
                          <button type="button" class="btn small primary" onClick={() => setAnswering(b.id)} data-testid="open-bank-answer">
                            {t('debits.answer')}
                          </button>
                        </Show>
                      </div>
                    </Show>
                  </td>
                </tr>
                <Show when={answering() === b.id && b.status === 'created'}>
                  <tr class="answer-row">
                    <td colspan="5">
                      <BankAnswerForm
                        companyId={props.companyId} batch={b} customerName={props.customerName} disabled={!props.canAct}
                        onClose={() => setAnswering(null)}
                        onRecorded={(answer) => {
                          setAnswering(null);
                          props.onAnswered(answer);
                        }}
                      />
                    </td>
                  </tr>
                </Show>
              </>
            )}
          </For>
        </tbody>
      </table>
    </>
  );
}
