import { Show } from 'solid-js';
import { t } from '../i18n';
import { useCompany } from '../components/companyContext';
import { Notice } from '../components/Notice';
import { LockedNotice, PageHead } from '../components/record-pages';
import { GatewayCard } from '../components/dunning/GatewayCard';
import { session } from '../auth/session';
import '../components/dunning/dunning.css';

/**
 * /c/:companyId/settings/payments — Stripe and PayPal (issue 8). The secrets go to the server sealed and never come
 * back: the screen says only whether and how each gateway is set up, and the webhook URL to register at it.
 */
export default function PaymentSettings() {
  const { company, can } = useCompany();
  return (
    <>
      <PageHead title={t('gateways.title')} lead={t('gateways.lead')} />
      <LockedNotice needs="settings.edit" testid="gateways-locked" text={t('gateways.locked')} />
      <Show when={session.reachable()} fallback={<Notice kind="warning" testid="gateways-offline">{t('gateways.offline')}</Notice>}>
        <Show when={can('settings.edit')}>
          <GatewayCard companyId={company.id} gateway="stripe" title="Stripe" editable={can('settings.edit')} />
          <GatewayCard companyId={company.id} gateway="paypal" title="PayPal" editable={can('settings.edit')} />
        </Show>
      </Show>
    </>
  );
}
