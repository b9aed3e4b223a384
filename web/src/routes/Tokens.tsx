import { createResource, createSignal, For, Show } from 'solid-js';
import { rolesApi } from '../api/members';
import { tokensApi, type ApiToken } from '../api/tokens';
import { actorName, formatInstant } from '../audit/reading';
import { grantedIn } from '../auth/access';
import { builtInRoleInfos, roleName } from '../auth/roles';
import { sortTokens, tokenStatus, type TokenStatus } from '../security/tokens';
import { describeError } from '../errors';
import { formatDate, lang, t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { createReading } from '../components/audit/createReading';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { EmptyState, Notice } from '../components/Notice';
import { TokenForm } from '../components/security/TokenForm';
import { TokenSecret } from '../components/security/TokenSecret';
import '../components/security/security.css';

const statusClass: Record<TokenStatus, string> = { active: 'success', expiring: 'warning', expired: 'muted', revoked: 'danger' };

/** /c/:companyId/tokens — the company's API tokens: who uses what, create one (its secret shown once), revoke. */
export default function Tokens() {
  const { company, can } = useCompany();
  const [tokens, { refetch }] = createResource(() => (can('tokens.manage') ? company.id : false), tokensApi.list);
  const [roleList] = createResource(() => company.id, (id) => rolesApi.list(id).catch(() => null));
  const roles = () => roleList()?.roles ?? builtInRoleInfos;
  const reading = createReading();
  const [creating, setCreating] = createSignal(false);
  const [created, setCreated] = createSignal<(ApiToken & { token: string }) | null>(null);
  const [revoking, setRevoking] = createSignal<ApiToken | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const now = () => new Date();
  const rights = (tk: ApiToken) => (tk.scopes ? t('tokens.someRights', { n: tk.scopes.filter((p) => p !== 'company.read').length }) : t('tokens.allOfRole'));
  const lastUsed = (tk: ApiToken) => (tk.lastUsedAt ? formatInstant(tk.lastUsedAt, lang()) : <span class="muted">{t('tokens.neverUsed')}</span>);
  const rightsTitle = (tk: ApiToken) => (tk.scopes ?? []).map((p) => t(`permission.${p}`)).join(', ') || undefined;

  const askRevoke = (tk: ApiToken) => {
    setError(null);
    setDone(null);
    setRevoking(tk);
  };
  const startCreating = () => {
    setDone(null);
    setCreating(true);
  };
  const revoke = async (tk: ApiToken) => {
    setBusy(true);
    setError(null);
    try {
      await tokensApi.revoke(company.id, tk.id);
      setRevoking(null);
      setDone(t('tokens.revoked', { name: tk.name }));
      void refetch();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div class="page-head">
        <h1>{t('tokens.title')}</h1>
        <p class="muted">{t('tokens.lead')}</p>
      </div>
      <Show when={can('tokens.manage')} fallback={<Notice kind="info">{t('err.forbidden')}</Notice>}>
        <Show when={done()}>{(m) => <Notice kind="success" testid="tokens-done">{m()}</Notice>}</Show>
        <Show when={tokens.error}>
          <Notice kind="warning">{t('tokens.unavailable')} {describeError(tokens.error)}</Notice>
        </Show>
        <section class="card">
          <Show when={created()}>
            {(c) => (
              <TokenSecret
                name={c().name}
                secret={c().token}
                onDone={() => {
                  setCreated(null);
                  void refetch();
                }}
              />
            )}
          </Show>
          <Show when={tokens.latest} fallback={<Show when={!tokens.error}><p class="muted">{t('common.loading')}</p></Show>}>
            {(list) => (
              <Show when={list().length > 0} fallback={<EmptyState title={t('tokens.empty')} testid="no-tokens"><p class="muted">{t('tokens.emptyHelp')}</p></EmptyState>}>
                <div class="table-scroll">
                  <table class="table tokens-table" data-testid="token-list">
                    <thead>
                      <tr>
                        <th scope="col">{t('tokens.name')}</th>
                        <th scope="col" class="hide-sm">{t('tokens.rights')}</th>
                        <th scope="col" class="hide-sm">{t('tokens.lastUsed')}</th>
                        <th scope="col" class="hide-sm">{t('tokens.expiry')}</th>
                        <th scope="col">{t('tokens.status')}</th>
                        <th scope="col"><span class="visually-hidden">{t('members.actions')}</span></th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={sortTokens(list(), now())}>
                        {(tk) => {
                          const status = () => tokenStatus(tk, now());
                          return (
                            <tr data-testid="token-row" data-token={tk.id} data-status={status()}>
                              <td>
                                <span class="token-name">{tk.name}</span>
                                <div class="hint">{t('tokens.createdBy', { when: formatDate(tk.createdAt, lang()), who: actorName(tk.createdBy, reading()) })}</div>
                                <div class="hint only-sm">{t('tokens.lastUsedLine', { when: tk.lastUsedAt ? formatInstant(tk.lastUsedAt, lang()) : t('tokens.never').toLocaleLowerCase(lang()) })}</div>
                              </td>
                              <td class="hide-sm">
                                <span class="badge muted">{roleName(tk.role, roles(), lang())}</span>
                                <div class="hint" title={rightsTitle(tk)}>{rights(tk)}</div>
                              </td>
                              <td class="nowrap hide-sm">{lastUsed(tk)}</td>
                              <td class="hide-sm nowrap">{tk.expiresAt ? formatDate(tk.expiresAt, lang()) : <span class="muted">{t('tokens.noExpiry')}</span>}</td>
                              <td><span class={`badge ${statusClass[status()]}`} data-testid="token-status">{t(`tokens.status.${status()}`)}</span></td>
                              <td class="token-actions">
                                <Show when={!tk.revokedAt}>
                                  <button type="button" class="btn small ghost danger" onClick={() => askRevoke(tk)} aria-label={t('tokens.revokeNamed', { name: tk.name })} data-testid="revoke-token">
                                    {t('tokens.revoke')}
                                  </button>
                                </Show>
                              </td>
                            </tr>
                          );
                        }}
                      </For>
                    </tbody>
                  </table>
                </div>
              </Show>
            )}
          </Show>
          <Show when={!tokens.error && !created()}>
            <Show
              when={creating()}
              fallback={
                <button type="button" class="btn primary new-role" onClick={startCreating} data-testid="new-token">
                  + {t('tokens.create')}
                </button>
              }
            >
              <TokenForm
                companyId={company.id}
                myRole={company.role}
                mine={grantedIn(company)}
                roles={roles()}
                onCreated={(tk) => {
                  setCreating(false);
                  setCreated(tk);
                  void refetch();
                }}
                onCancel={() => setCreating(false)}
              />
            </Show>
          </Show>
        </section>
      </Show>
      <ConfirmDialog
        open={revoking() !== null}
        busy={busy()}
        title={t('tokens.revokeTitle', { name: revoking()?.name ?? '' })}
        titleId="revoke-token-title"
        testId="revoke-token-dialog"
        confirmLabel={t('tokens.revokeConfirm')}
        confirmTestId="confirm-revoke-token"
        tone="danger"
        onConfirm={() => {
          const tk = revoking();
          if (tk) void revoke(tk);
        }}
        onClose={() => setRevoking(null)}
      >
        <p>{t('tokens.revokeExplain')}</p>
        <Show when={error()}>{(m) => <Notice kind="error" testid="revoke-token-error">{m()}</Notice>}</Show>
      </ConfirmDialog>
    </>
  );
}
