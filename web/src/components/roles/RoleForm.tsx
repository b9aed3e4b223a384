import { createSignal, Show } from 'solid-js';
import type { Permission } from '@facturo/core';
import { ApiError } from '../../api/http';
import { rolesApi } from '../../api/members';
import type { RoleInfo } from '../../api/types';
import { describeRoleError, refusalKey, roleNameProblem } from '../../auth/roles';
import { t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';
import { PermissionChecklist, toggled } from './PermissionChecklist';

/** Creates a custom role, or changes one: its name and a checklist of permissions, each explained. */
export function RoleForm(props: { companyId: string; role: RoleInfo | null; onSaved: (role: RoleInfo) => void; onCancel: () => void }) {
  const [name, setName] = createSignal(props.role?.name ?? '');
  const [granted, setGranted] = createSignal<ReadonlySet<Permission>>(new Set(props.role?.permissions ?? []));
  const [nameError, setNameError] = createSignal<MessageKey | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let nameInput: HTMLInputElement | undefined;

  const toggle = (p: Permission, on: boolean) => setGranted((g) => toggled(g, p, on));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const problem = roleNameProblem(name());
    setNameError(problem);
    if (problem) return nameInput?.focus();
    const body = { name: name().trim(), permissions: [...granted()] };
    setBusy(true);
    try {
      props.onSaved(props.role ? await rolesApi.update(props.companyId, props.role.id, body) : await rolesApi.create(props.companyId, body));
    } catch (err) {
      if (err instanceof ApiError && err.fields.name) {
        setNameError(refusalKey(err, 'role'));
        nameInput?.focus();
      } else setFailure(describeRoleError(err, 'role'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="role-form" onSubmit={(e) => void submit(e)} novalidate data-testid="role-form">
      <h3 class="subsection-title">{props.role ? t('roles.editTitle', { name: props.role.name ?? '' }) : t('roles.newTitle')}</h3>
      <div class="field" classList={{ invalid: nameError() !== null }}>
        <label for="role-name">{t('roles.name')}</label>
        <input
          id="role-name"
          ref={nameInput}
          value={name()}
          maxlength={60}
          autocomplete="off"
          aria-describedby={nameError() ? 'role-name-error' : 'role-name-hint'}
          aria-invalid={nameError() ? 'true' : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <Show when={nameError()} fallback={<p class="hint" id="role-name-hint">{t('roles.nameHint')}</p>}>
          {(key) => <p class="field-error" id="role-name-error" role="alert">{t(key())}</p>}
        </Show>
      </div>
      <fieldset class="permission-list">
        <legend class="label">{t('roles.permissions')}</legend>
        <label class="permission always">
          <input type="checkbox" checked disabled />
          <span>
            <span class="permission-name">{t('permission.company.read')}</span>
            <span class="hint">{t('roles.always')}</span>
          </span>
        </label>
        <PermissionChecklist checked={(p) => granted().has(p)} onToggle={toggle} />
      </fieldset>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="role-error">{m()}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy()} data-testid="save-role">
          {t(props.role ? 'roles.save' : 'roles.createSubmit')}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
