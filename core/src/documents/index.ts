export * from './xml';
export * from './pdf';
export * from './rules';
