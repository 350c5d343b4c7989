// The other spellings an identity stands for, as the cross-article queries answer them ("also written as").

import { h } from '../dom.js';

/** "Also written as Biden, Joe R. Biden", or nothing when the identity has one spelling. */
export function alsoWrittenAs(identity) {
  const others = (identity?.variants ?? []).slice(1).map((v) => v.name);
  return others.length ? h('p', { class: 'muted also-written' }, `Also written as ${others.join(', ')}`) : null;
}
