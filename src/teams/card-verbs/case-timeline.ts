// "Show the whole timeline" on /case, and its pager (issue 14): the child's timeline a page at a time.
// Subject the child: the loader checks who may see it, as /case does.
import { z } from 'zod';
import { timelineOf } from '../../app/case-timeline.js';
import { caseTimelineCard } from '../cards/case-timeline.js';
import { translator, type Language } from '../i18n/translate.js';
import { defineAction } from './action-spec.js';
import { parseData } from './booking-data.js';

const pageSchema = z.object({
  page: z
    .union([
      z.number().int().min(0).max(9999),
      z
        .string()
        .regex(/^\d{1,4}$/)
        .transform(Number),
    ])
    .default(0),
});

export const caseTimelineAction = defineAction({
  verb: 'case.timeline',
  subject: 'child',
  async run(ctx, { child }) {
    const { page } = parseData(pageSchema, ctx.data, `/case ${child.ref}`);
    // The clicker's language (their choice; the council's default arrives with issue 13's invoke context).
    const language: Language = ctx.actor.language ?? 'en';
    const card = caseTimelineCard({
      child,
      view: await timelineOf(ctx.deps, child),
      page,
      words: { t: translator(language), language },
      tzName: ctx.deps.tzName,
      showNames: ctx.showChildNames,
    });
    return { kind: 'card', card };
  },
});
