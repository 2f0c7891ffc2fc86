// /language english|welsh and /iaith cymraeg|saesneg (issue 13): the person's choice, remembered on their
// staff document; the answer is already in the chosen language.
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { noticeCardData } from '../cards/notice.js';
import { languageFromWord } from '../i18n/choose-language.js';
import { translator } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';
import { ANY_CONVERSATION } from './command-spec.js';

export const languageCommand: CommandSpec = {
  name: 'language',
  usage: '/language english | welsh',
  description: 'Choose the language I write to you in (also /iaith cymraeg | saesneg)',
  example: '/language welsh',
  // The manifest's lists hold at most 10; /help lists it.
  inCommandList: false,
  scopes: ANY_CONVERSATION,
  guestSafe: true,
  async run(ctx) {
    const language = languageFromWord(ctx.args);
    if (!language) throw new AppError('invalid-input', ctx.t('language.usage'), { example: '/language welsh' });
    await ctx.deps.staff.setLanguage(ctx.actor._id, language);
    return renderCard(
      'notice',
      noticeCardData('success', translator(language)('language.name'), translator(language)('language.chosen')),
    );
  },
};
