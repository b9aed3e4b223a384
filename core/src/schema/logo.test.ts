import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ValidationError } from './fields';
import { checkLogo } from './logo';
import { Workspace } from './workspace';

const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const jpeg = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQ==';

function logoError(dataUrl: string): string | undefined {
  try {
    checkLogo(dataUrl);
    return undefined;
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return e.fields.logo;
  }
}

describe('checkLogo', () => {
  it('accepts a PNG and a JPEG whose first bytes match their type', () => {
    expect(logoError(png)).toBeUndefined();
    expect(logoError(jpeg)).toBeUndefined();
  });

  it('refuses an SVG, a GIF and anything that is not a base64 data URL', () => {
    expect(logoError('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toBe('A logo is a PNG or JPEG image.');
    expect(logoError('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBe('A logo is a PNG or JPEG image.');
    expect(logoError('https://example.com/logo.png')).toBe('A logo is a PNG or JPEG image.');
    expect(logoError('data:image/png,<svg onload=alert(1)>')).toBe('A logo is a PNG or JPEG image.');
  });

  it('refuses a file whose first bytes are not those of its declared type', () => {
    expect(logoError(jpeg.replace('image/jpeg', 'image/png'))).toBe('This file is not a PNG image.');
    expect(logoError(png.replace('image/png', 'image/jpeg'))).toBe('This file is not a JPEG image.');
    expect(logoError('data:image/png;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+')).toBe('This file is not a PNG image.');
  });

  it('refuses a logo over 100 KB, saying how large it is', () => {
    const big = `${png.slice(0, png.indexOf(',') + 1)}iVBORw0KGgo${'A'.repeat(140_000)}=`;
    expect(logoError(big)).toBe('A logo is at most 100 KB; this one has 103 KB.');
    const exactly100Kb = `data:image/jpeg;base64,/9j/${'A'.repeat(136_530)}==`;
    expect(logoError(exactly100Kb)).toBeUndefined();
  });
});

describe('Workspace logos', () => {
  it('points the settings at a new logo and keeps the old one when it is replaced', () => {
    const ws = new Workspace(new Y.Doc());
    ws.setLogo('lg_1', png);
    expect(ws.readSettings().logoId).toBe('lg_1');
    expect(ws.currentLogo()).toBe(png);
    ws.setLogo('lg_2', jpeg);
    expect(ws.readSettings().logoId).toBe('lg_2');
    expect(ws.currentLogo()).toBe(jpeg);
    expect(ws.readLogo('lg_1')).toBe(png);
    expect(ws.readLogo(undefined)).toBeUndefined(); // a document issued without a logo stays without
  });

  it('writes nothing when the image is refused', () => {
    const ws = new Workspace(new Y.Doc());
    ws.setLogo('lg_1', png);
    expect(() => ws.setLogo('lg_2', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toThrow(ValidationError);
    expect(ws.readSettings().logoId).toBe('lg_1');
    expect(ws.logos.has('lg_2')).toBe(false);
  });

  it('removes the logo from the settings only, keeping the image for issued invoices', () => {
    const ws = new Workspace(new Y.Doc());
    ws.setLogo('lg_1', png);
    ws.removeLogo();
    expect(ws.readSettings().logoId).toBeUndefined();
    expect(ws.currentLogo()).toBeUndefined();
    expect(ws.readLogo('lg_1')).toBe(png);
  });

  it('leaves the logo alone when other settings are edited or cleared', () => {
    const ws = new Workspace(new Y.Doc());
    ws.setLogo('lg_1', png);
    ws.updateSettings({ legalName: 'Studio Boréal SAS', city: undefined });
    expect(ws.readSettings()).toMatchObject({ legalName: 'Studio Boréal SAS', logoId: 'lg_1' });
  });
});
