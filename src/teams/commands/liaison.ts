import { liaisonForm } from '../../app/liaison.js';
import { AppError } from '../../domain/errors.js';
import { renderCard } from '../cards.js';
import { liaisonFormCard } from '../presenters/liaison.js';
import type { CommandSpec } from './command-context.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/liaison C1001';

export const liaisonCommand: CommandSpec = {
  name: 'liaison',
  usage: '/liaison REF',
  description: "A child's care proceedings and Guardian liaison: Guardian, hearings, court documents, discussions (personal chat)",
  example: EXAMPLE,
  roles: ['iro', 'business-support', 'legal'],
  // The command menu is full (10 per scope); /help lists it.
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    if (ctx.conversationType !== 'personal') {
      throw new AppError('forbidden', 'the liaison form is only shown in a personal chat with me', { example: `/liaison ${ref}` });
    }
    const view = await liaisonForm(ctx.deps, ctx.actor, ref);
    return renderCard('liaison-form', liaisonFormCard(view.child, {
      guardians: view.guardians.map((g) => ({ id: g._id, name: g.name, organisation: g.organisation })),
      legal: view.legal.map((l) => ({ id: l._id, name: l.name })), legalContactId: view.legalContactId,
      open: view.open, names: view.names, showName: ctx.showChildNames, message: '',
    }));
  },
};
