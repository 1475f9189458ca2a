// Generated postmortems of a chosen size, for benchmarks: realistic shape, every part repeated.

export function generatePostmortem(targetBytes: number): string {
  const head = [
    '# Postmortem: checkout latency incident',
    '',
    '## Issue Summary',
    '',
    'Duration: 2024-04-10 09:00 - 2024-04-12 09:00 UTC (48 hours)',
    'Impact: Checkout requests were slow or failed for about 30% of users.',
    'Root Cause: A connection pool limit lowered by a configuration change.',
    '',
    '## Timeline',
    '',
  ];
  const tail = [
    '',
    '## Root Cause and Resolution',
    '',
    'A configuration change lowered the database connection pool limit; requests queued behind it.',
    '',
    '## Corrective and Preventative Measures',
    '',
    '- [ ] Validate pool limits in CI (owner: platform team, due 2024-05-01).',
    '',
  ];
  const lines = [...head];
  let size = lines.join('\n').length + tail.join('\n').length;
  let minute = 0;
  let paragraph = 0;
  while (size < targetBytes) {
    const hour = String(9 + (Math.floor(minute / 60) % 24)).padStart(2, '0');
    const line =
      minute % 10 === 0
        ? `- ${hour.padStart(2, '0')}:${String(minute % 60).padStart(2, '0')} UTC: Engineers reviewed dashboards and **logs** for request ${paragraph}; see [runbook](https://example.com/runbook/${paragraph}).`
        : `  The on-call engineer noted queue depth ${minute * 7} and latency ${minute % 97} ms on shard ${minute % 13}, then checked the next shard.`;
    lines.push(line);
    size += line.length + 1;
    minute++;
    paragraph++;
  }
  return [...lines, ...tail].join('\n');
}
