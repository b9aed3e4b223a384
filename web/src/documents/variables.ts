import { textBlockVariables, unknownVariables } from '@facturo/core';

// Text blocks: which variables a body may use, and for an unknown one the known one it most likely meant
// ("invoice.dueDat" → "invoice.dueDate"), so the error says how to fix it.

/** Every variable a text block may use: core's catalogue and the company's custom values. */
export function knownVariables(customNames: readonly string[]): string[] {
  return [...Object.keys(textBlockVariables), ...customNames.map((n) => `custom.${n}`)];
}

/** Edit distance with transpositions (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The known variable closest to `name`, when it is close enough to be a typo: at most a third of the
 * name's length of edits (two for short names), and closer than any other. Else undefined.
 */
export function closestVariable(name: string, known: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { v: string; d: number } | undefined;
  let tie = false;
  for (const v of known) {
    const d = editDistance(name, v);
    if (d > limit) continue;
    if (!best || d < best.d) {
      best = { v, d };
      tie = false;
    } else if (d === best.d) tie = true;
  }
  return best && !tie ? best.v : undefined;
}

export interface UnknownVariable {
  variable: string;
  suggestion?: string;
}

/** The body's unknown variables, each with the known one it most likely meant. */
export function unknownInBody(body: string, customNames: readonly string[]): UnknownVariable[] {
  const known = knownVariables(customNames);
  return unknownVariables(body, customNames).map((variable) => {
    const suggestion = closestVariable(variable, known);
    return suggestion ? { variable, suggestion } : { variable };
  });
}
