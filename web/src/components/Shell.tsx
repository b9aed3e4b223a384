import { A } from '@solidjs/router';
import { createSignal, Show, type JSX } from 'solid-js';
import type { CompanyEntry } from '../api/types';
import { session } from '../auth/session';
import { grantedIn } from '../auth/access';
import type { SyncState } from '../sync/syncState';
import type { PresenceUser } from '../sync/presence';
import { t } from '../i18n';
import { LangToggle } from './LangToggle';
import { Avatar, Presence } from './Presence';
import { SyncStatus } from './SyncStatus';
import { colorFor } from '../sync/presence';
import { Notice } from './Notice';
import { createUnreadAlerts } from './security/unreadAlerts';
import { NotificationBell } from './notifications/NotificationBell';
import { DunningNavLink } from './dunning/DunningNav';

export interface ShellProps {
  company?: CompanyEntry;
  /** The member's role in the company, as they read it. */
  roleName?: string;
  syncState?: SyncState;
  others?: PresenceUser[];
  children: JSX.Element;
}

/** The frame of every signed-in page: sidebar on desktop, top bar with a menu on mobile. */
export function Shell(props: ShellProps) {
  const [menuOpen, setMenuOpen] = createSignal(false);
  const close = () => setMenuOpen(false);
  const base = () => (props.company ? `/c/${props.company.id}` : '');
  const me = () => session.me();
  // The security screens each need their permission; the alerts' count is asked of the server.
  const granted = () => grantedIn(props.company);
  const unread = createUnreadAlerts(() => props.company?.id, () => granted().has('members.manage'));
  return (
    <div class="shell" classList={{ 'menu-open': menuOpen() }}>
      <aside class="sidebar" id="sidebar">
        <div class="brand">
          <span class="logo" aria-hidden="true">F</span>
          <span>Facturo</span>
        </div>
        <nav aria-label={t('nav.label')} onClick={close}>
          <Show when={props.company}>
            {(c) => (
              <>
                <A href="/companies" class="company-switch" title={t('nav.switchCompany')}>
                  <span class="company-name">{c().name}</span>
                  <span class="company-role" data-testid="company-role">{props.roleName}</span>
                </A>
                <A href={`${base()}/quotes`} class="nav-link" data-testid="nav-quotes">{t('nav.quotes')}</A>
                <A href={`${base()}/invoices`} class="nav-link">{t('nav.invoices')}</A>
                <Show when={granted().has('company.read')}>
                  <A href={`${base()}/payments`} class="nav-link" data-testid="nav-payments">{t('nav.payments')}</A>
                  <A href={`${base()}/receivables`} class="nav-link" data-testid="nav-receivables">{t('nav.receivables')}</A>
                  <DunningNavLink companyId={c().id} />
                </Show>
                <A href={`${base()}/subscriptions`} class="nav-link" data-testid="nav-subscriptions">{t('nav.subscriptions')}</A>
                <A href={`${base()}/customers`} class="nav-link">{t('nav.customers')}</A>
                <A href={`${base()}/products`} class="nav-link">{t('nav.products')}</A>
                <A href={`${base()}/pricing-rules`} class="nav-link" data-testid="nav-pricing">{t('nav.pricing')}</A>
                <A href={`${base()}/plans`} class="nav-link" data-testid="nav-plans">{t('nav.plans')}</A>
                <Show when={granted().has('customers.edit')}>
                  <A href={`${base()}/sepa-mandates`} class="nav-link" data-testid="nav-sepa">{t('nav.sepaMandates')}</A>
                </Show>
                <Show when={granted().has('payments.record')}>
                  <A href={`${base()}/sepa-debits`} class="nav-link" data-testid="nav-sepa-debits">{t('nav.sepaDebits')}</A>
                </Show>
                <A href={`${base()}/quote-templates`} class="nav-link" data-testid="nav-quote-templates">{t('nav.quoteTemplates')}</A>
                <A href={`${base()}/settings`} class="nav-link">{t('nav.settings')}</A>
                <Show when={granted().has('settings.edit')}>
                  <A href={`${base()}/settings/payments`} class="nav-link" data-testid="nav-payment-settings">{t('nav.paymentSettings')}</A>
                </Show>
                <A href={`${base()}/members`} class="nav-link">{t('nav.members')}</A>
                <Show when={granted().has('members.manage')}>
                  <A href={`${base()}/alerts`} class="nav-link" data-testid="nav-alerts">
                    {t('nav.alerts')}
                    <Show when={unread() > 0}>
                      <span class="nav-count" data-testid="alerts-unread" title={t('nav.alertsUnread', { n: unread() })}>
                        <span aria-hidden="true">{unread()}</span>
                        <span class="visually-hidden">{t('nav.alertsUnread', { n: unread() })}</span>
                      </span>
                    </Show>
                  </A>
                </Show>
                <Show when={granted().has('audit.read')}>
                  <A href={`${base()}/audit`} class="nav-link" data-testid="nav-audit">{t('nav.audit')}</A>
                </Show>
                <Show when={granted().has('tokens.manage')}>
                  <A href={`${base()}/tokens`} class="nav-link" data-testid="nav-tokens">{t('nav.tokens')}</A>
                </Show>
                <hr />
              </>
            )}
          </Show>
          <A href="/companies" class="nav-link" end>{t('nav.companies')}</A>
          <A href="/account" class="nav-link">{t('nav.account')}</A>
        </nav>
        <Show when={me()}>
          {(m) => (
            <div class="sidebar-foot">
              <Avatar name={m().user.displayName} color={colorFor(m().user.id)} size="sm" />
              <span class="me-name" data-testid="me-name">{m().user.displayName}</span>
            </div>
          )}
        </Show>
      </aside>
      <div class="main-col">
        <header class="topbar">
          <button
            type="button"
            class="btn ghost menu-btn"
            aria-controls="sidebar"
            aria-expanded={menuOpen()}
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <span aria-hidden="true">☰</span>
            <span class="visually-hidden">{t('nav.menu')}</span>
          </button>
          <span class="topbar-title">{props.company?.name ?? 'Facturo'}</span>
          <div class="topbar-right">
            <Show when={props.others}>{(o) => <Presence others={o()} />}</Show>
            <Show when={props.syncState}>{(s) => <SyncStatus state={s()} />}</Show>
            <Show when={props.company}>{(c) => <NotificationBell companyId={c().id} />}</Show>
            <LangToggle />
          </div>
        </header>
        <Show when={!session.reachable()}>
          <Notice kind="warning" testid="offline-banner">{t('offline.banner')}</Notice>
        </Show>
        <main class="content" id="main">
          {props.children}
        </main>
      </div>
      <div class="scrim" onClick={close} aria-hidden="true" />
    </div>
  );
}
