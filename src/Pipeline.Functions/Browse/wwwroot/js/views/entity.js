// Every article mentioning one entity (GET /api/entities/{type}/{name}/articles), under any spelling of its identity, paged.

import { getJson, segment } from '../api.js';
import { dateElement, h, plural, replace } from '../dom.js';
import { href } from '../routes.js';
import { pageNumber, pager } from './pager.js';
import { alsoWrittenAs } from './identity.js';

export async function renderEntity(main, route, signal) {
  const [type, name] = route.args;
  const page = pageNumber(route.params);
  const answer = await getJson(`entities/${segment(type)}/${segment(name)}/articles`,
    { continuationToken: route.params.get('continuationToken') }, signal);

  const shown = answer.identity?.name || name;
  replace(main, 
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: href.list({}) }, 'Articles'), ' › ', h('span', null, type)),
    h('h1', { tabindex: '-1' }, shown),
    alsoWrittenAs(answer.identity),
    h('p', { class: 'lead' },
      h('span', { class: `badge ent-swatch ent-${type.toLowerCase()}` }, type), ' ',
      `Mentioned in ${plural(answer.items.length, 'article')}${answer.continuationToken || page > 1 ? ` on page ${page}` : ''}.`,
      type === 'Person' ? [' ', h('a', { href: href.speaker(shown) }, `Quotes by ${shown} ›`)] : null),
    h('table', { class: 'data' },
      h('caption', { class: 'visually-hidden' }, `Articles mentioning ${shown}`),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Article'),
        h('th', { scope: 'col' }, 'Written as'),
        h('th', { scope: 'col' }, 'Published'),
        h('th', { scope: 'col', class: 'number' }, 'Mentions'),
        h('th', { scope: 'col', class: 'number', title: 'How central the entity is to the article (0–1)' }, 'Salience'))),
      h('tbody', null, answer.items.map((article) => h('tr', null,
        h('td', null, h('a', { href: href.article(article.id), class: 'title-link' }, article.title || article.id)),
        h('td', null, article.name || shown),
        h('td', { class: 'nowrap' }, dateElement(article.published)),
        h('td', { class: 'number' }, article.mentionCount.toLocaleString()),
        h('td', { class: 'number' }, article.salience.toFixed(3)))))),
    pager({
      page,
      continuationToken: answer.continuationToken,
      link: (extra) => href.entity(type, name, extra),
      label: 'Article pages',
    }));
  return { title: `${shown} (${type})` };
}
