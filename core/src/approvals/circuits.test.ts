import { describe, expect, it } from 'vitest';
import { checkSubmission, parseApprovalConfig, routeQuote, type QuoteFacts } from './circuits';
import { facts } from './fixtures.testing';
import { fieldsOf } from '../schema/fields.testing';


const manager = { id: 'manager', name: 'Sales manager', steps: [{ approvers: { users: ['alice'] }, rule: { mode: 'any' } }] };
const board = {
  id: 'board',
  name: 'Manager then finance',
  steps: [
    { approvers: { users: ['alice'] }, rule: { mode: 'any' } },
    { approvers: { role: 'finance' }, rule: { mode: 'quorum', quorum: 2 } },
  ],
};
const config = parseApprovalConfig({
  circuits: [manager, board],
  routing: [
    { id: 'big', when: { totalAtLeast: '50000' }, circuitId: 'board' },
    { id: 'discount', when: { maxDiscountAbove: '15' }, circuitId: 'manager' },
    { id: 'margin', when: { marginBelow: '20' }, circuitId: 'board' },
    { id: 'key-accounts', when: { segments: ['key_account'], categoryIds: ['hardware'] }, circuitId: 'board' },
    { id: 'custom-dev', when: { productIds: ['p-custom'] }, circuitId: 'manager' },
  ],
  defaultCircuitId: null,
});
const route = (f: Partial<QuoteFacts>) => routeQuote(config, { ...facts, ...f }).ruleId;

describe('approval circuits as data', () => {
  it('names each faulty field of a configuration', () => {
    const fields = fieldsOf(() =>
      parseApprovalConfig({
        circuits: [{ id: 'c', name: 'C', steps: [{ approvers: { users: [] }, rule: { mode: 'quorum', quorum: 0 } }] }],
        routing: [{ id: 'r', when: { totalAtLeast: '12,5' }, circuitId: 'nope' }],
      }),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'circuits[0].steps[0].approvers',
      'circuits[0].steps[0].rule.quorum',
      'routing[0].circuitId',
      'routing[0].when.totalAtLeast',
    ]);
  });

  it('refuses a rule or a default that points to no circuit', () => {
    const fields = fieldsOf(() =>
      parseApprovalConfig({ circuits: [manager], routing: [{ id: 'r', when: {}, circuitId: 'nope' }], defaultCircuitId: 'gone' }),
    );
    expect(fields).toEqual({ 'routing[0].circuitId': 'no circuit "nope"', defaultCircuitId: 'no circuit "gone"' });
  });

  it.each([
    [{ total: '50000.00' }, 'big'],
    [{ total: '49999.99' }, null],
    [{ maxDiscountPercent: '15.01' }, 'discount'],
    [{ maxDiscountPercent: '15' }, null],
    [{ marginPercent: '19.9' }, 'margin'],
    [{ marginPercent: null }, 'margin'],
    [{ customerSegment: 'key_account', categoryIds: ['services', 'hardware'] }, 'key-accounts'],
    [{ customerSegment: 'key_account' }, null],
    [{ productIds: ['p-1', 'p-custom'] }, 'custom-dev'],
    [{ total: '90000', maxDiscountPercent: '30' }, 'big'],
  ] as const)('routes a quote with %o by rule %s', (f, rule) => {
    expect(route(f as Partial<QuoteFacts>)).toBe(rule);
  });

  it('gives the chosen circuit, or none when no rule matches and there is no default', () => {
    expect(routeQuote(config, { ...facts, total: '60000' }).circuit?.id).toBe('board');
    expect(routeQuote(config, facts)).toEqual({ circuit: null, ruleId: null });
    expect(routeQuote({ ...config, defaultCircuitId: 'manager' }, facts).circuit?.id).toBe('manager');
  });
});

describe('checks before submission', () => {
  it('passes a complete quote above the margin floor', () => {
    expect(checkSubmission({ mandatoryFields: ['customer'], marginFloorPercent: '30' }, facts)).toEqual([]);
  });

  it('names missing fields and a margin below the floor or unknown', () => {
    const checks = { mandatoryFields: ['customer', 'deliveryDate'], marginFloorPercent: '35' };
    expect(checkSubmission(checks, facts).map((p) => `${p.code}:${p.field}`)).toEqual([
      'missing_field:deliveryDate',
      'margin_below_floor:marginPercent',
    ]);
    expect(checkSubmission(checks, { ...facts, marginPercent: null }).map((p) => p.code)).toContain('margin_unknown');
  });
});
