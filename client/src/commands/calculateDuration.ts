// "Postmortem: Calculate Duration" and "Postmortem: Add the Length to the Duration Line". The
// arithmetic is the server's (postmortem/duration, postmortem/statedLengthEdit): this file only asks,
// shows and applies. Both commands return what they did, so tests (and other extensions) can see it.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import {
  Commands,
  Requests,
  type CalculateDurationArgs,
  type DurationParams,
  type DurationResult,
  type StatedLengthEditParams,
} from '../../../common/protocol';

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

function summary(result: Extract<DurationResult, { ok: true }>): string {
  // Display text made by the server (the client formats no times itself).
  const from = result.start.utcText;
  const to = result.end.utcText;
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
  return client.sendRequest(Requests.duration, params);
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
      return read ? { message: `Reads as ${read.utcText}`, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
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
  const result = await client.sendRequest(Requests.statedLengthEdit, params);
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
    vscode.commands.registerCommand(Commands.calculateDuration, (args?: CalculateDurationArgs) => calculateDuration(client, args)),
    vscode.commands.registerCommand(Commands.addStatedLength, (arg?: unknown) => addStatedLength(client, arg)),
  );
}
