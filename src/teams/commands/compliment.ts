import { recordCompliment } from '../../app/resolutions.js';
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

const EXAMPLE = '/compliment C1001 dafydd@council.example Thorough preparation for the review';

export const complimentCommand: CommandSpec = {
  name: 'compliment',
  usage: '/compliment REF PERSON TEXT',
  description: "Record a compliment about a worker's practice on a case; it is sent to them (IRO)",
  example: EXAMPLE,
  roles: ['iro'],
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  async run(ctx) {
    const m = /^(\S+)\s+(<at>[^<]*<\/at>|\S+)\s+([\s\S]+)$/i.exec(ctx.args.trim());
    if (!m)
      throw new AppError(
        'invalid-input',
        'give the case, the person and what the compliment is for',
        { example: EXAMPLE },
        { key: 'errors.compliment.usage' },
      );
    const [, ref, personText, text] = m;
    const person = await ctx.resolvePerson(personText);
    if (!person)
      throw new AppError(
        'invalid-input',
        `I can't find "${personText.replace(/<\/?at>/g, '')}" in the staff directory`,
        { example: EXAMPLE },
        { key: 'errors.person.unknown', params: { who: personText.replace(/<\/?at>/g, '').slice(0, 60) } },
      );
    const { compliment } = await recordCompliment(ctx.deps, ctx.actor, ref, person, text);
    return renderCard('notice', {
      title: ctx.t('verbs.compliment.title'),
      text: ctx.t('verbs.compliment.text', { ref, id: compliment.id, name: person.name }),
      tone: 'success',
      example: '',
    });
  },
};
