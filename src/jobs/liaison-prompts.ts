// Liaison prompts L2–L9 (docs/DOMAIN.md "Children's Guardian liaison"), computed by the sweeper from the
// domain rules and queued in the child's document like any message about the child; the pending drainer
// moves them to the outbox, where the audience gate (audience-gate.ts) checks them before delivery. Each prompt has its idempotency
// key (e.g. `liaison:C101:L3:g-1`): once in the outbox (sent, pending or withheld) it is never queued
// again. Prompts go into the child's liaison thread, whose first message (the header card) is queued
// before the first prompt; L2, L4, L6 and L8 also go to the legal contact's 1:1 chat.
import type { AppDeps } from '../app/deps.js';
import { intoThread, legalContactId } from '../app/liaison-thread.js';
import { liaisonSettings } from '../app/liaison.js';
import { guardianAccessOpen, liaisonKeys, liaisonPrompts } from '../domain/liaison.js';
import type { IsoDate } from '../domain/types.js';
import type { ChildDoc, PendingMessage } from '../store/documents.js';
import type { OutboxRepository } from '../store/repositories/outbox-repository.js';
import { stepper } from './event-loop.js';

export type LiaisonSweepDeps = Pick<AppDeps, 'children' | 'staff' | 'calendar' | 'liaison'>;

/** Queues the prompts due today; returns the keys queued. */
export async function queueLiaisonPrompts(
  deps: LiaisonSweepDeps,
  outbox: Pick<OutboxRepository, 'get'>,
  children: readonly ChildDoc[],
  today: IsoDate,
): Promise<string[]> {
  const withProceedings = children.filter((c) => c.proceedings);
  if (!withProceedings.length) return [];
  const legal = await deps.staff.listByRole('legal');
  const queued: string[] = [];
  // Thousands of children at a time: requests go in between (event-loop.ts).
  const step = stepper();
  for (const child of withProceedings) {
    await step();
    const seen = async (key: string) => (child.pending ?? []).some((p) => p.key === key) || !!(await outbox.get(key));
    const guardianId = child.proceedings?.guardianId ?? null;
    const thread: Omit<PendingMessage, 'to' | 'threadOf'>[] = [];
    const direct: PendingMessage[] = [];
    for (const prompt of liaisonPrompts(child, today, deps.calendar, liaisonSettings(deps))) {
      const { item } = prompt;
      const data = { duty: item.duty, subject: item.subject, deadline: item.deadline, fireOn: item.fireOn };
      if (prompt.toThread && guardianId && !(await seen(item.key))) {
        thread.push({ key: item.key, message: { type: 'liaison-prompt', data } });
      }
      const legalId = prompt.toLegal ? legalContactId(child, legal) : null;
      const legalKey = liaisonKeys.legal(child.ref, item.duty, item.subject);
      if (legalId && !(await seen(legalKey))) {
        direct.push({
          key: legalKey,
          to: { kind: 'personal', staffId: legalId },
          message: { type: 'liaison-prompt', data: { ...data, forLegal: true } },
        });
      }
    }
    // The closing card, once the Guardian's access has ended, into a thread that was started.
    if (
      guardianId &&
      child.proceedings?.concludedOn &&
      !guardianAccessOpen(child) &&
      (await seen(liaisonKeys.thread(child.ref, guardianId))) &&
      !(await seen(liaisonKeys.closed(child.ref, guardianId)))
    ) {
      thread.push({
        key: liaisonKeys.closed(child.ref, guardianId),
        message: { type: 'liaison-closed', data: { guardianId } },
      });
    }
    const messages = [
      ...(guardianId && thread.length ? await intoThread(outbox, child, guardianId, thread) : []),
      ...direct,
    ];
    if (!messages.length) continue;
    await deps.children.queuePending(child.ref, messages);
    queued.push(...messages.map((m) => m.key));
  }
  return queued;
}
