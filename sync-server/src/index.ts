export { startServer, type Running } from './server';
export { loadConfig, type Config } from './config';
export { createServices, type Services } from './services';
export { ensureDemo } from './demo';
