import { AppError } from '../domain/errors.js';
import { isGuestStaff } from '../domain/guests.js';
import type { StaffDoc } from '../store/documents.js';
import { LIAISON_VERBS } from './cards/liaison.js';

// The guest gate, in one place (docs/DOMAIN.md "People and roles"): a guest (a Guardian, or anyone whose
// directory UPN carries #EXT#) may run only /actions and /help and act on liaison cards; whether a
// liaison card is about one of *their* children is checked by the use case on every action. Every
// refusal reads the same whatever was asked, so it never reveals whether a child exists.

const GUEST_COMMANDS: ReadonlySet<string> = new Set(['actions', 'help']);
const GUEST_VERBS: ReadonlySet<string> = new Set([LIAISON_VERBS.done, LIAISON_VERBS.discussion, LIAISON_VERBS.view]);

export const GUEST_REFUSAL = 'as a guest you can use /actions and /help, and the liaison cards for your own children';

/** Whether this person may run the command (for /help: a guest sees only theirs). */
export function mayRunAsGuest(actor: StaffDoc, command: string): boolean {
  return !isGuestStaff(actor) || GUEST_COMMANDS.has(command);
}

/** Throws the neutral refusal when a guest asks for anything but their allowed commands and card verbs. */
export function assertGuestMay(actor: StaffDoc, what: { command: string } | { verb: string }): void {
  if (!isGuestStaff(actor)) return;
  const allowed = 'command' in what ? GUEST_COMMANDS.has(what.command) : GUEST_VERBS.has(what.verb);
  if (!allowed)
    throw new AppError(
      'forbidden',
      GUEST_REFUSAL,
      { example: '/actions', guest: true },
      { key: 'errors.guest.refused' },
    );
}
