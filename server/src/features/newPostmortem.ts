// The New Postmortem command's server side: the profiles on offer, and a profile's template with
// the title and date written in. The client never builds postmortem text itself.
import type { ConfigFile } from '../core/config';
import { resolveProfile } from '../core/config';
import { LineIndex } from '../core/lines';
import { BUILTIN_PROFILES, customProfile } from '../core/profiles';
import { newPostmortemText, postmortemFileStem } from '../core/templates';
import type { NewPostmortemParams, NewPostmortemResult, ProfileInfo } from '../../../common/protocol';

export function profileInfos(config: ConfigFile | undefined): ProfileInfo[] {
  const custom = Object.entries(config?.profiles ?? {}).map(([id, definition]) => customProfile(id, definition));
  return [...BUILTIN_PROFILES, ...custom].map(({ id, name, description }) => ({ id, name, description }));
}

/** Throws with a message for the user when the date is not a real YYYY-MM-DD date. */
export function newPostmortem(params: NewPostmortemParams, config: ConfigFile | undefined): NewPostmortemResult {
  const profile = resolveProfile(params.profile, config);
  const { text, cursor } = newPostmortemText(profile, { title: params.title, date: params.date });
  const lines = new LineIndex(text);
  return {
    text,
    selection: { start: lines.position(cursor.start), end: lines.position(cursor.end) },
    fileStem: postmortemFileStem(params.date, params.title),
  };
}
