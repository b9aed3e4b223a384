import { For } from 'solid-js';
import { initials, type PresenceUser } from '../sync/presence';
import { t } from '../i18n';

export function Avatar(props: { name: string; color: string; size?: 'sm' | 'md' }) {
  return (
    <span class={`avatar ${props.size ?? 'md'}`} style={{ 'background-color': props.color }} aria-hidden="true">
      {initials(props.name)}
    </span>
  );
}

/** Who else has this company (or, with `testid` "doc-presence", this document) open right now. */
export function Presence(props: { others: PresenceUser[]; testid?: string }) {
  const testid = () => props.testid ?? 'presence';
  return (
    <div class="presence" data-testid={testid()} aria-label={t('presence.label')}>
      <For each={props.others}>
        {(u) => (
          <span class="presence-user" data-testid={`${testid()}-user`} title={u.name} data-user-id={u.id}>
            <Avatar name={u.name} color={u.color} />
            <span class="visually-hidden">{t('presence.here', { name: u.name })}</span>
          </span>
        )}
      </For>
    </div>
  );
}
