/**
 * The evidence of a diagnosis as a user reads it ("Why?" and the Markdown export). The server
 * writes evidence for the record, with the model's raw scores in it; a user already sees how
 * sure each label is as shares (the bars, "not sure (55% / 26%)"), and a second set of numbers
 * that disagrees with them by a point or two (raw scores before calibration) only confuses.
 * So: the model's lines ("model: root cause api_misuse 0.54 (next: …)") are left out, their
 * content is in the bars; a rule's own confidence ("(confidence 0.90)") means nothing to a
 * user and is dropped; every other line is kept as it is. No React here.
 */

/** A line the model wrote: its label ids and raw scores, shown as bars instead. */
const MODEL_LINE = /^model:\s/;

/** A rule's prior confidence at the end of its line: "rule x fired (confidence 0.90)". */
const RULE_CONFIDENCE = /\s*\(confidence [0-9.]+\)\s*$/;

/** The evidence lines shown to a user, in their order. */
export function readableEvidence(lines: readonly string[]): string[] {
  return lines
    .filter(line => !MODEL_LINE.test(line))
    .map(line =>
      line.startsWith('rule ') ? line.replace(RULE_CONFIDENCE, '') : line
    );
}
