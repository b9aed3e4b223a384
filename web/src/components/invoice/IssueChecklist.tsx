import { A } from '@solidjs/router';
import { For, Show, type JSX } from 'solid-js';
import { t } from '../../i18n';
import { problemLine, problemTarget, problemText } from './problems';

/** What still forbids issuing (core's issueProblems), each with a link to where it is fixed. */
export function IssueChecklist(props: { problems: Record<string, string>; base: string; customerId?: string; customerName?: string; lineIds: string[]; children?: JSX.Element }) {
  const entries = () => Object.entries(props.problems);
  const focus = (id: string) => {
    const el = document.getElementById(id);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    el?.focus({ preventScroll: true });
  };
  return (
    <section class="card checklist" data-testid="issue-checklist" aria-labelledby="checklist-title">
      <h2 class="section-title" id="checklist-title">{t('checklist.title')}</h2>
      <Show when={entries().length > 0} fallback={<p class="ok" data-testid="checklist-ok">✓ {t('checklist.ready')}</p>}>
        <p class="muted small">{t('checklist.lead', { count: entries().length })}</p>
        <ul class="problems">
          <For each={entries()}>
            {([key, message]) => {
              const target = () => problemTarget(key, { base: props.base, customerId: props.customerId, lineIds: props.lineIds });
              const text = () => {
                const line = problemLine(key);
                const body = problemText(key, message, { name: props.customerName ?? '' });
                return line === null ? body : t('checklist.onLine', { n: line, problem: body });
              };
              return (
                <li data-testid="issue-problem" data-key={key}>
                  <span class="problem-text">{text()}</span>
                  <Show when={target().href}>
                    {(href) => <A href={href()} class="fix-link">{t('checklist.fix')}</A>}
                  </Show>
                  <Show when={target().focusId}>
                    {(id) => (
                      <button type="button" class="btn ghost small fix-link" onClick={() => focus(id())}>
                        {t('checklist.show')}
                      </button>
                    )}
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      {props.children}
    </section>
  );
}
