import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { api } from '../api/http';
import type { CompanyEntry } from '../api/types';
import { refreshSession, session } from '../auth/session';
import { describeError } from '../errors';
import { lang, t } from '../i18n';
import { roleName } from '../auth/roles';
import { Shell } from '../components/Shell';
import { EmptyState, Notice } from '../components/Notice';

export default function Companies() {
  const navigate = useNavigate();
  const [name, setName] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const companies = () => session.me()?.companies ?? [];

  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    if (name().trim() === '') return setError(t('companies.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const company = await api.post<CompanyEntry>('/api/v1/companies', { name: name().trim() });
      await refreshSession();
      setName('');
      navigate(`/c/${company.id}/settings`);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell>
      <div class="page-head">
        <h1>{t('companies.title')}</h1>
      </div>
      <Show when={companies().length > 0} fallback={<EmptyState title={t('companies.empty')} />}>
        <ul class="cards" data-testid="company-list">
          <For each={companies()}>
            {(c) => (
              <li>
                <A href={`/c/${c.id}/customers`} class="card company-card" data-testid="company-row">
                  <span class="company-card-name">{c.name}</span>
                  <span class="badge">{roleName(c.role, [], lang())}</span>
                </A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <section class="card">
        <h2>{t('companies.createTitle')}</h2>
        <form class="inline-form" onSubmit={create}>
          <div class="field">
            <label for="company-name">{t('companies.name')}</label>
            <input id="company-name" name="name" value={name()} onInput={(e) => setName(e.currentTarget.value)} aria-describedby="company-name-hint" />
            <p class="hint" id="company-name-hint">{t('companies.nameHint')}</p>
          </div>
          <button type="submit" class="btn primary" disabled={busy()}>
            {t('companies.create')}
          </button>
        </form>
        <Show when={error()}>
          <Notice kind="error">{error()}</Notice>
        </Show>
      </section>
    </Shell>
  );
}
