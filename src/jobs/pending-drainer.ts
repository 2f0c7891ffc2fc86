// Moves messages queued inside child documents (DESIGN rule 5) into the outbox. Enqueue is keyed,
// so a crash between enqueue and the pull only re-enqueues a key that is already there (ignored).
// A message whose address is not set up yet (e.g. no social work channel) stays queued — never dropped —
// and is parked under its address: later passes skip it without a lookup. When a conversation is saved
// or changed (a `/setup`), each parked address is looked up once and only the children whose address now
// resolves are read again; after PARK_MS a full pass looks at everything again (another instance's
// `/setup` on MongoDB is not heard). A change that queued messages names its children (`kick(refs)`):
// that pass reads those children only, so an invoke costs the same with a backlog of thousands of parked
// messages (issue 12; docs/DESIGN.md "Proactive delivery and jobs"). Each message goes to the outbox with
// its kind and the child it is about; the audience gate (audience-gate.ts) checks it before delivery.
import type { AppDeps } from '../app/deps.js';
import { mayShowChildNames } from '../domain/access.js';
import { todayIn } from '../domain/calendar.js';
import type { Logger } from '../logger.js';
import type { ChildDoc, MessageAddress, PendingMessage, StaffDoc } from '../store/documents.js';
import type { Activity, PendingRenderContext } from '../teams/presenters/pending-messages.js';
import { conversationLanguage } from '../teams/presenters/reader-language.js';
import type { LanguageCode } from '../domain/types.js';
import type { ConversationDoc } from '../store/delivery-documents.js';
import { resolveAddress } from './addresses.js';
import { stepper } from './event-loop.js';

export interface DrainResult {
  moved: number;
  /** Messages still queued because they have nowhere to go (parked ones included). */
  waiting: number;
}

/** How long a message with no destination is passed over unless a conversation changes first. */
export const PARK_MS = 10 * 60_000;
/** How long the staff directory read for rendering is reused (a renamed person shows under the new name after this). */
const DIRECTORY_TTL_MS = 60_000;

export interface PendingDrainer {
  /** A full pass: every child with queued messages (parked ones skipped until PARK_MS). */
  drainOnce(): Promise<DrainResult>;
  /**
   * Drain soon (coalesced, after the caller's turn); call after a change queued messages. With `refs`, only
   * those children are read; without, a full pass.
   */
  kick(refs?: readonly string[]): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface PendingDrainerOptions {
  deps: Pick<AppDeps, 'children' | 'staff' | 'conversations' | 'outbox' | 'clock' | 'tzName'>;
  render: (message: PendingMessage['message'], ctx: PendingRenderContext) => Activity;
  /** Wall clock for delivery timestamps (the business clock may be fixed by IRO_NOW). */
  deliveryClock: () => Date;
  showNamesInChannels: boolean;
  /** DEFAULT_LANGUAGE: what a channel without `/setup language`, or a person with no choice or locale, reads. */
  defaultLanguage?: LanguageCode;
  logger: Logger;
  /** Called after messages reached the outbox: the sender's kick. */
  onEnqueued?: () => void;
  /** Default PARK_MS. */
  parkMs?: number;
}

export function createPendingDrainer(opts: PendingDrainerOptions): PendingDrainer {
  const { deps, logger } = opts;
  let running: Promise<DrainResult> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let scheduled = false;
  const parkMs = opts.parkMs ?? PARK_MS;
  /** What the next pass does: read every child with messages, re-resolve parked addresses, read these children. */
  const wanted = { full: false, recheck: false, refs: new Set<string>() };
  /** Pending key → the child it waits in, its address and when it was parked (delivery clock ms). */
  const parked = new Map<string, { ref: string; address: string; since: number }>();
  /** Parked keys by address: a conversation change looks each address up once, not each message. */
  const byAddress = new Map<string, { to: MessageAddress; keys: Set<string> }>();
  const now = () => opts.deliveryClock().getTime();

  const park = (ref: string, p: PendingMessage, at: number) => {
    const address = addressKey(p.to);
    unpark(p.key);
    parked.set(p.key, { ref, address, since: at });
    let group = byAddress.get(address);
    if (!group) byAddress.set(address, (group = { to: p.to, keys: new Set() }));
    group.keys.add(p.key);
  };
  const unpark = (key: string) => {
    const entry = parked.get(key);
    if (!entry) return;
    parked.delete(key);
    const group = byAddress.get(entry.address);
    group?.keys.delete(key);
    if (group && group.keys.size === 0) byAddress.delete(entry.address);
  };
  const isParked = (key: string, at: number): boolean => {
    const entry = parked.get(key);
    if (!entry) return false;
    if (at - entry.since < parkMs) return true;
    unpark(key);
    return false;
  };
  // Any conversation saved or changed may be the destination a parked message waits for.
  const unsubscribe =
    typeof deps.conversations.onChange === 'function'
      ? deps.conversations.onChange(() => {
          if (parked.size === 0) return;
          wanted.recheck = true;
          schedule();
        })
      : () => undefined;

  /**
   * The staff directory for rendering (names on cards, a person's language), read at most once a minute: an
   * approval's notice to the manager who clicked would otherwise read and index every staff record (issue 12).
   */
  let directory: { at: number; read: Promise<{ staff: Map<string, StaffDoc>; names: Map<string, string> }> } | null =
    null;
  const staffDirectory = () => {
    if (!directory || now() - directory.at >= DIRECTORY_TTL_MS || now() < directory.at) {
      const read = deps.staff.list().then((list) => ({
        staff: new Map(list.map((s) => [s._id, s])),
        names: new Map(list.map((s) => [s._id, s.name])),
      }));
      directory = { at: now(), read };
      read.catch(() => (directory = null));
    }
    return directory.read;
  };

  /** What one pass needs: addresses and staff looked up once per pass, however many messages share them. */
  function passContext() {
    const addresses = new Map<string, Promise<ConversationDoc | null>>();
    const people = new Map<string, Promise<StaffDoc | null>>();
    const person = (id: string) => {
      let p = people.get(id);
      if (!p) people.set(id, (p = deps.staff.get(id)));
      return p;
    };
    return {
      resolve(to: MessageAddress): Promise<ConversationDoc | null> {
        const key = addressKey(to);
        let r = addresses.get(key);
        if (!r) {
          const owner = to.kind === 'personal' ? person(to.staffId) : Promise.resolve(null);
          r = owner.then((s) => resolveAddress(deps.conversations, to, () => s ?? undefined));
          addresses.set(key, r);
        }
        return r;
      },
      /** The staff directory, read only when a message is rendered (names in the card, the reader's language). */
      directory: staffDirectory,
    };
  }
  type PassContext = ReturnType<typeof passContext>;

  async function drainChild(child: ChildDoc, pass: PassContext, result: DrainResult): Promise<void> {
    for (const p of child.pending ?? []) {
      if (isParked(p.key, now())) {
        result.waiting++;
        continue;
      }
      const conversation = await pass.resolve(p.to);
      if (!conversation) {
        park(child.ref, p, now());
        result.waiting++;
        continue;
      }
      unpark(p.key);
      const { staff, names } = await pass.directory();
      const showNames = mayShowChildNames(conversation.kind, opts.showNamesInChannels);
      const activity = opts.render(p.message, {
        conversation,
        child,
        showNames,
        staffNames: names,
        today: todayIn(deps.clock(), deps.tzName),
        tzName: deps.tzName,
        language: conversationLanguage(conversation, (id) => staff.get(id), opts.defaultLanguage ?? 'en'),
      });
      await deps.outbox.enqueue({
        _id: p.key,
        target: {
          conversationId: conversation._id,
          newThread: !!p.newThread && conversation.kind === 'channel',
          threadOf: p.threadOf ?? null,
        },
        kind: p.message.type,
        about: { refs: [child.ref], names: showNames },
        activity,
        enqueuedAt: opts.deliveryClock(),
      });
      await deps.children.removePending(child.ref, p.key);
      result.moved++;
    }
  }

  /** Children to read this pass: every one with messages not all parked (a full pass), or the named ones. */
  async function childrenFor(full: boolean, refs: string[], result: DrainResult): Promise<ChildDoc[]> {
    const at = now();
    if (!full) {
      const out: ChildDoc[] = [];
      // A long pass never holds up a request (event-loop.ts).
      const step = stepper();
      for (const ref of refs) {
        await step();
        const child = await deps.children.get(ref);
        if (child?.pending?.length) out.push(child);
      }
      return out;
    }
    const withPending = await deps.children.listWithPending();
    forgetGone(withPending);
    // Children whose every message is parked are passed over without a lookup.
    const out: ChildDoc[] = [];
    for (const child of withPending) {
      const keys = (child.pending ?? []).map((p) => p.key);
      if (keys.every((k) => isParked(k, at))) result.waiting += keys.length;
      else out.push(child);
    }
    return out;
  }

  /** Parked addresses looked up again after a conversation changed; the children of those that resolve are read. */
  async function recheckParked(pass: PassContext): Promise<string[]> {
    const refs: string[] = [];
    const step = stepper();
    for (const [address, group] of [...byAddress]) {
      await step();
      if (!(await pass.resolve(group.to))) continue;
      for (const key of group.keys) {
        const entry = parked.get(key);
        if (entry) refs.push(entry.ref);
        parked.delete(key);
      }
      byAddress.delete(address);
    }
    return refs;
  }

  async function drain(): Promise<DrainResult> {
    const result: DrainResult = { moved: 0, waiting: 0 };
    const full = wanted.full;
    const recheck = wanted.recheck;
    const refs = new Set(wanted.refs);
    wanted.full = wanted.recheck = false;
    wanted.refs.clear();
    const pass = passContext();
    if (recheck) for (const ref of await recheckParked(pass)) refs.add(ref);
    if (!full && refs.size === 0) return result;
    const children = await childrenFor(full, [...refs], result);
    const step = stepper();
    for (const child of children) {
      await step();
      try {
        await drainChild(child, pass, result);
      } catch (err) {
        wanted.refs.add(child.ref); // tried again on the next pass
        logger.error({ ref: child.ref, err: (err as Error).name }, 'could not move queued messages to the outbox');
      }
    }
    if (result.moved) {
      logger.info({ moved: result.moved, waiting: result.waiting }, 'queued messages moved to the outbox');
      opts.onEnqueued?.();
    }
    return result;
  }

  /** Parked keys no longer queued anywhere (moved by another instance, say) are forgotten. */
  function forgetGone(withPending: ChildDoc[]): void {
    if (parked.size === 0) return;
    const queued = new Set<string>();
    for (const c of withPending) for (const p of c.pending ?? []) queued.add(p.key);
    for (const key of [...parked.keys()]) if (!queued.has(key)) unpark(key);
  }

  /** Runs a pass now, or after the running one (whatever was asked meanwhile is in `wanted`). */
  function run(): Promise<DrainResult> {
    if (stopped) return Promise.resolve({ moved: 0, waiting: 0 });
    if (running) return running.then(() => (hasWork() ? run() : { moved: 0, waiting: 0 }));
    running = drain().finally(() => {
      running = null;
      if (hasWork() && !stopped) schedule();
    });
    return running;
  }
  const hasWork = () => wanted.full || wanted.recheck || wanted.refs.size > 0;

  /** A pass after the current turn: the request that queued messages answers first. */
  function schedule(): void {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (!running) void run().catch(() => undefined);
    });
  }

  let lastFull = 0;
  return {
    drainOnce() {
      wanted.full = true;
      lastFull = now();
      return run();
    },
    kick(refs) {
      if (refs) for (const ref of refs) wanted.refs.add(ref);
      else wanted.full = true;
      schedule();
    },
    start(intervalMs) {
      // Each tick retries children whose messages could not be moved; a full pass every PARK_MS looks at parked ones again.
      timer = setInterval(() => {
        if (now() - lastFull >= parkMs) {
          wanted.full = true;
          lastFull = now();
        }
        if (hasWork()) schedule();
      }, intervalMs);
      timer.unref();
      wanted.full = true;
      lastFull = now();
      schedule();
    },
    async stop() {
      // No drain starts after this (a re-run or a conversation change), so none outlives the store.
      stopped = true;
      unsubscribe();
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

/** One key per destination: messages to the same person or channel share a lookup. */
function addressKey(to: MessageAddress): string {
  return to.kind === 'personal'
    ? `personal\u0000${to.staffId}`
    : `channel\u0000${to.purpose}\u0000${to.team ?? ''}\u0000${to.guardianId ?? ''}`;
}
