import { BOOKING_DEFAULTS } from '../../domain/booking-rules.js';

/** Booking configuration (config.ts: SLOT_TIMES, MAX_REVIEWS_PER_DAY, RESCHEDULE_AUTO_APPROVE_WITHIN_TIMESCALE). */
export interface BookingSettings {
  slotTimes: string[];
  maxReviewsPerDay: number;
  autoApproveWithinTimescale: boolean;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  ...BOOKING_DEFAULTS,
  slotTimes: [...BOOKING_DEFAULTS.slotTimes],
};

/** The settings in the deps (AppDeps.booking), or the defaults. */
export function bookingSettings(deps: { booking?: BookingSettings }): BookingSettings {
  return deps.booking ?? DEFAULT_BOOKING_SETTINGS;
}
