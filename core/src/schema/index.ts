export * from './fields';
export * from './workspace';
export * from './document';
export * from './logo';
