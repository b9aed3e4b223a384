import { For, Show } from 'solid-js';
import type { AuditEvent } from '../../api/audit';
import { eventLine } from '../../audit/events';
import { deviceText, formatInstant, type Reading } from '../../audit/reading';
import { t, type MessageKey } from '../../i18n';
import '../security/security.css';

/** Events of the audit trail, newest first: what happened in words, when, who, from which device. */
export function EventFeed(props: { items: readonly AuditEvent[]; reading: Reading; testid?: string }) {
  return (
    <ul class="feed" data-testid={props.testid ?? 'event-list'}>
      <For each={props.items}>
        {(item) => {
          const line = () => eventLine(item, props.reading);
          const device = () => deviceText(item.device, props.reading);
          const type = () => (typeof item.event === 'object' && item.event !== null ? String((item.event as { type?: unknown }).type ?? '') : '');
          return (
            <li class="feed-item" data-testid="event" data-type={type()} data-seq={item.companySeq}>
              <span class="badge topic" classList={{ warning: line().warning, muted: !line().warning }}>{t(`audit.topic.${line().topic}` as MessageKey)}</span>
              <div class="feed-text">
                <p class="feed-sentence" data-testid="event-sentence">{line().sentence}</p>
                {/* Every sentence names who acted: the line under it says when, and from which device. */}
                <p class="feed-meta">
                  <Show when={item.at}>{(at) => <time datetime={at()}>{formatInstant(at(), props.reading.lang)}</time>}</Show>
                  <Show when={device()}>{(d) => <> · {t('audit.from', { device: d() })}</>}</Show>
                  <span class="visually-hidden"> · {t('audit.entry', { n: item.companySeq })}</span>
                </p>
              </div>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
