import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import JSZip from 'jszip';
import type { CommandSpecMeta } from '../../src/teams/commands/command-spec.js';
import {
  buildManifest, checkIcons, commandListsFor, loadManifestTemplate, manifestDir, pngSize, validateManifest,
  COMMAND_DESCRIPTION_MAX, MANIFEST_SCOPES, MAX_COMMANDS_PER_LIST, type TeamsManifest,
} from '../../tools/manifest.js';
import { DEV_APP_ID, manifestValuesFrom, packageApp, PackageError } from '../../tools/package-app.js';

const values = {
  appId: '5f0e4a1c-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
  botId: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d',
  domain: 'iro-bot.llanfair-council.example',
};

const spec = (name: string, over: Partial<CommandSpecMeta> = {}): CommandSpecMeta => ({
  name, usage: `/${name}`, description: `Does ${name}.`, example: `/${name}`, inCommandList: true, scopes: ['personal', 'team', 'groupChat'], ...over,
});

/** The registry is written elsewhere: import it lazily so a problem there fails only these tests. */
async function registryCommands(): Promise<readonly CommandSpecMeta[]> {
  const mod = await import('../../src/teams/commands/registry.js');
  return mod.COMMANDS;
}

const clone = (m: TeamsManifest): TeamsManifest => JSON.parse(JSON.stringify(m)) as TeamsManifest;

describe('manifest/manifest.json', () => {
  it('validates against the official v1.22 schema once sample values are substituted', async () => {
    const manifest = buildManifest(loadManifestTemplate(), values, await registryCommands());
    assert.deepEqual(validateManifest(manifest), []);
    assert.equal(manifest.manifestVersion, '1.22');
    assert.equal(manifest.id, values.appId);
    const [bot] = manifest.bots as Record<string, unknown>[];
    assert.equal(bot.botId, values.botId);
    assert.deepEqual(bot.scopes, ['personal', 'team', 'groupChat']);
    // The board export sends its workbook through the file consent flow in personal chat (issue 15).
    assert.equal(bot.supportsFiles, true);
    assert.equal(bot.isNotificationOnly, false);
    assert.deepEqual(manifest.validDomains, [values.domain]);
    assert.equal((manifest.name as { short: string }).short, 'IRO Bot');
  });

  it('keeps the placeholders in the committed template', () => {
    const raw = fs.readFileSync(path.join(manifestDir(), 'manifest.json'), 'utf8');
    for (const p of ['${{TEAMS_APP_ID}}', '${{BOT_ID}}', '${{BOT_DOMAIN}}']) assert.ok(raw.includes(p), p);
    const tpl = loadManifestTemplate();
    assert.equal(tpl.$schema, 'https://developer.microsoft.com/en-us/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
  });

  it("has commandLists equal to commandListsFor(COMMANDS) from the registry (run 'npm run package -- --sync-manifest' if not)", async () => {
    const [bot] = loadManifestTemplate().bots as { commandLists: unknown }[];
    assert.deepEqual(bot.commandLists, commandListsFor(await registryCommands()));
  });

  it('lists at most 10 commands per list', () => {
    const [bot] = loadManifestTemplate().bots as { commandLists: { commands: unknown[] }[] }[];
    assert.equal(bot.commandLists.length, 3);
    for (const list of bot.commandLists) assert.ok(list.commands.length <= MAX_COMMANDS_PER_LIST);
  });
});

describe('validateManifest', () => {
  const good = () => buildManifest(loadManifestTemplate(), values, [spec('due')]);

  it('reports a non-GUID botId', () => {
    const m = buildManifest(loadManifestTemplate(), { ...values, botId: 'not-a-guid' }, [spec('due')]);
    const errors = validateManifest(m);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0], /^\/bots\/0\/botId must match pattern/);
  });

  it('reports missing required fields, bad scopes, long names and extra properties', () => {
    const m = good();
    delete m.accentColor;
    (m.name as { short: string }).short = 'IRO Bot for the Independent Reviewing Officers';
    ((m.bots as { scopes: string[] }[])[0]).scopes = ['personal', 'channel'];
    m.colour = 'red';
    const errors = validateManifest(m).join('\n');
    assert.match(errors, /accentColor/);
    assert.match(errors, /\/name\/short must NOT have more than 30 characters/);
    assert.match(errors, /\/bots\/0\/scopes\/1 must be equal to one of the allowed values/);
    assert.match(errors, /additional properties \(colour\)/);
  });

  it('reports what the schema misses: placeholders left, domains with a scheme, long command titles', () => {
    const m = clone(loadManifestTemplate());
    assert.ok(validateManifest(m).some((e) => /unsubstituted placeholders: .*\$\{\{BOT_DOMAIN\}\}/.test(e)));
    const d = buildManifest(loadManifestTemplate(), { ...values, domain: 'https://iro.example/api' }, []);
    assert.deepEqual(validateManifest(d), ["/validDomains: 'https://iro.example/api' must be a host name without scheme or path"]);
    const t = good();
    ((t.bots as { commandLists: { commands: { title: string }[] }[] }[])[0]).commandLists[0].commands[0].title = 'x'.repeat(40);
    assert.match(validateManifest(t).join('\n'), /title longer than 32/);
  });

  it('reports a manifestVersion with no bundled schema instead of fetching it', () => {
    const m = good();
    m.manifestVersion = '1.18';
    assert.deepEqual(validateManifest(m), ['manifestVersion 1.18 has no bundled schema in @microsoft/app-manifest']);
  });
});

describe('commandListsFor', () => {
  it('makes one list per scope with only the listed commands, in order', () => {
    const lists = commandListsFor([spec('due'), spec('setup', { inCommandList: false }), spec('help')]);
    assert.deepEqual(lists.map((l) => l.scopes), MANIFEST_SCOPES.map((s) => [s]));
    for (const l of lists) assert.deepEqual(l.commands, [{ title: 'due', description: 'Does due.' }, { title: 'help', description: 'Does help.' }]);
  });

  it('accepts 10 listed commands and throws on 11', () => {
    const specs = Array.from({ length: 11 }, (_, i) => spec(`c${i}`));
    assert.equal(commandListsFor(specs.slice(0, 10))[0].commands.length, 10);
    assert.throws(() => commandListsFor(specs), /11 commands .* at most 10/);
    assert.doesNotThrow(() => commandListsFor([...specs.slice(0, 10), spec('hidden', { inCommandList: false })]));
  });

  it('trims descriptions to the limit and rejects names too long for a title', () => {
    const [list] = commandListsFor([spec('due', { description: `  ${'word '.repeat(60)}` })]);
    const d = list.commands[0].description;
    assert.ok(d.length <= COMMAND_DESCRIPTION_MAX && d.endsWith('…'), d);
    assert.throws(() => commandListsFor([spec('x'.repeat(33))]), /1–32 characters/);
  });

  it('the registry produces valid lists', async () => {
    const lists = commandListsFor(await registryCommands());
    for (const l of lists) assert.ok(l.commands.length >= 1 && l.commands.length <= MAX_COMMANDS_PER_LIST);
  });
});

describe('buildManifest', () => {
  it('does not modify the template and throws on an unknown placeholder', () => {
    const tpl = loadManifestTemplate();
    const before = JSON.stringify(tpl);
    buildManifest(tpl, values, [spec('due')]);
    assert.equal(JSON.stringify(tpl), before);
    assert.throws(() => buildManifest({ ...tpl, x: '${{NOPE}}' }, values, []), /\$\{\{NOPE\}\} has no value/);
  });
});

describe('icons', () => {
  const read = (f: string) => fs.readFileSync(path.join(manifestDir(), f));

  it('color.png is 192×192 and outline.png is 32×32 (from the IHDR)', () => {
    assert.deepEqual(pngSize(read('color.png')), { width: 192, height: 192 });
    assert.deepEqual(pngSize(read('outline.png')), { width: 32, height: 32 });
    assert.deepEqual(checkIcons(), []);
  });

  it('outline.png is white on transparent', () => {
    const png = read('outline.png');
    assert.equal(png[25], 6, 'colour type RGBA');
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length;) {
      const len = png.readUInt32BE(at);
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
      at += 12 + len;
    }
    const raw = zlib.inflateSync(Buffer.concat(idat));
    const stride = 32 * 4 + 1;
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      assert.equal(raw[y * stride], 0, 'rows are unfiltered (as make-icons writes them)');
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = raw.subarray(y * stride + 1 + x * 4, y * stride + 5 + x * 4);
        if (a > 0) assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${x},${y}`);
        if (a === 255) opaque++;
      }
    }
    assert.equal(raw[1 + 3], 0, 'corner is transparent');
    assert.ok(opaque > 50, 'the glyph is visible');
  });

  it('pngSize rejects a non-PNG', () => {
    assert.throws(() => pngSize(Buffer.from('GIF89a................')), /not a PNG/);
  });
});

describe('package-app', () => {
  it('needs MicrosoftAppId and BOT_DOMAIN unless --dev', () => {
    assert.throws(() => manifestValuesFrom({}, false), PackageError);
    assert.deepEqual(manifestValuesFrom({}, true), { appId: DEV_APP_ID, botId: DEV_APP_ID, domain: 'localhost' });
    assert.deepEqual(manifestValuesFrom({ MicrosoftAppId: values.botId, BOT_DOMAIN: values.domain }, false),
      { appId: values.botId, botId: values.botId, domain: values.domain });
    assert.deepEqual(manifestValuesFrom({ MicrosoftAppId: values.botId, BOT_DOMAIN: values.domain, TEAMS_APP_ID: values.appId }, false), values);
  });

  it('writes a zip with manifest.json, its Welsh localisation file and both icons', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-pkg-'));
    try {
      const { file } = await packageApp(values, out);
      assert.equal(path.basename(file), 'iro-bot-app.zip');
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'cy.json', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as TeamsManifest;
      assert.deepEqual(validateManifest(manifest), []);
      assert.deepEqual(pngSize(await zip.file('color.png')!.async('nodebuffer')), { width: 192, height: 192 });
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('refuses to write an invalid package', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'iro-pkg-'));
    try {
      await assert.rejects(packageApp({ ...values, botId: 'nope' }, out), (e: unknown) =>
        e instanceof PackageError && e.problems.some((p) => p.startsWith('/bots/0/botId')));
      assert.deepEqual(fs.readdirSync(out), []);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
