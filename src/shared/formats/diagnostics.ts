import type { Diagnostic, Severity } from '../cue';
import type { SourceLine } from '../text/lines';

/** A parse diagnostic covering part of one source line. */
export function lineDiagnostic(
  line: SourceLine,
  severity: Severity,
  message: string,
  from = line.from,
  to = line.to,
): Diagnostic {
  return { from, to, line: line.number, column: from - line.from + 1, severity, message, rule: 'parse' };
}
