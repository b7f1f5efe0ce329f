import * as React from 'react';

import { FixResult, fixResultNote } from '../fixresult';

/** "fixed ✓", "fix undone", …: what became of the crash's one-click fix, beside its time. */
export function FixResultBadge(props: {
  result: FixResult | null | undefined;
}): JSX.Element | null {
  const note = fixResultNote(props.result);
  if (!note) {
    return null;
  }
  return (
    <span
      className="jp-nbcrash-fix-result"
      data-tone={note.tone}
      title={note.title}
    >
      {note.text}
    </span>
  );
}
