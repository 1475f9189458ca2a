// The phase vocabulary on the words people use for each phase of an incident.
import assert from 'node:assert/strict';
import { phaseOf } from '../../server/src/core/phases';

describe('phases', () => {
  it('reads a recovery told as a revival or as users getting back in as the resolution', () => {
    assert.equal(phaseOf('Nginx server revived, users back in'), 'resolved');
    assert.equal(phaseOf('Users regained access to the application'), 'resolved');
    assert.equal(phaseOf('Checkout working again after the restart'), 'resolved');
  });

  it('does not read a recovery into other words', () => {
    assert.equal(phaseOf('Engineer restarted the server process'), undefined);
    assert.equal(phaseOf('Users could not access the application'), undefined);
  });
});
