// Messages of the plan between reviews (docs/DOMAIN.md PT2–PT5), queued in the child's document and rendered at
// delivery from the child as it is then: an action's reminder (its owner), the midway prompt (the IRO), an
// action reported not done and a significant-change alert (both to the IRO).
import { isOutstanding, type PlanRecord } from '../../domain/plan-tracking.js';
import { cardAttachment, renderCard } from '../cards.js';
import { noticeCardData, type NoticeTone } from '../cards/notice.js';
import { childLabel } from './labels.js';
import { meetingDay } from './meeting-text.js';
import { deliveryReader } from './reader-language.js';
import type { Activity, PendingRenderContext, PendingRenderer } from './pending-renderer.js';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const EMPTY: PlanRecord = { decisions: [], actions: [], alerts: [], midwayChecks: [] };

function notice(ctx: PendingRenderContext, tone: NoticeTone, title: string, text: string): Activity {
  const full = `${title} · ${childLabel(ctx.child, ctx.showNames)}`;
  return {
    type: 'message',
    summary: `${title} · ${ctx.child.ref}`,
    attachments: [cardAttachment(renderCard('notice', noticeCardData(tone, full, text)))],
  };
}

const reminder: PendingRenderer = (data, ctx) => {
  const rd = deliveryReader(data, ctx.language);
  const a = (ctx.child.plan ?? EMPTY).actions.find((x) => x.id === data.actionId);
  const title = rd.t('plan.reminder.title');
  if (!a || !isOutstanding(a)) return notice(ctx, 'info', title, rd.t('plan.gone', { ref: ctx.child.ref }));
  const action =
    a.owner.kind === 'other' ? rd.t('plan.reminder.for-other', { name: a.owner.name, text: a.text }) : a.text;
  const key =
    ctx.today > a.targetDate
      ? 'plan.reminder.late'
      : data.when === 'due'
        ? 'plan.reminder.due'
        : 'plan.reminder.before';
  return notice(
    ctx,
    'info',
    title,
    rd.t(key, { action, review: a.reviewId, date: meetingDay(rd, a.targetDate), ref: ctx.child.ref }),
  );
};

const midway: PendingRenderer = (data, ctx) => {
  const rd = deliveryReader(data, ctx.language);
  const plan = ctx.child.plan ?? EMPTY;
  const due = ctx.child.nextReview?.dueBy;
  const text = rd.t('plan.midway.prompt', {
    review: str(data.reviewId),
    due: due ? meetingDay(rd, due) : '—',
    outstanding: plan.actions.filter(isOutstanding).length,
    ref: ctx.child.ref,
  });
  return notice(ctx, 'info', rd.t('plan.midway.title'), text);
};

const notDone: PendingRenderer = (data, ctx) => {
  const rd = deliveryReader(data, ctx.language);
  const a = (ctx.child.plan ?? EMPTY).actions.find((x) => x.id === data.actionId);
  const last = a?.updates.filter((u) => u.status === 'not-done').pop();
  const title = rd.t('plan.not-done.title');
  if (!a || !last) return notice(ctx, 'info', title, rd.t('plan.gone', { ref: ctx.child.ref }));
  return notice(
    ctx,
    'warning',
    title,
    rd.t('plan.not-done.text', { name: last.byName, action: a.text, review: a.reviewId, note: last.note }),
  );
};

const alert: PendingRenderer = (data, ctx) => {
  const rd = deliveryReader(data, ctx.language);
  const al = (ctx.child.plan ?? EMPTY).alerts.find((x) => x.id === data.alertId);
  const title = rd.t('plan.alert.title');
  if (!al) return notice(ctx, 'info', title, rd.t('plan.gone', { ref: ctx.child.ref }));
  return notice(ctx, 'warning', title, rd.t('plan.alert.notice', { name: al.raised.byName, text: al.text }));
};

export const PLAN_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'plan-reminder': reminder,
  'plan-midway': midway,
  'plan-not-done': notDone,
  'plan-alert': alert,
};
