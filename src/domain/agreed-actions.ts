// Agreed actions typed into a resolution response (docs/DOMAIN.md "Resolutions": a response records what
// was agreed, each action with a date). The form has fixed rows; this turns them into the actions saved.
// `respond` (domain/resolutions.ts) then refuses an action without a valid date.
import { AppError } from './errors.js';
import type { AgreedAction } from './resolutions/index.js';

export interface AgreedActionRow {
  text: string;
  /** YYYY-MM-DD, or '' when not given. */
  by: string;
}

/** The rows that were filled in, trimmed; a row left blank is skipped, a date without a description refused. */
export function agreedActionsFrom(rows: readonly AgreedActionRow[]): AgreedAction[] {
  const actions: AgreedAction[] = [];
  for (const row of rows) {
    const text = row.text.trim();
    if (!text && !row.by) continue;
    if (!text)
      throw new AppError(
        'invalid-input',
        'an agreed action has a date but no text',
        {
          example: 'Describe each agreed action',
        },
        { key: 'errors.actions.no-text' },
      );
    actions.push({ text, by: row.by });
  }
  return actions;
}
