import { ValidationError } from './fields';

/** The fields a ValidationError names, with their messages; fails the test when `run` throws none or another error. */
export function fieldsOf(run: () => unknown): Record<string, string> {
  try {
    run();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a ValidationError');
}
