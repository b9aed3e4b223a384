export * from './xml';
export * from './pdf';
