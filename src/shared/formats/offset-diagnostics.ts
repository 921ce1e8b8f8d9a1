/**
 * Diagnostics for readers that know the offset of a problem before its line (JSON, CSV):
 * the line table is built only when the first diagnostic needs it, so clean files pay
 * nothing for it.
 */
import type { Diagnostic, Severity } from '../cue';
import { LineIndex } from '../text/lines';

export class OffsetDiagnostics {
  readonly list: Diagnostic[] = [];
  private lines: LineIndex | null = null;

  constructor(private readonly text: string) {}

  /** Adds a parse diagnostic at `offset` (clamped into the text), covering `to` when given. */
  add(offset: number, severity: Severity, message: string, options: { to?: number; cue?: number } = {}): void {
    const from = Math.max(0, Math.min(offset, this.text.length));
    const to = Math.max(from, Math.min(options.to ?? from + 1, this.text.length));
    this.lines ??= new LineIndex(this.text);
    const { line, column } = this.lines.position(from);
    const diagnostic: Diagnostic = { from, to, line, column, severity, message, rule: 'parse' };
    if (options.cue !== undefined) diagnostic.cue = options.cue;
    this.list.push(diagnostic);
  }
}
