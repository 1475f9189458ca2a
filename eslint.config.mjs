// ESLint (flat config): the house's boundaries, kept by a tool instead of by discipline.
//   - server/src/core/ is pure: no vscode, no LSP, no Node module, nothing outside core/ but the
//     dependency-free common/settings.ts;
//   - the client imports nothing from the server side but the shared protocol (common/);
//   - common/ (the protocol shared by both sides) imports no server or client code.
// `npm run lint` runs it; `npm test` runs it first.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const editorAndLsp = [
  'vscode',
  'vscode-languageclient',
  'vscode-languageclient/*',
  'vscode-languageserver',
  'vscode-languageserver/*',
  'vscode-languageserver-protocol',
  'vscode-languageserver-textdocument',
  'vscode-languageserver-types',
  'vscode-jsonrpc',
  'vscode-jsonrpc/*',
];

/** Core files at `depth` folders below server/src/core/ may not import above core/, except common/settings. */
function coreBlock(depth) {
  const up = '\\.\\./'.repeat(depth + 1);
  const files = [`server/src/core/${'*/'.repeat(depth)}*.ts`];
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, ...editorAndLsp].map((name) => ({
            name,
            message: 'server/src/core/ is pure: no Node module, no vscode, no LSP. Translate in server/src/ instead.',
          })),
          patterns: [
            { group: ['vscode-*', 'node:*'], message: 'server/src/core/ is pure: no vscode, LSP or Node module.' },
            {
              regex: `^${up}(?!\\.\\./\\.\\./common/settings$)`,
              message: 'server/src/core/ imports only from core/ (and the dependency-free common/settings.ts).',
            },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true, varsIgnorePattern: '^_' }],
    },
  },
  coreBlock(0),
  coreBlock(1),
  coreBlock(2),
  {
    files: ['client/src/**/*.ts', 'client/preview-src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode-languageserver', 'vscode-languageserver-textdocument'].map((name) => ({
            name,
            message: 'The client talks to the server through the protocol (common/protocol.ts) only.',
          })),
          patterns: [{ regex: '(^|/)server/', message: 'The client imports only the shared protocol (common/protocol.ts), never server code.' }],
        },
      ],
    },
  },
  {
    files: ['client/preview-src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The webview script runs in the browser: no vscode API.' }],
          patterns: [{ regex: '(^|/)server/', message: 'The webview imports only the shared protocol types.' }],
        },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageclient', 'vscode-languageserver', ...nodeModules].map((name) => ({
            name,
            message: 'common/ is shared by the client, the server and the core: the protocol package and nothing else.',
          })),
          patterns: [{ regex: '(^|/)(server|client)/', message: 'common/ imports no server or client code.' }],
        },
      ],
    },
  },
);
