import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Permission } from '@facturo/core';
import { ApiError } from '../../api/http';
import { tokensApi, type ApiToken } from '../../api/tokens';
import type { RoleInfo } from '../../api/types';
import { roleName } from '../../auth/roles';
import { expiryPresets, scopeChoices, tokenRequest, type ExpiryPreset } from '../../security/tokens';
import { describeError } from '../../errors';
import { lang, t } from '../../i18n';
import { Notice } from '../Notice';
import { PermissionChecklist, toggled } from '../roles/PermissionChecklist';

const presetLabel = (p: ExpiryPreset) => (p === null ? t('tokens.neverExpires') : p === 365 ? t('tokens.oneYear') : t('tokens.days', { n: p }));

/** The server's refusal of a new token, in words, or null for a generic one. */
function refusal(e: unknown): string | null {
  if (!(e instanceof ApiError) || e.status !== 400) return null;
  if (e.fields.name) return t('tokens.nameRequired');
  if (Object.keys(e.fields).some((k) => k.startsWith('scopes'))) return t('tokens.scopeProblem');
  if (e.fields.role) return t('tokens.roleProblem');
  return null;
}

/**
 * A new API token: what it is for, the role it acts with, what it keeps of that role (the permission
 * labels of the roles page), and how long it lives. Answers with the token and its secret.
 */
export function TokenForm(props: { companyId: string; myRole: string; mine: ReadonlySet<Permission>; roles: RoleInfo[]; onCreated: (token: ApiToken & { token: string }) => void; onCancel: () => void }) {
  const [name, setName] = createSignal('');
  const [role, setRole] = createSignal(props.myRole);
  const choices = createMemo(() => scopeChoices(role(), props.roles, props.mine));
  const [scopes, setScopes] = createSignal<ReadonlySet<Permission>>(new Set(choices()));
  const [expiry, setExpiry] = createSignal<ExpiryPreset>(90);
  const [nameError, setNameError] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let nameInput: HTMLInputElement | undefined;

  const chooseRole = (r: string) => {
    setRole(r);
    setScopes(new Set(scopeChoices(r, props.roles, props.mine)));
  };
  const toggle = (p: Permission, on: boolean) => setScopes((s) => toggled(s, p, on));
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const trimmed = name().trim();
    setNameError(!trimmed || trimmed.length > 80);
    if (nameError()) return nameInput?.focus();
    setBusy(true);
    try {
      props.onCreated(await tokensApi.create(props.companyId, tokenRequest({ name: name(), role: role(), scopes: scopes(), expiresInDays: expiry() }, props.roles, props.mine)));
    } catch (err) {
      setFailure(refusal(err) ?? describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="token-form" onSubmit={(e) => void submit(e)} novalidate data-testid="token-form">
      <h3 class="subsection-title">{t('tokens.formTitle')}</h3>
      <div class="field narrow" classList={{ invalid: nameError() }}>
        <label for="token-name">{t('tokens.name')}</label>
        <input id="token-name" ref={nameInput} value={name()} maxlength={80} autocomplete="off" aria-invalid={nameError() ? 'true' : undefined} aria-describedby={nameError() ? 'token-name-error' : 'token-name-hint'} onInput={(e) => setName(e.currentTarget.value)} />
        <Show when={nameError()} fallback={<p class="hint" id="token-name-hint">{t('tokens.nameHint')}</p>}>
          <p class="field-error" id="token-name-error" role="alert">{t('tokens.nameRequired')}</p>
        </Show>
      </div>
      <div class="field narrow">
        <label for="token-role">{t('tokens.role')}</label>
        <select id="token-role" value={role()} onChange={(e) => chooseRole(e.currentTarget.value)} aria-describedby="token-role-hint">
          <For each={props.roles}>{(r) => <option value={r.id} selected={r.id === role()}>{roleName(r.id, props.roles, lang())}</option>}</For>
        </select>
        <p class="hint" id="token-role-hint">{t('tokens.roleHint')}</p>
      </div>
      <fieldset class="permission-list" data-testid="token-scopes">
        <legend class="label">{t('tokens.scopes')}</legend>
        <p class="hint always-hint">{t('tokens.scopesHint')}</p>
        <Show when={choices().length > 0} fallback={<p class="muted small">{t('tokens.noScopes')}</p>}>
          <PermissionChecklist checked={(p) => scopes().has(p)} onToggle={toggle} offered={choices()} />
        </Show>
      </fieldset>
      <fieldset class="presets" data-testid="token-expiry">
        <legend>{t('tokens.expiresIn')}</legend>
        <For each={expiryPresets}>
          {(p) => (
            <label class="preset" classList={{ selected: expiry() === p }} data-days={p ?? 'never'}>
              <input type="radio" name="token-expiry" checked={expiry() === p} onChange={() => setExpiry(p)} />
              {presetLabel(p)}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={expiry() === null}>
        <p class="hint locked-note">{t('tokens.neverHint')}</p>
      </Show>
      <Show when={failure()}>{(m) => <Notice kind="error" testid="token-error">{m()}</Notice>}</Show>
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy()} data-testid="token-submit">{busy() ? t('tokens.creating') : t('tokens.submit')}</button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
