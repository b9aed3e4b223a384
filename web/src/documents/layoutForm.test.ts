import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '@facturo/core';
import { editLayout, layoutPatch, parseHexColour } from './layoutForm';

const workspace = () => new Workspace(new Y.Doc());

describe('the layout form', () => {
  it('reads a colour typed with or without #, in capitals, or in the short form', () => {
    expect(parseHexColour('#1F4E79')).toBe('#1f4e79');
    expect(parseHexColour(' 8a3b12 ')).toBe('#8a3b12');
    expect(parseHexColour('#abc')).toBe('#aabbcc');
    expect(parseHexColour('fff')).toBe('#ffffff');
  });

  it('leaves a colour it cannot read as typed, for core to refuse', () => {
    expect(parseHexColour('bleu')).toBe('bleu');
    expect(parseHexColour('#12345')).toBe('#12345');
    expect(parseHexColour('rgb(1,2,3)')).toBe('rgb(1,2,3)');
  });

  it('turns each field into its patch: a checkbox into a column switch, an emptied text into a clearing', () => {
    expect(layoutPatch('columns.unit', 'false')).toEqual({ columns: { unit: false } });
    expect(layoutPatch('columns.discount', 'true')).toEqual({ columns: { discount: true } });
    expect(layoutPatch('footerText', '   ')).toEqual({ footerText: '' });
    expect(layoutPatch('paymentInstructions', 'Chèques à l’ordre de Boréal')).toEqual({ paymentInstructions: 'Chèques à l’ordre de Boréal' });
    expect(layoutPatch('font', 'dejavu-serif')).toEqual({ font: 'dejavu-serif' });
  });

  it('writes a valid value through the workspace', () => {
    const ws = workspace();
    expect(editLayout(ws, 'accentColor', '8A3B12')).toEqual({ ok: true });
    expect(editLayout(ws, 'columns.discount', 'false')).toEqual({ ok: true });
    expect(editLayout(ws, 'footerText', 'www.boreal.fr')).toEqual({ ok: true });
    expect(ws.readLayout()).toMatchObject({ accentColor: '#8a3b12', columns: { unit: true, discount: false }, footerText: 'www.boreal.fr' });
    expect(editLayout(ws, 'footerText', '')).toEqual({ ok: true });
    expect(ws.readLayout().footerText).toBeUndefined();
  });

  it('refuses a broken value under its field and keeps the layout in force', () => {
    const ws = workspace();
    editLayout(ws, 'accentColor', '#8a3b12');
    const colour = editLayout(ws, 'accentColor', 'bleu');
    expect(colour.ok).toBe(false);
    expect(colour.ok ? {} : colour.errors).toEqual({ accentColor: expect.stringMatching(/#RRGGBB/) });
    const font = editLayout(ws, 'font', 'comic-sans');
    expect(font.ok ? {} : font.errors).toHaveProperty('font');
    const footer = editLayout(ws, 'footerText', 'x'.repeat(301));
    expect(footer.ok ? {} : footer.errors).toHaveProperty('footerText');
    expect(ws.readLayout()).toMatchObject({ accentColor: '#8a3b12', font: 'dejavu-sans' });
    expect(ws.readLayout().footerText).toBeUndefined();
  });
});
