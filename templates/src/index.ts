export * from './render';
export * from './invoice-email';
