import { viewCase } from '../../app/view-case.js';
import { stagesOf } from '../../app/resolutions.js';
import { caseResolutionLines } from '../presenters/resolution-card.js';
import { formatDate } from '../../domain/dates-format.js';
import { diffDays } from '../../domain/calendar.js';
import type { CardFact } from '../view-models.js';
import type { Proceedings } from '../../domain/types.js';
import { renderCard } from '../cards.js';
import { policyLine } from '../presenters/common.js';
import { formatBookingStart, label, overdueText, plural } from '../presenters/labels.js';
import type { CommandSpec } from './command-context.js';
import type { CaseEventLine } from '../view-models.js';
import type { ChildDoc } from '../../store/documents.js';
import { CHECKLIST_ITEMS, topicLabel } from '../../domain/liaison.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/case C1001';

export const caseCommand: CommandSpec = {
  name: 'case',
  usage: '/case REF',
  description: "A child's timeline: next review and its rule, bookings, past reviews within or outside timescale (personal chat only)",
  example: EXAMPLE,
  inCommandList: true,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const view = await viewCase(ctx.deps, ctx.actor, ref, ctx.conversationType);
    const { child, next, history, people } = view;
    const name = (id?: string | null) => (id ? people.get(id)?.name ?? id : 'not allocated');
    const late = next ? Math.max(0, diffDays(view.today, next.dueBy)) : 0;
    return renderCard('case', {
      title: `${child.ref} · ${[child.givenName, child.familyName].filter(Boolean).join(' ')}`,
      subtitle: `As at ${formatDate(view.today)}`,
      child: {
        ref: child.ref,
        name: [child.givenName, child.familyName].filter(Boolean).join(' ') || '—',
        dateOfBirth: child.dateOfBirth ? formatDate(child.dateOfBirth) : '—',
        legalStatus: label(child.legalStatus),
        track: label(child.track),
        iro: name(child.iroId),
        socialWorker: name(child.socialWorkerId),
        team: label(child.socialWorkTeam),
      },
      nextReview: next && {
        dueBy: formatDate(next.dueBy),
        rule: next.rule,
        ruleText: next.explanation,
        isOverdue: late > 0,
        overdueText: overdueText(late),
      },
      noNextReviewText: 'No further review is due.',
      bookings: child.bookings.map((b) => ({
        when: formatBookingStart(b.start, ctx.deps.tzName),
        venue: b.venue ?? '—',
        status: label(b.status ?? 'booked'),
      })),
      history: history.map((r) => ({
        number: String(r.sequence),
        dueBy: formatDate(r.dueBy),
        heldOn: formatDate(r.heldOn),
        timescale: r.withinTimescale ? 'Within' : `${plural(r.daysLate, 'day')} late`,
        withinTimescale: r.withinTimescale,
        daysLate: r.withinTimescale ? '' : String(r.daysLate),
        reason: r.withinTimescale ? '' : label(r.lateReason, 'No reason recorded'),
        recordDistributed: r.recordDistributedOn ? formatDate(r.recordDistributedOn)
          : r.recordStatus === 'overdue' ? 'Not yet (overdue)' : 'Not yet',
      })),
      proceedings: child.proceedings ? proceedingsFacts(child.proceedings, name) : [],
      resolutions: caseResolutionLines(child, stagesOf(ctx.deps), new Map([...people].map(([id, p]) => [id, p.name])), ctx.deps.tzName),
      liaison: liaisonLines(child, name),
      policy: policyLine(ctx.deps.policy),
    });
  },
};

function proceedingsFacts(p: Proceedings, name: (id?: string | null) => string): CardFact[] {
  const d = (x?: string | null) => (x ? formatDate(x) : '—');
  return [
    { title: 'Started', value: d(p.startedOn) },
    { title: 'Guardian', value: p.guardianId ? name(p.guardianId) : 'not yet appointed' },
    { title: 'Issues Resolution Hearing', value: d(p.irhDate) },
    { title: 'Final hearing', value: d(p.finalHearingDate) },
    { title: 'Concluded', value: p.concludedOn ? `${d(p.concludedOn)} (${label(p.outcome, 'outcome not recorded').toLowerCase()})` : 'open' },
  ];
}

/** The liaison timeline (L10): discussions with the Guardian and duties done, newest first. */
function liaisonLines(child: ChildDoc, name: (id?: string | null) => string): CaseEventLine[] {
  const l = child.liaison;
  const lines: { on: string; text: string; status: string }[] = [
    ...(l?.discussions ?? []).map((d) => ({ on: d.on, status: 'Recorded', text: `${d.final ? 'Final discussion' : 'Discussion'} with the Guardian, recorded by ${name(d.byId)}: ${d.topics.map(topicLabel).join('; ') || 'no topics'}${d.notes ? ` — ${d.notes}` : ''}` })),
    ...(l?.done ?? []).map((d) => ({ on: d.on, status: 'Done', text: `${d.duty} done${dutySubject(d.subject)} by ${name(d.byId)}` })),
    ...(l?.courtDocuments ?? []).map((d) => ({ on: d.receivedOn, status: 'Received', text: 'Court documents received by legal (L4)' })),
  ];
  return lines.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0)).map((x) => ({ date: formatDate(x.on), text: x.text, status: x.status }));
}

/** A liaison duty's subject as a person reads it: a date, or an L9 document; internal ids are left out. */
function dutySubject(subject: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(subject)) return ` (${formatDate(subject)})`;
  return CHECKLIST_ITEMS.some((c) => c.id === subject) ? ` (${label(subject)})` : '';
}
