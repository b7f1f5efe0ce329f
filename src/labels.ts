/**
 * How the UI names cells. Positions are shown 1-based, as a reader counts cells;
 * the execution count, when there is one, in brackets as JupyterLab's prompt shows it.
 */
export function cellLabel(
  index: number,
  executionCount?: number | null
): string {
  const position = index >= 0 ? `cell ${index + 1}` : 'cell';
  return executionCount !== null && executionCount !== undefined
    ? `${position} [${executionCount}]`
    : position;
}

/** The file name of a notebook path. */
export function notebookName(path: string): string {
  const parts = path.split('/');
  return parts[parts.length - 1] || path;
}

/** The first line of a text, cut to `max` characters. */
export function firstLine(text: string, max = 200): string {
  const line = (text.split('\n').find(l => l.trim().length > 0) ?? '').trim();
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** A piece of hint text: plain, or a `code span` (hints quote names and commands that way). */
export interface ITextPart {
  text: string;
  code: boolean;
}

/**
 * Split a hint into plain text and `code spans`. The parts are rendered as text nodes
 * (never as HTML), so user data in them stays inert.
 */
export function splitCodeSpans(text: string): ITextPart[] {
  const parts: ITextPart[] = [];
  const pattern = /`([^`\n]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) {
      parts.push({ text: text.slice(last, at), code: false });
    }
    parts.push({ text: match[1], code: true });
    last = at + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last), code: false });
  }
  return parts;
}
