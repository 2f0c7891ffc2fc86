// Layer rules (docs/DESIGN.md "Rules of the house"), run by `npm test` through scripts/check-layers.mjs
// (which first turns the TypeScript into JavaScript that keeps type-only imports: see there why).
//
//   domain  ←  store  ←  app  ←  teams  ←  jobs  ←  index.ts / server.ts / cli
//
// Each arrow points at what a layer may use. Type-only imports count: a type from the SDK is as
// much a tie to it as a call is.

/** Pure computation libraries the domain may use: no I/O, no clock, no globals. */
const PURE_LIBRARIES = '^(node_modules/)?(date-fns|@date-fns/tz|date-holidays)(/|$)';
const SDK = '^(node_modules/)?(botbuilder|botframework-[^/]+|@microsoft/teams-ai)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'production-never-imports-tooling',
      comment:
        'src/ is what production runs: it never imports tools/, test/, bench/ or scripts/ (dev-time code on devDependencies).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tools|test|bench|scripts)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: a cycle means two modules are one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment:
        'src/domain imports only src/domain and pure computation libraries: no store, no app, no SDK, no Node modules (I/O).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', PURE_LIBRARIES] },
    },
    {
      name: 'sdk-only-in-teams',
      comment:
        'Only src/teams/ imports botbuilder, botframework-* or @microsoft/teams-ai (replacing the SDK touches one folder).',
      severity: 'error',
      from: { pathNot: '^src/teams/' },
      to: { path: SDK },
    },
    {
      name: 'app-and-domain-below-teams-and-jobs',
      comment: 'src/app and src/domain never import src/teams or src/jobs.',
      severity: 'error',
      from: { path: '^src/(app|domain)/' },
      to: { path: '^src/(teams|jobs)/' },
    },
    {
      name: 'store-below-app',
      comment: 'src/store keeps documents; it never imports src/app, src/teams or src/jobs.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(app|teams|jobs)/' },
    },
    {
      name: 'teams-never-imports-jobs',
      comment:
        'The jobs sit above src/teams (they render with its presenters); src/teams implements the delivery port of src/app.',
      severity: 'error',
      from: { path: '^src/teams/' },
      to: { path: '^src/jobs/' },
    },
    {
      name: 'teams-reaches-the-store-through-app',
      comment: 'src/teams reads and writes through src/app use cases; from src/store it may name document shapes only.',
      severity: 'error',
      from: { path: '^src/teams/' },
      to: { path: '^src/store/', pathNot: '^src/store/(documents|delivery-documents|reschedule-documents)\\.js$' },
    },
    {
      name: 'jobs-use-teams-for-rendering-only',
      comment:
        'src/jobs use src/teams only to render messages (presenters, cards); they deliver through the delivery port (src/app/delivery-port.ts).',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: '^src/teams/', pathNot: '^src/teams/(cards\\.js$|cards/|card-parts\\.js$|presenters/)' },
    },
  ],
};
