export * from './fields';
export * from './workspace';
export * from './document';
