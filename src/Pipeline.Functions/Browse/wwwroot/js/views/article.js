// One article: metadata, summary, key phrases, entities by type, quotes with speakers, and the text with every
// entity mention and quote highlighted. Picking an entity or quote in the side lists shows it in the text.

import { getAll, getJson, getText, segment } from '../api.js';
import { dateElement, dateTimeElement, errorBox, h, jumpTo, plural, replace, statusBadge } from '../dom.js';
import { renderHighlighted } from '../highlight.js';
import { entityTypes, href } from '../routes.js';

const quoteTypes = {
  direct: 'In quotation marks',
  unmarked: 'Quoted without quotation marks',
  indirect: 'Reported speech',
};

export async function renderArticle(main, route, signal) {
  const [id] = route.args;
  const path = 'articles/' + segment(id);
  const detail = await getJson(path, {}, signal);
  const [summary, text, entities, quotes] = await Promise.allSettled([
    getJson(path + '/summary', { sentences: 3 }, signal),
    getText(path + '/text', {}, signal),
    // The detail holds the first 100 of each; a longer article's rest comes from the paged sub-routes.
    detail.entityCount > detail.entities.length ? getAll(path + '/entities', { top: 1000 }, signal) : detail.entities,
    detail.quoteCount > detail.quotes.length ? getAll(path + '/quotes', { top: 1000 }, signal) : detail.quotes,
  ]);
  if (signal.aborted) {
    throw new DOMException('Navigated away', 'AbortError');
  }
  const entityList = entities.status === 'fulfilled' ? entities.value : detail.entities;
  const quoteList = quotes.status === 'fulfilled' ? quotes.value : detail.quotes;

  // The text first: the side lists' buttons need its marks.
  const body = text.status === 'fulfilled'
    ? renderHighlighted(text.value, [quoteSpans(quoteList), entitySpans(entityList)])
    : null;
  if (body) {
    markHeaderLines(body.element);
  }
  const show = (spanId) => {
    const mark = body?.first.get(spanId);
    if (mark) {
      jumpTo(mark);
    }
  };

  const title = detail.title || detail.id;
  // An article without results (failed, or not processed yet) has nothing to show beside its text's absence.
  const content = !body && entityList.length === 0 && quoteList.length === 0
    ? textSection(body, text)
    : h('div', { class: 'article-layout' },
      h('div', { class: 'article-main' },
        summarySection(summary),
        textSection(body, text)),
      h('aside', { class: 'article-side', 'aria-label': 'Key phrases, entities and quotes' },
        keyPhraseSection(detail.keyPhrases),
        entitySection(entityList, body, show, entities),
        quoteSection(quoteList, body, show, quotes)));
  replace(main, h('article', { class: 'article-view' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: href.list({}) }, 'Articles'), ' › ', h('span', null, title)),
    h('header', { class: 'article-header' },
      h('h1', { tabindex: '-1' }, title),
      metadata(detail)),
    detail.error ? errorBox({ detail: detail.error }, 'Processing failed') : null,
    content));

  // Arriving from another view at one quote (#/article/{id}?quote={start}): show it.
  const quoteStart = route.params.get('quote');
  if (body && quoteStart !== null) {
    const index = quoteList.findIndex((q) => String(q.start) === quoteStart);
    if (index >= 0) {
      requestAnimationFrame(() => show('q:' + index));
      return { title, focus: false };
    }
  }
  return { title };
}

function metadata(detail) {
  const rows = [
    ['Published', dateElement(detail.published)],
    ['Section', detail.section ? h('a', { href: href.list({ section: detail.section }) }, detail.section) : null],
    ['Source', detail.source],
    ['Dateline', detail.dateline],
    ['Author', detail.author],
    ['Status', statusBadge(detail.status)],
  ].filter(([, value]) => value != null && value !== '');
  return h('div', null,
    h('dl', { class: 'meta' }, rows.map(([name, value]) => h('div', null, h('dt', null, name), h('dd', null, value)))),
    h('details', { class: 'processing' },
      h('summary', null, 'Processing details'),
      h('dl', { class: 'meta small' }, [
        ['Article id', detail.id],
        ['Blob', detail.blobName],
        ['Attempts', String(detail.attempts)],
        ['Processed', dateTimeElement(detail.processedAt)],
        ['Updated', dateTimeElement(detail.updatedAt)],
        ['Extractor version', detail.extractorVersion ?? '—'],
        ['Size', plural(detail.contentLength, 'byte')],
        ['Content hash', h('code', null, detail.contentHash ?? '—')],
      ].map(([name, value]) => h('div', null, h('dt', null, name), h('dd', null, value))))));
}

function section(id, heading, ...content) {
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, heading), ...content);
}

function summarySection(summary) {
  if (summary.status === 'rejected') {
    return section('summary-heading', 'Summary', errorBox(summary.reason, 'Could not load the summary'));
  }
  const sentences = summary.value.sentences;
  return section('summary-heading', 'Summary',
    sentences.length
      ? h('ol', { class: 'summary' }, sentences.map((s) => h('li', null, s.text)))
      : h('p', { class: 'empty' }, 'No summary.'));
}

function textSection(body, text) {
  if (!body) {
    return section('text-heading', 'Text', h('p', { class: 'empty' }, text.reason?.detail ?? text.reason?.message ?? 'No text.'));
  }
  return section('text-heading', 'Text',
    h('p', { class: 'legend' },
      h('span', { class: 'legend-item' }, h('mark', { class: 'quote' }, 'quotes')),
      entityTypes.map((t) => h('span', { class: 'legend-item' }, h('mark', { class: 'ent ent-' + t.type.toLowerCase() }, t.group.toLowerCase())))),
    body.element);
}

function keyPhraseSection(phrases) {
  return section('phrases-heading', 'Key phrases',
    phrases.length
      ? h('ul', { class: 'chips' }, phrases.map((p) => h('li', { class: 'chip' },
        p.text, ' ', h('span', { class: 'chip-count', title: `${plural(p.count, 'occurrence')}` }, h('span', { class: 'visually-hidden' }, 'occurrences: '), p.count))))
      : h('p', { class: 'empty' }, 'None.'));
}

function entitySection(entities, body, show, loaded) {
  const groups = entityTypes
    .map((t) => ({ ...t, items: entities.filter((e) => e.type === t.type) }))
    .filter((g) => g.items.length > 0);
  const others = entities.filter((e) => !entityTypes.some((t) => t.type === e.type));
  if (others.length) {
    groups.push({ type: 'Other', group: 'Other', indexed: false, items: others });
  }
  return section('entities-heading', `Entities (${entities.length})`,
    loaded.status === 'rejected' ? errorBox(loaded.reason, 'Only the first entities could be loaded') : null,
    groups.length === 0 ? h('p', { class: 'empty' }, 'None.') : null,
    groups.map((g) => h('div', { class: 'entity-group' },
      h('h3', null, `${g.group} (${g.items.length})`),
      h('ul', { class: 'entity-list' }, g.items.map((e) => h('li', null,
        h('button', {
          type: 'button',
          class: `jump ent-swatch ent-${e.type.toLowerCase()}`,
          disabled: !body || !body.first.has('e:' + e.key),
          onclick: () => show('e:' + e.key),
          title: 'Show the first mention in the text',
        }, e.name),
        ' ',
        h('span', { class: 'count' }, plural(e.mentionCount, 'mention')),
        g.indexed
          ? h('a', { class: 'more', href: href.entity(e.type, e.name), 'aria-label': `Articles mentioning ${e.name}` }, 'articles ›')
          : null))))));
}

function quoteSection(quotes, body, show, loaded) {
  return section('quotes-heading', `Quotes (${quotes.length})`,
    loaded.status === 'rejected' ? errorBox(loaded.reason, 'Only the first quotes could be loaded') : null,
    quotes.length === 0 ? h('p', { class: 'empty' }, 'None.') : null,
    h('ol', { class: 'quote-list' }, quotes.map((q, index) => h('li', { class: 'quote-item' },
      h('button', {
        type: 'button',
        class: 'jump quote-text',
        disabled: !body || !body.first.has('q:' + index),
        onclick: () => show('q:' + index),
        title: 'Show this quote in the text',
      }, `“${q.text}${q.textTruncated ? '…' : ''}”`),
      h('p', { class: 'quote-meta' },
        '— ', speakerLink(q),
        q.cue ? h('span', { class: 'muted' }, ` (${q.cue})`) : null,
        ' ',
        h('span', { class: `badge quote-${q.type}`, title: quoteTypes[q.type] ?? q.type }, q.type))))));
}

/** The speaker's name, linking to all their quotes; an unattributed quote says so. */
export function speakerLink(quote) {
  return quote.speaker
    ? h('a', { href: href.speaker(quote.speaker), class: 'speaker' }, quote.speaker)
    : h('span', { class: 'muted' }, 'unattributed');
}

/**
 * The seed format starts with header lines (date and section, title, dateline, source) closed by a line holding
 * only a dash; they are part of the text (offsets count them) but shown quieter, as the metadata above has them.
 */
function markHeaderLines(element) {
  const lines = [...element.children].slice(0, 6);
  const dash = lines.findIndex((line) => /^\s*[-–—]\s*$/.test(line.textContent));
  for (const line of dash > 0 ? lines.slice(0, dash + 1) : []) {
    line.classList.add('text-header');
  }
}

function entitySpans(entities) {
  return entities.flatMap((e) => (e.mentions ?? []).map((m) => ({
    start: m.start,
    end: m.end,
    id: 'e:' + e.key,
    make: () => h('mark', { class: `ent ent-${String(e.type).toLowerCase()}`, title: `${e.type}: ${e.name}` }),
  })));
}

function quoteSpans(quotes) {
  return quotes.flatMap((q, index) => {
    const parts = q.parts?.length ? q.parts : [{ start: q.start, end: q.end }];
    const by = q.speaker ? `Quote by ${q.speaker}` : 'Unattributed quote';
    return parts.map((p) => ({
      start: p.start,
      end: p.end,
      id: 'q:' + index,
      make: () => h('mark', { class: `quote quote-${q.type}`, title: `${by} (${q.type})` }),
    }));
  });
}
