import { commaListInput } from './domain/comma-list.js';
import { z } from 'zod';
import { BOOKING_DEFAULTS } from './domain/booking-rules.js';
import { DEFAULT_COMPLIANCE_TARGET } from './domain/compliance.js';
import { AppError } from './domain/errors.js';
import { LIAISON_DEFAULTS, type LiaisonSettings } from './domain/liaison.js';
import { PLAN_DEFAULTS, type PlanSettings } from './domain/plan-tracking.js';
import { DEFAULT_POLICY_ID } from './domain/policies.js';

// The only reader of process.env (docs/DESIGN.md "Configuration"). An unset variable means its default.

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());
const list = (item: z.ZodString) => z.preprocess(commaListInput, z.array(item));
const bool = (dflt: boolean) =>
  z
    .preprocess(blankToUndefined, z.enum(['true', 'false', '1', '0', 'yes', 'no']).optional())
    .transform((v) => (v === undefined ? dflt : ['true', '1', 'yes'].includes(v)));
const int = (dflt: number, min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(min).max(max).optional()).transform((v) => v ?? dflt);

const schema = z.object({
  PORT: int(3978, 0, 65535),
  DATA_DIR: optionalString.transform((v) => v ?? 'data'),
  MONGODB_URI: optionalString,
  MONGODB_DB: optionalString.transform((v) => v ?? 'iro_bot'),
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z
    .preprocess(blankToUndefined, z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMsi']).optional())
    .transform((v) => v ?? 'SingleTenant'),
  MicrosoftAppTenantId: optionalString,
  ALLOWED_TENANT_IDS: list(z.string().min(1)),
  TIMESCALE_POLICY: z
    .preprocess(blankToUndefined, z.enum(['wales', 'seed-2016', 'england']).optional())
    .transform((v) => v ?? DEFAULT_POLICY_ID),
  DEFAULT_LANGUAGE: z.preprocess(blankToUndefined, z.enum(['en', 'cy']).optional()).transform((v) => v ?? 'en'),
  HOLIDAY_REGION: z
    .preprocess(blankToUndefined, z.enum(['GB-WLS', 'GB-ENG']).optional())
    .transform((v) => v ?? 'GB-WLS'),
  CLOSURE_DAYS: list(z.string().regex(isoDate, 'dates must be YYYY-MM-DD')),
  TZ_NAME: optionalString.transform((v) => v ?? 'Europe/London'),
  IRO_NOW: z.preprocess(blankToUndefined, z.string().datetime({ offset: true }).optional()),
  LOG_LEVEL: z
    .preprocess(blankToUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional())
    .transform((v) => v ?? 'info'),
  PLAYGROUND: bool(true),
  SHOW_CHILD_NAMES_IN_CHANNELS: bool(false),
  SLOT_TIMES: list(z.string().regex(hhmm, 'times must be HH:MM')).transform((v) =>
    v.length ? v : [...BOOKING_DEFAULTS.slotTimes],
  ),
  MAX_REVIEWS_PER_DAY: int(BOOKING_DEFAULTS.maxReviewsPerDay, 1, 20),
  RESCHEDULE_AUTO_APPROVE_WITHIN_TIMESCALE: bool(BOOKING_DEFAULTS.autoApproveWithinTimescale),
  /** Resolution stage deadlines override, e.g. "1=2/5,3=2/4" (STAGE=ACK/RESPOND working days). */
  RESOLUTION_STAGE_DAYS: optionalString,
  /** The council's own wording of the stages, "2=Stage 2 (practice meeting);3=…", in English and in Welsh. */
  RESOLUTION_STAGE_LABELS: optionalString,
  RESOLUTION_STAGE_LABELS_CY: optionalString,
  // Liaison timings that are local decisions (docs/DOMAIN.md "Sources and decisions, per duty"); L4 is the Handbook's.
  LIAISON_L2_WORKING_DAYS: int(LIAISON_DEFAULTS.l2WorkingDays, 0, 30),
  LIAISON_L3_WORKING_DAYS: int(LIAISON_DEFAULTS.l3WorkingDays, 0, 30),
  LIAISON_L7_INTERVAL_DAYS: int(LIAISON_DEFAULTS.discussionIntervalDays, 7, 366),
  LIAISON_L8_WORKING_DAYS_BEFORE: int(LIAISON_DEFAULTS.l8WorkingDaysBefore, 1, 30),
  LIAISON_L9_WORKING_DAYS: int(LIAISON_DEFAULTS.l9WorkingDays, 1, 60),
  // Plan tracking between reviews (docs/DOMAIN.md PT3, PT4): local decisions.
  PLAN_MIDWAY_FRACTION: z
    .preprocess(blankToUndefined, z.coerce.number().min(0.1).max(0.9).optional())
    .transform((v) => v ?? PLAN_DEFAULTS.midwayFraction),
  PLAN_REMINDER_WORKING_DAYS: int(PLAN_DEFAULTS.reminderWorkingDays, 1, 30),
  DUE_SOON_WORKING_DAYS: int(20, 1, 260),
  REMINDER_WORKING_DAYS: int(10, 1, 260),
  PARTICIPATION_REMINDER_DAYS: int(7, 1, 60),
  DIGEST_WEEKS: int(4, 1, 52),
  SWEEP_INTERVAL_MINUTES: int(5, 1, 1440),
  OUTBOX_GIVE_UP_HOURS: int(24, 1, 24 * 14),
  COMPLIANCE_TARGET: z
    .preprocess(blankToUndefined, z.coerce.number().min(0).max(100).optional())
    .transform((v) => v ?? DEFAULT_COMPLIANCE_TARGET),
  // Scheduled sync from the case system (docs/DESIGN.md "Scheduled sync"); unset = off.
  IMPORT_TOKEN: optionalString,
  IMPORT_CLIENT_IDS: list(z.string().min(1)),
  IMPORT_JWKS_URL: z.preprocess(blankToUndefined, z.string().url().optional()),
  IMPORT_MAX_BYTES: int(32 * 1024 * 1024, 1024, 256 * 1024 * 1024),
  IMPORT_DIR: optionalString,
  IMPORT_STABLE_SECONDS: int(10, 0, 3600),
  IMPORT_SCAN_SECONDS: int(30, 1, 86_400),
});

/** Shorter shared secrets are refused: the endpoint stays off and says so at start. */
export const MIN_IMPORT_TOKEN_LENGTH = 32;

export interface Config {
  port: number;
  dataDir: string;
  mongodbUri?: string;
  mongodbDb: string;
  microsoftAppId?: string;
  microsoftAppPassword?: string;
  microsoftAppType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMsi';
  microsoftAppTenantId?: string;
  allowedTenantIds: string[];
  timescalePolicy: 'wales' | 'seed-2016' | 'england';
  holidayRegion: 'GB-WLS' | 'GB-ENG';
  /** The language of anyone who has not chosen one and whose Teams client is not Welsh (issue 13). */
  defaultLanguage: 'en' | 'cy';
  closureDays: string[];
  tzName: string;
  /** Fixed clock for demos and tests only. */
  fixedNow?: Date;
  logLevel: string;
  playground: boolean;
  showChildNamesInChannels: boolean;
  slotTimes: string[];
  maxReviewsPerDay: number;
  /** Policy switch: reschedules that stay within timescale need no manager (outside always does). */
  rescheduleAutoApproveWithinTimescale: boolean;
  dueSoonWorkingDays: number;
  /** RESOLUTION_STAGE_DAYS as given ('' = docs/DOMAIN.md defaults); parsed by domain/resolutions/stages.ts. */
  resolutionStageDays: string;
  /** RESOLUTION_STAGE_LABELS and _CY as given ('' = the catalogue's names); parsed by domain/resolutions/stages.ts. */
  resolutionStageLabels: { en: string; cy: string };
  reminderWorkingDays: number;
  /** PC3 (docs/DOMAIN.md "Participation"): an open checklist is reminded this many days before the review. */
  participationReminderDays: number;
  /** LIAISON_* (defaults: domain/liaison.ts LIAISON_DEFAULTS). */
  liaison: LiaisonSettings;
  /** PLAN_* (defaults: domain/plan-tracking.ts PLAN_DEFAULTS). */
  plan: PlanSettings;
  digestWeeks: number;
  /** How often the sweeper looks for reminders and digests to queue. */
  sweepIntervalMinutes: number;
  /** A message still undeliverable after this long is marked failed (shown in /setup status). */
  outboxGiveUpHours: number;
  complianceTarget: number;
  /** POST /api/import shared secret (bearer); undefined when unset or shorter than MIN_IMPORT_TOKEN_LENGTH. */
  importToken?: string;
  /** IMPORT_TOKEN was set but too short (the endpoint says so at start instead of accepting a guessable secret). */
  importTokenTooShort: boolean;
  /** Entra client app ids allowed to call POST /api/import with an app token (needs MicrosoftAppId and the tenant). */
  importClientIds: string[];
  /** JWKS of the tenant's signing keys; defaults to Microsoft's for the council tenant. */
  importJwksUrl?: string;
  /** Largest body POST /api/import reads. */
  importMaxBytes: number;
  /** Watched folder (unset: off). */
  importDir?: string;
  /** A file in IMPORT_DIR is complete once its size and time have not changed for this long. */
  importStableSeconds: number;
  importScanSeconds: number;
  /** No app id: local mode, loopback only, unauthenticated. */
  localMode: boolean;
}

/**
 * The council's own tenant: members and 1:1 chats from any other tenant count as guests. The app's
 * tenant, else the first allowed one; null in local mode (no tenant is checked).
 */
export function councilTenantId(config: Pick<Config, 'microsoftAppTenantId' | 'allowedTenantIds'>): string | null {
  return config.microsoftAppTenantId ?? config.allowedTenantIds[0] ?? null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('config', `invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppId && e.ALLOWED_TENANT_IDS.length === 0 && !e.MicrosoftAppTenantId) {
    // Inbound auth does not check the user's tenant; without an allow-list any tenant could talk to us.
    throw new AppError(
      'config',
      'invalid configuration: set ALLOWED_TENANT_IDS or MicrosoftAppTenantId when MicrosoftAppId is set',
    );
  }
  return {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    microsoftAppId: e.MicrosoftAppId,
    microsoftAppPassword: e.MicrosoftAppPassword,
    microsoftAppType: e.MicrosoftAppType,
    microsoftAppTenantId: e.MicrosoftAppTenantId,
    allowedTenantIds: e.ALLOWED_TENANT_IDS,
    timescalePolicy: e.TIMESCALE_POLICY,
    holidayRegion: e.HOLIDAY_REGION,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    closureDays: e.CLOSURE_DAYS,
    tzName: e.TZ_NAME,
    fixedNow: e.IRO_NOW ? new Date(e.IRO_NOW) : undefined,
    logLevel: e.LOG_LEVEL,
    playground: e.PLAYGROUND,
    showChildNamesInChannels: e.SHOW_CHILD_NAMES_IN_CHANNELS,
    slotTimes: e.SLOT_TIMES,
    maxReviewsPerDay: e.MAX_REVIEWS_PER_DAY,
    rescheduleAutoApproveWithinTimescale: e.RESCHEDULE_AUTO_APPROVE_WITHIN_TIMESCALE,
    dueSoonWorkingDays: e.DUE_SOON_WORKING_DAYS,
    resolutionStageDays: e.RESOLUTION_STAGE_DAYS ?? '',
    resolutionStageLabels: { en: e.RESOLUTION_STAGE_LABELS ?? '', cy: e.RESOLUTION_STAGE_LABELS_CY ?? '' },
    reminderWorkingDays: e.REMINDER_WORKING_DAYS,
    participationReminderDays: e.PARTICIPATION_REMINDER_DAYS,
    plan: { midwayFraction: e.PLAN_MIDWAY_FRACTION, reminderWorkingDays: e.PLAN_REMINDER_WORKING_DAYS },
    liaison: {
      l2WorkingDays: e.LIAISON_L2_WORKING_DAYS,
      l3WorkingDays: e.LIAISON_L3_WORKING_DAYS,
      discussionIntervalDays: e.LIAISON_L7_INTERVAL_DAYS,
      l8WorkingDaysBefore: e.LIAISON_L8_WORKING_DAYS_BEFORE,
      l9WorkingDays: e.LIAISON_L9_WORKING_DAYS,
    },
    digestWeeks: e.DIGEST_WEEKS,
    sweepIntervalMinutes: e.SWEEP_INTERVAL_MINUTES,
    outboxGiveUpHours: e.OUTBOX_GIVE_UP_HOURS,
    complianceTarget: e.COMPLIANCE_TARGET,
    importToken: e.IMPORT_TOKEN && e.IMPORT_TOKEN.length >= MIN_IMPORT_TOKEN_LENGTH ? e.IMPORT_TOKEN : undefined,
    importTokenTooShort: !!e.IMPORT_TOKEN && e.IMPORT_TOKEN.length < MIN_IMPORT_TOKEN_LENGTH,
    importClientIds: e.IMPORT_CLIENT_IDS,
    importJwksUrl: e.IMPORT_JWKS_URL,
    importMaxBytes: e.IMPORT_MAX_BYTES,
    importDir: e.IMPORT_DIR,
    importStableSeconds: e.IMPORT_STABLE_SECONDS,
    importScanSeconds: e.IMPORT_SCAN_SECONDS,
    localMode: !e.MicrosoftAppId,
  };
}
