// The command registry (DESIGN.md rule 2): adding a command = one file + one line here.
// It also generates /help and the manifest's commandLists (test/manifest keeps them in step).
import { actionsCommand } from './actions.js';
import { caseCommand } from './case.js';
import { caseloadCommand } from './caseload.js';
import type { CommandSpec } from './command-context.js';
import { dueCommand } from './due.js';
import { helpCommand } from './help.js';
import { setupCommand } from './setup.js';

export const COMMANDS: readonly CommandSpec[] = [
  dueCommand,
  caseloadCommand,
  actionsCommand,
  caseCommand,
  setupCommand,
  helpCommand,
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
