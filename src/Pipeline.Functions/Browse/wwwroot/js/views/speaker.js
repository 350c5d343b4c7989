// Every quote by one speaker across articles (GET /api/quotes?speaker=), under any spelling of the speaker's identity
// ("Biden", "President Biden" and "Joe R. Biden" are Joe Biden), grouped by article, paged.

import { getJson } from '../api.js';
import { dateElement, h, plural, replace } from '../dom.js';
import { href, typeOfKey } from '../routes.js';
import { pageNumber, pager } from './pager.js';
import { alsoWrittenAs } from './identity.js';

export async function renderSpeaker(main, route, signal) {
  const [speaker] = route.args;
  const page = pageNumber(route.params);
  const answer = await getJson('quotes', { speaker, continuationToken: route.params.get('continuationToken') }, signal);

  // The speaker's canonical entity, when the quotes name one, leads to the articles mentioning them.
  const entityKey = answer.items.find((item) => item.quote.speakerEntity)?.quote.speakerEntity;
  const entityType = typeOfKey(entityKey);
  const articles = groupByArticle(answer.items);
  const name = answer.identity?.name || speaker;

  replace(main, 
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: href.list({}) }, 'Articles'), ' › ', h('span', null, 'Speaker')),
    h('h1', { tabindex: '-1' }, `Quotes by ${name}`),
    alsoWrittenAs(answer.identity),
    h('p', { class: 'lead' },
      answer.items.length
        ? `${plural(answer.items.length, 'quote')} from ${plural(articles.length, 'article')}${answer.continuationToken || page > 1 ? ` on page ${page}` : ''}.`
        : 'No quotes by this speaker.',
      entityType && entityType !== 'Date'
        ? [' ', h('a', { href: href.entity(entityType, name) }, `Articles mentioning ${name} ›`)]
        : null),
    h('div', { class: 'quote-groups' }, articles.map((article) => h('section', { class: 'panel', 'aria-label': article.title ?? article.id },
      h('h2', { class: 'article-title' }, h('a', { href: href.article(article.id) }, article.title || article.id)),
      h('p', { class: 'muted' }, article.published ? [dateElement(article.published), ' · '] : null, plural(article.quotes.length, 'quote')),
      h('ol', { class: 'quote-list' }, article.quotes.map((quote) => h('li', { class: 'quote-item' },
        h('blockquote', null, `“${quote.text}${quote.textTruncated ? '…' : ''}”`),
        h('p', { class: 'quote-meta' },
          quote.cue ? `${quote.speaker || speaker} ${quote.cue} · ` : '',
          h('span', { class: `badge quote-${quote.type}` }, quote.type),
          ' · ',
          h('a', { href: href.article(article.id, { quote: quote.start }) }, 'show in the article ›')))))))),
    pager({
      page,
      continuationToken: answer.continuationToken,
      link: (extra) => href.speaker(speaker, extra),
      label: 'Quote pages',
    }));
  return { title: `Quotes by ${name}` };
}

/** Consecutive quotes of one article together (the API returns them article by article). */
function groupByArticle(items) {
  const groups = [];
  for (const item of items) {
    let group = groups[groups.length - 1];
    if (!group || group.id !== item.articleId) {
      group = { id: item.articleId, title: item.articleTitle, published: item.published, quotes: [] };
      groups.push(group);
    }
    group.quotes.push(item.quote);
  }
  return groups;
}
