import { For, Show } from 'solid-js';
import type { ChangeRow } from '../../audit/changes';
import { actorName, deviceText, formatInstant, type Reading } from '../../audit/reading';
import { t } from '../../i18n';
import '../security/security.css';

function Value(props: { text: string | null; class?: string }) {
  return (
    <Show when={props.text !== null} fallback={<span class="empty-value">{t('history.emptyValue')}</span>}>
      <span class={props.class}>{props.text}</span>
    </Show>
  );
}

/** Changes of fields, newest first: "Ville : Lyon → Nantes", then who, when and from which device. */
export function ChangeList(props: { rows: readonly (ChangeRow & { where?: string })[]; reading: Reading; testid?: string }) {
  return (
    <ul class="feed" data-testid={props.testid ?? 'change-list'}>
      <For each={props.rows}>
        {(row) => {
          const who = () => actorName(row.actor, props.reading, row.actorName);
          const when = () => formatInstant(row.at, props.reading.lang);
          const device = () => deviceText(row.device, props.reading);
          return (
            <li class="feed-item" data-testid="change" data-place={row.place}>
              <div class="feed-text">
                <Show when={row.where}>{(where) => <p class="feed-meta change-where">{where()}</p>}</Show>
                <p class="change-what">
                  <span class="change-label">{row.label}</span>
                  <Show when={row.what === 'field'}>
                    {' : '}
                    <span class="change-values" data-testid="change-values">
                      <Value text={row.before} class="before" /> → <Value text={row.after} />
                    </span>
                  </Show>
                  <Show when={row.what !== 'field' && row.after}> : <span class="change-values">{row.after}</span></Show>
                </p>
                <p class="feed-meta">{device() ? t('history.metaDevice', { who: who(), when: when(), device: device() ?? '' }) : t('history.meta', { who: who(), when: when() })}</p>
              </div>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
