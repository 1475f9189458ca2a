import type { Profile } from './profile';

const timelineTemplate = '- 09:00 UTC: What happened first (how it was detected).\n- 09:15 UTC: What was done next.\n';
const actionsTemplate = '- [ ] A concrete task, with an owner and a due date.\n';

export const ALX: Profile = {
  id: 'alx',
  name: 'ALX / Holberton',
  description: 'The ALX / Holberton postmortem project: issue summary, timeline, root cause and resolution, corrective measures; 400 to 600 words.',
  sections: [
    {
      id: 'summary',
      title: 'Issue Summary',
      required: true,
      template:
        'Duration: April 10, 2024, 09:00 - 10:30 UTC (1 hour 30 minutes)\nImpact: What users saw, and how many were affected.\nRoot Cause: What caused it, in one sentence.\n',
    },
    { id: 'timeline', title: 'Timeline', required: true, template: timelineTemplate },
    {
      id: 'rootCauseAndResolution',
      title: 'Root Cause and Resolution',
      required: true,
      template: 'What caused the issue, in detail, and how it was fixed.\n',
      satisfiedBy: [['rootCause', 'resolution']],
    },
    { id: 'actions', title: 'Corrective and Preventative Measures', required: true, template: actionsTemplate },
  ],
  requiredFields: ['duration', 'impact', 'rootCause'],
  fieldsSection: 'summary',
  words: { min: 400, max: 600 },
  ordered: true,
  timelineAsList: true,
  // The ALX brief asks for a concrete TODO list (action-item-vague), not owners or tickets.
  actionItemParts: [],
  // The brief asks the timeline for detection, actions, misleading paths, escalation and resolution;
  // reviewers hold students to the detection (a timeline that opens on the deploy and never says
  // how the outage was noticed) and pass timelines without misleading paths or an escalation, so
  // only the detection is asked by default. A custom profile extending ALX can ask for all five.
  timelineStory: ['detected'],
  tasksToDo: true,
};

export const GOOGLE_SRE: Profile = {
  id: 'google-sre',
  name: 'Google SRE',
  description: 'The Google SRE book template: summary, impact, root causes, resolution, detection, action items, lessons learned, timeline.',
  sections: [
    { id: 'summary', mayBeProse: true, title: 'Summary', required: true, template: 'One paragraph: what happened and what it cost.\n' },
    { id: 'impact', mayBeProse: true, title: 'Impact', required: true, template: 'Who was affected, how, and for how long.\n' },
    { id: 'rootCause', mayBeProse: true, title: 'Root Causes', required: true, template: 'Why it happened.\n' },
    { id: 'resolution', mayBeProse: true, title: 'Resolution', required: true, template: 'What stopped it.\n' },
    { id: 'detection', mayBeProse: true, title: 'Detection', required: true, template: 'How we found out.\n' },
    { id: 'actions', title: 'Action Items', required: true, template: actionsTemplate },
    { id: 'lessons', title: 'Lessons Learned', required: true, template: '- What went well:\n- What went wrong:\n- Where we got lucky:\n' },
    { id: 'timeline', mayBeProse: true, title: 'Timeline', required: true, template: timelineTemplate },
  ],
  requiredFields: [],
  fieldsSection: 'summary',
  ordered: false,
  timelineAsList: false,
  // The SRE book's action items: an owner, a bug, a priority and a type (mitigate, detect, prevent).
  // A bug carries its owner, priority and type in the tracker; an item without one must say them.
  actionItemParts: [
    ['owner', 'ticket'],
    ['priority', 'ticket'],
    ['type', 'ticket'],
  ],
  timelineStory: [],
  tasksToDo: false,
};

export const PAGERDUTY: Profile = {
  id: 'pagerduty',
  name: 'PagerDuty',
  description: 'The PagerDuty template: summary, what happened (timeline), impact, root cause, resolution, action items.',
  sections: [
    { id: 'summary', mayBeProse: true, title: 'Summary', required: true, template: 'What happened, in two or three sentences.\n' },
    { id: 'timeline', mayBeProse: true, title: 'Timeline', required: true, template: timelineTemplate },
    { id: 'impact', mayBeProse: true, title: 'Impact', required: true, template: 'Who was affected and how.\n' },
    { id: 'rootCause', mayBeProse: true, title: 'Root Cause', required: true, template: 'Why it happened.\n' },
    { id: 'resolution', mayBeProse: true, title: 'Resolution', required: true, template: 'How it was resolved.\n' },
    { id: 'actions', title: 'Action Items', required: true, template: actionsTemplate },
  ],
  requiredFields: [],
  fieldsSection: 'summary',
  ordered: false,
  timelineAsList: false,
  // PagerDuty's guide: every action item is a ticket in the tracker (which holds its owner).
  actionItemParts: [['ticket']],
  timelineStory: [],
  tasksToDo: false,
};

export const ATLASSIAN: Profile = {
  id: 'atlassian',
  name: 'Atlassian',
  description: 'The Atlassian incident handbook: incident summary, impact, detection, recovery, timeline, root cause, lessons learned, corrective actions.',
  sections: [
    { id: 'summary', mayBeProse: true, title: 'Incident Summary', required: true, template: 'What happened, to whom, and for how long.\n' },
    { id: 'impact', mayBeProse: true, title: 'Impact', required: true, template: 'Who was affected and how.\n' },
    { id: 'detection', mayBeProse: true, title: 'Detection', required: true, template: 'How and when we found out.\n' },
    { id: 'resolution', mayBeProse: true, title: 'Recovery', required: true, template: 'How service was restored.\n' },
    { id: 'timeline', mayBeProse: true, title: 'Timeline', required: true, template: timelineTemplate },
    { id: 'rootCause', mayBeProse: true, title: 'Root Cause', required: true, template: 'The five whys.\n' },
    { id: 'lessons', title: 'Lessons Learned', required: false, template: 'What we learned.\n' },
    { id: 'actions', title: 'Corrective Actions', required: true, template: actionsTemplate },
  ],
  requiredFields: [],
  fieldsSection: 'summary',
  ordered: false,
  timelineAsList: false,
  // The Atlassian handbook's priority actions: an owner and a due date, kept in a ticket.
  actionItemParts: [
    ['owner', 'ticket'],
    ['due', 'priority', 'ticket'],
  ],
  timelineStory: [],
  tasksToDo: false,
};

export const BUILTIN_PROFILES: Profile[] = [ALX, GOOGLE_SRE, PAGERDUTY, ATLASSIAN];

export const DEFAULT_PROFILE_ID = 'alx';
