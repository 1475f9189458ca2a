// Hovers on timeline timestamps, from the language service in-process.
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { CHECKOUT_EAT as CHECKOUT } from '../../fixtures/checkout-postmortem';
import { InProcessClient } from '../../support/service';

function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${needle}`);
  return line;
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

describe('features: hover', function () {
  let client: InProcessClient;
  beforeEach(async () => {
    client = new InProcessClient();
  });

  it('hovers a timeline timestamp: UTC, the document zone, since the start, since the previous entry', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    client.open(uri, CHECKOUT);
    const line = lineOf(CHECKOUT, '- 00:10');
    const hover = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 4 } })) as Hover;
    const value = hoverText(hover);
    assert.match(value, /^\*\*00:10\*\* · timeline entry/);
    assert.match(value, /- UTC: 2024-05-02 21:10 UTC/);
    assert.match(value, /- Document zone \(Africa\/Nairobi\): 2024-05-03 00:10 UTC\+03:00/);
    assert.match(value, /- 1 h 40 min since the incident start \(2024-05-02 22:30\)/);
    assert.match(value, /- 1 h 05 min since the previous entry \(23:05\)/);
    assert.deepEqual(hover.range, { start: { line, character: 2 }, end: { line, character: 7 } });
  });

  it('gives no hover away from timestamps, and a clear one for an invalid time', async () => {
    const uri = 'file:///work/postmortems/checkout-postmortem.md';
    const text = CHECKOUT.replace('- 23:05', '- 23:65');
    client.open(uri, text);
    const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(text, 'Impact'), character: 3 } });
    assert.equal(none, null);
    const line = lineOf(text, '23:65');
    const bad = (await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } })) as Hover;
    assert.match(hoverText(bad), /23:65: the minutes must be 0 to 59/);
  });
});
