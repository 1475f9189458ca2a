// The `postmortem/status` notification sent after each validation: what the client's status bar
// and views show for that version (postmortem or not, profile, problem counts, the incident).
import type { StatusParams } from '../../../common/protocol';
import type { Analysis } from '../analysis';
import { incidentSummary } from './duration';

export function statusOf(analysis: Analysis): StatusParams {
  const count = (severity: number) => analysis.diagnostics.filter((d) => d.severity === severity).length;
  return {
    uri: analysis.uri,
    version: analysis.version,
    isPostmortem: analysis.isPostmortem,
    override: analysis.override,
    profile: { id: analysis.options.profile.id, name: analysis.options.profile.name },
    problems: { errors: count(1), warnings: count(2), infos: count(3) + count(4) },
    incident: analysis.model && incidentSummary(analysis),
  };
}
