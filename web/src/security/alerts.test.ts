import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/alerts';
import type { Reading } from '../audit/reading';
import { alertSentence, unreadCount } from './alerts';

const reading = (lang: 'fr' | 'en'): Reading => ({
  lang,
  members: new Map([['us_sam', 'Sam'], ['us_adam', 'Adam'], ['us_olga', 'Olga']]),
  tokens: new Map([['tk_compta', 'Export comptable']]),
  roles: [],
});
const alert = (kind: Alert['kind'], actor: string | null, details: Record<string, unknown>) => ({ kind, actor, details });

describe('alerts as sentences', () => {
  it('says who asked to change the bank details, from which IBAN to which, shortened', () => {
    const a = alert('bank_change_requested', 'us_adam', { from: 'FR7630006000011234567890189', to: 'FR1420041010050500013M02606', bic: 'PSSTFRPPXXX' });
    expect(alertSentence(a, reading('fr'))).toBe('Demande de changement de RIB par Adam : FR76…0189 → FR14…2606');
    expect(alertSentence(a, reading('en'))).toBe('Bank details change requested by Adam: FR76…0189 → FR14…2606');
  });

  it('names both the approver and the asker of an approved change', () => {
    const a = alert('bank_change_approved', 'us_olga', { from: 'FR7630006000011234567890189', to: 'FR1420041010050500013M02606', requestedBy: 'us_adam' });
    expect(alertSentence(a, reading('fr'))).toBe('Changement de RIB validé par Olga (demandé par Adam) : FR76…0189 → FR14…2606');
  });

  it('says "aucun IBAN" when the company had none before', () => {
    const a = alert('bank_change_requested', 'us_adam', { from: null, to: 'FR1420041010050500013M02606' });
    expect(alertSentence(a, reading('fr'))).toBe('Demande de changement de RIB par Adam : aucun IBAN → FR14…2606');
  });

  it('describes a new device by its browser and system, and the address it came from', () => {
    const a = alert('new_device', 'us_sam', { device: 'Chrome_Android_4f2a9c', ip: '203.0.113.9' });
    expect(alertSentence(a, reading('fr'))).toBe('Nouvel appareil pour Sam : Chrome sur Android (4f2a9c), depuis 203.0.113.9');
    expect(alertSentence(a, reading('en'))).toBe('New device for Sam: Chrome on Android (4f2a9c), from 203.0.113.9');
  });

  it('reads an unusual place, hour, a locked sign-in, mass deletions and a full export', () => {
    const r = reading('fr');
    expect(alertSentence(alert('unusual_place', 'us_sam', { ip: '198.51.100.4', network: '198.51.100.0/24' }), r)).toBe('Lieu inhabituel pour Sam : connexion depuis 198.51.100.4');
    expect(alertSentence(alert('unusual_hour', 'us_sam', { hour: 3, timeZone: 'Europe/Paris', ip: '198.51.100.4' }), r)).toBe('Heure inhabituelle pour Sam : connexion vers 3 h, depuis 198.51.100.4');
    expect(alertSentence(alert('sign_in_locked', 'us_sam', { failures: 10, ip: '198.51.100.4', until: '2026-03-02T10:15:00Z' }), r)).toMatch(/^Connexion de Sam suspendue après 10 tentatives échouées, depuis 198\.51\.100\.4, jusqu’au 2 mars 2026/);
    expect(alertSentence(alert('mass_deletions', 'us_sam', { records: 25, minutes: 10, where: 'co_1.workspace' }), r)).toBe('Suppressions en masse par Sam : 25 fiches en moins de 10 minutes');
    expect(alertSentence(alert('full_export', 'token:tk_compta', {}), r)).toBe('Export complet des données par le jeton d’API « Export comptable »');
  });

  it('still reads an alert of a kind this version does not know', () => {
    const a = { kind: 'password_sprayed' as Alert['kind'], actor: 'us_sam', details: {} };
    expect(alertSentence(a, reading('fr'))).toBe('Alerte « password_sprayed » concernant Sam');
  });

  it('calls someone no longer in the company a former member', () => {
    expect(alertSentence(alert('unusual_place', 'us_gone', { ip: '1.2.3.4' }), reading('fr'))).toBe('Lieu inhabituel pour un ancien membre : connexion depuis 1.2.3.4');
  });

  it('counts the alerts nobody has read', () => {
    expect(unreadCount([{ readAt: null }, { readAt: '2026-01-01T00:00:00Z' }, { readAt: null }])).toBe(2);
    expect(unreadCount(undefined)).toBe(0);
  });
});
