import type { SubscriptionState } from '@facturo/core';
import { stateKey, stateTone } from '../../stores/subscriptionView';
import { t } from '../../i18n';
import './subscriptions.css';

/** A subscription's state in words and colour: actif, en pause, résiliation programmée, résilié. */
export function SubscriptionStateChip(props: { state: SubscriptionState; title?: string }) {
  return (
    <span class="chip sub-state" data-tone={stateTone[props.state]} data-testid="subscription-state" data-state={props.state} title={props.title}>
      <span class="dot" aria-hidden="true" />
      {t(stateKey(props.state))}
    </span>
  );
}
