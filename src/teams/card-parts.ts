// Pieces shared by several cards' data (src/teams/cards/<kind>.ts): facts, choices, counts, charts,
// buttons and the pager. Display-ready strings, like every card's data.

/** A label/value pair rendered in a FactSet. */
export interface CardFact {
  title: string;
  value: string;
}

/** One Input.ChoiceSet choice. */
export interface CardChoice {
  title: string;
  value: string;
}

/** A count in a breakdown, e.g. { label: 'Care order', count: '41' }. */
export interface CardCount {
  label: string;
  count: string;
}

export interface ChartPoint {
  /** Bar label (IRO name). */
  x: string;
  y: number;
}

/** A button (Action.Execute) that takes the person to the thing to do: a form, a card, or the step itself. */
export interface ActionButton {
  title: string;
  verb: string;
  data: Record<string, string>;
}

/** The data a paging button carries: which list, whose, the window and the page — never child data. */
export interface PageCursorData {
  list: 'due' | 'caseload' | 'actions';
  /** 'own' (actions), 'team', or 'person:<staff id>'. */
  scope: string;
  /** The /due window label ('this week'); '' for the other lists. */
  window: string;
  page: number;
}

/** A "Previous 20" / "Next 20" / "Show list" button: Action.Execute `list.page`, updating the card in place. */
export interface PageButton {
  title: string;
  data: PageCursorData;
}

/** Long lists come a page at a time (presenters/paging.ts); '' and [] hide the pager. */
export interface PagerData {
  /** "Showing 21–40 of 1,203 reviews" */
  pagerText: string;
  pagerButtons: PageButton[];
}

/** What was typed on a form that was refused, to show it again (untrusted: checked before use). */
export type TypedValues = Record<string, unknown>;

/** A refusal shown on the form it came from. */
export interface FormError {
  title: string;
  text: string;
}
