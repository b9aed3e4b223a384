import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { CompanyEntry } from '../../api/types';
import { t } from '../../i18n';
import '../security/security.css';

/**
 * Instead of every page failing while the company is paused (its audit log was altered: 423 chain_broken,
 * sockets closed with 4423), one explanation; owners are sent to the acknowledgement form.
 */
export function ChainBrokenNotice(props: { company: CompanyEntry }) {
  return (
    <section class="card paused" role="alert" data-testid="chain-broken">
      <h1>{t('paused.title')}</h1>
      <p>{t('paused.lead', { company: props.company.name })}</p>
      <Show when={props.company.role === 'owner'} fallback={<p class="muted">{t('paused.others')}</p>}>
        <p class="muted">{t('paused.owner')}</p>
        <div class="actions">
          <A href={`/c/${props.company.id}/audit#integrity`} class="btn primary" data-testid="chain-broken-open">{t('paused.open')}</A>
        </div>
      </Show>
    </section>
  );
}
