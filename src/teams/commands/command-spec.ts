import type { Role } from '../../domain/types.js';

/** A conversation kind in the manifest's words ('team': a channel of a team). */
export type CommandScope = 'personal' | 'team' | 'groupChat';

/** Every kind of conversation. */
export const ANY_CONVERSATION: readonly CommandScope[] = ['personal', 'team', 'groupChat'];

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
  /**
   * Where it may run ('team' = a channel), in the manifest's words: the registry refuses it
   * anywhere else with one answer (registry.ts `assertRunsHere`), and the manifest lists it there.
   */
  scopes: readonly CommandScope[];
}
