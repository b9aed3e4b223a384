export * from './roles';
export * from './companies';
export * from './tokens';
