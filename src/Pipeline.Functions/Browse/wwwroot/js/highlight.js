// The article text with its highlights. Offsets from the API are UTF-16 positions in the text, which is exactly
// how JavaScript strings index, so text.slice(start, end) is the highlighted passage.

import { h } from './dom.js';

/**
 * Renders `text` as paragraphs (one per line) with nested <mark>s.
 * @param {string} text the article text as served by /api/articles/{id}/text
 * @param {Array<Array<{start:number,end:number,id:string,make:() => HTMLElement}>>} layers spans, outermost layer
 *   first (quotes, then entity mentions inside them); `make` creates the mark for one piece of a span.
 * @returns {{ element: HTMLElement, first: Map<string, HTMLElement> }} the text and each span id's first mark.
 */
export function renderHighlighted(text, layers) {
  const element = h('div', { class: 'article-text' });
  const first = new Map();
  const sorted = layers.map((spans) => spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start || b.end - a.end));

  for (const [from, to] of paragraphs(text)) {
    const paragraph = h('p');
    // Only the spans touching this paragraph; a span crossing a line break is cut in two.
    const candidates = sorted.map((spans) => spans.filter((s) => s.start < to && s.end > from));
    const cuts = new Set([from, to]);
    for (const spans of candidates) {
      for (const s of spans) {
        cuts.add(Math.max(s.start, from));
        cuts.add(Math.min(s.end, to));
      }
    }
    const points = [...cuts].sort((a, b) => a - b);
    // open[layer] = { span, element }: the mark open in each layer (span null: that layer adds none).
    const open = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const active = candidates.map((spans) => spans.find((s) => s.start <= start && s.end >= end) ?? null);
      let depth = 0;
      while (depth < open.length && open[depth].span === active[depth]) {
        depth++;
      }
      open.length = depth; // close every mark from the first layer that changed inwards
      for (let layer = depth; layer < active.length; layer++) {
        const parent = layer === 0 ? paragraph : open[layer - 1].element;
        const span = active[layer];
        let mark = parent;
        if (span) {
          mark = span.make();
          parent.append(mark);
          if (!first.has(span.id)) {
            first.set(span.id, mark);
          }
        }
        open[layer] = { span, element: mark };
      }
      (open.length ? open[open.length - 1].element : paragraph).append(text.slice(start, end));
    }
    element.append(paragraph);
  }
  return { element, first };
}

/** [start, end) of each non-empty line. */
function paragraphs(text) {
  const result = [];
  const breaks = /\r\n|\n|\r/g;
  let from = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    if (match.index > from) {
      result.push([from, match.index]);
    }
    from = match.index + match[0].length;
  }
  if (text.length > from) {
    result.push([from, text.length]);
  }
  return result;
}
