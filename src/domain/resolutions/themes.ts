// The themes an IRO files a resolution under (docs/DOMAIN.md "Resolutions"), with their labels.
export const RESOLUTION_THEMES = [
  'care-planning',
  'lawfulness-of-placement',
  'drift-and-delay',
  'life-story-work',
  'education',
  'health',
  'contact',
  'other',
] as const;
export type ResolutionTheme = (typeof RESOLUTION_THEMES)[number];

export const THEME_LABELS: Readonly<Record<ResolutionTheme, string>> = {
  'care-planning': 'Care planning',
  'lawfulness-of-placement': 'Lawfulness of placement',
  'drift-and-delay': 'Drift and delay',
  'life-story-work': 'Life story work',
  education: 'Education',
  health: 'Health',
  contact: 'Contact',
  other: 'Other',
};
