// The app's name and descriptions in the Teams manifest (issue 13). The English must be what
// manifest/manifest.json says (test/manifest/manifest-localization.spec.ts); the Welsh goes to
// manifest/cy.json with the command lists (tools/manifest-localization.ts).
export const manifestEn = {
  'manifest.name.short': 'IRO Bot',
  'manifest.name.full': 'IRO Bot: Independent Reviewing Officer service',
  'manifest.description.short': "Keeps looked-after children's statutory reviews within timescale.",
  'manifest.description.full':
    "IRO Bot helps the council's Independent Reviewing Officer service keep every looked-after child's statutory reviews within their timescales. Ask it which reviews are due, see caseloads against the 70–120 children per FTE band, list your outstanding actions, book and reschedule reviews, raise and follow resolutions, and record Children's Guardian liaison, all inside Teams. Channel cards show case references and initials, not names.",
  // The command menu allows 128 characters: shorter wordings where /help's description is longer in Welsh.
  'manifest.command.caseload':
    'Children per IRO by track and legal status, reviews in the next 30 days, load per FTE against 70–120',
  'manifest.command.case': "A child's timeline: next review and its rule, bookings, past reviews (personal chat only)",
  'manifest.command.book':
    "Book a child's next review: date, time, venue and invitees (outside timescale: a manager approves)",
  'manifest.command.report': 'Compliance report: reviews within timescale by month, late reasons, caseload (managers)',
} as const satisfies Record<string, string>;
