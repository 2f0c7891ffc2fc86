// RS2: the notice each invited member of staff gets in their 1:1 chat when a resolution meeting is arranged or
// moved (queued by app/resolution-meetings.ts). Rendered from the child document at delivery, in the
// conversation's language at delivery.
import { currentStage, RESOLUTION_STAGES, stageDef } from '../../domain/resolutions/index.js';
import { cardAttachment, renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { childLabel } from './labels.js';
import { meetingWhen } from './meeting-text.js';
import { deliveryReader } from './reader-language.js';
import type { PendingRenderer } from './pending-renderer.js';

const inviteMessage: PendingRenderer = (data, ctx) => {
  const rd = deliveryReader(data, ctx.language);
  const r = (ctx.child.resolutions ?? []).find((x) => x.id === data.resolutionId);
  const s = r ? currentStage(r) : undefined;
  const m = s && s.stage === data.stage ? s.meeting : null;
  const title = `${rd.t('meeting.invite.title')} · ${childLabel(ctx.child, ctx.showNames)}`;
  // Delivered late: the arrangement on record now is the one told (moved again: its new date); none, say so.
  if (!r || !s || !m) {
    const card = renderCard('notice', noticeCardData('info', title, rd.t('meeting.invite.gone')));
    return { type: 'message', summary: title, attachments: [cardAttachment(card)] };
  }
  const text = rd.t(m.rearranged ? 'meeting.invite.rearranged' : 'meeting.invite.text', {
    resolution: r.id,
    stage: stageDef(RESOLUTION_STAGES, s.stage).label,
    when: meetingWhen(rd, m.start, ctx.tzName),
    venue: m.venue,
    chair: ctx.staffNames.get(m.chairId) ?? m.chairId,
    names: m.attendeeIds.map((id) => ctx.staffNames.get(id) ?? id).join(', '),
  });
  const card = renderCard('notice', noticeCardData('info', title, text));
  return { type: 'message', summary: `${rd.t('meeting.invite.title')} · ${r.id}`, attachments: [cardAttachment(card)] };
};

export const MEETING_RENDERERS: Readonly<Record<string, PendingRenderer>> = {
  'resolution-meeting-invite': inviteMessage,
};
