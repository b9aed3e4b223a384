export * from './fields';
export * from './workspace';
export * from './contacts';
export * from './document';
export * from './logo';
