// The phase vocabulary on the words people use for each phase of an incident.
import assert from 'node:assert/strict';
import { phaseOf } from '../../server/src/core/phases';

describe('phases', () => {
  it('reads a recovery told as a revival or as users getting back in as the resolution', () => {
    assert.equal(phaseOf('Nginx server revived, users back in'), 'resolved');
    assert.equal(phaseOf('Users regained access to the application'), 'resolved');
    assert.equal(phaseOf('Checkout working again after the restart'), 'resolved');
  });

  it('reads a complaint or a report from users as the detection', () => {
    assert.equal(phaseOf('We received a complaint from the monitoring system that the site is down'), 'detected');
    assert.equal(phaseOf('Customers complained about failed payments'), 'detected');
    assert.equal(phaseOf('Users reported 502 errors on checkout'), 'detected');
    assert.equal(phaseOf('Received the first alerts from Datadog'), 'detected');
  });

  it('does not read a detection into other words', () => {
    assert.equal(phaseOf('The report was written the next day'), undefined);
    assert.equal(phaseOf('We received the new certificate'), undefined);
  });

  it('does not read a recovery into other words', () => {
    assert.equal(phaseOf('Engineer restarted the server process'), undefined);
    assert.equal(phaseOf('Users could not access the application'), undefined);
  });
});
