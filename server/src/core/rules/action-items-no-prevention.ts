// A user-affecting outage whose action items neither prevent a repeat nor detect one sooner: all
// mitigation, process or paperwork. The Google SRE workbook asks every such postmortem for at
// least one prevent or detect item. Asked where the profile types its action items (Google SRE,
// or a custom profile that asks each item for a type); one finding, on the action items' heading.
import type { PostmortemModel } from '../model';
import type { Rule } from './rule';
import { readActionItems, type ActionItem } from '../actionItems';
import { sectionKind } from '../profiles/sections';

/** Work that finds the next one sooner. */
const DETECT =
  /\b(?:detect\w*|alert\w*|alarm\w*|monitor\w*|pag(?:e|ed|es|ing)|on-?call|dashboards?|metrics?|probes?|health ?checks?|slos?|notif\w*|e-?mail(?:ed|s)? when|observab\w*|logging|logs?)\b/i;
/** Work that stops a repeat. */
const PREVENT =
  /\b(?:prevent\w*|avoid\w*|validat\w*|verif\w*|checks?|test(?:s|ing)?|lint\w*|guard\w*|limit\w*|quotas?|block\w*|reject\w*|review\w*|approv\w*|automat\w*|capacity|redundan\w*|fail-?over|canar\w*|staged|rollouts?|protect\w*|restrict\w*|enforc\w*|requir\w*|upgrad\w*|fix\w*|patch\w*|replac\w*|remov\w*|migrat\w*|switch\w* (?:away |over |to )|rewrit\w*|refactor\w*|isolat\w*|separat\w*|backups?|retr(?:y|ies)|timeouts?|pin\w*|lock\w*|permissions?|access)\b/i;
/** An impact that says nothing was affected. */
const NO_IMPACT = /\bno (?:known |visible |customer |user |external )?impact\b|\b(?:not|un)affected\b|\bno (?:users?|customers?) (?:were|was) affected\b/i;

function typeOf(item: ActionItem): 'prevent' | 'detect' | 'other' {
  const written = item.parts.type?.toLowerCase() ?? '';
  if (/prevent/.test(written)) return 'prevent';
  if (/detect/.test(written)) return 'detect';
  if (written) return 'other';
  if (PREVENT.test(item.text)) return 'prevent';
  if (DETECT.test(item.text)) return 'detect';
  return 'other';
}

/** Whether the document says users or the service were affected (its Impact, else its summary). */
function userAffecting(text: string, model: PostmortemModel): boolean {
  const impact = model.sections.find((section) => section.canonical === 'impact' && section.bodyWords > 0);
  const field = model.fields.find((f) => f.id === 'impact' && f.value.trim());
  const summary = model.sections.find((section) => section.canonical === 'summary');
  const told = impact
    ? text.slice(impact.headingSpan.end, impact.bodySpan.end)
    : field
      ? field.value
      : summary
        ? text.slice(summary.headingSpan.end, summary.bodySpan.end)
        : '';
  const evidence = sectionKind('impact')?.evidence;
  return Boolean(told && !NO_IMPACT.test(told.slice(0, 4000)) && evidence?.test(told.slice(0, 4000)));
}

export const actionItemsNoPrevention: Rule = {
  id: 'action-items-no-prevention',
  description: 'A user-affecting outage with no action item that prevents a repeat or detects it sooner (Google SRE).',
  defaultSeverity: 'info',
  tags: ['action items'],
  check({ text, model, profile, root }) {
    if (!profile.actionItemParts.some((group) => group.includes('type'))) return [];
    const items = readActionItems(text, model, root);
    if (!items.length || items.some((item) => typeOf(item) !== 'other')) return [];
    if (!userAffecting(text, model)) return [];
    const actions = model.sections.find((section) => section.canonical === 'actions');
    if (!actions) return [];
    return [
      {
        message: `${items.length === 1 ? 'The only action item neither prevents a repeat nor detects one sooner' : `None of the ${items.length} action items prevents a repeat or detects one sooner`}, and users were affected: add at least one prevent item ("Add a pre-deploy check that …") or detect item ("Add an alert when …"), as the ${profile.name} profile asks.`,
        span: actions.headingSpan,
      },
    ];
  },
};
