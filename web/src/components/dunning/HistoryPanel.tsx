import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { DunningHistoryEntry, DunningHistoryHold, DunningHistoryStep, DunningHistoryTask } from '@facturo/core';
import { request } from '../../api/http';
import { formatDay, t, type MessageKey } from '../../i18n';

// GET /api/v1/invoices/{id}/dunning-history (sync-server/src/api/dunning.ts): the server's record, so online only.
const historyOf = (companyId: string, invoiceId: string) =>
  request<DunningHistoryEntry[]>('GET', `/api/v1/invoices/${encodeURIComponent(invoiceId)}/dunning-history`, { headers: { 'X-Company': companyId } });

/** When the policy set the step, in words: "7 j après l’échéance". */
function offset(days: number | null): string {
  if (days === null) return '';
  if (days === 0) return t('dunningHistory.onDueDate');
  return t(days < 0 ? 'dunningHistory.daysBefore' : 'dunningHistory.daysAfter', { n: Math.abs(days) });
}

function StepRow(props: { e: DunningHistoryStep }) {
  const outcome = () => (props.e.outcome === 'queued' && props.e.channel !== 'email' ? 'handedOver' : props.e.outcome);
  return (
    <tr data-testid="history-row" data-kind="step" data-step={props.e.stepId} data-outcome={props.e.outcome}>
      <td class="dunning-nowrap">{formatDay(props.e.on)}</td>
      <td>
        <span data-testid="history-step">{props.e.tone ? t(`dunning.tone.${props.e.tone}` as MessageKey) : t('dunningHistory.stepGone', { id: props.e.stepId })}</span>
        <div class="muted small">{[props.e.policyName, offset(props.e.offsetDays)].filter(Boolean).join(' · ')}</div>
      </td>
      <td>{t(`dunning.channel.${props.e.channel}` as MessageKey)}</td>
      <td data-testid="history-outcome">
        {t(`dunningHistory.outcome.${outcome()}` as MessageKey)}
        <Show when={props.e.detail}>{(d) => <div class="muted small">{d()}</div>}</Show>
      </td>
    </tr>
  );
}

function TaskRow(props: { e: DunningHistoryTask }) {
  return (
    <tr data-testid="history-row" data-kind="task">
      <td class="dunning-nowrap">{formatDay(props.e.on)}</td>
      <td>
        {t(`dunningHistory.task.${props.e.action}` as MessageKey)}
        <div class="muted small" data-testid="history-assignee">
          {props.e.assigneeName ? t('dunningHistory.task.for', { who: props.e.assigneeName, date: formatDay(props.e.dueOn) }) : t('dunningHistory.task.due', { date: formatDay(props.e.dueOn) })}
        </div>
      </td>
      <td>{t('dunningHistory.task.channel')}</td>
      <td>
        <Show when={props.e.doneOn} fallback={t('dunningHistory.task.open')}>
          {(on) => (props.e.doneByName ? t('dunningHistory.task.done', { date: formatDay(on()), who: props.e.doneByName }) : t('dunningHistory.task.doneOn', { date: formatDay(on()) }))}
        </Show>
      </td>
    </tr>
  );
}

function HoldRow(props: { e: DunningHistoryHold }) {
  const line = () => (props.e.holdKind === 'dispute' ? t('holds.line.dispute') : t(`holds.line.${props.e.holdKind}` as MessageKey, { date: formatDay(props.e.until) }));
  return (
    <tr data-testid="history-row" data-kind="hold">
      <td class="dunning-nowrap">{formatDay(props.e.on)}</td>
      <td>
        {line()}
        <div class="muted small">{[props.e.note, props.e.createdByName ? t('dunningHistory.hold.by', { who: props.e.createdByName }) : null].filter(Boolean).join(' · ')}</div>
      </td>
      <td>—</td>
      <td>{props.e.releasedOn ? t('dunningHistory.hold.released', { date: formatDay(props.e.releasedOn) }) : t('dunningHistory.hold.active')}</td>
    </tr>
  );
}

/**
 * What happened to an issued invoice's reminders (issue 8), oldest first: each step the server's pass sent, handed
 * over, skipped or failed to send, the tasks it gave the team, the holds placed and lifted.
 */
export function HistoryPanel(props: { companyId: string; invoiceId: string }) {
  const [history] = createResource(() => props.invoiceId, (id) => historyOf(props.companyId, id));
  return (
    <section class="card section dunning-holds no-print" data-testid="dunning-history">
      <h2 class="section-title">{t('dunningHistory.title')}</h2>
      <Show when={!history.error} fallback={<p class="muted">{t('dunningHistory.offline')}</p>}>
        <Show when={history()}>
          {(entries) => (
            <Show when={entries().length > 0} fallback={<p class="muted" data-testid="history-none">{t('dunningHistory.empty')}</p>}>
              <table class="table" data-testid="history-list">
                <thead>
                  <tr>
                    <th scope="col">{t('dunningHistory.colDate')}</th>
                    <th scope="col">{t('dunningHistory.colStep')}</th>
                    <th scope="col">{t('dunningHistory.colChannel')}</th>
                    <th scope="col">{t('dunningHistory.colResult')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={entries()}>
                    {(e) => (
                      <Switch>
                        <Match when={e.kind === 'step' && e}>{(s) => <StepRow e={s()} />}</Match>
                        <Match when={e.kind === 'task' && e}>{(s) => <TaskRow e={s()} />}</Match>
                        <Match when={e.kind === 'hold' && e}>{(s) => <HoldRow e={s()} />}</Match>
                      </Switch>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
