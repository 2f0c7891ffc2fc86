// Resolutions: the IRO dispute resolution process (docs/DOMAIN.md "Resolutions (IRO dispute resolution)").
// Pure: `today`/`now` and the working calendar are passed in. Stages are data (stages.ts, overridable
// from config), each transition is a function from a resolution to a new one, and who may act is asked
// here by commands, card actions and the sweeper alike. One module per job; this file only re-exports.
export * from './themes.js';
export * from './stages.js';
export * from './records.js';
export * from './state.js';
export * from './addressees.js';
export * from './permissions.js';
export * from './guards.js';
export * from './start-stage.js';
export * from './raise.js';
export * from './answer.js';
export * from './iro-decisions.js';
export * from './cafcass-referral.js';
export * from './outbox-keys.js';
export * from './overdue.js';
export * from './tasks.js';
export * from './figures.js';
export * from './ladder-migration.js';
export * from './meeting.js';
