// Card verbs of the plan between reviews (docs/DOMAIN.md PT1–PT6): open a page of the plan card, record a
// review's decisions and actions, report on an action, alert the IRO, record the midway check. Card data is
// untrusted: validated here; the use cases re-check who may act.
import { z } from 'zod';
import {
  alertIro,
  planSettings,
  recordMidway,
  recordPlan,
  reportOnPlanAction,
  viewPlan,
  type PlanView,
} from '../../app/plan-tracking.js';
import { AppError } from '../../domain/errors.js';
import { MAX_ACTION_ROWS, type ActionRow } from '../../domain/plan-tracking.js';
import { renderCard } from '../cards.js';
import { planCardData } from '../cards/plan.js';
import { readerFrom } from '../presenters/reader-language.js';
import type { ActionContext, ActionReply, CardVerb } from './action-spec.js';
import { defineAction } from './action-spec.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(max));
const page = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? 0 : v),
  z.coerce.number().int().min(0).max(1000),
);

function parse<T extends z.ZodTypeAny>(schema: T, ctx: ActionContext): z.infer<T> {
  const r = schema.safeParse(ctx.data);
  if (!r.success) {
    throw new AppError(
      'invalid-input',
      'this card is out of date or incomplete; nothing was changed',
      { example: '/plan C1001' },
      { key: 'errors.card.out-of-date' },
    );
  }
  return r.data as z.infer<T>;
}

function planReply(ctx: ActionContext, view: PlanView, pageNo: number, message = ''): ActionReply {
  const data = planCardData(view, ctx.actor, readerFrom(ctx.t), {
    showNames: ctx.showChildNames,
    page: pageNo,
    settings: planSettings(ctx.deps),
    message,
  });
  return { kind: 'card', card: renderCard('plan', data) };
}

const saved = (ctx: ActionContext) => readerFrom(ctx.t).t('plan.saved');

const planView = defineAction({
  verb: 'plan.view',
  subject: 'child',
  async run(ctx, { ref }) {
    const d = parse(z.object({ page }), ctx);
    return planReply(ctx, await viewPlan(ctx.deps, ctx.actor, ref), d.page);
  },
});

const rowFields = Object.fromEntries(
  Array.from({ length: MAX_ACTION_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [`text${n}`, text(500)],
    [`owner${n}`, text(64)],
    [`other${n}`, text(100)],
    [`due${n}`, text(10)],
  ]),
);
const recordSchema = z.object({ decisions: text(4000), ...rowFields });

const planRecord = defineAction({
  verb: 'plan.record',
  subject: 'review',
  async run(ctx, { ref, review }) {
    const d = parse(recordSchema, ctx) as Record<string, string>;
    const rows: ActionRow[] = Array.from({ length: MAX_ACTION_ROWS }, (_, i) => ({
      text: d[`text${i + 1}`] ?? '',
      ownerId: d[`owner${i + 1}`] ?? '',
      otherName: d[`other${i + 1}`] ?? '',
      targetDate: d[`due${i + 1}`] ?? '',
    }));
    const view = await recordPlan(ctx.deps, ctx.actor, ref, review.id, { decisions: d.decisions ?? '', rows });
    return planReply(ctx, view, 0, saved(ctx));
  },
});

const planActionReport = defineAction({
  verb: 'plan.action.report',
  subject: 'child',
  async run(ctx, { ref }) {
    const { actionId, page: pageNo } = parse(z.object({ actionId: z.string().regex(/^[\w-]{1,80}$/), page }), ctx);
    const fields = parse(
      z.object({ [`status-${actionId}`]: z.enum(['done', 'not-done']), [`note-${actionId}`]: text(1000) }),
      ctx,
    ) as Record<string, string>;
    const view = await reportOnPlanAction(ctx.deps, ctx.actor, ref, actionId, {
      status: fields[`status-${actionId}`] as 'done' | 'not-done',
      note: fields[`note-${actionId}`] ?? '',
    });
    return planReply(ctx, view, pageNo, saved(ctx));
  },
});

const planAlert = defineAction({
  verb: 'plan.alert',
  subject: 'child',
  async run(ctx, { ref }) {
    const { alertText } = parse(z.object({ alertText: text(2000) }), ctx);
    const view = await alertIro(ctx.deps, ctx.actor, ref, alertText);
    const rd = readerFrom(ctx.t);
    const iro = view.people.get(view.child.iroId)?.name ?? view.child.iroId;
    return planReply(ctx, view, 0, rd.t('plan.alert.sent.text', { iro, id: view.alertId }));
  },
});

const planMidway = defineAction({
  verb: 'plan.midway',
  subject: 'child',
  async run(ctx, { ref }) {
    const { midwayNote } = parse(z.object({ midwayNote: text(2000) }), ctx);
    return planReply(ctx, await recordMidway(ctx.deps, ctx.actor, ref, midwayNote), 0, saved(ctx));
  },
});

export const PLAN_ACTIONS: readonly CardVerb[] = [planView, planRecord, planActionReport, planAlert, planMidway];
