/* The portal page's HTML shell: the script fills it from /api/portal/{token}; the language follows the browser. */

export type PortalLanguage = 'fr' | 'en';

/** French unless the browser prefers English to French (Accept-Language, RFC 9110 §12.5.4). */
export function preferredLanguage(header: string | undefined): PortalLanguage {
  let best: { lang: PortalLanguage; q: number } | null = null;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const lang = tag.startsWith('fr') ? 'fr' : tag.startsWith('en') ? 'en' : null;
    if (!lang) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1; // number-ok: a quality weight
    if (!Number.isNaN(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'fr';
}

const words = {
  fr: { title: 'Votre devis', loading: 'Chargement du devis…', noscript: 'Cette page a besoin de JavaScript pour afficher le devis et le signer.' },
  en: { title: 'Your quote', loading: 'Loading the quote…', noscript: 'This page needs JavaScript to show the quote and sign it.' },
} as const;

export function pageHtml(o: { lang: PortalLanguage; script: string; style: string }): string {
  const w = words[o.lang];
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${w.title}</title>
<link rel="stylesheet" href="${o.style}">
<script type="module" src="${o.script}"></script>
</head>
<body>
<main id="portal" class="portal" aria-live="polite" aria-busy="true"><p class="loading">${w.loading}</p></main>
<noscript><p class="noscript">${w.noscript}</p></noscript>
</body>
</html>
`;
}
