import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv-draft-04';
import { WELSH_COMMAND_NAMES } from '../src/teams/commands/parse-command.js';
import { CATALOGUES, isMessageKey } from '../src/teams/i18n/translate.js';
import {
  COMMAND_DESCRIPTION_MAX,
  COMMAND_TITLE_MAX,
  manifestDir,
  type ManifestCommandList,
  type TeamsManifest,
} from './manifest.js';

// The manifest in Welsh (issue 13): Teams' localisation files. manifest.json names its language (en-gb)
// and one additional language, cy, whose file manifest/cy.json holds the app's name and descriptions and
// every command list entry: the Welsh command name where the parser has one (parse-command.ts
// WELSH_COMMAND_NAMES, so a command picked from the menu is one the bot reads), else the English name,
// and the Welsh description from the catalogue (manifest.command.<name> where /help's command.<name>.description
// is longer than the menu's 128 characters). A Teams client set to
// Welsh (cy-GB, matched by "cy") shows it; any other language the manifest's own English.

export const DEFAULT_LANGUAGE_TAG = 'en-gb';
export const WELSH_LANGUAGE_TAG = 'cy';
export const WELSH_LOCALIZATION_FILE = 'cy.json';

export const LOCALIZATION_INFO = {
  defaultLanguageTag: DEFAULT_LANGUAGE_TAG,
  additionalLanguages: [{ languageTag: WELSH_LANGUAGE_TAG, file: WELSH_LOCALIZATION_FILE }],
} as const;

export type LocalizationFile = Record<string, string>;

const WELSH_NAME_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(WELSH_COMMAND_NAMES).map(([welsh, english]) => [english, welsh]),
);

function welsh(key: string): string {
  if (!isMessageKey(key)) throw new Error(`the catalogue has no ${key} for the Welsh manifest`);
  return CATALOGUES.cy[key];
}

function trimTo(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** The Welsh localisation file for a manifest whose commandLists are already set (buildManifest). */
export function welshLocalization(manifest: TeamsManifest): LocalizationFile {
  const version = String(manifest.manifestVersion);
  const out: LocalizationFile = {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    'name.short': welsh('manifest.name.short'),
    'name.full': welsh('manifest.name.full'),
    'description.short': welsh('manifest.description.short'),
    'description.full': welsh('manifest.description.full'),
  };
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as { commandLists?: ManifestCommandList[] }[]) : [];
  for (const [i, list] of (bots[0]?.commandLists ?? []).entries()) {
    for (const [j, command] of list.commands.entries()) {
      const at = `bots[0].commandLists[${i}].commands[${j}]`;
      out[`${at}.title`] = trimTo(WELSH_NAME_OF.get(command.title) ?? command.title, COMMAND_TITLE_MAX);
      // A menu wording (manifest.command.<name>) where /help's description is too long for the menu.
      const menu = `manifest.command.${command.title}`;
      const text = isMessageKey(menu) ? welsh(menu) : welsh(`command.${command.title}.description`);
      out[`${at}.description`] = trimTo(text, COMMAND_DESCRIPTION_MAX);
    }
  }
  return out;
}

/** The manifest with its localizationInfo (the files named there go into the package beside it). */
export function withLocalizationInfo(manifest: TeamsManifest): TeamsManifest {
  return { ...manifest, localizationInfo: LOCALIZATION_INFO };
}

const validators = new Map<string, ValidateFunction>();

/**
 * Validates a localisation file against the official localisation schema of the manifest's version
 * (offline, from @microsoft/app-manifest), plus what the schema leaves out: every key it localises
 * exists in the manifest, and the manifest declares this file. [] means valid.
 */
export function validateLocalization(file: LocalizationFile, manifest: TeamsManifest, fileName: string): string[] {
  const version = String(manifest.manifestVersion);
  let validate = validators.get(version);
  if (!validate) {
    const schemaFile = require.resolve(
      `@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`,
    );
    const text = fs.readFileSync(schemaFile, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    // The official schema's patterns are not valid with the u flag (an unescaped ']'): compile them without it.
    validate = new Ajv04({ allErrors: true, strictTypes: false, strict: false, unicodeRegExp: false }).compile(
      JSON.parse(text) as object,
    );
    validators.set(version, validate);
  }
  const out: string[] = [];
  if (!validate(file))
    for (const e of validate.errors ?? []) out.push(`${fileName}${e.instancePath || '/'} ${e.message ?? e.keyword}`);
  const lists = (manifest.bots as { commandLists?: ManifestCommandList[] }[] | undefined)?.[0]?.commandLists ?? [];
  for (const key of Object.keys(file)) {
    const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
    if (m && !lists[Number(m[1])]?.commands[Number(m[2])])
      out.push(`${fileName}: ${key} names no command in the manifest`);
  }
  const info = manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined;
  if (!info?.additionalLanguages?.some((l) => l.file === fileName))
    out.push(`the manifest does not declare ${fileName}`);
  return out;
}

/** The committed manifest/cy.json. */
export function loadWelshLocalization(): LocalizationFile {
  return JSON.parse(fs.readFileSync(path.join(manifestDir(), WELSH_LOCALIZATION_FILE), 'utf8')) as LocalizationFile;
}
