import './csp';
import { render } from 'solid-js/web';
import { App } from './App';
import { ReauthDialog } from './auth/ReauthDialog';
import { bootSession } from './auth/session';
import { lang } from './i18n';
import { startOutbox } from './stores/outboxLoop';
import './styles.css';

document.documentElement.lang = lang();
void bootSession();
startOutbox();
render(
  () => (
    <>
      <App />
      <ReauthDialog />
    </>
  ),
  document.getElementById('app') as HTMLElement,
);

// The service worker exists in production builds only (web/build/service-worker-plugin.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
