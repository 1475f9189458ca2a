// The router: an LSP connection's messages forwarded to the language service, and the service's
// answers and publications sent back. Both hosts call it: server.ts (Node, IPC or stdio) and
// worker.ts (a web worker). No postmortem decision is made here.
import { DidChangeConfigurationNotification, ErrorCodes, FileChangeType, ResponseError, type Connection, type InitializeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_SECTION, Notifications, Requests } from '../../common/protocol';
import { createPostmortemService, type ServiceHost } from './service';
import { createDiagnosticsScheduler } from './features/diagnostics';
import { createOpenDocuments } from './openDocuments';

/** What a host brings: config files (or none), where rule pages are, how lints run, and (on Node) how workspace files are read. */
export type ServerHost = Pick<ServiceHost, 'findConfig' | 'configExists' | 'forgetConfigs' | 'ruleDocsBaseUri' | 'lint' | 'readFile' | 'lintConcurrency'> & {
  /** What the client said at initialize (the web worker learns its own script's URL from it). */
  clientInitialized?(params: InitializeParams): void;
};

export function startServer(connection: Connection, serverHost: ServerHost): void {
  let canPullConfiguration = false;
  // Declared before the service, which asks it which documents are open.
  const { documents, clientVersion } = createOpenDocuments((message) => connection.console.warn(message));
  const service = createPostmortemService({
    ...serverHost,
    pullSettings: () => (canPullConfiguration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }) : undefined),
    publishDiagnostics: (params) => void connection.sendDiagnostics(params),
    logError: (message) => connection.console.error(message),
    openDocument: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
  });
  const validated = new Set<string>();
  const scheduler = createDiagnosticsScheduler({
    document: (uri) => documents.get(uri),
    analyse: service.analyse,
    publish(analysis) {
      if (shutDown) return;
      validated.add(analysis.uri);
      void connection.sendDiagnostics({ uri: analysis.uri, version: clientVersion(analysis.uri, analysis.version), diagnostics: analysis.diagnostics });
      void connection.sendNotification(Notifications.status, service.status(analysis));
    },
  });
  const revalidateAll = () => scheduler.revalidate(documents.all().map((document) => document.uri));
  const incidentsChanged = (changed: boolean) => {
    if (changed) void connection.sendNotification(Notifications.incidentsChanged);
  };
  const recheckFiles = () =>
    void service
      .recheckFiles()
      .then(incidentsChanged, (error) => connection.console.error(`postmortem: could not check the workspace files again: ${String(error)}`));

  // After `shutdown` only `exit` is expected: other requests are refused, as the specification says.
  let shutDown = false;
  connection.onShutdown(() => {
    shutDown = true;
    scheduler.dispose();
  });
  const refuseAfterShutdown =
    <P, R>(handler: (params: P) => R) =>
    (params: P): R => {
      if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
      return handler(params);
    };

  connection.onInitialize((params) => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    serverHost.clientInitialized?.(params);
    return service.initialize(params);
  });
  connection.onInitialized(() => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
  });

  // Also fired on open: a document seen for the first time is checked at once, edits are debounced.
  documents.onDidChangeContent((event) => scheduler.changed(event.document.uri, !validated.has(event.document.uri)));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    scheduler.closed(uri);
    service.documentClosed(uri);
    validated.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // A file listed by a workspace check shows its disk copy's problems again.
    if (service.tracksFile(uri)) service.restoreDiskCopy(uri);
  });
  connection.onDidChangeConfiguration(() => {
    service.settingsChanged();
    revalidateAll();
    recheckFiles();
  });
  connection.onDidChangeWatchedFiles(({ changes }) => {
    const configChanged = changes.some((change) => /(^|\/)\.postmortemrc\.json$/.test(change.uri));
    const markdown = changes
      .filter((change) => /\.(md|markdown)$/i.test(change.uri))
      .map((change) => ({ uri: change.uri, deleted: change.type === FileChangeType.Deleted }));
    if (configChanged) {
      service.configFilesChanged();
      revalidateAll();
      recheckFiles();
    }
    if (markdown.length)
      void service
        .markdownFilesChanged(markdown)
        .then(incidentsChanged, (error) => connection.console.error(`postmortem: could not check changed files: ${String(error)}`));
  });
  connection.onNotification(Notifications.setOverride, (params) => {
    const uri = service.setOverride(params);
    if (documents.get(uri)) scheduler.revalidate([uri]);
  });

  const withDocument = <P extends { textDocument: { uri: string } }, R>(answer: (document: TextDocument, params: P) => R | Promise<R>, none: R) =>
    refuseAfterShutdown((params: P) => {
      const document = documents.get(params.textDocument.uri);
      return document ? answer(document, params) : none;
    });
  connection.onCodeAction(withDocument((document, params) => service.codeActions(document, params), []));
  connection.onDocumentSymbol(withDocument((document) => service.documentSymbols(document), []));
  connection.onCodeLens(withDocument((document) => service.codeLenses(document), []));
  connection.onHover(withDocument((document, params) => service.hover(document, params.position), null));
  connection.onCompletion(withDocument((document, params) => service.completions(document, params.position, params.context?.triggerCharacter), []));

  connection.onRequest(
    Requests.model,
    refuseAfterShutdown((params) => service.model(documents.get(params?.uri))),
  );
  connection.onRequest(
    Requests.duration,
    refuseAfterShutdown((params) => service.duration(params?.uri ? documents.get(params.uri) : undefined, params)),
  );
  connection.onRequest(
    Requests.statedLengthEdit,
    refuseAfterShutdown((params) => service.statedLengthEdit(documents.get(params?.uri))),
  );
  connection.onRequest(
    Requests.importTimeline,
    refuseAfterShutdown((params) => service.importTimeline(documents.get(params?.uri), params)),
  );
  connection.onRequest(
    Requests.profiles,
    refuseAfterShutdown((params) => service.profiles(params)),
  );
  connection.onRequest(
    Requests.newPostmortem,
    refuseAfterShutdown((params) => service.newPostmortem(params)),
  );
  connection.onRequest(Requests.checkFiles, async (params, token) => {
    if (shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
    const { changed, ...result } = await service.checkFiles(Array.isArray(params?.uris) ? params.uris.filter((uri) => typeof uri === 'string') : [], token);
    incidentsChanged(changed);
    return result;
  });
  connection.onRequest(
    Requests.incidents,
    refuseAfterShutdown(() => service.incidents()),
  );

  documents.listen(connection);
  connection.listen();
}
