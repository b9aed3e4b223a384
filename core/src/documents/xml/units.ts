/*
 * BT-130: a line's unit is free text in Facturo ("h", "jour", "kg"); the e-invoice needs a UN/ECE
 * Recommendation 20 code. The words below are our mapping of the units French and English users
 * type; anything else is counted in units (C62, "one"), which is what a line without a unit means.
 */
const rec20ByWord: Record<string, string> = {
  unit: 'C62', unite: 'C62', u: 'C62', forfait: 'C62', package: 'C62',
  piece: 'H87', pce: 'H87', pc: 'H87',
  h: 'HUR', hr: 'HUR', hour: 'HUR', heure: 'HUR',
  min: 'MIN', minute: 'MIN',
  day: 'DAY', jour: 'DAY', j: 'DAY',
  week: 'WEE', semaine: 'WEE',
  month: 'MON', mois: 'MON',
  year: 'ANN', an: 'ANN', annee: 'ANN',
  g: 'GRM', kg: 'KGM', t: 'TNE', tonne: 'TNE',
  l: 'LTR', litre: 'LTR', liter: 'LTR',
  m: 'MTR', metre: 'MTR', meter: 'MTR', km: 'KMT',
  m2: 'MTK', 'm²': 'MTK', m3: 'MTQ', 'm³': 'MTQ',
};

const knownCodes = new Set(Object.values(rec20ByWord));

/** "Heures" → "heure", "Unité" → "unite", "kg." → "kg". */
function normalise(unit: string): string {
  const word = unit.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\.$/, '');
  return word.length > 2 && word.endsWith('s') && !(word in rec20ByWord) ? word.slice(0, -1) : word;
}

/** The Recommendation 20 code of a line's unit; a code we know given as such (e.g. "HUR") is kept. */
export function unitCode(unit: string | undefined): string {
  if (!unit) return 'C62';
  if (knownCodes.has(unit.trim())) return unit.trim();
  return rec20ByWord[normalise(unit)] ?? 'C62';
}
