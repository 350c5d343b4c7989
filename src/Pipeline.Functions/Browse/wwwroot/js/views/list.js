// The article list: search by title, filter by section, dates and status, page through the results.

import { getJson } from '../api.js';
import { dateElement, errorBox, h, loading, plural, replace, statusBadge } from '../dom.js';
import { href } from '../routes.js';
import { pageNumber, pager } from './pager.js';

/** How many articles one page shows. */
const pageSize = 25;

/** The list's filters, each an API parameter of GET /api/articles. */
const filterNames = ['search', 'section', 'from', 'to', 'status'];

export async function renderList(main, route, signal) {
  const filters = Object.fromEntries(filterNames.map((name) => [name, route.params.get(name) ?? '']));
  const page = pageNumber(route.params);
  const continuationToken = route.params.get('continuationToken');
  const results = h('div', { class: 'results' }, loading('Loading articles…'));
  replace(main, 
    h('h1', { tabindex: '-1' }, 'Articles'),
    filterForm(filters),
    results);

  let answer;
  try {
    answer = await getJson('articles', { ...filters, top: pageSize, continuationToken }, signal);
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    replace(results, errorBox(error, 'Could not load the articles'));
    return { title: 'Articles' };
  }
  const filtered = filterNames.some((name) => filters[name]);
  replace(results, 
    answer.items.length > 0
      ? articleTable(answer.items, page)
      : h('p', { class: 'empty' }, emptyMessage(filtered, answer.continuationToken)),
    pager({
      page,
      continuationToken: answer.continuationToken,
      link: (extra) => href.list({ ...filters, ...extra }),
      label: 'Article pages',
    }));
  return { title: filtered ? 'Articles (filtered)' : 'Articles' };
}

function emptyMessage(filtered, more) {
  if (more) {
    // A title search examines a bounded number of articles per request and goes on from there.
    return 'No article on this page matches; the search goes on with the next page.';
  }
  return filtered
    ? 'No article matches these filters.'
    : 'No articles yet. Upload some with "pipeline upload <folder>" or any blob tool (container "articles").';
}

function filterForm(filters) {
  const field = (name, label, input) => h('div', { class: 'field' }, h('label', { for: 'filter-' + name }, label), input);
  const text = (name, type, extra = {}) =>
    h('input', { id: 'filter-' + name, name, type, value: filters[name], ...extra });
  const status = h('select', { id: 'filter-status', name: 'status' },
    [['', 'Any'], ['succeeded', 'Processed'], ['failed', 'Failed'], ['pending', 'Pending'], ['processing', 'Processing']]
      .map(([value, label]) => h('option', { value, selected: filters.status === value }, label)));

  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter articles' },
    field('search', 'Title contains', text('search', 'search', { maxlength: 200, placeholder: 'e.g. Netanyahu' })),
    field('section', 'Section', text('section', 'text', { maxlength: 200, placeholder: 'e.g. International' })),
    field('from', 'Published from', text('from', 'date')),
    field('to', 'Published to', text('to', 'date')),
    field('status', 'Status', status),
    h('div', { class: 'field actions' },
      h('button', { type: 'submit', class: 'button primary' }, 'Apply'),
      h('a', { class: 'button', href: href.list({}) }, 'Clear')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    // A new query starts on its first page: no continuation token.
    window.location.hash = href.list(Object.fromEntries(filterNames.map((name) => [name, String(data.get(name) ?? '').trim()])));
  });
  return form;
}

function articleTable(items, page) {
  return h('table', { class: 'data' },
    h('caption', null, `${plural(items.length, 'article')}, page ${page}`),
    h('thead', null, h('tr', null,
      ['Title', 'Published', 'Section', 'Source', 'Status', 'Entities', 'Quotes']
        .map((name, i) => h('th', { scope: 'col', class: i >= 5 ? 'number' : null }, name)))),
    h('tbody', null, items.map((item) => h('tr', null,
      h('td', null,
        h('a', { href: href.article(item.id), class: 'title-link' }, item.title || item.id),
        item.error ? h('p', { class: 'row-error' }, h('strong', null, 'Failed: '), item.error) : null),
      h('td', { class: 'nowrap' }, dateElement(item.published)),
      h('td', null, item.section ? h('a', { href: href.list({ section: item.section }), title: `Articles in ${item.section}` }, item.section) : '—'),
      h('td', null, item.source || '—'),
      h('td', null, statusBadge(item.status)),
      h('td', { class: 'number' }, item.entityCount.toLocaleString()),
      h('td', { class: 'number' }, item.quoteCount.toLocaleString())))));
}
