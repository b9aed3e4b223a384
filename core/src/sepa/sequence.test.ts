import { describe, expect, it } from 'vitest';
import { MandateUseError, mandateLapsed, sequenceType } from './sequence';

const recurrent = { rum: 'R1', type: 'recurrent', status: 'active', signedOn: '2023-01-15' } as const;
const oneOff = { rum: 'O1', type: 'one-off', status: 'active', signedOn: '2023-01-15' } as const;

describe('sequenceType', () => {
  it('sends the first collection of a recurrent mandate as FRST', () => {
    expect(sequenceType(recurrent, 0)).toBe('FRST');
  });

  it('sends the following collections as RCUR', () => {
    expect(sequenceType(recurrent, 1)).toBe('RCUR');
    expect(sequenceType(recurrent, 17)).toBe('RCUR');
  });

  it('sends the last collection as FNAL when asked', () => {
    expect(sequenceType(recurrent, 5, { last: true })).toBe('FNAL');
  });

  it('keeps FRST for a series of a single collection', () => {
    expect(sequenceType(recurrent, 0, { last: true })).toBe('FRST');
  });

  it('sends the collection of a one-off mandate as OOFF', () => {
    expect(sequenceType(oneOff, 0)).toBe('OOFF');
  });

  it('refuses a second collection under a one-off mandate', () => {
    expect(() => sequenceType(oneOff, 1)).toThrow(MandateUseError);
  });

  it('refuses to collect under a revoked or lapsed mandate', () => {
    expect(() => sequenceType({ ...recurrent, status: 'revoked' }, 3)).toThrow(/revoked/);
    expect(() => sequenceType({ ...recurrent, status: 'lapsed' }, 3)).toThrow(/lapsed/);
  });
});

describe('mandateLapsed', () => {
  it('keeps a mandate alive up to 36 months after the last collection', () => {
    expect(mandateLapsed(recurrent, '2023-06-10', '2026-06-10')).toBe(false);
  });

  it('lapses the day after 36 months without collection', () => {
    expect(mandateLapsed(recurrent, '2023-06-10', '2026-06-11')).toBe(true);
  });

  it('counts from the signature when no collection was ever made', () => {
    expect(mandateLapsed(recurrent, undefined, '2026-01-15')).toBe(false);
    expect(mandateLapsed(recurrent, undefined, '2026-01-16')).toBe(true);
  });
});
