// The stdio frame guard (server/src/frameGuard.ts): well-formed traffic passes byte for byte however
// it is cut into chunks; a frame past the limit is dropped whole, told once with its request id,
// and what follows it is read as before.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createFrameGuard, sniffRequestId, type OversizedMessage } from '../../server/src/frameGuard';

const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);

/** Feeds `input` cut at `cuts` through a guard; what came out and what it told. */
async function run(input: Buffer, cuts: number[], limit: number): Promise<{ output: Buffer; told: OversizedMessage[] }> {
  const told: OversizedMessage[] = [];
  const guard = createFrameGuard({ limit, oversized: (message) => told.push(message) });
  const out: Buffer[] = [];
  guard.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => guard.on('end', resolve));
  let last = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b).concat(input.length)) {
    if (cut > last) guard.write(input.subarray(last, cut));
    last = Math.max(last, cut);
  }
  guard.end();
  await ended;
  return { output: Buffer.concat(out), told };
}

const body = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text } })),
  fc.nat({ max: 1000 }).map((id) => JSON.stringify({ jsonrpc: '2.0', id, method: 'shutdown' })),
  fc.constant('Content-Length: 3\r\n\r\nabc'),
);

describe('frame guard', () => {
  it('passes well-formed frames byte for byte, whatever the chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), async (bodies, cuts) => {
        const input = Buffer.concat(bodies.map(frame));
        const { output, told } = await run(input, cuts, 10_000);
        assert.ok(output.equals(input));
        assert.deepEqual(told, []);
      }),
    );
  });

  it('drops a frame past the limit whole, says so once with its id, and passes the next frames as they came', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const before = frame('{"jsonrpc":"2.0","id":1,"method":"initialize"}');
        const big = frame(`{"jsonrpc":"2.0","id":"big","method":"x","params":{"id":9,"pad":"${'y'.repeat(3000)}"}}`);
        const after = frame('{"jsonrpc":"2.0","method":"exit"}');
        const { output, told } = await run(Buffer.concat([before, big, after]), cuts, 1000);
        assert.ok(output.equals(Buffer.concat([before, after])), output.toString());
        assert.deepEqual(told, [{ length: big.length - big.indexOf('{'), limit: 1000, id: 'big' }]);
      }),
    );
  });

  it('finds a request id only before the params, and none for a notification', () => {
    assert.equal(sniffRequestId('{"jsonrpc":"2.0","id":12,"method":"m","params":{'), 12);
    assert.equal(sniffRequestId('{"method":"m","id":"a\\"b","params":{'), 'a"b');
    assert.equal(sniffRequestId('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"id":3'), undefined);
    assert.equal(sniffRequestId('{"jsonrpc":"2.0","method":"x","pa'), undefined);
  });
});
