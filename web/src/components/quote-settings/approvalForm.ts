import type { ApprovalConfig } from '@facturo/core';
import { parseInput } from '../../stores/fieldInput';

// The approval settings as the screen edits them (strings as typed), to core's ApprovalConfig and back.
// core (parseApprovalConfig via QuoteSettings.setApprovalConfig) judges; its keys name the inputs.

export type Mode = 'any' | 'all' | 'quorum';
export interface StepForm { name: string; users: string[]; role: string; mode: Mode; quorum: string }
export interface CircuitForm { id: string; name: string; steps: StepForm[] }
export interface RoutingForm { id: string; totalAtLeast: string; maxDiscountAbove: string; marginBelow: string; segments: string; productIds: string[]; circuitId: string }
export interface ApprovalForm {
  circuits: CircuitForm[];
  routing: RoutingForm[];
  defaultCircuitId: string;
  mandatoryFields: string[];
  marginFloor: string;
}

/** The fields core's quoteFacts reports as filled in (core/src/quotes/pricing.ts). */
export const mandatoryFieldNames = ['customerId', 'validUntil', 'title', 'paymentTermsDays', 'intro', 'closing', 'lines'] as const;

export const emptyStep = (): StepForm => ({ name: '', users: [], role: '', mode: 'any', quorum: '2' });

const fr = (v: string | undefined, l: 'fr' | 'en') => (v === undefined ? '' : l === 'fr' ? v.replace('.', ',') : v);
const dec = (raw: string) => (raw.trim() === '' ? undefined : String(parseInput('decimal', raw)));
const list = (raw: string) => raw.split(',').map((s) => s.trim()).filter(Boolean);
const compact = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function approvalFormOf(c: ApprovalConfig, l: 'fr' | 'en' = 'fr'): ApprovalForm {
  return {
    circuits: c.circuits.map((x) => ({
      id: x.id, name: x.name,
      steps: x.steps.map((s) => ({ name: s.name ?? '', users: [...s.approvers.users], role: s.approvers.role ?? '', mode: s.rule.mode, quorum: s.rule.mode === 'quorum' ? String(s.rule.quorum) : '2' })),
    })),
    routing: c.routing.map((r) => ({
      id: r.id, circuitId: r.circuitId, totalAtLeast: fr(r.when.totalAtLeast, l), maxDiscountAbove: fr(r.when.maxDiscountAbove, l), marginBelow: fr(r.when.marginBelow, l),
      segments: (r.when.segments ?? []).join(', '), productIds: [...(r.when.productIds ?? [])],
    })),
    defaultCircuitId: c.defaultCircuitId ?? '',
    mandatoryFields: [...c.checks.mandatoryFields],
    marginFloor: fr(c.checks.marginFloorPercent, l),
  };
}

export function approvalInputOf(f: ApprovalForm): unknown {
  return {
    circuits: f.circuits.map((c) => ({
      id: c.id, name: c.name.trim(),
      steps: c.steps.map((s) => compact({
        name: s.name.trim() || undefined,
        approvers: compact({ users: s.users, role: s.role || undefined }),
        rule: s.mode === 'quorum' ? { mode: 'quorum', quorum: /^\s*\d+\s*$/.test(s.quorum) ? Number(s.quorum) : Number.NaN } : { mode: s.mode },
      })),
    })),
    routing: f.routing.map((r) => ({
      id: r.id, circuitId: r.circuitId,
      when: compact({
        totalAtLeast: dec(r.totalAtLeast), maxDiscountAbove: dec(r.maxDiscountAbove), marginBelow: dec(r.marginBelow),
        segments: list(r.segments).length ? list(r.segments) : undefined, productIds: r.productIds.length ? r.productIds : undefined,
      }),
    })),
    defaultCircuitId: f.defaultCircuitId || null,
    checks: compact({ mandatoryFields: f.mandatoryFields, marginFloorPercent: dec(f.marginFloor) }),
  };
}
