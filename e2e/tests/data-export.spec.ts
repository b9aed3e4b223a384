import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AlertsPage, DataExportSection } from '../pages';
import { expect, test } from '../support/fixtures';
import { repoRoot } from '../support/server';
import { ageSessions } from '../support/sessions';

const shots = path.join(repoRoot, 'test-results/data-export');

test('the owner exports all the data after confirming with the passkey: one JSON file, and the owners are alerted; a sales member does not see the export', async ({ demoOwner, person, server, tag }) => {
  const { owner, companyId } = await demoOwner(`Edith Export ${tag}`);
  const exporter = new DataExportSection(owner.page);
  await exporter.goto(companyId);
  await expect(exporter.section).toContainText('Un fichier JSON avec les paramètres, clients et contacts, produits, séries, toutes les factures');
  await expect(exporter.downloadButton).toHaveText('Exporter toutes les données');

  // Ten minutes after signing in, the export asks to confirm with the passkey first.
  ageSessions(server, 10);
  const { file, reauthAsked } = await exporter.download();
  expect(reauthAsked).toBe(true);
  expect(file.suggestedFilename()).toMatch(/^facturo-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile(await file.path(), 'utf8')) as { format: string; company: { id: string }; documents: unknown[]; members: unknown[] };
  expect(data.format).toBe('facturo-export/1');
  expect(data.company.id).toBe(companyId);
  expect(data.members.length).toBeGreaterThan(0);
  await expect(exporter.done).toHaveText(`Export téléchargé : ${file.suggestedFilename()}.`);
  await exporter.section.screenshot({ path: `${shots}/export-fr.png` });

  const alerts = new AlertsPage(owner.page);
  await alerts.goto(companyId);
  await expect(alerts.ofKind('full_export').first()).toContainText(`Export complet des données par ${owner.name}`);

  // A role without data.export reads the settings without the section.
  await owner.members.goto(companyId);
  const salim = await person(`Salim Ventes ${tag}`);
  await salim.registerWith(await owner.members.createInvite('sales'));
  const salimExport = new DataExportSection(salim.page);
  await salimExport.goto(companyId);
  await expect(salimExport.section).toHaveCount(0);
});
