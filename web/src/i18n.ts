import { createSignal } from 'solid-js';
import { fr, type Messages } from './locales/fr';
import { en } from './locales/en';
import { matchCoreSentence } from './coreSentences';

// French by default, English on request; every visible string comes from these dictionaries.

export type Lang = 'fr' | 'en';
export type MessageKey = keyof Messages;
export type Vars = Record<string, string | number>;

const dictionaries: Record<Lang, Messages> = { fr, en };
const storageKey = 'facturo.lang';

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    if (saved === 'fr' || saved === 'en') return saved;
  } catch {
    // storage blocked: default
  }
  return 'fr';
}

const [lang, setLangSignal] = createSignal<Lang>(initialLang());
export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  try {
    globalThis.localStorage?.setItem(storageKey, next);
  } catch {
    // not remembered, still switched
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function translate(l: Lang, key: MessageKey, vars: Vars = {}): string {
  return dictionaries[l][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** The current language's text for a key, with {placeholders} filled. Reactive inside components. */
export function t(key: MessageKey, vars?: Vars): string {
  return translate(lang(), key, vars);
}

// Core's validation messages are English sentences for developers; users read these instead.
const coreMessages: [RegExp, MessageKey][] = [
  [/^SIREN: 9 digits$/, 'err.siren'],
  [/^SIRET: 14 digits$/, 'err.siret'],
  [/^VAT number/, 'err.vatNumber'],
  [/^an email address$/, 'err.email'],
  [/^ISO 4217 code/, 'err.currency'],
  [/^ISO 3166-1 alpha-2 code/, 'err.country'],
  [/^a decimal such as/, 'err.decimal'],
  [/^a name is required$/, 'err.nameRequired'],
  [/^at most \d+ contacts$/, 'err.tooManyContacts'],
  [/^Invalid input: expected (int|number)/, 'err.integer'],
  [/received undefined$/, 'err.required'],
  [/^a colour as #RRGGBB/, 'err.accentColor'],
  [/^one of dejavu-/, 'err.fontChoice'],
  [/^the text is empty$/, 'err.textEmpty'],
  [/^letters, digits and "_", starting with a letter/, 'err.customValueName'],
];

/** A field's validation message in the user's language. */
export function fieldErrorText(message: string, l: Lang = lang()): string {
  const sentence = matchCoreSentence(message);
  if (sentence) return translate(l, sentence.key, sentence.vars);
  for (const [pattern, key] of coreMessages) if (pattern.test(message)) return translate(l, key);
  const tooLong = /Too big: expected string to have <=\s*(\d+)/.exec(message);
  if (tooLong) return translate(l, 'err.tooLong', { max: tooLong[1] ?? '' });
  const max = /Too big: expected number to be <=\s*(\d+)/.exec(message);
  if (max) return translate(l, 'err.max', { max: max[1] ?? '' });
  const min = /Too small: expected number to be >=\s*(\d+)/.exec(message);
  if (min) return translate(l, 'err.min', { min: min[1] ?? '' });
  return translate(l, 'err.invalid');
}

/** A calendar day 'YYYY-MM-DD' as people read it, the same day in every time zone. */
export function formatDay(day: string | undefined | null, l: Lang = lang()): string {
  if (!day) return '';
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function formatDate(iso: string, l: Lang = lang()): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(l === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(d);
}
