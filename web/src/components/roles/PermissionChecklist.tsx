import { For } from 'solid-js';
import type { Permission } from '@facturo/core';
import { permissionGroups } from '../../auth/roles';
import { t } from '../../i18n';

/** The set with one permission ticked or unticked (a new set: signals compare by identity). */
export function toggled(set: ReadonlySet<Permission>, p: Permission, on: boolean): Set<Permission> {
  const next = new Set(set);
  if (on) next.add(p);
  else next.delete(p);
  return next;
}

/**
 * Permissions by group, each a checkbox with its name and a one-line explanation: the custom role form
 * and the API token form (`offered` limits it to what may be given; groups with nothing offered are left out).
 */
export function PermissionChecklist(props: { checked: (p: Permission) => boolean; onToggle: (p: Permission, on: boolean) => void; offered?: readonly Permission[] }) {
  const offered = (p: Permission) => !props.offered || props.offered.includes(p);
  return (
    <For each={permissionGroups.filter((g) => g.permissions.some(offered))}>
      {(group) => (
        <div class="permission-group">
          <p class="permission-group-title">{t(group.title)}</p>
          <For each={group.permissions.filter(offered)}>
            {(p) => (
              <label class="permission" data-permission={p}>
                <input type="checkbox" checked={props.checked(p)} onChange={(e) => props.onToggle(p, e.currentTarget.checked)} />
                <span>
                  <span class="permission-name">{t(`permission.${p}`)}</span>
                  <span class="hint">{t(`permissionHelp.${p}`)}</span>
                </span>
              </label>
            )}
          </For>
        </div>
      )}
    </For>
  );
}
