// Issue 13: the manifest in Welsh through Teams' localisation files (localizationInfo, additional language
// cy, manifest/cy.json), valid against the official schemas in @microsoft/app-manifest.
import { strict as assert } from 'node:assert';
import * as os from 'node:os';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { parseCommand } from '../../src/teams/commands/parse-command.js';
import { COMMANDS } from '../../src/teams/commands/registry.js';
import { CATALOGUES } from '../../src/teams/i18n/translate.js';
import { buildManifest, loadManifestTemplate, validateManifest, type TeamsManifest } from '../../tools/manifest.js';
import {
  loadWelshLocalization,
  validateLocalization,
  welshLocalization,
  WELSH_LOCALIZATION_FILE,
} from '../../tools/manifest-localization.js';
import { packageApp } from '../../tools/package-app.js';

const values = {
  appId: '5f0e4a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  botId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  domain: 'iro-bot.llanfair-council.example',
};
const built = (): TeamsManifest => buildManifest(loadManifestTemplate(), values, COMMANDS);

describe('the manifest in Welsh (issue 13)', () => {
  it('declares English (en-gb) and the additional language cy, and stays valid against the v1.22 schema', () => {
    const manifest = built();
    assert.deepEqual(manifest.localizationInfo, {
      defaultLanguageTag: 'en-gb',
      additionalLanguages: [{ languageTag: 'cy', file: 'cy.json' }],
    });
    assert.deepEqual(validateManifest(manifest), []);
  });

  it("manifest/cy.json is what the registry and the Welsh catalogue make (run 'npm run package -- --sync-manifest' if not)", () => {
    assert.deepEqual(loadWelshLocalization(), welshLocalization(built()));
  });

  it('cy.json is valid against the official localisation schema and names only commands the manifest has', () => {
    assert.deepEqual(validateLocalization(loadWelshLocalization(), built(), WELSH_LOCALIZATION_FILE), []);
  });

  it('every command in the Welsh menu is one the bot reads as the same command, with a Welsh description', () => {
    const manifest = built();
    const cy = loadWelshLocalization();
    const lists = (manifest.bots as { commandLists: { commands: { title: string; description: string }[] }[] }[])[0]!
      .commandLists;
    let titled = 0;
    for (const [i, list] of lists.entries()) {
      for (const [j, command] of list.commands.entries()) {
        const title = cy[`bots[0].commandLists[${i}].commands[${j}].title`];
        const description = cy[`bots[0].commandLists[${i}].commands[${j}].description`];
        assert.equal(parseCommand(title)?.name, command.title, `${title} should run /${command.title}`);
        assert.ok(description && description !== command.description, `/${command.title} has a Welsh description`);
        assert.ok(description.length <= 128 && !description.endsWith('…'), `/${command.title}: ${description}`);
        if (title !== command.title) titled++;
      }
    }
    assert.ok(titled >= 15, `${titled} Welsh command titles`);
  });

  it("the English catalogue's name and descriptions are the manifest's own", () => {
    const manifest = loadManifestTemplate() as { name: { short: string; full: string }; description: { short: string; full: string } };
    assert.equal(CATALOGUES.en['manifest.name.short'], manifest.name.short);
    assert.equal(CATALOGUES.en['manifest.name.full'], manifest.name.full);
    assert.equal(CATALOGUES.en['manifest.description.short'], manifest.description.short);
    assert.equal(CATALOGUES.en['manifest.description.full'], manifest.description.full);
  });

  it('reports a bad localisation file (the check can fail)', () => {
    const manifest = built();
    const bad = { ...loadWelshLocalization(), 'bots[0].commandLists[0].commands[9].title': 'x'.repeat(200), extra: 'y' };
    delete (bad as Record<string, string>)['description.short'];
    const problems = validateLocalization(bad, manifest, 'cy.json');
    assert.ok(problems.some((p) => /description\.short/.test(p)), problems.join('\n'));
    assert.ok(problems.some((p) => /commands\[9\]\.title/.test(p)), problems.join('\n'));
    const { localizationInfo: _dropped, ...undeclared } = manifest;
    assert.ok(validateLocalization(loadWelshLocalization(), undeclared, 'cy.json').includes('the manifest does not declare cy.json'));
  });

  it('the development package marks its Welsh name too', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-pkg-cy-'));
    try {
      const { file } = await packageApp(values, out, { dev: true });
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const cy = JSON.parse(await zip.file('cy.json')!.async('string')) as Record<string, string>;
      assert.equal(cy['name.short'], 'IRO Bot (datblygu)');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
