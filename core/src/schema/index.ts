export * from './fields';
export * from './workspace';
export * from './contacts';
export * from './customers';
export type { Scalar } from './records';
export * from './document';
export * from './logo';
export * from './quote';
export * from './quote-settings';
