export * from './fields';
export * from './workspace';
