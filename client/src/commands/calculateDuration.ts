// "Postmortem: Calculate Duration" and "Postmortem: Add the Length to the Duration Line". The
// arithmetic is the server's (postmortem/duration, postmortem/statedLengthEdit): this file only asks,
// shows and applies. Both commands return what they did, so tests (and other extensions) can see it.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type {
  CalculateDurationArgs,
  DurationParams,
  DurationResult,
  StatedLengthEditParams,
  StatedLengthEditResult,
} from '../../../server/src/protocol';

// Names from server/src/protocol.ts (Methods, Commands); the client imports types only from there.
const DURATION = 'postmortem/duration';
const STATED_LENGTH_EDIT = 'postmortem/statedLengthEdit';
export const CALCULATE_DURATION = 'postmortem.calculateDuration';
export const ADD_STATED_LENGTH = 'postmortem.addStatedLength';

type Failure = Extract<DurationResult, { ok: false }>;

function toRange(selection: vscode.Selection): DurationParams['range'] {
  return {
    start: { line: selection.start.line, character: selection.start.character },
    end: { line: selection.end.line, character: selection.end.character },
  };
}

function describeDefaults(defaults: DurationResult['defaults']): string {
  const zone = defaults.zone ? `zone ${defaults.zone}` : 'zone UTC';
  return defaults.date ? `${zone}, date ${defaults.date}` : zone;
}

/** `2024-04-10T09:00:00.000Z` -> `2024-04-10 09:00 UTC` (the date left out when it was made up). */
function showUtc(utc: string, dateAssumed: boolean): string {
  const [date, time] = utc.replace(/(:00)?\.000Z$/, '').split('T');
  return `${dateAssumed ? '' : `${date} `}${time} UTC`;
}

function summary(result: Extract<DurationResult, { ok: true }>): string {
  const from = showUtc(result.start.utc, result.start.dateAssumed);
  const to = showUtc(result.end.utc, result.end.dateAssumed);
  const notes = result.notes.length ? ` ${result.notes.join(' ')}` : '';
  return `Duration: ${result.text} (${result.start.raw} → ${result.end.raw}; ${from} → ${to}).${notes}`;
}

/** Shows the result without waiting for the user, so the command can return it at once. */
function present(result: DurationResult, target: vscode.TextEditor | undefined): void {
  if (!result.ok) {
    void vscode.window.showWarningMessage(`Postmortem: ${result.error}`);
    return;
  }
  const buttons = target ? ['Copy', 'Insert'] : ['Copy'];
  void vscode.window.showInformationMessage(summary(result), ...buttons).then(async (choice) => {
    if (choice === 'Copy') {
      await vscode.env.clipboard.writeText(result.text);
    } else if (choice === 'Insert' && target) {
      // Inserted after the selection (never over it), so no text is lost.
      const at = target.selection.end;
      await target.edit((builder) => builder.insert(at, result.text));
    }
  });
}

async function ask(client: LanguageClient, params: DurationParams): Promise<DurationResult> {
  return client.sendRequest<DurationResult>(DURATION, params);
}

/** Asks for a start and an end, validating each as the user types; undefined when cancelled. */
async function prompt(client: LanguageClient, uri: string | undefined, args: CalculateDurationArgs | undefined): Promise<DurationResult | undefined> {
  const probe = await ask(client, { uri, start: '', end: '' });
  const defaults = describeDefaults(probe.defaults);
  const startProblem = (r: DurationResult) => !r.ok && (r.part === 'start' || r.part === 'zone' || r.part === 'date');
  const start = await vscode.window.showInputBox({
    title: 'Calculate duration (1/2): start',
    prompt: `Start time, in any supported format (without a zone or date: ${defaults})`,
    placeHolder: '09:00, 1:30 PM EAT, 2024-04-10 09:00 UTC, April 10, 2024 9:00 AM',
    value: args?.start,
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const r = await ask(client, { uri, start: value, end: '' });
      if (startProblem(r)) return (r as Failure).error;
      const read = r.start;
      return read ? { message: `Reads as ${showUtc(read.utc, read.dateAssumed)}`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (start === undefined) return undefined;
  const end = await vscode.window.showInputBox({
    title: 'Calculate duration (2/2): end',
    prompt: `End time, from ${start} (without a zone or date: ${defaults}; an earlier clock time is the next day)`,
    placeHolder: '13:00, 5 PM, 2024-04-11 01:30 UTC',
    value: args?.end,
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const r = await ask(client, { uri, start, end: value });
      if (!r.ok) return r.error;
      return { message: `Length: ${r.text}`, severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
  if (end === undefined) return undefined;
  return ask(client, { uri, start, end });
}

/**
 * With a selection holding two timestamps (or more: first to last), shows their difference;
 * otherwise asks for a start and an end. Returns the server's result (undefined when cancelled).
 */
export async function calculateDuration(client: LanguageClient, args?: CalculateDurationArgs): Promise<DurationResult | undefined> {
  if (client.state !== State.Running) {
    void vscode.window.showWarningMessage('Postmortem: the language server is not running; run "Postmortem: Restart Language Server".');
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const editorUri = editor?.document.uri.toString();
  const uri = args?.uri ?? editorUri;
  const fromEditor = editor && (!args?.uri || args.uri === editorUri) ? editor : undefined;
  if (fromEditor && !fromEditor.selection.isEmpty && args?.start === undefined) {
    const result = await ask(client, { uri: editorUri, range: toRange(fromEditor.selection) });
    // Fewer than two timestamps selected: ask for them instead.
    if (result.ok || result.part !== 'selection') {
      present(result, fromEditor);
      return result;
    }
  }
  const result = await prompt(client, uri, args);
  if (result) present(result, fromEditor);
  return result;
}

/** Appends the computed length to the Duration line; returns the length added, or undefined. */
export async function addStatedLength(client: LanguageClient, arg?: unknown): Promise<string | undefined> {
  const uri = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? arg.toString() : vscode.window.activeTextEditor?.document.uri.toString();
  const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  if (!document || client.state !== State.Running) {
    void vscode.window.showInformationMessage('Postmortem: open a postmortem first.');
    return undefined;
  }
  const params: StatedLengthEditParams = { uri: document.uri.toString() };
  const result = await client.sendRequest<StatedLengthEditResult>(STATED_LENGTH_EDIT, params);
  if (!result.ok) {
    void vscode.window.showInformationMessage(`Postmortem: ${result.reason}`);
    return undefined;
  }
  // The edit was computed for one version: never apply it to another.
  if (document.version !== result.version) {
    void vscode.window.showInformationMessage('Postmortem: the document changed meanwhile; run the command again.');
    return undefined;
  }
  const { start, end } = result.edit.range;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), result.edit.newText);
  return (await vscode.workspace.applyEdit(edit)) ? result.length : undefined;
}

export function registerDurationCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CALCULATE_DURATION, (args?: CalculateDurationArgs) => calculateDuration(client, args)),
    vscode.commands.registerCommand(ADD_STATED_LENGTH, (arg?: unknown) => addStatedLength(client, arg)),
  );
}
