// The browse page's router: one view per address fragment, rendered into <main>. A newer navigation aborts the
// requests of the one before, so a slow answer can never paint over the view the reader moved on to.

import { errorBox, h, loading, replace } from './dom.js';
import { href, parseRoute } from './routes.js';
import { renderArticle } from './views/article.js';
import { renderEntity } from './views/entity.js';
import { renderFailed } from './views/failed.js';
import { renderList } from './views/list.js';
import { renderSpeaker } from './views/speaker.js';

const views = {
  list: renderList,
  article: renderArticle,
  speaker: renderSpeaker,
  entity: renderEntity,
  failed: renderFailed,
  notFound: renderNotFound,
};

const loadingText = {
  list: 'Loading articles…',
  article: 'Loading the article…',
  speaker: 'Loading quotes…',
  entity: 'Loading articles…',
  failed: 'Loading failed articles…',
};

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');
let current = null;

async function show() {
  current?.abort();
  const navigation = new AbortController();
  current = navigation;
  const route = parseRoute(window.location.hash);
  markCurrentNav(route);
  main.setAttribute('aria-busy', 'true');
  replace(main, loading(loadingText[route.view]));
  let result;
  try {
    result = await views[route.view](main, route, navigation.signal);
  } catch (error) {
    if (navigation.signal.aborted || error?.name === 'AbortError') {
      return;
    }
    replace(main, 
      h('h1', { tabindex: '-1' }, 'Could not load this view'),
      errorBox(error, 'The API answered with an error'),
      h('p', null, h('a', { href: href.list({}) }, '« Back to the articles')));
    result = { title: 'Error' };
  }
  if (navigation.signal.aborted) {
    return;
  }
  main.removeAttribute('aria-busy');
  document.title = `${result.title} · News pipeline`;
  announcer.textContent = result.title;
  if (result.focus !== false) {
    window.scrollTo(0, 0);
    // Keyboard and screen-reader users start at the new view's heading, as after a page load.
    main.querySelector('h1')?.focus({ preventScroll: true });
  }
}

async function renderNotFound(target) {
  replace(target, 
    h('h1', { tabindex: '-1' }, 'Page not found'),
    h('p', null, 'This address names no view of the browse page. ', h('a', { href: href.list({}) }, 'See the articles.')));
  return { title: 'Page not found' };
}

function markCurrentNav(route) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

// "Quotes by" in the header: any speaker's name, as the quote index knows it.
document.getElementById('speaker-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('speaker-input');
  const name = input.value.trim();
  if (name) {
    window.location.hash = href.speaker(name);
  } else {
    input.focus();
  }
});

// The skip link targets <main> without touching the fragment, which holds the view.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', show);
show();
