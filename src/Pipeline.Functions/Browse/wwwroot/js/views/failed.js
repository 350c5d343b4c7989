// The articles the pipeline could not process (GET /api/articles?status=failed), each with its reason.

import { getJson } from '../api.js';
import { h, plural, replace } from '../dom.js';
import { href } from '../routes.js';
import { pageNumber, pager } from './pager.js';

export async function renderFailed(main, route, signal) {
  const page = pageNumber(route.params);
  const answer = await getJson('articles', { status: 'failed', top: 50, continuationToken: route.params.get('continuationToken') }, signal);

  replace(main, 
    h('h1', { tabindex: '-1' }, 'Failed articles'),
    h('p', { class: 'lead' },
      'Files the pipeline could not process, with the reason. Fix a file and upload it again: a new version is processed anew.'),
    answer.items.length === 0
      ? h('p', { class: 'empty' }, page > 1 ? 'No more failed articles.' : 'No failed articles.')
      : h('table', { class: 'data' },
        h('caption', null, `${plural(answer.items.length, 'failed article')}, page ${page}`),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Article'),
          h('th', { scope: 'col' }, 'Reason'))),
        h('tbody', null, answer.items.map((item) => h('tr', null,
          h('td', null, h('a', { href: href.article(item.id), class: 'title-link' }, item.title || item.id)),
          h('td', { class: 'row-error' }, item.error || 'No reason recorded.'))))),
    pager({
      page,
      continuationToken: answer.continuationToken,
      link: (extra) => href.failed(extra),
      label: 'Failed article pages',
    }));
  return { title: 'Failed articles' };
}
