export * from './money';
export * from './schema';
