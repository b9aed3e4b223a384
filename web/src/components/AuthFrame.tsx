import type { JSX } from 'solid-js';
import { LangToggle } from './LangToggle';

/** The frame of the pages seen before signing in: sign-in and invitation. */
export function AuthFrame(props: { title: string; children: JSX.Element }) {
  return (
    <div class="auth-page">
      <div class="auth-top">
        <div class="brand">
          <span class="logo" aria-hidden="true">F</span>
          <span>Facturo</span>
        </div>
        <LangToggle />
      </div>
      <main class="auth-card card">
        <h1>{props.title}</h1>
        {props.children}
      </main>
    </div>
  );
}
