// RS2 card verbs (docs/DOMAIN.md "Resolutions"): open the meeting card, arrange (or rearrange) the meeting,
// record its outcome. Card data is untrusted: validated here; the use cases re-check who may act and the stage.
import { z } from 'zod';
import {
  arrangeResolutionMeeting,
  meetingForm,
  recordResolutionMeetingOutcome,
} from '../../../app/resolution-meetings.js';
import { splitCommaList } from '../../../domain/comma-list.js';
import { MEETING_OUTCOMES } from '../../../domain/resolutions/index.js';
import { renderCard } from '../../cards.js';
import { resolutionMeetingCardData } from '../../cards/resolution-meeting.js';
import { readerFrom } from '../../presenters/reader-language.js';
import type { ActionContext, ActionReply, CardVerb } from '../action-spec.js';
import { defineAction } from '../action-spec.js';
import { cardReply, onCard, optionalText, parse } from './common.js';

async function meetingCard(ctx: ActionContext, ref: string, id: string, message = ''): Promise<ActionReply> {
  const view = await meetingForm(ctx.deps, ctx.actor, ref, id);
  const data = resolutionMeetingCardData(view, readerFrom(ctx.t), {
    showNames: ctx.showChildNames,
    tzName: ctx.deps.tzName,
    message,
  });
  return { kind: 'card', card: renderCard('resolution-meeting', data) };
}

/** `resolution.meeting.form`: the meeting card for whoever clicked (their forms only). */
const meetingFormAction = defineAction({
  verb: 'resolution.meeting.form',
  subject: 'resolution',
  run: (ctx, { ref, resolution }) => meetingCard(ctx, ref, resolution.id),
});

const arrangeSchema = onCard.extend({
  date: optionalText(10),
  time: optionalText(5),
  venue: optionalText(200),
  chairId: optionalText(64),
  attendeeIds: optionalText(2000),
  others: optionalText(500),
});

/** `resolution.meeting.arrange`: the reviewing team sets date, time, venue, chair and attendees. */
const meetingArrange = defineAction({
  verb: 'resolution.meeting.arrange',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(arrangeSchema, ctx);
    await arrangeResolutionMeeting(ctx.deps, ctx.actor, ref, resolution.id, {
      stageOnCard: d.stage,
      date: d.date,
      time: d.time,
      venue: d.venue,
      chairId: d.chairId,
      attendeeIds: splitCommaList(d.attendeeIds),
      others: d.others,
    });
    return meetingCard(ctx, ref, resolution.id, readerFrom(ctx.t).t('meeting.card.saved-arranged'));
  },
});

const outcomeSchema = onCard.extend({ decision: z.enum(MEETING_OUTCOMES), notes: optionalText(2000) });

/** `resolution.meeting.outcome`: the IRO records what the meeting decided; the resolution card comes back. */
const meetingOutcome = defineAction({
  verb: 'resolution.meeting.outcome',
  subject: 'resolution',
  async run(ctx, { ref, resolution }) {
    const d = parse(outcomeSchema, ctx);
    const view = await recordResolutionMeetingOutcome(ctx.deps, ctx.actor, ref, resolution.id, {
      stageOnCard: d.stage,
      decision: d.decision,
      notes: d.notes,
    });
    return cardReply(ctx, view);
  },
});

export const MEETING_ACTIONS: readonly CardVerb[] = [meetingFormAction, meetingArrange, meetingOutcome];
