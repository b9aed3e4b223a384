export * from './circuits';
export * from './state';
export { transition, type QuoteEvent } from './lifecycle';
export type { DecideEvent, SubmitEvent } from './decide';
export type { RefusalCode, TransitionResult } from './result';
export { actingFor, stepApprovers, delegationActive } from './steps';
export * from './due';
export { awaitingDecision, type AwaitedApprover, type AwaitedStep } from './awaiting';
