// The phase vocabulary on the words people use for each phase of an incident.
import assert from 'node:assert/strict';
import { phaseOf, phasesOf } from '../../server/src/core/phases';

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

  it('reads entries written in the present tense, as timelines often are', () => {
    assert.equal(phaseOf('503 rate alert fires'), 'detected');
    assert.equal(phaseOf('Disk alarm goes off on db-2'), 'detected');
    assert.equal(phaseOf('Burn-rate alert pages on-call'), 'detected');
    assert.equal(phaseOf('Monitoring detects the error spike'), 'detected');
    assert.equal(phaseOf('On-call notices the queue growing'), 'detected');
    assert.equal(phaseOf('On-call acks'), 'acknowledged');
    assert.equal(phaseOf('Team reverts change #4821'), 'mitigated');
    assert.equal(phaseOf('Deploy bot rolls back the release'), 'mitigated');
    assert.equal(phaseOf('Error rate recovers to baseline'), 'resolved');
  });

  it('names every phase an entry tells, in the course of the incident', () => {
    assert.deepEqual(phasesOf('Alert fires; on-call paged'), ['detected', 'escalated']);
    assert.deepEqual(phasesOf('The latency alert paged the on-call'), ['detected', 'escalated']);
    assert.deepEqual(phasesOf('Reverted, and service restored'), ['mitigated', 'resolved']);
    assert.deepEqual(phasesOf('Investigating the database'), []);
    assert.deepEqual(phasesOf('On-call acknowledged the page and began reading the logs'), ['acknowledged']);
    assert.deepEqual(phasesOf('Outage began'), ['started']);
  });
});
