import { Show, type JSX } from 'solid-js';

export function Notice(props: { kind?: 'info' | 'error' | 'warning' | 'success'; children: JSX.Element; testid?: string }) {
  return (
    <div class={`notice ${props.kind ?? 'info'}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid={props.testid}>
      {props.children}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: JSX.Element; testid?: string }) {
  return (
    <div class="empty" data-testid={props.testid ?? 'empty-state'}>
      <p class="empty-title">{props.title}</p>
      <Show when={props.children}>{props.children}</Show>
    </div>
  );
}

export function ErrorText(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <Notice kind="error">{props.message}</Notice>
    </Show>
  );
}
