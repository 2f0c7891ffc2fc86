// Why a review is due when it is (issue 13): the timescale engine's explanation (domain/timescales.ts
// render) as catalogue messages; test/teams/due-reason.spec.ts checks the English is word for word the engine's.
export const cardsDueReasonEn = {
  'due-reason.limit.working-days': '{n, plural, one {# working day} other {# working days}}',
  'due-reason.limit.days': '{n, plural, one {# day} other {# days}}',
  'due-reason.limit.months': '{n, plural, one {# month} other {# months}}',
  'due-reason.started-by.W39.1': 'becoming looked after',
  'due-reason.started-by.UPC': 'the unplanned placement change',
  'due-reason.started-by.ADP': 'the adoptive placement',
  'due-reason.started-by.SB': 'short breaks started',
  'due-reason.started-by.IFST': 'the intensive phase started',
  'due-reason.start': '{limit} after {startedBy} on {on}',
  'due-reason.second': '{limit} after the first review held on {held}',
  'due-reason.second-since-UPC':
    '{limit} after the first review since the unplanned placement change on {on}, held on {held}',
  'due-reason.second-since-ADP': '{limit} after the first review since the adoptive placement on {on}, held on {held}',
  'due-reason.second-cycle': '{limit} after the first review on {on}, held on {held}',
  'due-reason.later': '{limit} after the review held on {held}',
  'due-reason.ifst-final-start': 'final review: {limit} after the intensive phase started on {on}',
  'due-reason.ifst-final-previous': 'final review: {limit} after the second review held on {on}',
  'due-reason.ifst-final-late':
    "final review: {limit} after the second review held on {held} (held on or after the final's date, {was})",
  'due-reason.forward': 'brought forward: {reason} (was due {was})',
} as const;
