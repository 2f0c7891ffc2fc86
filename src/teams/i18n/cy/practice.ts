// Cymraeg: pennau rhydd materion 14 a 15 (cyflenwi yn /due a /actions, cyfranogiad yn y llif).
import type { practiceEn } from '../en/practice.js';

export const practiceCy: Readonly<Record<keyof typeof practiceEn, string>> = {
  'practice.due.covering': 'Yn cyflenwi dros {name}, {from} i {to}', // translator: confirm "cyflenwi dros"
  'practice.due.covered-by': '{name} sy’n cyflenwi, {from} i {to}',
  'practice.actions.covering': '{what} (yn cyflenwi dros {name})',
  'practice.actions.kind.participation': 'Rhestr wirio cyfranogiad',
  'practice.actions.what.participation':
    '{count, plural, one {Mae # eitem} other {Mae # eitem}} yn dal ar agor cyn yr adolygiad ar {date}',
  'practice.button.participation': 'Rhestr wirio cyfranogiad',
  'practice.held.alerts.title': 'Rhybuddion i’r SAA',
  'practice.held.alerts.value':
    '{count, plural, one {# rhybudd} other {# rhybudd}} ers yr adolygiad diwethaf: /plan {ref}',
  'practice.case.participation.complete': 'Rhestr wirio cyfranogiad ar gyfer yr adolygiad ar {date}: yn gyflawn',
  'practice.case.participation.open':
    'Rhestr wirio cyfranogiad ar gyfer yr adolygiad ar {date}: {settled} o {total} wedi’u setlo, {open, plural, one {# ar agor} other {# ar agor}}',
};
