import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';

export interface PageHeadProps {
  title: string;
  /** A sentence under the title saying what the page is for. */
  lead?: string;
  /** The link back to the list an editor was opened from. */
  back?: { href: string; label: string };
  /** Beside the title: the page's main action (e.g. "Nouveau …"). */
  children?: JSX.Element;
}

/** A page's heading row (styles.css `.page-head`): back link, title, action, lead, in that order. */
export function PageHead(props: PageHeadProps) {
  return (
    <div class="page-head">
      <Show when={props.back}>{(b) => <A href={b().href} class="back">← {b().label}</A>}</Show>
      <h1>{props.title}</h1>
      {props.children}
      <Show when={props.lead}><p class="muted">{props.lead}</p></Show>
    </div>
  );
}
