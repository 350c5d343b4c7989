// Paging through an API list. Continuation tokens only go forward, so the page offers "Next page" and
// "First page"; the browser's Back button returns to earlier pages (each page is its own address).

import { h } from '../dom.js';

/** The current page number shown to the reader (the `page` parameter of the view's address, 1 when absent). */
export function pageNumber(params) {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

/**
 * The paging bar. `link(extra)` builds the view's address with extra parameters.
 * @param {{ page: number, continuationToken: string|null, link: (extra: object) => string, label: string }} options
 */
export function pager({ page, continuationToken, link, label }) {
  if (page === 1 && !continuationToken) {
    return null; // everything fits on one page
  }
  const first = page > 1
    ? h('a', { class: 'button', href: link({}) }, '« First page')
    : h('span', { class: 'button disabled', 'aria-disabled': 'true' }, '« First page');
  const next = continuationToken
    ? h('a', { class: 'button', href: link({ continuationToken, page: page + 1 }), rel: 'next' }, 'Next page »')
    : h('span', { class: 'button disabled', 'aria-disabled': 'true' }, 'Next page »');
  return h('nav', { class: 'pager', 'aria-label': label },
    first, h('span', { class: 'pager-page', 'aria-current': 'page' }, `Page ${page}`), next);
}
