import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { rolesApi } from '../api/members';
import type { RoleInfo } from '../api/types';
import { builtInRoleInfos, describeRoleError, roleSummary } from '../auth/roles';
import { describeError } from '../errors';
import { lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, Notice } from '../components/Notice';
import { RoleForm } from '../components/roles/RoleForm';
import { RoleMatrix } from '../components/roles/RoleMatrix';

/** /c/:companyId/members/roles — the company's own roles (made from permissions) beside the built-in ones. */
export default function Roles() {
  const { company, can } = useCompany();
  const [list, { refetch }] = createResource(() => company.id, rolesApi.list);
  const roles = () => list()?.roles ?? builtInRoleInfos;
  const custom = () => roles().filter((r) => !r.builtIn);
  // The role in the form: 'new', one being changed, or none.
  const [editing, setEditing] = createSignal<RoleInfo | 'new' | null>(null);
  const [deleting, setDeleting] = createSignal<RoleInfo | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const edit = (r: RoleInfo | 'new') => {
    setDone(null);
    setEditing(r);
    requestAnimationFrame(() => document.getElementById('role-name')?.focus());
  };
  const saved = (r: RoleInfo) => {
    setEditing(null);
    setDone(t('roles.saved', { name: r.name ?? '' }));
    void refetch();
  };
  const remove = async (r: RoleInfo) => {
    setBusy(true);
    setError(null);
    try {
      await rolesApi.remove(company.id, r.id);
      setDeleting(null);
      setDone(t('roles.deleted', { name: r.name ?? '' }));
      void refetch();
    } catch (e) {
      setError(describeRoleError(e, 'role'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class="page-head">
        <A href={`/c/${company.id}/members`} class="back">← {t('roles.back')}</A>
        <h1>{t('roles.title')}</h1>
        <p class="muted">{t('roles.lead')}</p>
      </div>
      <Show when={list.error}>
        <Notice kind="warning">{t('roles.unavailable')} {describeError(list.error)}</Notice>
      </Show>
      <Show when={done()}>{(m) => <Notice kind="success" testid="roles-done">{m()}</Notice>}</Show>
      <section class="card" aria-labelledby="custom-roles-title">
        <h2 id="custom-roles-title">{t('roles.customTitle')}</h2>
        <Show when={!can('members.manage')}>
          <p class="hint">{t('roles.readOnlyNote')}</p>
        </Show>
        <Show
          when={custom().length > 0}
          fallback={
            <Show when={!list.loading}>
              <EmptyState title={t('roles.customEmpty')} testid="no-custom-roles">
                <p class="muted">{t('roles.customEmptyHelp')}</p>
              </EmptyState>
            </Show>
          }
        >
          <ul class="list custom-roles" data-testid="custom-roles">
            <For each={custom()}>
              {(r) => (
                <li class="list-row" data-testid="custom-role" data-role={r.id}>
                  <div class="custom-role-text">
                    <strong class="custom-role-name">{r.name}</strong>
                    <span class="hint">{roleSummary(r.id, roles(), lang())}</span>
                  </div>
                  <Show when={can('members.manage')}>
                    <div class="actions">
                      <button type="button" class="btn small" onClick={() => edit(r)} aria-label={t('roles.editNamed', { name: r.name ?? '' })} data-testid="edit-role">
                        {t('roles.edit')}
                      </button>
                      <button
                        type="button"
                        class="btn small ghost danger"
                        onClick={() => {
                          setError(null);
                          setDone(null);
                          setDeleting(r);
                        }}
                        aria-label={t('roles.deleteNamed', { name: r.name ?? '' })}
                        data-testid="delete-role"
                      >
                        {t('roles.delete')}
                      </button>
                    </div>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={can('members.manage') && !list.error}>
          <Show
            when={editing()}
            keyed
            fallback={
              <button type="button" class="btn primary new-role" onClick={() => edit('new')} data-testid="new-role">
                + {t('roles.create')}
              </button>
            }
          >
            {(r) => <RoleForm companyId={company.id} role={r === 'new' ? null : r} onSaved={saved} onCancel={() => setEditing(null)} />}
          </Show>
        </Show>
      </section>
      <section class="card" aria-labelledby="compare-roles-title">
        <h2 id="compare-roles-title">{t('roles.compareTitle')}</h2>
        <p class="muted small">{t('roles.compareLead')}</p>
        <RoleMatrix roles={roles()} />
      </section>
      <ConfirmDialog
        open={deleting() !== null}
        busy={busy()}
        title={t('roles.deleteTitle', { name: deleting()?.name ?? '' })}
        titleId="delete-role-title"
        testId="delete-role-dialog"
        confirmLabel={t('roles.deleteConfirm')}
        confirmTestId="confirm-delete-role"
        tone="danger"
        onConfirm={() => {
          const r = deleting();
          if (r) void remove(r);
        }}
        onClose={() => setDeleting(null)}
      >
        <p>{t('roles.deleteExplain')}</p>
        <Show when={error()}>{(m) => <Notice kind="error" testid="role-delete-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
    </>
  );
}
