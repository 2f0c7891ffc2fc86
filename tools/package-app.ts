// npm run package [-- --dev | --production] [-- --out DIR] [-- --sync-manifest]
// Builds the Teams app package (manifest.json + icons) from manifest/ and the command registry,
// validated offline against the official schema. Env (read here, at the CLI edge, because
// src/config.ts covers the running bot, not packaging):
//   MicrosoftAppId  bot id
//   BOT_DOMAIN      host of the messaging endpoint
//   TEAMS_APP_ID    Teams app id (default: MicrosoftAppId)
// With neither MicrosoftAppId nor BOT_DOMAIN set (or --dev): a development package,
// build/iro-bot-app.dev.zip, with the all-zero app id, domain localhost and the name "IRO Bot (dev)",
// so it can never be mistaken for the production one. With either set (or --production): both are
// required and it writes build/iro-bot-app.zip (docs/INSTALL.md).
// --sync-manifest rewrites the committed manifest/manifest.json commandLists from the registry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { COMMANDS } from '../src/teams/commands/registry.js';
import {
  buildManifest,
  checkIcons,
  commandListsFor,
  loadManifestTemplate,
  manifestDir,
  validateManifest,
  type ManifestValues,
  type TeamsManifest,
} from './manifest.js';
import { validateLocalization, welshLocalization, WELSH_LOCALIZATION_FILE } from './manifest-localization.js';

export const DEV_APP_ID = '00000000-0000-0000-0000-000000000000';
export const PACKAGE_FILE = 'iro-bot-app.zip';
export const DEV_PACKAGE_FILE = 'iro-bot-app.dev.zip';
const ICONS = ['color.png', 'outline.png'] as const;
// Fixed timestamp so the same inputs give the same zip bytes.
const ZIP_DATE = new Date('2026-01-01T00:00:00Z');

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`the app package is invalid:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Resolves the manifest values from env-like input; throws PackageError when something required is missing. */
export function manifestValuesFrom(env: Record<string, string | undefined>, dev: boolean): ManifestValues {
  const get = (k: string) => env[k]?.trim() || undefined;
  const botId = get('MicrosoftAppId') ?? (dev ? DEV_APP_ID : undefined);
  const domain = get('BOT_DOMAIN') ?? (dev ? 'localhost' : undefined);
  const problems: string[] = [];
  if (!botId) problems.push('MicrosoftAppId is not set (use --dev for a local package)');
  if (!domain) problems.push('BOT_DOMAIN is not set (the host name of the bot endpoint, e.g. iro-bot.council.example)');
  if (problems.length) throw new PackageError(problems);
  return { botId: botId!, appId: get('TEAMS_APP_ID') ?? botId!, domain: domain! };
}

/**
 * Development or production: `--dev` / `--production` when given; otherwise production as soon as
 * MicrosoftAppId or BOT_DOMAIN is set (then both must be), development when neither is.
 */
export function packageModeFrom(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): 'dev' | 'production' {
  if (argv.includes('--dev') && argv.includes('--production'))
    throw new PackageError(['choose one of --dev and --production']);
  if (argv.includes('--dev')) return 'dev';
  if (argv.includes('--production')) return 'production';
  return env.MicrosoftAppId?.trim() || env.BOT_DOMAIN?.trim() ? 'production' : 'dev';
}

/** Builds and validates the manifest, then writes the zip. Returns the zip path. */
export async function packageApp(
  values: ManifestValues,
  outDir: string,
  opts: { dev?: boolean } = {},
): Promise<{ file: string; manifest: TeamsManifest }> {
  const manifest = buildManifest(loadManifestTemplate(), values, COMMANDS);
  if (opts.dev) {
    // Marked so that nobody uploads it to the council's tenant as the real app by mistake.
    const name = manifest.name as { short: string; full?: string };
    manifest.name = {
      ...name,
      short: `${name.short} (dev)`,
      ...(name.full ? { full: `${name.full} (development package)` } : {}),
    };
  }
  // Welsh (issue 13): the localisation file the manifest names, built from the same command lists.
  const cy = welshLocalization(manifest);
  if (opts.dev) cy['name.short'] = `${cy['name.short']} (datblygu)`;
  const problems = [
    ...validateManifest(manifest),
    ...validateLocalization(cy, manifest, WELSH_LOCALIZATION_FILE),
    ...checkIcons(),
  ];
  if (problems.length) throw new PackageError(problems);
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date: ZIP_DATE });
  zip.file(WELSH_LOCALIZATION_FILE, `${JSON.stringify(cy, null, 2)}\n`, { date: ZIP_DATE });
  for (const icon of ICONS) zip.file(icon, fs.readFileSync(path.join(manifestDir(), icon)), { date: ZIP_DATE });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, opts.dev ? DEV_PACKAGE_FILE : PACKAGE_FILE);
  fs.writeFileSync(file, data);
  return { file, manifest };
}

/**
 * Rewrites manifest/manifest.json's commandLists from the registry, and manifest/cy.json from them and the
 * Welsh catalogue (keeps the committed files in step).
 */
export function syncManifestCommandLists(): string {
  const file = path.join(manifestDir(), 'manifest.json');
  const template = loadManifestTemplate();
  const lists = commandListsFor(COMMANDS);
  template.bots = (template.bots as Record<string, unknown>[]).map((bot) => ({ ...bot, commandLists: lists }));
  fs.writeFileSync(file, `${JSON.stringify(template, null, 2)}\n`);
  const cy = path.join(manifestDir(), WELSH_LOCALIZATION_FILE);
  fs.writeFileSync(cy, `${JSON.stringify(welshLocalization(template), null, 2)}\n`);
  return `${file} and ${cy}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--sync-manifest')) {
    process.stdout.write(`updated ${syncManifestCommandLists()}\n`);
    return 0;
  }
  try {
    const outAt = argv.indexOf('--out');
    const outDir = outAt >= 0 ? argv[outAt + 1] : path.join(path.dirname(manifestDir()), 'build');
    if (!outDir || outDir.startsWith('--')) throw new PackageError(['--out needs a folder']);
    const dev = packageModeFrom(process.env, argv) === 'dev';
    const values = manifestValuesFrom(process.env, dev);
    const { file } = await packageApp(values, path.resolve(outDir), { dev });
    process.stdout.write(
      dev
        ? `${file}\nA development package (app id ${DEV_APP_ID}, domain localhost, named "IRO Bot (dev)"): for trying the ` +
            "manifest only. For the council's tenant set MicrosoftAppId and BOT_DOMAIN and run npm run package again (docs/INSTALL.md).\n"
        : `${file}\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`${e instanceof PackageError ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
