// A case-management export (docs/DESIGN.md "Import format") of N synthetic children, for benchmarks
// that load data the way a council does: through `npm run import -- FILE`.
import type { ChildDoc, StaffDoc } from '../src/store/documents.js';
import { syntheticChildDocs, syntheticStaffDocs } from '../tools/synthetic-data.js';

/** The Teams identity of a synthetic staff member: their aadObjectId is derived from their id. */
export function benchAadObjectId(staffId: string): string {
  return `aad-bench-${staffId}`;
}

export function syntheticImportDocument(n: number, opts: { today: string; iroCount: number; seed: number }): object {
  const staff = syntheticStaffDocs({ iroCount: opts.iroCount }).map(importStaff);
  const children = syntheticChildDocs(n, opts).map(importChild);
  return { formatVersion: 1, staff, children };
}

function importStaff(s: StaffDoc): object {
  const { _id, ...rest } = s as StaffDoc & { _id: string };
  void _id;
  return { ...rest, aadObjectId: benchAadObjectId(s.id) };
}

function importChild(c: ChildDoc): object {
  return {
    ref: c.ref,
    givenName: c.givenName,
    familyName: c.familyName,
    dateOfBirth: c.dateOfBirth,
    legalStatus: c.legalStatus,
    track: c.track,
    iroId: c.iroId,
    socialWorkerId: c.socialWorkerId,
    socialWorkTeam: c.socialWorkTeam,
    events: c.events.map(({ type, date }) => ({ type, date })),
    reviews: c.reviews.map((r) => ({
      id: r.id,
      heldOn: r.heldOn,
      chairId: r.chairId,
      combinedWithCP: r.combinedWithCP,
      recordDistributedOn: r.recordDistributedOn,
      lateReason: r.lateReason,
    })),
    bookings: c.bookings.map((b) => ({ id: b.id, start: b.start, venue: b.venue })),
    proceedings: c.proceedings ?? null,
  };
}
