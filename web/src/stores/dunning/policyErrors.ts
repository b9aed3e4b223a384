import type { MessageKey, Vars } from '../../i18n';

// core/dunning/policy.ts (and the server's dunning routes) explain each refusal in English; the person reads it in their language. Each pattern names
// the dictionary key, its named groups fill the placeholders; a message not listed goes to i18n's fieldErrorText.

const sentences: [RegExp, MessageKey][] = [
  [/^unknown variables? (?<vars>.+)$/, 'dunning.err.unknownVariables'],
  [/^a whole number of days$/, 'dunning.err.days'],
  [/^a whole number$/, 'dunning.err.whole'],
  [/^at least (?<n>-?\d+)$/, 'dunning.err.atLeast'],
  [/^at most (?<n>-?\d+)$/, 'dunning.err.atMost'],
  [/^must come after the previous step \((?<n>-?\d+)\)$/, 'dunning.err.order'],
  [/^"(?<id>.*)" is used by an earlier step$/, 'dunning.err.stepId'],
  [/^the subject is empty$/, 'dunning.err.emptySubject'],
  [/^the text is empty$/, 'dunning.err.emptyText'],
  [/^a text in French \(fr\) or English \(en\)$/, 'dunning.err.noText'],
  [/^an email needs a subject$/, 'dunning.err.subject'],
  [/^only a letter or a task is done by a person$/, 'dunning.err.assignee'],
  [/^an amount of 0 or more$/, 'dunning.err.amount'],
  [/^must not be below min$/, 'dunning.err.maxBelowMin'],
  [/^the default policy takes every invoice/, 'dunning.err.defaultRules'],
  [/^a name is required$/, 'dunning.err.name'],
  [/^at least one step$/, 'dunning.err.noSteps'],
  [/^at most 12 steps$/, 'dunning.err.tooManySteps'],
  [/^an empty segment$/, 'dunning.err.emptySegment'],
  // sync-server/src/api/dunning.ts, a hold without its last day
  [/^a promise or a pause lasts until a date$/, 'holds.untilRequired'],
];

/** The dictionary key and values for one of core's dunning messages, or null when it is not one of them. */
export function dunningErrorSentence(message: string): { key: MessageKey; vars: Vars } | null {
  for (const [pattern, key] of sentences) {
    const m = pattern.exec(message);
    if (m) return { key, vars: { ...m.groups } };
  }
  return null;
}
