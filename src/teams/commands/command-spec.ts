import type { Role } from '../../domain/types.js';

/** Declarative command spec (docs/DESIGN.md rule 2): drives the parser, /help and the manifest's commandLists. */
export interface CommandSpecMeta {
  /** Lower-case name without the slash, e.g. 'due'. */
  name: string;
  /** Usage line shown in /help, e.g. '/due [this week | next week | today | ...] [team | for PERSON]'. */
  usage: string;
  description: string;
  /** An example that works, shown when arguments are wrong. */
  example: string;
  /** Who may run it; undefined = any registered person. */
  roles?: readonly Role[];
  /** Listed in the manifest's commandLists (at most 10 per list). */
  inCommandList: boolean;
  /**
   * Its answer never shows anything about a child, so it may be answered where guests are present.
   * Any other command asked in a channel or group chat is answered only if no guest is there
   * (the guest rule, app/guest-safety.ts).
   */
  guestSafe?: boolean;
  /** Conversation kinds whose command menu lists it; undefined = all. */
  scopes?: readonly ('personal' | 'team' | 'groupChat')[];
}
