// The command registry (docs/DESIGN.md rule 2): adding a command = one file + one line here.
// It also generates /help and the manifest's commandLists (test/manifest keeps them in step).
import { actionsCommand } from './actions.js';
import { bookCommand } from './book.js';
import { caseCommand } from './case.js';
import { caseloadCommand } from './caseload.js';
import type { CommandSpec } from './command-context.js';
import { distributedCommand } from './distributed.js';
import { dueCommand } from './due.js';
import { heldCommand } from './held.js';
import { helpCommand } from './help.js';
import { rescheduleCommand } from './reschedule.js';
import { setupCommand } from './setup.js';
import { raiseCommand } from './raise.js';
import { resolutionsCommand } from './resolutions.js';
import { complimentCommand } from './compliment.js';
import { liaisonCommand } from './liaison.js';
import { reportCommand } from './report.js';
import { notifyCommand } from './notify.js';
import { allocateCommand } from './allocate.js';
import { coverCommand } from './cover.js';
import { languageCommand } from './language.js';
import { participationCommand } from './participation.js';
import { planCommand } from './plan.js';
import { alertCommand } from './alert.js';

export const COMMANDS: readonly CommandSpec[] = [
  dueCommand,
  caseloadCommand,
  actionsCommand,
  caseCommand,
  bookCommand,
  rescheduleCommand,
  heldCommand,
  participationCommand,
  distributedCommand,
  notifyCommand,
  allocateCommand,
  coverCommand,
  raiseCommand,
  resolutionsCommand,
  complimentCommand,
  planCommand,
  alertCommand,
  liaisonCommand,
  reportCommand,
  setupCommand,
  helpCommand,
  languageCommand,
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

// Where a command runs: in run-scope.ts, so a command file can refuse a sub-command by the same rule.
export { assertRunsHere, runsIn } from './run-scope.js';
