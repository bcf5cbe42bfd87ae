// The floors the code stands on, enforced by lint:
//   journey  →  channels, persistence  →  execution  →  apps (api, worker, web)
// An import may only point down. ESLint's flat config replaces a rule's options per file rather than
// merging them, so each folder below gets its whole list: what every project refuses plus its own floor.

const APPS = {
  regex: '^@engine/(api|worker|web)(/|$)|(^|/)apps/',
  message: 'Nothing imports from an app: apps stand on the libraries, never the other way round.',
};

const OTHER_PROJECT_SOURCES = {
  regex: '^(\\.\\./)+(libs/|apps/)?(journey|channels|persistence|execution|api|worker|web)/(src|test)(/|$)',
  message: "Reach another project through its package name (@engine/…), not by a relative path into its folder.",
};

const SERVER_FRAMEWORKS = {
  regex: '^(@nestjs/.+|typeorm|bullmq|ioredis|pg|express)(/|$)',
  message: 'This code runs without the server frameworks (NestJS, TypeORM, BullMQ, Redis, PostgreSQL, Express).',
};

const BROWSER_FRAMEWORKS = {
  regex: '^(react|react-dom|@xyflow/.+)(/|$)',
  message: 'This code runs without React: the canvas lives in apps/web.',
};

const EVERY_PROJECT = [APPS, OTHER_PROJECT_SOURCES];

/** @param {...{ regex: string, message: string }} patterns */
function restrictImports(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns: [...EVERY_PROJECT, ...patterns] }] };
}

/** @type {import('eslint').Linter.Config[]} */
export const importBoundaries = [
  {
    files: ['libs/**/*.ts', 'apps/**/*.{ts,tsx}'],
    rules: restrictImports(),
  },
  {
    files: ['libs/journey/**/*.ts'],
    rules: restrictImports(SERVER_FRAMEWORKS, BROWSER_FRAMEWORKS, {
      regex: '^@engine/',
      message: 'libs/journey is the floor: it imports no other @engine library.',
    }),
  },
  {
    files: ['libs/channels/**/*.ts', 'libs/persistence/**/*.ts'],
    rules: restrictImports(BROWSER_FRAMEWORKS, {
      regex: '^@engine/(?!journey$)',
      message: 'libs/channels and libs/persistence stand on @engine/journey only (not on execution, not on each other).',
    }),
  },
  {
    files: ['libs/execution/**/*.ts'],
    rules: restrictImports(BROWSER_FRAMEWORKS),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: restrictImports(SERVER_FRAMEWORKS, {
      regex: '^@engine/(?!journey$)',
      message: 'The browser app imports only @engine/journey of our libraries; it reaches the engine over HTTP.',
    }),
  },
  {
    // The end-to-end suite drives the whole system: it boots the API's test app next to the built web app.
    files: ['apps/*/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // A library exports its own code; re-exporting another library hides which floor a name lives on.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ExportAllDeclaration[source.value=/^@engine\\u002F/], ExportNamedDeclaration[source.value=/^@engine\\u002F/]',
          message: 'No barrel re-exports another library: import it from its own package instead.',
        },
      ],
    },
  },
];
