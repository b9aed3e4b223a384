// @ts-check
/*
 * The client portal page's script (issue 6): no framework, no inline code (CSP). It reads the quote from
 * /api/portal/{token}, asks the server again for totals when an option is ticked (the server rounds as
 * core/tax does: no money arithmetic here), and signs: the PDF of the current choice is fetched, its SHA-256
 * computed in the browser (WebCrypto) and sent back with the typed name and the consent, so the server can
 * check the client signs the very file they can read.
 */

const lang = document.documentElement.lang === 'en' ? 'en' : 'fr';

const texts = {
  fr: {
    quote: 'Devis', version: 'version', validUntil: 'Valable jusqu’au', siren: 'SIREN', vat: 'TVA intracommunautaire',
    description: 'Désignation', quantity: 'Qté', unitPrice: 'Prix unitaire HT', vatRate: 'TVA', lineTotal: 'Total HT',
    option: 'Option', optionLeft: 'non retenue', discount: 'remise',
    totalExcl: 'Total HT', vatOf: (/** @type {string} */ r) => `TVA ${r}`, totalIncl: 'Total TTC',
    pdf: 'Télécharger le PDF', pdfHint: 'Le PDF reprend les options cochées.',
    acceptTitle: 'Accepter le devis', signer: 'Vos nom et prénom', signerHint: 'Tels qu’ils figureront sur la signature.',
    accept: 'Accepter et signer', signing: 'Signature en cours…',
    declineTitle: 'Refuser le devis', reason: 'Motif (facultatif)', decline: 'Refuser', declining: 'Envoi…',
    pending: 'En attente de votre réponse.',
    accepted: (/** @type {string} */ when, /** @type {string} */ who) => `Devis accepté le ${when} par ${who}.`, acceptedElsewhere: 'Devis accepté.',
    declined: (/** @type {string} */ when) => `Devis refusé le ${when}. L’entreprise a été prévenue.`,
    expired: (/** @type {string} */ day, /** @type {string} */ co) => `Ce devis a expiré le ${day}. Contactez ${co} pour en recevoir un nouveau.`,
    fingerprint: 'Empreinte SHA-256 du PDF signé\u00a0: ',
    invalid: 'Ce lien n’est plus valide : il est inconnu, a expiré ou a été révoqué. Contactez l’entreprise qui vous a envoyé ce devis pour en recevoir un nouveau.',
    needName: 'Saisissez vos nom et prénom (2 caractères au moins).', needConsent: 'Cochez la case pour donner votre accord.',
    changed: 'Le devis a changé depuis son affichage : relisez-le avant de signer.',
    failed: 'Une erreur est survenue. Réessayez dans un instant.', tooMany: 'Trop de tentatives : réessayez dans quelques minutes.',
    contact: 'Contact',
    invoicesTitle: 'Vos factures', invoiceKind: { deposit: 'Facture d’acompte', partial: 'Facture de situation', final: 'Facture de solde', invoice: 'Facture' },
    issuedOn: (/** @type {string} */ d) => `émise le ${d}`, dueOn: (/** @type {string} */ d) => `échéance le ${d}`,
    payOnline: 'Payer en ligne', paid: 'Payée', settled: 'Soldée par avoir', overdue: 'En retard',
    left: (/** @type {string} */ a) => `Reste à payer\u00a0: ${a}`,
  },
  en: {
    quote: 'Quote', version: 'version', validUntil: 'Valid until', siren: 'SIREN', vat: 'VAT number',
    description: 'Description', quantity: 'Qty', unitPrice: 'Unit price excl. VAT', vatRate: 'VAT', lineTotal: 'Total excl. VAT',
    option: 'Option', optionLeft: 'not taken', discount: 'discount',
    totalExcl: 'Total excl. VAT', vatOf: (/** @type {string} */ r) => `VAT ${r}`, totalIncl: 'Total incl. VAT',
    pdf: 'Download the PDF', pdfHint: 'The PDF shows the options ticked.',
    acceptTitle: 'Accept the quote', signer: 'Your full name', signerHint: 'As it will appear on the signature.',
    accept: 'Accept and sign', signing: 'Signing…',
    declineTitle: 'Decline the quote', reason: 'Reason (optional)', decline: 'Decline', declining: 'Sending…',
    pending: 'Awaiting your answer.',
    accepted: (/** @type {string} */ when, /** @type {string} */ who) => `Quote accepted on ${when} by ${who}.`, acceptedElsewhere: 'Quote accepted.',
    declined: (/** @type {string} */ when) => `Quote declined on ${when}. The company has been told.`,
    expired: (/** @type {string} */ day, /** @type {string} */ co) => `This quote expired on ${day}. Contact ${co} for a new one.`,
    fingerprint: 'SHA-256 fingerprint of the signed PDF: ',
    invalid: 'This link no longer works: it is unknown, expired or revoked. Contact the company that sent you this quote for a new one.',
    needName: 'Type your full name (at least 2 characters).', needConsent: 'Tick the box to give your consent.',
    changed: 'The quote changed since it was shown: read it again before signing.',
    failed: 'Something went wrong. Try again in a moment.', tooMany: 'Too many attempts: try again in a few minutes.',
    contact: 'Contact',
    invoicesTitle: 'Your invoices', invoiceKind: { deposit: 'Deposit invoice', partial: 'Progress invoice', final: 'Final invoice', invoice: 'Invoice' },
    issuedOn: (/** @type {string} */ d) => `issued on ${d}`, dueOn: (/** @type {string} */ d) => `due on ${d}`,
    payOnline: 'Pay online', paid: 'Paid', settled: 'Settled by credit note', overdue: 'Overdue',
    left: (/** @type {string} */ a) => `Left to pay: ${a}`,
  },
}[lang];

const token = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const api = `/api/portal/${encodeURIComponent(token)}`;
const root = /** @type {HTMLElement} */ (document.getElementById('portal'));

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined> | null} attrs
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/* Formatting of decimal strings, without turning money into a float. */
const sep = lang === 'fr' ? { group: '\u202f', decimal: ',' } : { group: ',', decimal: '.' };
/** @param {string} value */
function decimal(value) {
  const negative = value.startsWith('-');
  const [int = '0', frac] = value.replace(/^-/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return (negative ? '-' : '') + grouped + (frac ? sep.decimal + frac : '');
}
/** @param {string} amount @param {string} currency */
function money(amount, currency) {
  const symbol = currency === 'EUR' ? '€' : currency;
  return lang === 'fr' ? `${decimal(amount)}\u00a0${symbol}` : currency === 'EUR' ? `€${decimal(amount)}` : `${decimal(amount)} ${symbol}`;
}
/** @param {string | null} rate */
const percent = (rate) => (rate === null ? '—' : `${decimal(rate)}\u00a0%`);
/** @param {string} day YYYY-MM-DD */
const date = (day) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
/** @param {string} instant */
const dateTime = (instant) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(instant));

/** @typedef {{ id: string, description: string, quantity: string, unit: string | null, unitPrice: string, discountPercent: string | null, vatRate: string | null, optional: boolean, selected: boolean, lineTotal: string }} Line */
/** @typedef {{ id: string, title: string, text: string | null, image: string | null, lines: Line[] }} Section */
/** @typedef {{ totalExclTax: string, vatTotal: string, totalInclTax: string, vat: { rate: string | null, base: string, amount: string }[] }} Totals */
/** @typedef {{ number: string, kind: 'deposit' | 'partial' | 'final' | 'invoice', issueDate: string, dueDate: string, currency: string, totalInclTax: string, openAmount: string, status: string, payUrl: string | null }} Invoice */
/**
 * @typedef {{
 *   company: { name: string, logo: string | null, address: string[], siren: string | null, vatNumber: string | null, email: string | null, phone: string | null },
 *   quote: { number: string | null, version: number, title: string | null, intro: string | null, closing: string | null, validUntil: string, currency: string, sections: Section[], totals: Totals, options: string[] },
 *   status: string, validUntil: string, expiresAt: string,
 *   answer: { decision: string, answeredAt: string, signerName: string | null, reason: string | null, pdfSha256: string | null } | null,
 *   consent: { fr: string, en: string },
 *   invoices: Invoice[]
 * }} View
 */

class HttpError extends Error {
  /** @param {number} status @param {string} code */
  constructor(status, code) {
    super(code);
    this.status = status;
    this.code = code;
  }
}

/** @param {Response} res */
async function failure(res) {
  const body = await res.json().catch(() => ({}));
  return new HttpError(res.status, body?.error?.code ?? 'error');
}

/** @param {string[] | undefined} options @returns {Promise<View>} */
async function fetchView(options) {
  const res = await fetch(options ? `${api}?options=${options.map(encodeURIComponent).join(',')}` : api, { headers: { accept: 'application/json' } });
  if (!res.ok) throw await failure(res);
  return res.json();
}

/** @param {string[]} options @param {boolean} download */
const pdfUrl = (options, download) => `${api}/pdf?options=${options.map(encodeURIComponent).join(',')}${download ? '&download=1' : ''}`;

/** The SHA-256 of the PDF of this choice, computed here where WebCrypto is available (secure contexts). */
async function pdfFingerprint(/** @type {string[]} */ options) {
  const res = await fetch(pdfUrl(options, false));
  if (!res.ok) throw await failure(res);
  const bytes = await res.arrayBuffer();
  if (!globalThis.crypto?.subtle) return res.headers.get('x-pdf-sha256') ?? '';
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** @param {unknown} e */
function messageOf(e) {
  if (!(e instanceof HttpError)) return texts.failed;
  if (e.code === 'pdf_changed') return texts.changed;
  if (e.code === 'rate_limited' || e.code === 'locked') return texts.tooMany;
  return texts.failed;
}

function showInvalid() {
  root.replaceChildren(h('section', { class: 'card notice', 'data-testid': 'portal-status', 'data-status': 'invalid' }, h('p', null, texts.invalid)));
  root.setAttribute('aria-busy', 'false');
}

/** @type {View} */
let view;
/** @type {Set<string>} */
let chosen = new Set();
let generation = 0;

const answerable = () => view.status === 'sent' || view.status === 'viewed';

function header() {
  const c = view.company;
  const q = view.quote;
  const legal = [c.siren ? `${texts.siren} ${c.siren}` : '', c.vatNumber ? `${texts.vat} ${c.vatNumber}` : ''].filter(Boolean).join(' · ');
  const contact = [c.email, c.phone].filter(Boolean).join(' · ');
  return h('header', { class: 'head' },
    h('div', { class: 'seller' },
      c.logo ? h('img', { class: 'logo', src: c.logo, alt: c.name }) : null,
      h('div', null,
        h('p', { class: 'seller-name', 'data-testid': 'portal-company' }, c.name),
        ...c.address.map((l) => h('p', { class: 'muted' }, l)),
        legal ? h('p', { class: 'muted small' }, legal) : null,
        contact ? h('p', { class: 'muted small' }, contact) : null)),
    h('div', { class: 'doc' },
      h('p', { class: 'doc-kind' }, texts.quote),
      h('h1', { 'data-testid': 'portal-number' }, (q.number ?? '') + (q.version > 1 ? ` (${texts.version} ${q.version})` : '')),
      q.title ? h('p', { class: 'doc-title' }, q.title) : null,
      h('p', { class: 'muted' }, `${texts.validUntil} ${date(view.validUntil)}`)));
}

function statusBanner() {
  const a = view.answer;
  /** @type {(Node | string)[]} */
  let content;
  if (view.status === 'accepted' && a) {
    content = [h('p', { class: 'status-title' }, texts.accepted(dateTime(a.answeredAt), a.signerName ?? '')),
      a.pdfSha256 ? h('p', { class: 'small' }, texts.fingerprint, h('code', { 'data-testid': 'portal-sha256' }, a.pdfSha256)) : ''];
  } else if (view.status === 'accepted') content = [h('p', { class: 'status-title' }, texts.acceptedElsewhere)];
  else if (view.status === 'declined' && a) content = [h('p', { class: 'status-title' }, texts.declined(dateTime(a.answeredAt)))];
  else if (view.status === 'expired') content = [h('p', { class: 'status-title' }, texts.expired(date(view.validUntil), view.company.name))];
  else content = [h('p', { class: 'status-title' }, texts.pending)];
  return h('section', { class: `card status status-${view.status}`, 'data-testid': 'portal-status', 'data-status': view.status, role: 'status' }, ...content);
}

/** @param {Line} l */
function lineRow(l) {
  const q = view.quote;
  const qty = decimal(l.quantity) + (l.unit ? `\u00a0${l.unit}` : '');
  const box = l.optional
    ? h('label', { class: 'option' },
      h('input', { type: 'checkbox', 'data-testid': `portal-option-${l.id}`, 'data-line': l.id, checked: l.selected, disabled: !answerable() }),
      h('span', null, texts.option))
    : null;
  const desc = h('td', { class: 'desc' }, box, h('span', { class: 'desc-text' }, l.description),
    l.discountPercent ? h('span', { class: 'muted small' }, ` (${texts.discount} ${percent(l.discountPercent)})`) : null,
    l.optional && !l.selected ? h('span', { class: 'muted small' }, ` — ${texts.optionLeft}`) : null);
  return h('tr', { class: l.optional && !l.selected ? 'left-out' : '', 'data-line-row': l.id },
    desc,
    h('td', { class: 'num', 'data-label': texts.quantity }, qty),
    h('td', { class: 'num', 'data-label': texts.unitPrice }, money(l.unitPrice, q.currency)),
    h('td', { class: 'num', 'data-label': texts.vatRate }, percent(l.vatRate)),
    h('td', { class: 'num total', 'data-label': texts.lineTotal }, money(l.lineTotal, q.currency)));
}

/** @param {Section} s */
function section(s) {
  return h('section', { class: 'card section' },
    s.title ? h('h2', null, s.title) : null,
    s.text ? h('p', { class: 'text' }, s.text) : null,
    s.image ? h('img', { class: 'section-image', src: s.image, alt: '' }) : null,
    s.lines.length ? h('table', { class: 'lines' },
      h('thead', null, h('tr', null, h('th', null, texts.description), h('th', { class: 'num' }, texts.quantity), h('th', { class: 'num' }, texts.unitPrice),
        h('th', { class: 'num' }, texts.vatRate), h('th', { class: 'num' }, texts.lineTotal))),
      h('tbody', null, ...s.lines.map(lineRow))) : null);
}

function totals() {
  const t = view.quote.totals;
  const cur = view.quote.currency;
  return h('section', { class: 'card totals', 'data-testid': 'portal-totals' },
    h('dl', null,
      h('dt', null, texts.totalExcl), h('dd', { 'data-testid': 'portal-total-excl' }, money(t.totalExclTax, cur)),
      ...t.vat.flatMap((g) => [h('dt', { class: 'muted' }, texts.vatOf(percent(g.rate))), h('dd', { class: 'muted' }, money(g.amount, cur))]),
      h('dt', { class: 'grand' }, texts.totalIncl), h('dd', { class: 'grand', 'data-testid': 'portal-total-incl' }, money(t.totalInclTax, cur))),
    h('p', { class: 'pdf' },
      h('a', { class: 'button secondary', href: pdfUrl([...chosen], true), 'data-testid': 'portal-pdf', download: '' }, texts.pdf),
      h('span', { class: 'muted small' }, texts.pdfHint)));
}

function body() {
  const q = view.quote;
  return h('div', { id: 'portal-body' },
    q.intro ? h('section', { class: 'card text' }, h('p', null, q.intro)) : null,
    ...q.sections.map(section),
    totals(),
    q.closing ? h('section', { class: 'card text' }, h('p', null, q.closing)) : null);
}

/**
 * The invoices made from the quote (issue 8): each with its pay page's link while something is due and the company
 * takes payments online; the amounts are the server's (no arithmetic here).
 * @param {Invoice} i
 */
function invoiceRow(i) {
  const settled = i.status === 'paid' || i.status === 'settled';
  const partly = !settled && i.openAmount !== i.totalInclTax;
  const state = settled
    ? h('span', { class: `badge badge-${i.status}`, 'data-testid': 'portal-invoice-paid' }, i.status === 'paid' ? texts.paid : texts.settled)
    : h('span', { class: 'invoice-due' },
      i.status === 'overdue' ? h('span', { class: 'badge badge-overdue' }, texts.overdue) : null,
      partly ? h('span', { class: 'invoice-left', 'data-testid': 'portal-invoice-left' }, texts.left(money(i.openAmount, i.currency))) : null,
      i.payUrl ? h('a', { class: 'button primary', href: i.payUrl, 'data-testid': 'portal-invoice-pay' }, texts.payOnline) : null);
  return h('li', { class: 'invoice', 'data-testid': 'portal-invoice', 'data-number': i.number, 'data-status': i.status },
    h('div', { class: 'invoice-what' },
      h('p', { class: 'invoice-name' }, `${texts.invoiceKind[i.kind] ?? texts.invoiceKind.invoice} ${i.number}`),
      h('p', { class: 'muted small' }, `${texts.issuedOn(date(i.issueDate))} · ${texts.dueOn(date(i.dueDate))}`)),
    h('p', { class: 'invoice-total num' }, money(i.totalInclTax, i.currency)),
    state);
}

function invoices() {
  const list = view.invoices ?? [];
  if (list.length === 0) return null;
  return h('section', { class: 'card invoices', 'data-testid': 'portal-invoices' },
    h('h2', null, texts.invoicesTitle),
    h('ul', { class: 'invoice-list' }, ...list.map(invoiceRow)));
}

function answerForms() {
  if (!answerable()) return null;
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'portal-error' });
  const signer = /** @type {HTMLInputElement} */ (h('input', { id: 'portal-signer', 'data-testid': 'portal-signer', type: 'text', autocomplete: 'name', maxlength: '200', required: true }));
  const consent = /** @type {HTMLInputElement} */ (h('input', { id: 'portal-consent', 'data-testid': 'portal-consent', type: 'checkbox', required: true }));
  const accept = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'button primary', 'data-testid': 'portal-accept' }, texts.accept));
  const form = h('form', { class: 'card answer', novalidate: true },
    h('h2', null, texts.acceptTitle),
    h('label', { for: 'portal-signer' }, texts.signer), signer, h('p', { class: 'muted small' }, texts.signerHint),
    h('label', { class: 'consent', for: 'portal-consent' }, consent, h('span', { 'data-testid': 'portal-consent-text' }, view.consent[lang])),
    error, accept);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = signer.value.trim();
    if (name.length < 2) return void (error.textContent = texts.needName, signer.focus());
    if (!consent.checked) return void (error.textContent = texts.needConsent, consent.focus());
    error.textContent = '';
    void answer(accept, texts.signing, error, async () => {
      const options = [...chosen];
      const pdfSha256 = await pdfFingerprint(options);
      return { path: 'accept', body: { signerName: name, consent: true, options, pdfSha256, language: lang } };
    });
  });

  const reason = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: 'portal-decline-reason', 'data-testid': 'portal-decline-reason', maxlength: '1000', rows: '3' }));
  const declineError = h('p', { class: 'error', role: 'alert' });
  const decline = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'button danger', 'data-testid': 'portal-decline' }, texts.decline));
  const declineForm = h('form', { class: 'decline' }, h('label', { for: 'portal-decline-reason' }, texts.reason), reason, declineError, decline);
  declineForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void answer(decline, texts.declining, declineError, async () => ({ path: 'decline', body: reason.value.trim() ? { reason: reason.value.trim() } : {} }));
  });
  return h('div', { class: 'answers' }, form, h('details', { class: 'card' }, h('summary', null, texts.declineTitle), declineForm));
}

/**
 * @param {HTMLButtonElement} button @param {string} busyText @param {HTMLElement} error
 * @param {() => Promise<{ path: string, body: unknown }>} request
 */
async function answer(button, busyText, error, request) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    const { path, body } = await request();
    const res = await fetch(`${api}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw await failure(res);
    view = await res.json();
    renderAll();
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return showInvalid();
    if (e instanceof HttpError && e.code === 'expired') return void load();
    error.textContent = messageOf(e);
    button.disabled = false;
    button.textContent = label;
  }
}

function renderAll() {
  chosen = new Set(view.quote.options);
  root.replaceChildren(header(), statusBanner(), invoices() ?? '', body(), answerForms() ?? '');
  root.setAttribute('aria-busy', 'false');
  document.title = `${texts.quote} ${view.quote.number ?? ''} — ${view.company.name}`;
}

/** Ticking an option: the server prices the new choice; only the quote's part of the page is redrawn. */
root.addEventListener('change', (ev) => {
  const input = /** @type {HTMLInputElement} */ (ev.target);
  const id = input.dataset.line;
  if (!id || !answerable()) return;
  if (input.checked) chosen.add(id);
  else chosen.delete(id);
  const mine = ++generation;
  root.setAttribute('aria-busy', 'true');
  fetchView([...chosen]).then((v) => {
    if (mine !== generation) return;
    view = v;
    chosen = new Set(v.quote.options);
    document.getElementById('portal-body')?.replaceWith(body());
    root.setAttribute('aria-busy', 'false');
    // Keyboard users stay on the box they ticked.
    /** @type {HTMLElement | null} */ (root.querySelector(`[data-line="${CSS.escape(id)}"]`))?.focus();
  }, (e) => (e instanceof HttpError && e.status === 404 ? showInvalid() : undefined));
});

async function load() {
  try {
    view = await fetchView(undefined);
    renderAll();
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) showInvalid();
    else root.replaceChildren(h('section', { class: 'card notice' }, h('p', null, messageOf(e))));
  }
}

void load();
