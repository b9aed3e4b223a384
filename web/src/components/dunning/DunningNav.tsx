import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { dunningApi } from '../../api/dunning';
import { t } from '../../i18n';

const [tasksChanged, setTasksChanged] = createSignal(0);
/** Asks the menu to count the open tasks again (a task was marked done). */
export const recountDunningTasks = () => setTasksChanged((n) => n + 1);

/** The menu's "Relances" entry, with the number of open reminder tasks when the server answers (none offline). */
export function DunningNavLink(props: { companyId: string }) {
  const [open] = createResource(() => ({ id: props.companyId, changed: tasksChanged() }), ({ id }) => dunningApi.tasks(id, 'open').then((list) => list.length).catch(() => 0));
  return (
    <A href={`/c/${props.companyId}/dunning`} class="nav-link" data-testid="nav-dunning">
      {t('nav.dunning')}
      <Show when={(open() ?? 0) > 0}>
        <span class="nav-count" data-testid="dunning-tasks-open" title={t('nav.dunningTasksOpen', { n: open() ?? 0 })}>
          <span aria-hidden="true">{open()}</span>
          <span class="visually-hidden">{t('nav.dunningTasksOpen', { n: open() ?? 0 })}</span>
        </span>
      </Show>
    </A>
  );
}
