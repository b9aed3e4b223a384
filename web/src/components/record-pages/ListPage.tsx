import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { EmptyState } from '../Notice';
import { PageHead } from './PageHead';

export interface ListPageProps {
  title: string;
  lead: string;
  /** The "new" button, shown only when `allowed`. */
  create: { href: string; label: string; testid: string; allowed: boolean };
  /** Notices between the heading and the list (locked, offline). */
  notices?: JSX.Element;
  /** Whether there is anything to list; the empty state otherwise. */
  hasRows: boolean;
  /** False while the list is still being fetched, so the empty state does not flash first (default true). */
  loaded?: boolean;
  empty: { title: string; help: string };
  /** The list itself (toolbar, table), shown when there are rows. */
  children: JSX.Element;
}

/** A list of records: its heading with the "new" button, its notices, then the rows or the empty state. */
export function ListPage(props: ListPageProps) {
  return (
    <>
      <PageHead title={props.title} lead={props.lead}>
        <Show when={props.create.allowed}>
          <A href={props.create.href} class="btn primary" data-testid={props.create.testid}>{props.create.label}</A>
        </Show>
      </PageHead>
      {props.notices}
      <Show
        when={props.hasRows}
        fallback={<Show when={props.loaded ?? true}><EmptyState title={props.empty.title}><p class="muted">{props.empty.help}</p></EmptyState></Show>}
      >
        {props.children}
      </Show>
    </>
  );
}
