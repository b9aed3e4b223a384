import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { dunningApi, type DunningTaskView } from '../api/dunning';
import { formatDay, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { EmptyState, Notice } from '../components/Notice';
import { PageHead } from '../components/record-pages';
import { createCustomerRows } from '../components/customerRows';
import { DunningTabs } from '../components/dunning/DunningTabs';
import { recountDunningTasks } from '../components/dunning/DunningNav';
import { createMemberChoices } from '../components/dunning/members';
import { createInvoiceNumbers } from '../components/dunning/invoiceNumbers';
import '../components/dunning/dunning.css';

/** /c/:companyId/dunning/tasks — the calls and registered letters the policies hand to the team, open ones first. */
export default function DunningTasks() {
  const { company, can } = useCompany();
  const [tasks, { refetch }] = createResource(() => company.id, (id) => dunningApi.tasks(id));
  const customers = createCustomerRows(company.id);
  const invoices = createInvoiceNumbers(company.id);
  const members = createMemberChoices(company.id);
  const [failure, setFailure] = createSignal<string | null>(null);
  const memberName = (id: string | null) => (id ? (members().find((m) => m.id === id)?.name ?? id) : '—');
  const done = async (task: DunningTaskView) => {
    try {
      await dunningApi.taskDone(company.id, task.id);
      void refetch();
      recountDunningTasks();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <DunningTabs companyId={company.id} />
      <PageHead title={t('dunning.tasksTitle')} lead={t('dunning.tasksLead')} />
      <Show when={failure()}>{(f) => <Notice kind="error" testid="tasks-error">{f()}</Notice>}</Show>
      <Show when={!tasks.error} fallback={<Notice kind="warning" testid="tasks-offline">{t('dunning.tasksOffline')}</Notice>}>
        <Show when={tasks()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<EmptyState title={t('dunning.tasksEmpty')}><p class="muted">{t('dunning.tasksEmptyHelp')}</p></EmptyState>}>
              <table class="table" data-testid="task-list">
                <thead>
                  <tr>
                    <th scope="col">{t('dunning.colAction')}</th>
                    <th scope="col">{t('dunning.colInvoice')}</th>
                    <th scope="col">{t('dunning.colCustomer')}</th>
                    <th scope="col">{t('dunning.colDue')}</th>
                    <th scope="col">{t('dunning.colAssignee')}</th>
                    <th scope="col">{t('dunning.script')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(task) => (
                      <tr data-testid="task-row" data-status={task.status} class="dunning-task" classList={{ done: task.status === 'done' }}>
                        <td><strong>{t(task.action === 'registered_letter' ? 'dunning.action.letter' : 'dunning.action.call')}</strong></td>
                        <td class="dunning-nowrap"><A href={`/c/${company.id}/invoices/${task.invoiceId}/print`}>{task.number ?? invoices().get(task.invoiceId)?.number ?? task.invoiceId}</A></td>
                        <td>{task.customerId ? (customers().get(task.customerId)?.name ?? task.customerId) : '—'}</td>
                        <td class="dunning-nowrap">{formatDay(task.dueOn, lang())}</td>
                        <td>{memberName(task.assigneeId)}</td>
                        <td class="dunning-text-cell">
                          <Show when={task.note}>
                            {(note) => (
                              <details>
                                <summary>{note().split('\n')[0]}</summary>
                                <pre class="dunning-body">{note()}</pre>
                              </details>
                            )}
                          </Show>
                        </td>
                        <td>
                          <Show when={task.status === 'open'} fallback={<span class="muted">{t('dunning.done', { date: formatDay(task.doneAt?.slice(0, 10), lang()) })}</span>}>
                            <Show when={can('payments.record')}>
                              <button type="button" class="btn small" onClick={() => void done(task)} data-testid="task-done">{t('dunning.markDone')}</button>
                            </Show>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          )}
        </Show>
      </Show>
    </>
  );
}
