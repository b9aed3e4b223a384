import { measurePricing, measureRepricing } from './pricing-fixtures';

// Bundled into a page by `npm run bench -- pricing`: the same engine and quote as the Node run, in chromium.
Object.assign(globalThis, {
  measurePricing: () => measurePricing(() => performance.now()),
  measureRepricing: () => measureRepricing(() => performance.now()),
});
