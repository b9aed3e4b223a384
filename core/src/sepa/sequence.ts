import { addMonths, isIsoDate } from './calendar';
import type { Mandate } from './mandate';

/*
 * Sequence types of pain.008 (SeqTp, ISO 20022 SequenceType1Code) as the SDD Core rulebook uses them:
 * FRST the first collection of a recurrent mandate, RCUR the following ones, FNAL the last one of the
 * series, OOFF the single collection of a one-off mandate. Since rulebook 9.0 (November 2016) a first
 * collection may also be sent as RCUR; we keep FRST, which every bank still accepts.
 */
export type SequenceType = 'FRST' | 'RCUR' | 'OOFF' | 'FNAL';

export class MandateUseError extends Error {
  constructor(
    readonly rum: string,
    message: string,
  ) {
    super(`mandate ${rum}: ${message}`);
    this.name = 'MandateUseError';
  }
}

/**
 * The sequence type of the next collection under a mandate, given how many were presented before.
 * A series of one is sent as FRST: `last` only turns a later collection into FNAL.
 */
export function sequenceType(
  mandate: Pick<Mandate, 'rum' | 'type' | 'status'>,
  collectionsSoFar: number,
  { last = false }: { last?: boolean } = {},
): SequenceType {
  if (!Number.isInteger(collectionsSoFar) || collectionsSoFar < 0) throw new RangeError(`collectionsSoFar: ${collectionsSoFar} is not a count`);
  if (mandate.status !== 'active') throw new MandateUseError(mandate.rum, `is ${mandate.status}: no collection may be made under it`);
  if (mandate.type === 'one-off') {
    if (collectionsSoFar > 0) throw new MandateUseError(mandate.rum, 'is a one-off mandate and was already used');
    return 'OOFF';
  }
  if (collectionsSoFar === 0) return 'FRST';
  return last ? 'FNAL' : 'RCUR';
}

/** SDD Core rulebook, mandate expiry: a mandate with no collection presented for 36 months lapses. */
export const mandateLifetimeMonths = 36; // number-ok: a count of months

/**
 * Whether the mandate has lapsed on `today` (pass the planned due date to check a collection): 36
 * months after the last collection presented, or after the signature when none ever was. A
 * collection exactly 36 months later is still in time.
 */
export function mandateLapsed(mandate: Pick<Mandate, 'signedOn'>, lastCollection: string | undefined, today: string): boolean {
  if (!isIsoDate(today)) throw new RangeError(`today: "${today}" is not a date YYYY-MM-DD`);
  const since = lastCollection ?? mandate.signedOn;
  return today > addMonths(since, mandateLifetimeMonths, lastCollection === undefined ? 'signedOn' : 'lastCollection');
}
