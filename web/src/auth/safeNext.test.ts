import { describe, expect, it } from 'vitest';
import { safeNext } from './safeNext';

describe('safeNext', () => {
  it('follows a path of this site', () => {
    expect(safeNext('/invite/abc')).toBe('/invite/abc');
  });

  it('refuses other origins and falls back to home', () => {
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', undefined, '']) expect(safeNext(bad)).toBe('/');
  });
});
