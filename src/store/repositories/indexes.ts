import type { Store } from '../doc-collection.js';
import { COLLECTIONS } from '../documents.js';

// Secondary indexes for the lookups the repositories make; idempotent, run at start-up.
export async function ensureIndexes(store: Store): Promise<void> {
  const children = store.collection(COLLECTIONS.children);
  await children.createIndex({ iroId: 1 }, { name: 'iroId' });
  await children.createIndex({ socialWorkerId: 1 }, { name: 'socialWorkerId' });
  await children.createIndex({ socialWorkTeam: 1 }, { name: 'socialWorkTeam' });
  // Sparse: exactly the children with a queued message (the pending drainer's { $exists: true } query).
  await children.createIndex({ 'pending.key': 1 }, { name: 'pending.key', sparse: true });
  // The stored next review's due date (issue 12): by-IRO, by-team and service-wide date ranges.
  await children.createIndex({ iroId: 1, 'nextReview.dueBy': 1 }, { name: 'iroId.nextReview.dueBy' });
  await children.createIndex({ socialWorkTeam: 1, 'nextReview.dueBy': 1 }, { name: 'socialWorkTeam.nextReview.dueBy' });
  await children.createIndex({ 'nextReview.dueBy': 1 }, { name: 'nextReview.dueBy' });
  // Whether every stored next review is current (the due lists read them only then), and the unreadable histories.
  await children.createIndex({ 'nextReview.fingerprint': 1 }, { name: 'nextReview.fingerprint' });
  await children.createIndex({ 'nextReview.problem': 1 }, { name: 'nextReview.problem', sparse: true });
  // Caseload counts per IRO: children open, and open with a review due soon; the few with events still to come.
  // (The first is the second's prefix for MongoDB; the embedded store counts it from its own map at once.)
  await children.createIndex({ iroId: 1, 'nextReview.open': 1 }, { name: 'iroId.nextReview.open' });
  await children.createIndex(
    { iroId: 1, 'nextReview.open': 1, 'nextReview.dueBy': 1 },
    { name: 'iroId.nextReview.open.dueBy' },
  );
  await children.createIndex({ 'nextReview.lastEventOn': 1 }, { name: 'nextReview.lastEventOn' });
  // Cover for an absent IRO (issue 14): the few children under cover, for the team view and the covering IRO.
  await children.createIndex({ 'cover.to': 1 }, { name: 'cover.to', sparse: true });
  await children.createIndex({ 'cover.iroId': 1, 'cover.to': 1 }, { name: 'cover.iroId.to', sparse: true });
  // /actions and liaison: the few children with a resolution, a reschedule request, plan actions or proceedings,
  // found without reading every child (each was a full scan, 15-50 ms at 100k).
  await children.createIndex({ 'resolutions.status': 1 }, { name: 'resolutions.status', sparse: true });
  await children.createIndex({ 'rescheduleRequests.status': 1 }, { name: 'rescheduleRequests.status', sparse: true });
  await children.createIndex({ 'plan.actions.owner.staffId': 1 }, { name: 'plan.actions.owner.staffId', sparse: true });
  await children.createIndex({ 'proceedings.guardianId': 1 }, { name: 'proceedings.guardianId', sparse: true });
  const staff = store.collection(COLLECTIONS.staff);
  await staff.createIndex({ aadObjectId: 1 }, { name: 'aadObjectId' });
  await staff.createIndex({ upn: 1 }, { name: 'upn' });
  await staff.createIndex({ email: 1 }, { name: 'email' });
  // Managers and heads of service for every reschedule decision, IROs for caseloads: not a scan of every social worker.
  await staff.createIndex({ roles: 1 }, { name: 'roles' });
  await store.collection(COLLECTIONS.audit).createIndex({ at: 1 }, { name: 'at' });
}
