// URI helpers that work in the Node and the browser extension hosts alike (no node:path).

/** The last segment of a URI path: `postmortems/2024-04-10-outage.md` -> `2024-04-10-outage.md`. */
export function basename(uriPath: string): string {
  return uriPath.slice(uriPath.lastIndexOf('/') + 1);
}
