import { PaymentError, readDay } from './fields';

/** The rate of the ECB's main refinancing operations (MRO), in percent a year, from its effective date on. */
export interface EcbRate {
  since: string;
  rate: string;
}

/*
 * ECB main refinancing operations rates by the date each took effect (the settlement of the first operation at the
 * new rate, a few days after the Governing Council's decision). Public facts, from the ECB's "key ECB interest
 * rates" table and its monetary policy press releases, cross-checked with French publications of the semester rates
 * and the EU Official Journal's (C series) daily notice of the MRO rate, which still gave 2.15 % on 1 April 2026.
 * The 2016 row is the rate in force on 1 January 2022, where the table starts to matter. Add a row when the ECB
 * decides a change, and move `ecbRatesKnownUntil`.
 */
export const ecbMainRefinancingRates: readonly EcbRate[] = [
  { since: '2016-03-16', rate: '0.00' },
  { since: '2022-07-27', rate: '0.50' },
  { since: '2022-09-14', rate: '1.25' },
  { since: '2022-11-02', rate: '2.00' },
  { since: '2022-12-21', rate: '2.50' },
  { since: '2023-02-08', rate: '3.00' },
  { since: '2023-03-22', rate: '3.50' },
  { since: '2023-05-10', rate: '3.75' },
  { since: '2023-06-21', rate: '4.00' },
  { since: '2023-08-02', rate: '4.25' },
  { since: '2023-09-20', rate: '4.50' },
  { since: '2024-06-12', rate: '4.25' },
  { since: '2024-09-18', rate: '3.65' },
  { since: '2024-10-23', rate: '3.40' },
  { since: '2024-12-18', rate: '3.15' },
  { since: '2025-02-05', rate: '2.90' },
  { since: '2025-03-12', rate: '2.65' },
  { since: '2025-04-23', rate: '2.40' },
  { since: '2025-06-11', rate: '2.15' },
];

/** The last day the table is known to be right: a later date gets the last rate, flagged as such. */
export const ecbRatesKnownUntil = '2026-04-01';

export interface EcbRateOn extends EcbRate {
  /** True when `date` is after `ecbRatesKnownUntil`: the last known rate is assumed still in force. */
  beyondTable: boolean;
}

/** The MRO rate in force on `date` (a change taking effect that very day counts). */
export function ecbRateOn(date: string, field = 'date'): EcbRateOn {
  const day = readDay(date, field);
  let found: EcbRate | undefined;
  for (const row of ecbMainRefinancingRates) {
    if (readDay(row.since, 'since') <= day) found = row;
  }
  if (!found) throw new PaymentError(field, `${date} is before the ECB rate table (${ecbMainRefinancingRates[0]?.since})`);
  return { ...found, beyondTable: day > readDay(ecbRatesKnownUntil, 'ecbRatesKnownUntil') };
}
