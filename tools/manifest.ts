import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv-draft-04';
import type { CommandSpecMeta } from '../src/teams/commands/command-spec.js';
import { projectFolder } from '../src/project-paths.js';

// Teams app manifest: commandLists from the command registry (docs/DESIGN.md rule 2), placeholder
// substitution, and offline validation against the official schema bundled in @microsoft/app-manifest.

export const MANIFEST_SCOPES = ['personal', 'team', 'groupChat'] as const;
export type ManifestScope = (typeof MANIFEST_SCOPES)[number];

/** Teams shows at most 10 commands per list (the schema's maxItems). */
export const MAX_COMMANDS_PER_LIST = 10;
// The v1.22 schema allows 128/4000, but earlier schemas and the Teams docs say 32/128: keep to the
// stricter pair so the menu renders the same everywhere.
export const COMMAND_TITLE_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 128;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface ManifestCommandList {
  scopes: ManifestScope[];
  commands: ManifestCommand[];
}

export interface ManifestValues {
  /** Teams app id (GUID), replaces ${{TEAMS_APP_ID}}. */
  appId: string;
  /** Bot (Entra app registration) id (GUID), replaces ${{BOT_ID}}. */
  botId: string;
  /** Host name of the messaging endpoint, no scheme, replaces ${{BOT_DOMAIN}}. */
  domain: string;
}

/** A Teams app manifest as JSON (validated by the schema, not by TypeScript). */
export type TeamsManifest = Record<string, unknown>;

function trimTo(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** One command list per scope, from the specs marked inCommandList, in registry order. */
export function commandListsFor(specs: readonly CommandSpecMeta[]): ManifestCommandList[] {
  const listed = specs.filter((s) => s.inCommandList);
  for (const s of listed) {
    if (s.name.length === 0 || s.name.length > COMMAND_TITLE_MAX) {
      throw new Error(`command name '${s.name}' must be 1–${COMMAND_TITLE_MAX} characters for the manifest`);
    }
  }
  return MANIFEST_SCOPES.map((scope) => {
    const inScope = listed.filter((s) => !s.scopes || s.scopes.includes(scope));
    if (inScope.length > MAX_COMMANDS_PER_LIST) {
      throw new Error(
        `${inScope.length} commands are listed for ${scope}; Teams allows at most ${MAX_COMMANDS_PER_LIST} ` +
          `(${inScope.map((s) => s.name).join(', ')})`,
      );
    }
    const commands = inScope.map((s): ManifestCommand => ({
      title: s.name,
      description: trimTo(s.description, COMMAND_DESCRIPTION_MAX),
    }));
    return { scopes: [scope], commands };
  });
}

export function manifestDir(): string {
  return projectFolder('manifest');
}

/** The committed manifest/manifest.json, placeholders and all. */
export function loadManifestTemplate(): TeamsManifest {
  return JSON.parse(fs.readFileSync(path.join(manifestDir(), 'manifest.json'), 'utf8')) as TeamsManifest;
}

const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

function substitute(value: unknown, vars: Record<string, string>): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new Error(`manifest placeholder ${whole} has no value`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  }
  return value;
}

/**
 * Substitutes ${{TEAMS_APP_ID}}, ${{BOT_ID}} and ${{BOT_DOMAIN}} and sets every bot's commandLists
 * from the specs. The template is not modified. Throws on an unknown placeholder.
 */
export function buildManifest(
  template: TeamsManifest,
  values: ManifestValues,
  specs: readonly CommandSpecMeta[],
): TeamsManifest {
  const vars = { TEAMS_APP_ID: values.appId, BOT_ID: values.botId, BOT_DOMAIN: values.domain };
  const manifest = substitute(template, vars) as TeamsManifest;
  if (Array.isArray(manifest.bots)) {
    const lists = commandListsFor(specs);
    manifest.bots = (manifest.bots as Record<string, unknown>[]).map((bot) => ({ ...bot, commandLists: lists }));
  }
  return manifest;
}

const validators = new Map<string, ValidateFunction>();

function schemaValidator(version: string): ValidateFunction | undefined {
  const cached = validators.get(version);
  if (cached) return cached;
  let file: string;
  try {
    file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  } catch {
    return undefined;
  }
  // The package applies the same clean-up: its schemas contain "\a" and "\v", which JSON.parse rejects.
  const text = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, strict: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(text) as object);
  validators.set(version, validate);
  return validate;
}

/**
 * Validates against the official schema for the manifest's own manifestVersion (offline), plus the
 * checks the schema leaves out. Returns readable problems; [] means valid.
 */
export function validateManifest(manifest: TeamsManifest): string[] {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const validate = schemaValidator(version);
  if (!validate) return [`manifestVersion ${version} has no bundled schema in @microsoft/app-manifest`];
  const out: string[] = [];
  if (!validate(manifest)) {
    for (const e of validate.errors ?? []) {
      const extra =
        e.keyword === 'additionalProperties'
          ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})`
          : e.keyword === 'enum'
            ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})`
            : '';
      out.push(`${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`);
    }
  }
  const leftover = JSON.stringify(manifest).match(PLACEHOLDER);
  if (leftover) out.push(`unsubstituted placeholders: ${[...new Set(leftover)].join(', ')}`);
  for (const d of Array.isArray(manifest.validDomains) ? manifest.validDomains : []) {
    if (typeof d === 'string' && /[/:]/.test(d) && !/^[^/]+:\d+$/.test(d)) {
      out.push(`/validDomains: '${d}' must be a host name without scheme or path`);
    }
  }
  for (const [i, bot] of (Array.isArray(manifest.bots) ? manifest.bots : []).entries()) {
    for (const [j, list] of ((bot as { commandLists?: ManifestCommandList[] }).commandLists ?? []).entries()) {
      for (const [k, c] of (list.commands ?? []).entries()) {
        if (typeof c.title === 'string' && c.title.length > COMMAND_TITLE_MAX) {
          out.push(`/bots/${i}/commandLists/${j}/commands/${k}/title longer than ${COMMAND_TITLE_MAX} characters`);
        }
      }
    }
  }
  return out;
}

/** Pixel size from a PNG's IHDR chunk; throws if the buffer is not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Required icon sizes (Teams): color 192×192, outline 32×32 (white on transparent). */
export const ICON_SIZES = { 'color.png': 192, 'outline.png': 32 } as const;

/** Checks the icons referenced by the manifest exist next to it with the right sizes. */
export function checkIcons(dir: string = manifestDir()): string[] {
  const out: string[] = [];
  for (const [file, size] of Object.entries(ICON_SIZES)) {
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) {
      out.push(`${file} is missing`);
      continue;
    }
    try {
      const { width, height } = pngSize(fs.readFileSync(p));
      if (width !== size || height !== size) out.push(`${file} is ${width}×${height}, must be ${size}×${size}`);
    } catch (e) {
      out.push(`${file}: ${(e as Error).message}`);
    }
  }
  return out;
}
