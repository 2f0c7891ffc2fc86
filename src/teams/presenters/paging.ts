import type { ResolvedScope } from '../../app/scope.js';
import { AppError } from '../../domain/errors.js';
import type { StaffDoc } from '../../store/documents.js';
import type { PageButton, PageCursorData, PagerData } from '../card-parts.js';
import type { Translate } from '../i18n/translate.js';
import { ENGLISH } from './labels.js';

// Long lists come a page at a time so every card stays well inside what Teams accepts (issue 12:
// ≤ 80 KB as UTF-16; test/teams/card-size.spec.ts measures every template at its largest). A page
// button carries only the cursor (which list, whose, the window, the page); the `list.page` verb
// re-runs the same access-checked query and answers with the page, replacing the card in place.

/** Rows (or IROs) on one page of a list. */
export const PAGE_SIZE = 20;
/** The verb every paging button uses (teams/card-verbs/list-page.ts). */
export const LIST_PAGE_VERB = 'list.page';
/** The longest name or line a list row shows; the import does not bound names, the card must. */
export const DISPLAY_TEXT_MAX = 60;

/** A display string cut to `max` characters (with an ellipsis), so one long name cannot swell a card. */
export function clip(text: string, max = DISPLAY_TEXT_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "1,203" */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** Whose list, as a cursor: 'team', or the person named explicitly (so a click by someone else is checked for them). */
export function scopeCursor(scope: ResolvedScope): string {
  return scope.kind === 'team' ? 'team' : `person:${scope.person._id}`;
}

export function ownScopeCursor(actor: StaffDoc): string {
  return `person:${actor._id}`;
}

/** The slice of `items` on `page`; a page past the end (the list shrank since the card was sent) is refused. */
export function pageOf<T>(items: readonly T[], page: number, example: string): T[] {
  if (page > 0 && page * PAGE_SIZE >= items.length) {
    throw new AppError(
      'invalid-input',
      'this list has changed since the card was sent; nothing to show on that page',
      {
        example,
      },
      { key: 'errors.card.list-changed' },
    );
  }
  return items.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
}

/** The pager under a list: nothing when it fits on one page. */
export function pager(
  cursor: Omit<PageCursorData, 'page'>,
  page: number,
  total: number,
  noun: (n: number) => string,
  t: Translate = ENGLISH,
): PagerData {
  if (total <= PAGE_SIZE) return { pagerText: '', pagerButtons: [] };
  const first = page * PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * PAGE_SIZE);
  const buttons: PageButton[] = [];
  if (page > 0)
    buttons.push({ title: t('card.pager.previous', { count: PAGE_SIZE }), data: { ...cursor, page: page - 1 } });
  if (last < total)
    buttons.push({
      title: t('card.pager.next', { count: Math.min(PAGE_SIZE, total - last) }),
      data: { ...cursor, page: page + 1 },
    });
  return { pagerText: t('card.pager.showing', { first, last, total: noun(total) }), pagerButtons: buttons };
}
