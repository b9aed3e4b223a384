import { config } from 'zod';

// The server's Content-Security-Policy allows no eval (sync-server/src/security/headers.ts). Unless jitless,
// Zod compiles object parsers with `new Function`, and even its probe for whether it may is reported as a
// violation. index.tsx imports this first: core's schemas are built afterwards, in the route chunks.
config({ jitless: true });
