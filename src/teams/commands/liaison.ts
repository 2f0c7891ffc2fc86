import { liaisonForm, liaisonSettings, type LiaisonFormView } from '../../app/liaison.js';
import { today, type AppDeps } from '../../app/deps.js';
import { renderCard } from '../cards.js';
import { liaisonFormCardData } from '../cards/liaison-form.js';
import type { Translate } from '../i18n/translate.js';
import type { CommandSpec } from './command-context.js';
import { assertCaseRef } from '../../domain/case-ref.js';

const EXAMPLE = '/liaison C1001';

export const liaisonCommand: CommandSpec = {
  name: 'liaison',
  usage: '/liaison REF',
  description:
    "A child's care proceedings and Guardian liaison: Guardian, hearings, court documents, discussions (personal chat)",
  example: EXAMPLE,
  roles: ['iro', 'business-support', 'legal'],
  // The command menu is full (10 per scope); /help lists it.
  inCommandList: false,
  scopes: ['personal'],
  async run(ctx) {
    const ref = ctx.args.trim();
    assertCaseRef(ref, EXAMPLE);
    const view = await liaisonForm(ctx.deps, ctx.actor, ref);
    return renderCard('liaison-form', liaisonFormFor(ctx.deps, view, ctx.showChildNames, '', ctx.t));
  },
};

/**
 * The /liaison card for this person: each open item with the buttons they may use (mark it done, open
 * its prompt) and "Record a discussion" for the child's IRO, so liaison duties can be done from a
 * personal chat as well as from the thread (issue 11).
 */
export function liaisonFormFor(deps: AppDeps, view: LiaisonFormView, showName: boolean, message: string, t: Translate) {
  return liaisonFormCardData(view.child, {
    guardians: view.guardians.map((g) => ({ id: g._id, name: g.name, organisation: g.organisation })),
    legal: view.legal.map((l) => ({ id: l._id, name: l.name })),
    legalContactId: view.legalContactId,
    defaultIntervalDays: liaisonSettings(deps).discussionIntervalDays,
    open: view.open,
    names: view.names,
    showName,
    message,
    forLegal: view.legalCopy,
    canRecordDiscussion: view.canRecordDiscussion,
    today: today(deps),
    mayAct: (item) => view.actsOnItems.has(item.key),
    t,
  });
}
