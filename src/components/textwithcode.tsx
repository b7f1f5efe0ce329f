import * as React from 'react';

import { splitCodeSpans } from '../labels';

/**
 * A text (a hint, a line of evidence) with its `code spans` set in code font. Everything
 * is React text, never HTML: user data in it stays inert.
 */
export function TextWithCode(props: { text: string }): JSX.Element {
  return (
    <>
      {splitCodeSpans(props.text).map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : part.text
      )}
    </>
  );
}
