/** Lower case without accents, so "elodie" finds "Élodie" and "societe" finds "Société". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
}

/** Every word of the query must appear in the folded terms. */
export function matchesQuery(terms: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((w) => terms.includes(w));
}
