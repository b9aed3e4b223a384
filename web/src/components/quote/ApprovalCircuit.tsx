import { For, Show } from 'solid-js';
import type { CircuitRun } from '@facturo/core';
import type { QuoteApproval } from '../../api/quotes';
import { formatDate, t, type MessageKey } from '../../i18n';

/** The approval circuit of the quote's last run: each step, its approvers, their decisions and comments. */
export function ApprovalCircuit(props: { approval: QuoteApproval; nameOf: (userId: string) => string }) {
  const run = (): CircuitRun | undefined => props.approval.runs[props.approval.runs.length - 1];
  const awaited = (step: number) =>
    props.approval.awaiting && props.approval.awaiting.step === step ? props.approval.awaiting.approvers.map((a) => props.nameOf(a.approverId)) : [];
  const approversText = (s: CircuitRun['circuit']['steps'][number]) =>
    [...(s.approvers.role ? [t('approval.role', { role: s.approvers.role })] : []), ...s.approvers.users.map(props.nameOf)].join(', ');
  const state = (r: CircuitRun, i: number) => (r.outcome !== 'open' && r.step > i + 1 ? 'done' : r.step === i + 1 && r.outcome === 'open' ? 'open' : r.step > i + 1 ? 'done' : r.step === i + 1 ? r.outcome : 'later');
  return (
    <div class="approval" data-testid="approval-circuit">
      <Show when={run()} fallback={<p class="muted small">{t('approval.noRun')}</p>}>
        {(r) => (
          <>
            <p class="small">
              <strong>{t('approval.circuit', { name: r().circuit.name })}</strong>
              <span class="muted"> · {t(`approval.outcome.${r().outcome}` as MessageKey)}</span>
            </p>
            <ol class="steps">
              <For each={r().circuit.steps}>
                {(s, i) => (
                  <li class="step" data-state={state(r(), i())} data-testid="approval-step">
                    <div class="step-head">
                      <span class="step-dot" aria-hidden="true" />
                      <strong>{s.name || t('approval.step', { n: i() + 1 })}</strong>
                      <span class="muted small">{approversText(s)}</span>
                      <span class="muted small">· {t(`approval.mode.${s.rule.mode}` as MessageKey)}</span>
                    </div>
                    <ul class="decisions">
                      <For each={r().decisions.filter((d) => d.step === i() + 1)}>
                        {(d) => (
                          <li data-kind={d.kind} data-testid="approval-decision">
                            <strong>{props.nameOf(d.by)}</strong>{' '}
                            <span>{t(`approval.decision.${d.kind}` as MessageKey)}</span>
                            <Show when={d.by !== d.approverId}> {t('approval.forWhom', { name: props.nameOf(d.approverId) })}</Show>
                            <span class="muted small"> · {formatDate(d.at)}</span>
                            <Show when={d.comment}><blockquote class="decision-comment">{d.comment}</blockquote></Show>
                          </li>
                        )}
                      </For>
                      <Show when={awaited(i() + 1).length > 0}>
                        <li class="muted small" data-testid="approval-awaiting">{t('approval.awaiting', { names: awaited(i() + 1).join(', ') })}</li>
                      </Show>
                    </ul>
                  </li>
                )}
              </For>
            </ol>
          </>
        )}
      </Show>
      <Show when={props.approval.reviewComment}>
        <p class="notice warning small" data-testid="review-comment">{t('approval.reviewComment', { comment: props.approval.reviewComment ?? '' })}</p>
      </Show>
    </div>
  );
}
