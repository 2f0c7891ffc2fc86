// `/alert REF TEXT` (docs/DOMAIN.md PT5): staff alert a child's IRO to a significant change to the care and
// support plan, or a review decision not carried out. A personal chat only: the text is about the child.
import { alertIro } from '../../app/plan-tracking.js';
import { assertCaseRef } from '../../domain/case-ref.js';
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { translator } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';

const EXAMPLE = '/alert C1001 The placement is ending next week';

export const alertCommand: CommandSpec = {
  name: 'alert',
  usage: '/alert REF TEXT',
  description: translator('en')('command.alert.description'),
  example: EXAMPLE,
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const m = /^(\S+)\s+([\s\S]+)$/.exec(ctx.args.trim());
    if (!m) throw new AppError('invalid-input', ctx.t('plan.cmd.alert.usage'), { example: EXAMPLE });
    const [, ref, text] = m;
    assertCaseRef(ref, EXAMPLE);
    const view = await alertIro(ctx.deps, ctx.actor, ref, text);
    const iro = view.people.get(view.child.iroId)?.name ?? view.child.iroId;
    return renderCard(
      'notice',
      noticeCardData(
        'success',
        ctx.t('plan.alert.sent.title'),
        ctx.t('plan.alert.sent.text', { iro, id: view.alertId }),
      ),
    );
  },
};
