import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectFolder } from '../../src/project-paths.js';

// Each rule once (issue 16, docs/DESIGN.md rule 1): a rule's tell-tale expression may appear only in
// the domain function that defines it; everywhere else calls that function. Each entry names the
// rule, where it lives, and the copies it replaced (`was`), which the pattern must still catch, so a
// pattern too loose to fail on the old code fails here instead. Comments are ignored.

interface Rule {
  name: string;
  pattern: RegExp;
  /** Files (relative to the project, '/'-separated) where the expression is the rule itself. */
  home: readonly string[];
  /** Only these folders are searched (default: all of src/). */
  within?: readonly string[];
  /** Lines of the copies this replaced; the pattern must match each one. */
  was: readonly string[];
}

const RULES: readonly Rule[] = [
  {
    name: "is the child's IRO (domain/case-roles.ts isChildsIro)",
    pattern: /\biroId\s*[!=]==\s*[\w.]+\.(?:_?id)\b|\b\w+\.(?:_?id)\s*[!=]==\s*[\w.?]*\biroId\b/,
    home: ['src/domain/case-roles.ts'],
    was: [
      "const isChildsIro = (actor: Staff, child: ChildPeople) => child.iroId === actor.id && hasRole(actor, 'iro');",
      "  if (child.iroId === person.id && hasRole(person, 'iro')) return true;",
      "  if (actors.includes('iro') && person.roles.includes('iro') && child.iroId === person.id) return true;",
      "    : (hasRole(actor, 'iro') && child.iroId === actor._id) || hasRole(actor, 'business-support', 'legal');",
      '      const mine = child.iroId === actor._id || involvedIds(r, child, people).has(actor._id)',
    ],
  },
  {
    name: "is the child's social worker (domain/case-roles.ts isChildsSocialWorker)",
    pattern: /\bsocialWorkerId\s*[!=]==\s*[\w.]+\.(?:_?id)\b|\b\w+\.(?:_?id)\s*[!=]==\s*[\w.?]*\bsocialWorkerId\b/,
    home: ['src/domain/case-roles.ts'],
    was: [
      '  return canBook(actor, child) || (!!child.socialWorkerId && child.socialWorkerId === actor.id);',
      '  if (child.socialWorkerId && child.socialWorkerId === person.id) return true;',
    ],
  },
  {
    name: "is the child's Guardian with open access (domain/liaison.ts isChildsGuardian)",
    pattern:
      /\bguardianId\s*[!=]==\s*[\w.]+\.(?:_?id)\b|\b\w+\.(?:_?id)\s*[!=]==\s*[\w.?]*\bguardianId\b|\.filter\(guardianAccessOpen\)/,
    home: [],
    was: [
      "    return door === 'liaison' && hasRole(person, 'guardian') && child.proceedings?.guardianId === person.id && guardianAccessOpen(child);",
      "    ? hasRole(actor, 'guardian') && child.proceedings.guardianId === actor._id && guardianAccessOpen(child)",
      "  const own = hasRole(ctx.actor, 'guardian') ? (await ctx.deps.children.listByGuardian(ctx.actor._id)).filter(guardianAccessOpen) : [];",
    ],
  },
  {
    name: 'within timescale: a held date against its due-by date (domain/timescales.ts withinTimescale)',
    pattern:
      /\bheldOn\s*(?:<=|>=|<|>)\s*[\w.?]*\bdueBy\b|\bdueBy\b\s*(?:<=|>=|<|>)\s*[\w.?]*\bheldOn\b|\boutsideTimescale:\s*\w+\s*>/,
    home: ['src/domain/timescales.ts'],
    was: [
      '    const late = review.dueBy !== undefined && review.heldOn > review.dueBy;',
      '    const within = r.heldOn <= dueBy;',
      '      out.push({ date: d, time, start, outsideTimescale: d > dueBy });',
    ],
  },
  {
    name: 'an unheld review is overdue: today against its due-by date (domain/timescales.ts reviewOverdue)',
    pattern: /\bdueBy\s*(?:<=|>=|<|>)\s*(?:\w+\.)*today\b|\btoday\s*(?:<=|>=|<|>)\s*[\w.?]*\bdueBy\b/,
    home: ['src/domain/timescales.ts'],
    was: [
      '      if (next.dueBy < today) {',
      '    if (s.next.dueBy < o.today) {',
      '  const overdue = statuses.filter((s) => s.next.dueBy < today).sort(byDueThenRef);',
      '  return s.next.dueBy < today;',
      '  const overdue = dueBy < today;',
      '      if (s.booking || s.next.dueBy < today || s.next.dueBy > horizon) continue;',
    ],
  },
  {
    name: 'the written record is due 14 days after the review (domain/timescales.ts recordDueBy, recordOverdue)',
    pattern: /addDays\([^)]*\bRECORD_(?:DISTRIBUTION_)?DAYS\b|\bRECORD_DISTRIBUTION_DAYS\s*=/,
    home: ['src/domain/timescales.ts'],
    was: [
      '      : `Within timescale. The written record is due by ${formatDate(addDays(review.heldOn, RECORD_DAYS))}.`;',
      '      const deadline = addDays(r.heldOn, RECORD_DISTRIBUTION_DAYS);',
      'export const RECORD_DISTRIBUTION_DAYS = 14;',
    ],
  },
  {
    name: 'proceedings open (domain/liaison.ts proceedingsOpen)',
    pattern: /(?<!!)!\s*[\w.?]*\bproceedings\??\.concludedOn\b|\bconst open = !p\.concludedOn\b/,
    home: ['src/domain/liaison.ts'],
    was: [
      '  return !!child.proceedings && !child.proceedings.concludedOn && !!child.proceedings.guardianId;',
      '  const open = !p.concludedOn;',
    ],
  },
  {
    name: 'a booking still stands (domain/review-status.ts isLiveBooking)',
    pattern: new RegExp(
      [
        /\bstatus\s*===\s*undefined\s*\|\|\s*\w+\.status\s*===\s*'booked'/,
        /\(\w+\.status\s*\?\?\s*'booked'\)\s*!==\s*'booked'/,
        /status\s*===\s*'cancelled'\s*\|\|/,
      ]
        .map((r) => r.source)
        .join('|'),
    ),
    home: ['src/domain/review-status.ts'],
    was: [
      "  const live = booking.status === undefined || booking.status === 'booked';",
      "  return b.status === undefined || b.status === 'booked';",
      "      if ((b.status ?? 'booked') !== 'booked' || on < today) continue;",
      "    if (b.status === 'cancelled' || b.status === 'adjourned' || b.status === 'held') continue;",
    ],
  },
  {
    name: 'a move or booking needs a manager (domain/booking-rules.ts needsManagerApproval)',
    pattern: /(?<!BOOKING_DEFAULTS)\.autoApproveWithinTimescale\b/,
    home: ['src/domain/booking-rules.ts'],
    was: ['  if (!checked.outsideTimescale && bookingSettings(deps).autoApproveWithinTimescale) {'],
  },
  {
    name: 'child names only in a personal chat unless config allows (domain/access.ts mayShowChildNames)',
    pattern: /'personal'[^;]*(?:showChildNames|NamesIn)\w*|(?:showChildNames|NamesIn)\w*[^;]*'personal'/,
    home: ['src/domain/access.ts'],
    was: [
      "    showChildNames: conversationType === 'personal' || config.showChildNamesInChannels,",
      "      const showNames = conversation.kind === 'personal' || opts.showNamesInChannels;",
      "    if (doc.about?.names && conversation.kind !== 'personal' && !opts.showNamesInChannels) {",
    ],
  },
  {
    name: "legal's copy of a liaison prompt (domain/liaison.ts seesLegalCopy)",
    pattern:
      /hasRole\([^)]*'legal'\)\s*&&\s*!hasRole\([^)]*'iro'\)|'legal'\)\s*&&\s*!\w+\.roles\.includes\('iro'\)|duty !== 'L2' && duty !== 'L8'/,
    home: ['src/domain/liaison.ts'],
    was: [
      "    const forLegal = ctx.conversationType === 'personal' && hasRole(ctx.actor, 'legal') && !hasRole(ctx.actor, 'iro');",
      "    forLegal: hasRole(actor, 'legal') && !hasRole(actor, 'iro'),",
      "  if (forLegal && duty !== 'L2' && duty !== 'L8') return [];",
    ],
  },
  {
    name: 'resolution buttons: permissions worked out outside the domain (domain/resolutions/permissions.ts permissionsFor, audiencePermissions)',
    pattern: new RegExp(
      [
        /\.\.\.NO_PERMISSIONS\b/,
        /\backnowledge:\s*state\s*===/,
        /\bescalate:\s*[\w\s&]*currentStage\(\w+\)\.stage\s*<\s*LAST_STAGE/,
        /referNeedsReason:\s*\w+\.stage\s*</,
      ]
        .map((r) => r.source)
        .join('|'),
    ),
    home: ['src/domain/resolutions/permissions.ts'],
    was: [
      "    return { ...NO_PERMISSIONS, acknowledge: state === 'awaiting-acknowledgement', respond: state === 'acknowledged' };",
      '    escalate: open && currentStage(r).stage < LAST_STAGE,',
      '    referNeedsReason: s.stage < LAST_STAGE,',
    ],
  },
  {
    name: 'held: who may record or correct, with its refusal (domain/booking-rules.ts assertMayRecordHeld, assertMayCorrectHeld)',
    pattern: /!can(?:RecordHeld|CorrectHeld)\(/,
    home: ['src/domain/booking-rules.ts'],
    was: [
      "    if (!canCorrectHeld(actor, child)) throw new AppError('forbidden', `only ${child.ref}'s IRO or a manager can correct a held date`, {",
    ],
  },
  {
    name: 'agreed actions of a response (domain/agreed-actions.ts agreedActionsFrom)',
    pattern: /an agreed action has a date but no text/,
    home: ['src/domain/agreed-actions.ts'],
    was: ["      if (!text.trim()) throw new AppError('invalid-input', 'an agreed action has a date but no text', {"],
  },
  {
    name: 'defaults stated once: the 98.5% target, 10:00/14:00 slots, the 42-day interval, the wales policy',
    pattern: /\b98\.5\b|\[\s*'10:00',\s*'14:00'\s*\]|\?\?\s*42\b|\?\?\s*'wales'/,
    home: ['src/domain/compliance.ts', 'src/domain/booking-rules.ts'],
    was: [
      'export const DEFAULT_COMPLIANCE_TARGET = 98.5;',
      "  SLOT_TIMES: list(z.string().regex(hhmm, 'times must be HH:MM')).transform((v) => (v.length ? v : ['10:00', '14:00'])),",
      '        discussionIntervalDays: input.intervalDays ?? before?.discussionIntervalDays ?? 42,',
      "    .transform((v) => v ?? 'wales'),",
    ],
  },
];

const ROOT = join(projectFolder('src'), '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Comments out, line numbers kept (a rule quoted in a comment is not a copy of it). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = sourceFiles(join(ROOT, 'src')).map((abs) => ({
  path: relative(ROOT, abs).split(sep).join('/'),
  lines: withoutComments(readFileSync(abs, 'utf8')).split('\n'),
}));

describe('each rule once (issue 16: one definition in src/domain, called everywhere else)', () => {
  it('scans the real source tree', () => {
    assert.ok(files.length > 100, `only ${files.length} files found under src/`);
    assert.ok(files.some((f) => f.path === 'src/domain/case-roles.ts'));
  });

  for (const rule of RULES) {
    describe(rule.name, () => {
      it('its pattern catches every copy it replaced', () => {
        for (const line of rule.was) assert.match(line, rule.pattern, `the pattern no longer catches: ${line.trim()}`);
      });

      it('appears nowhere outside its definition', () => {
        const hits: string[] = [];
        for (const f of files) {
          if (rule.home.includes(f.path)) continue;
          if (rule.within && !rule.within.some((d) => f.path.startsWith(d))) continue;
          f.lines.forEach((line, i) => {
            if (rule.pattern.test(line)) hits.push(`${f.path}:${i + 1}: ${line.trim().slice(0, 140)}`);
          });
        }
        assert.deepEqual(hits, [], `call the domain function instead of writing the rule again:\n${hits.join('\n')}`);
      });
    });
  }
});
