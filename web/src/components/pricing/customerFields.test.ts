import { describe, expect, it } from 'vitest';
import { sameFields, simulationFieldsOf } from './customerFields';

describe("the simulator's fields from a customer", () => {
  it('fills segments, seniority, country and postcode from the customer record', () => {
    const fields = simulationFieldsOf({ name: 'Boulangerie Martin', segments: 'Commerce, TPE', customerSince: '2021-03-01', country: 'FR', postcode: '69002' });
    expect(fields).toEqual({ segments: 'Commerce, TPE', since: '2021-03-01', country: 'FR', postcode: '69002' });
  });

  it('lists each segment once, trimmed, without empty ones, as a quote reads them', () => {
    expect(simulationFieldsOf({ name: 'Mairie', segments: ' Secteur public,, PME ,Secteur public' }).segments).toBe('Secteur public, PME');
  });

  it('empties the fields a customer does not have, so a previous customer’s values do not linger', () => {
    expect(simulationFieldsOf({ name: 'Particulier' })).toEqual({ segments: '', since: '', country: '', postcode: '' });
  });

  it('leaves out a country that is not an ISO 3166 code, as quote pricing does', () => {
    expect(simulationFieldsOf({ name: 'Atelier', country: 'France', postcode: '75011' })).toMatchObject({ country: '', postcode: '75011' });
  });

  it('tells two sets of fields apart by any one of them', () => {
    const a = simulationFieldsOf({ name: 'A', segments: 'PME', country: 'FR' });
    expect(sameFields(a, { ...a })).toBe(true);
    expect(sameFields(a, { ...a, postcode: '69002' })).toBe(false);
  });
});
