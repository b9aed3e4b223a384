import { Show, type JSX } from 'solid-js';
import { ApiError } from '../../api/http';
import { commitmentEndOf, refusalCode } from '../../stores/subscriptionView';
import { describeError } from '../../errors';
import { formatDay, t, type MessageKey } from '../../i18n';
import { Notice } from '../Notice';

export interface Refusal {
  /** What happened, in the user's language. */
  text: string;
  /** The server's own words (core's reason), shown as it said them. */
  server?: string;
  code: string | null;
}

/** A command's failure: a subscription refusal (409 with core's code) in words, with the server's reason. */
export function refusalOf(e: unknown): Refusal {
  if (e instanceof ApiError) {
    const code = refusalCode(e.code);
    if (code) {
      const end = code === 'committed' ? commitmentEndOf(e.message) : null;
      const key: MessageKey = end ? 'refusal.committedUntil' : `refusal.${code}`;
      return { text: t(key, { date: end ? formatDay(end) : '' }), server: e.message, code };
    }
    if (e.status === 400) return { text: t('refusal.invalid'), server: e.message, code: e.code };
  }
  return { text: describeError(e), code: null };
}

export function RefusalNotice(props: { refusal: Refusal; testid?: string; children?: JSX.Element }) {
  return (
    <Notice kind="error" testid={props.testid ?? 'subscription-refusal'}>
      <p>{props.refusal.text}</p>
      <Show when={props.refusal.server}>
        <p class="small server-words" data-testid="refusal-server">{t('refusal.serverSaid', { message: props.refusal.server ?? '' })}</p>
      </Show>
      {props.children}
    </Notice>
  );
}
