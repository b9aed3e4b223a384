import { For, Show } from 'solid-js';
import type { RoleInfo } from '../../api/types';
import { roleName, roleSummary } from '../../auth/roles';
import { lang, t } from '../../i18n';

/** Roles to choose from, each with what it allows in one line (radio buttons: all visible, easy to compare). */
export function RoleChoice(props: {
  /** The roles offered. */
  choices: RoleInfo[];
  /** Every role of the company, to name custom ones. */
  roles: RoleInfo[];
  value: string;
  /** The role held now, marked as such. */
  current?: string | undefined;
  name: string;
  legend: string;
  onChange: (role: string) => void;
}) {
  return (
    <fieldset class="role-choice" data-testid="role-choice">
      <legend class="visually-hidden">{props.legend}</legend>
      <For each={props.choices}>
        {(r) => (
          <label class="role-option" classList={{ selected: props.value === r.id }} data-role={r.id}>
            <input type="radio" name={props.name} value={r.id} checked={props.value === r.id} onChange={() => props.onChange(r.id)} />
            <span class="role-option-text">
              <span class="role-option-name">
                {roleName(r.id, props.roles, lang())}
                <Show when={props.current === r.id}>
                  <span class="badge muted">{t('members.currentRole')}</span>
                </Show>
              </span>
              <span class="hint">{roleSummary(r.id, props.roles, lang())}</span>
            </span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
