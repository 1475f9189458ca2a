// package.json's `contributes` against the code: the settings' defaults and documented values are
// the core's constants, and every command the client registers is declared (and the reverse).
// package.json is static, so these are the checks that keep it from drifting.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PHASE_NAMES } from '../../server/src/core/phases';
import { BUILTIN_PROFILES, DEFAULT_PROFILE_ID } from '../../server/src/core/profiles';
import { Commands, DEFAULT_SETTINGS, MIN_DOCUMENT_SIZE_LIMIT, PHASE_NAMES as SETTINGS_PHASES, normaliseSettings } from '../../common/protocol';
import { PHASE_LABELS } from '../../client/src/preview/layout';
import { PREVIEW_VIEW_TYPE } from '../../client/src/preview/messages';

const REPO = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const settings: Record<string, Record<string, unknown>> = manifest.contributes.configuration.properties;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The ids passed to registerCommand in client/src: string literals, or `Commands.x` from the protocol. */
function registeredCommands(): string[] {
  const ids: string[] = [];
  for (const file of sourceFiles(join(REPO, 'client', 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/registerCommand\(\s*([^,)]+)/g)) {
      const argument = match[1].trim();
      const literal = /^'([^']+)'$/.exec(argument);
      const constant = /^Commands\.(\w+)$/.exec(argument);
      if (literal) ids.push(literal[1]);
      else if (constant && constant[1] in Commands) ids.push(Commands[constant[1] as keyof typeof Commands]);
      else assert.fail(`${file}: registerCommand(${argument}): use a string literal or Commands.<name>, so this test can read the id`);
    }
  }
  return ids;
}

describe('package.json contributes', () => {
  it('postmortem.profile defaults to the core default profile and accepts custom ids (no enum)', () => {
    const profile = settings['postmortem.profile'];
    assert.equal(profile.default, DEFAULT_PROFILE_ID);
    assert.equal(profile.type, 'string');
    assert.equal(profile.enum, undefined, 'an enum would flag the ids of .postmortemrc.json profiles as invalid');
    assert.equal(profile.enumDescriptions, undefined);
    assert.deepEqual(
      profile.examples,
      BUILTIN_PROFILES.map((p) => p.id),
      'examples: the built-in ids, offered as completions in settings.json',
    );
  });

  it('postmortem.profile lists every built-in profile with its name and the core description', () => {
    const description = settings['postmortem.profile'].markdownDescription as string;
    for (const p of BUILTIN_PROFILES)
      assert.ok(description.includes(`- \`${p.id}\` (${p.name}): ${p.description}\n`), `${p.id} is listed as in core/profiles/builtin.ts`);
    assert.equal(description.match(/^- `/gm)?.length, BUILTIN_PROFILES.length, 'and no other profile is listed');
    assert.match(description, /\.postmortemrc\.json/, 'custom profiles are mentioned');
  });

  it('every postmortem.* setting defaults to DEFAULT_SETTINGS (common/settings.ts), the defaults the server, CLI and client share', () => {
    assert.equal(settings['postmortem.profile'].default, DEFAULT_SETTINGS.profile);
    assert.deepEqual(settings['postmortem.rules'].default, DEFAULT_SETTINGS.rules);
    assert.deepEqual(settings['postmortem.files.include'].default, DEFAULT_SETTINGS.files.include);
    assert.equal(settings['postmortem.files.detectByContent'].default, DEFAULT_SETTINGS.files.detectByContent);
    assert.equal(settings['postmortem.maxDocumentSize'].default, DEFAULT_SETTINGS.maxDocumentSize);
    assert.equal(settings['postmortem.maxDocumentSize'].minimum, MIN_DOCUMENT_SIZE_LIMIT);
    assert.equal(settings['postmortem.newPostmortemFolder'].default, DEFAULT_SETTINGS.newPostmortemFolder);
    assert.deepEqual(settings['postmortem.phaseWords'].default, {});
    const described = Object.keys(settings).filter((key) => key !== 'postmortem.trace.server');
    assert.deepEqual(
      described.sort(),
      [
        'postmortem.files.detectByContent',
        'postmortem.files.include',
        'postmortem.maxDocumentSize',
        'postmortem.newPostmortemFolder',
        'postmortem.phaseWords',
        'postmortem.profile',
        'postmortem.rules',
      ],
      'a new setting gets a default in common/settings.ts and a line here',
    );
  });

  it('the manifest defaults, read as VS Code hands them over, normalise to DEFAULT_SETTINGS', () => {
    const section = {
      profile: 'alx',
      rules: {},
      files: { include: settings['postmortem.files.include'].default, detectByContent: true },
      maxDocumentSize: settings['postmortem.maxDocumentSize'].default,
      newPostmortemFolder: settings['postmortem.newPostmortemFolder'].default,
      phaseWords: {},
    };
    assert.deepEqual(normaliseSettings(section), { ...DEFAULT_SETTINGS });
    assert.deepEqual(normaliseSettings(undefined), { ...DEFAULT_SETTINGS });
  });

  it('phaseWords has one property per core phase, and the preview labels each', () => {
    const phaseWords = settings['postmortem.phaseWords'];
    const phases = [...PHASE_NAMES].sort();
    assert.deepEqual(Object.keys(phaseWords.properties as object).sort(), phases);
    assert.equal(phaseWords.additionalProperties, false);
    assert.deepEqual(Object.keys(PHASE_LABELS).sort(), phases);
    assert.deepEqual([...SETTINGS_PHASES].sort(), phases, 'common/settings.ts knows the same phases as the parser');
  });

  it('declares every command the client registers, and registers every command it declares', () => {
    const registered = registeredCommands();
    assert.equal(new Set(registered).size, registered.length, `no command registered twice: ${registered.join(', ')}`);
    const declared: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual([...registered].sort(), [...declared].sort());
    assert.deepEqual([...declared].sort(), Object.values(Commands).sort(), 'common/protocol.ts Commands names every declared command');
  });

  it('menus and keybindings name declared commands only', () => {
    const declared = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const menus = Object.values(manifest.contributes.menus as Record<string, { command?: string }[]>).flat();
    const keybindings: { command: string }[] = manifest.contributes.keybindings ?? [];
    for (const { command } of [...menus, ...keybindings]) if (command) assert.ok(declared.has(command), `${command} is declared`);
  });

  it('activates on the restored timeline preview panel', () => {
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`));
  });
});
