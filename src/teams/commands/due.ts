import { listDue } from '../../app/list-due.js';
import { todayIn } from '../../domain/calendar.js';
import { formatDate } from '../../domain/dates-format.js';
import { parseDueWindow } from '../../domain/due-window.js';
import { daysOverdue, type ReviewStatus } from '../../domain/review-status.js';
import type { ChildDoc } from '../../store/documents.js';
import { renderCard } from '../cards.js';
import { bookingText, childLabel, overdueText, plural } from '../presenters/labels.js';
import { scopeLabel, staffNames } from '../presenters/common.js';
import type { DueRow } from '../view-models.js';
import type { CommandSpec } from './command-context.js';
import { takeScope } from './scope-args.js';
import { REVIEWING_ROLES } from '../../domain/access.js';
import { canBook } from '../../domain/booking-rules.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/due this week';

export const dueCommand: CommandSpec = {
  name: 'due',
  usage: '/due [this week | next week | today | tomorrow | overdue | next N days | DATE | DATE to DATE] [team | for PERSON]',
  description: 'Reviews due in a window, overdue first, with the rule behind each due date and whether it is booked',
  example: EXAMPLE,
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const { rest, scope } = await takeScope(ctx.args, ctx, EXAMPLE);
    const window = parseDueWindow(rest, todayIn(ctx.deps.clock(), ctx.deps.tzName));
    const result = await listDue(ctx.deps, ctx.actor, window, scope);
    const names = result.scope.kind === 'team' ? await staffNames(ctx.deps) : null;
    const row = (s: ReviewStatus<ChildDoc>): DueRow => {
      const late = daysOverdue(s, result.today);
      return {
        child: childLabel(s.child, ctx.showChildNames),
        dueBy: formatDate(s.next.dueBy),
        rule: s.next.rule,
        ruleText: s.next.explanation,
        booking: bookingText(s.booking),
        booked: s.booking !== null,
        isOverdue: late > 0,
        overdueText: overdueText(late),
        iro: names ? names.get(s.child.iroId) ?? s.child.iroId : '',
        bookRef: s.booking === null && canBook(ctx.actor, s.child) ? s.child.ref : '',
      };
    };
    const { overdue, due } = result.listing;
    const relative = window.kind !== 'explicit';
    const windowText = window.kind === 'overdue' ? 'before today'
      : window.from === window.to ? formatDate(window.from) : `${formatDate(window.from)} – ${formatDate(window.to)}`;
    return renderCard('due', {
      title: window.kind === 'overdue' ? 'Overdue reviews' : `Reviews due ${relative ? window.label : windowText}`,
      subtitle: `${windowText} · ${scopeLabel(result.scope, ctx.actor)} · ${plural(overdue.length + due.length, 'review')}`,
      overdue: overdue.map(row),
      dueHeading: relative ? `Due ${window.label}` : 'Due',
      due: due.map(row),
      emptyText: window.kind === 'overdue' ? 'No overdue reviews.' : `No reviews due ${relative ? window.label : 'then'}.`,
      footnote: invalidNote(result.invalid.length),
    });
  },
};

function invalidNote(n: number): string {
  return n ? `${plural(n, 'case')} with a history I cannot read: ask your administrator to check the import.` : '';
}
