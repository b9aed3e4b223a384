export * from './render';
export * from './invoice-email';
export * from './alert-email';
