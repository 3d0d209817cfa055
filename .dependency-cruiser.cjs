// Import boundaries (ARCHITECTURE.md, "the parts"), checked by `npm run lint`. Each rule says why.
/** @type {import('dependency-cruiser').IDependencyCruiserConfig} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle makes two modules one; move the shared piece down to where both can import it.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-upwards',
      comment: 'lib/ is the layer below the routes and the UI: it never imports app/ or components/.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-no-database',
      comment: 'Components receive plain data; only types may come from the layers that touch the database.',
      severity: 'error',
      from: { path: '^components/' },
      to: {
        path: '^(lib/(db|db/|services/|imports/|jobs/|access/with-scope|audit/)|node_modules/(pg|@prisma)/)',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'services-no-renderers-or-jobs',
      comment: 'Use-cases return data; rendering (lib/reports) and scheduling (lib/jobs) sit above them.',
      severity: 'error',
      from: { path: '^lib/services/' },
      to: { path: '^lib/(reports|jobs)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'auth-below-access',
      comment: 'Authentication (who is signed in) sits below authorization (what they may see), not beside it.',
      severity: 'error',
      from: { path: '^lib/auth/' },
      to: { path: '^lib/access/' },
    },
    {
      name: 'one-reports-layer',
      comment: 'Report data lives in lib/services/reports; lib/renderers only turns it into PDF and Excel.',
      severity: 'error',
      from: { path: '^lib/renderers/' },
      to: { path: '^lib/(db|db/|access/with-scope)' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(lib/generated|node_modules|\\.next)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
