/** Module boundaries, checked by `npm run check`: a module's tables and internals are reachable only through its index.ts. */
module.exports = {
  forbidden: [
    {
      name: 'module-internals-via-index-only',
      comment: 'Another module may import only src/modules/<name>/index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'entry-points-via-index-only',
      comment: 'Entry points (app, main, cli, worker, platform) reach modules through their index.ts.',
      severity: 'error',
      from: { path: '^src/[^/]+\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'shared-has-no-business-rules',
      comment: 'src/shared and src/db are below the modules and never import them.',
      severity: 'error',
      from: { path: '^src/(shared|db)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(node_modules|web|bench)/' },
  },
}
