// What the client falls back to when a setting has no value. package.json declares the same
// defaults; test/unit/manifest.test.ts keeps the two equal (so this file imports no vscode).

/** `postmortem.newPostmortemFolder`: where New Postmortem creates files, relative to the workspace folder. */
export const DEFAULT_NEW_POSTMORTEM_FOLDER = 'postmortems';
