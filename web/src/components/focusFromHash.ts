import { useLocation } from '@solidjs/router';
import { createEffect, on } from 'solid-js';

/** Links such as `/settings#field-siren` (from an invoice's checklist) bring that field into view and focus it. */
export function focusFromHash(): void {
  const location = useLocation();
  createEffect(
    on(
      () => location.hash,
      (hash) => {
        const id = decodeURIComponent(hash.replace(/^#/, ''));
        if (!id) return;
        requestAnimationFrame(() => {
          const el = document.getElementById(id);
          el?.scrollIntoView({ block: 'center' });
          el?.focus({ preventScroll: true });
        });
      },
    ),
  );
}
