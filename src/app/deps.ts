import type { ImportConflictsRepository } from '../store/repositories/import-conflicts-repository.js';
import type { Clock } from '../clock.js';
import type { WorkingCalendar } from '../domain/calendar.js';
import { todayIn } from '../domain/calendar.js';
import type { TimescalePolicy } from '../domain/policies.js';
import type { IsoDate } from '../domain/types.js';
import type { StageDef } from '../domain/resolutions/index.js';
import type { LiaisonSettings } from '../domain/liaison.js';
import type { PlanSettings } from '../domain/plan-tracking.js';
import type { BookingSettings } from './booking/booking-settings.js';
import type { StoreHealth } from '../store/doc-collection.js';
import type { AuditLog } from '../store/repositories/audit-log.js';
import type { ChildrenRepository } from '../store/repositories/children-repository.js';
import type { ConversationRepository } from '../store/repositories/conversation-repository.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';
import type { StaffRepository } from '../store/repositories/staff-repository.js';

/** The ports every use case may need; built once in the composition root. */
export interface AppDeps {
  staff: StaffRepository;
  children: ChildrenRepository;
  audit: AuditLog;
  conversations: ConversationRepository;
  outbox: OutboxRepository;
  policy: TimescalePolicy;
  calendar: WorkingCalendar;
  clock: Clock;
  tzName: string;
  dueSoonWorkingDays: number;
  /** Slot times, per-day maximum and the auto-approve switch; defaults when absent (booking-settings.ts). */
  booking?: BookingSettings;
  /** COMPLIANCE_TARGET: the report's target compliance percentage; 98.5 when absent. */
  complianceTarget?: number;
  /** Resolution stage table with config overrides; RESOLUTION_STAGES when absent. */
  resolutionStages?: readonly StageDef[];
  /** Liaison timings from config (LIAISON_*); LIAISON_DEFAULTS when absent. */
  liaison?: LiaisonSettings;
  /** Plan tracking between reviews (PLAN_*); PLAN_DEFAULTS when absent. */
  plan?: PlanSettings;
  /**
   * Called after a change queued messages (ChildDoc.pending): wakes the pending drainer, which then reads only
   * these children (all children with messages when no refs are given).
   */
  messagesQueued: (refs?: readonly string[]) => void;
  /** Sync conflicts awaiting an admin (issue 14); absent in tests that build deps by hand. */
  importConflicts?: ImportConflictsRepository;
  /** The store's health for `/setup status` (absent in tests that build deps by hand). */
  storeHealth?: () => Promise<StoreHealth>;
}

export function today(deps: Pick<AppDeps, 'clock' | 'tzName'>): IsoDate {
  return todayIn(deps.clock(), deps.tzName);
}
