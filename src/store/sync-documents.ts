// Documents of the scheduled sync (docs/DESIGN.md "Scheduled sync"): one per imported content (its
// SHA-256 is the id, so the same file is recognised however it arrives), and one per conflict the
// admins are asked to settle. Ids and paths only: the import's values stay in the child documents,
// except the case system's version of a disputed record, kept until it is settled.

import type { UserMessage } from '../domain/errors.js';

export const SYNC_COLLECTIONS = { runs: 'import-runs', conflicts: 'import-conflicts' } as const;

export type SyncChannel = 'http' | 'folder';

export interface ImportRunDoc {
  /** SHA-256 (hex) of the import document the file became. */
  _id: string;
  /** 'started' until the import and its conflicts are recorded: a crash leaves it so, and the next try finishes it. */
  status: 'started' | 'applied';
  source: string;
  via: SyncChannel;
  startedAt: Date;
  appliedAt: Date | null;
  counts: { staff: unknown; children: unknown } | null;
  conflicts: number;
}

export type ConflictSection = 'events' | 'reviews' | 'bookings';

export interface ImportConflictDoc {
  /** `<run hash prefix>:<n>`: the same run recorded twice writes the same conflicts once. */
  _id: string;
  runId: string;
  ref: string;
  section: ConflictSection;
  /** The record's key in the child: an event's `type@date`, a review or booking id. */
  key: string;
  /** The JSON path in the file and the import's explanation (no names: ids and dates). */
  path: string;
  message: string;
  /** The explanation in a reader's words (issue 13): a catalogue key and values; absent on older documents. */
  say?: UserMessage;
  /** The case system's record as the file gave it. */
  incoming: Record<string, unknown>;
  status: 'open' | 'kept-teams' | 'took-case-system';
  recordedAt: Date;
  settledAt: Date | null;
  settledBy: string | null;
}
