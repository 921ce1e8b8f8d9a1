/**
 * Highlighting of timing syntax — time codes, arrows, index lines, markup tags — for the
 * visible lines only, so the cost does not grow with the document.
 */
import { RangeSetBuilder } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

const TOKEN =
  /(?<inlineTime><\d{1,3}:\d{2}(?::\d{2})?\.\d{3}>)|(?<time>\b\d{1,3}:\d{1,2}(?::\d{1,2})?[.,]\d{1,3}\b)|(?<arrow>-->)|(?<tag><\/?[a-zA-Z][^<>]*>|\{\\[^{}]*\})|(?<bracket>[[\]])/g;

const marks = {
  inlineTime: Decoration.mark({ class: 'cm-cs-inline-time' }),
  time: Decoration.mark({ class: 'cm-cs-time' }),
  arrow: Decoration.mark({ class: 'cm-cs-arrow' }),
  tag: Decoration.mark({ class: 'cm-cs-tag' }),
  bracket: Decoration.mark({ class: 'cm-cs-arrow' }),
  index: Decoration.mark({ class: 'cm-cs-index' }),
};

function build(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>();
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to; ) {
      const line = view.state.doc.lineAt(pos);
      const text = line.text;
      if (/^\s*\d+\s*$/.test(text) && text.trim() !== '') {
        builder.add(line.from, line.to, marks.index);
      } else {
        TOKEN.lastIndex = 0;
        for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
          const kind = (Object.keys(m.groups!) as (keyof typeof marks)[]).find((k) => m!.groups![k] !== undefined);
          if (kind) builder.add(line.from + m.index, line.from + m.index + m[0].length, marks[kind]);
        }
      }
      pos = line.to + 1;
    }
  }
  return builder.finish();
}

export const timingSyntax = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = build(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged) this.decorations = build(update.view);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
