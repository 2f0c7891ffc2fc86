import { runComplianceReport } from '../../app/compliance-report.js';
import { REPORT_PERIOD_EXAMPLE } from '../../domain/report-period.js';
import { renderCard } from '../cards.js';
import { reportCardData } from '../cards/report.js';
import type { CommandSpec } from './command-context.js';
import { REVIEWING_ROLES } from '../../domain/access.js';

// No child names on this card (late reviews are listed by case ref), so it may be asked in a channel;
// it is still not guest-safe, as refs are about children.
export const reportCommand: CommandSpec = {
  name: 'report',
  usage: '/report [last half-year | Apr 2026 to Sep 2026 | 2026-04-01 to 2026-09-30]',
  description:
    'Compliance report: reviews within timescale by month vs target, late reasons, caseload (managers, business support)',
  example: REPORT_PERIOD_EXAMPLE,
  // The use case refuses IROs and other team managers with a specific message; roles outside the
  // reviewing service get the registry's refusal and never see it in /help.
  roles: REVIEWING_ROLES,
  inCommandList: true,
  scopes: ['personal', 'team'],
  async run(ctx) {
    const result = await runComplianceReport(ctx.deps, ctx.actor, ctx.args);
    return renderCard('report', reportCardData(result, ctx.t));
  },
};
