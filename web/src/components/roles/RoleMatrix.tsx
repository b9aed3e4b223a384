import { For } from 'solid-js';
import type { Permission } from '@facturo/core';
import type { RoleInfo } from '../../api/types';
import { permissionGroups, roleName } from '../../auth/roles';
import { lang, t } from '../../i18n';

const rows: Permission[] = ['company.read', ...permissionGroups.flatMap((g) => g.permissions)];

/** Every role side by side: a row per permission, a column per role, a tick where the role grants it. */
export function RoleMatrix(props: { roles: RoleInfo[] }) {
  return (
    <div class="table-scroll">
      <table class="table compact role-matrix" data-testid="role-matrix">
        <thead>
          <tr>
            <th scope="col">{t('roles.permissionCol')}</th>
            <For each={props.roles}>
              {(r) => (
                <th scope="col" class="role-col" classList={{ custom: !r.builtIn }} data-role={r.id}>
                  {roleName(r.id, props.roles, lang())}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={rows}>
            {(p) => (
              <tr data-permission={p}>
                <th scope="row" title={t(`permissionHelp.${p}`)}>{t(`permission.${p}`)}</th>
                <For each={props.roles}>
                  {(r) => (
                    <td class="tick" classList={{ custom: !r.builtIn }}>
                      {r.permissions.includes(p) ? <span aria-hidden="true">✓</span> : <span class="muted" aria-hidden="true">–</span>}
                      <span class="visually-hidden">{t(r.permissions.includes(p) ? 'roles.yes' : 'roles.no')}</span>
                    </td>
                  )}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
