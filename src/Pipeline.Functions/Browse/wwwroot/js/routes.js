// The page's views live in the URL's fragment (#/article/{id}, #/speaker/{name}, …) so that every view can be
// bookmarked and Back works, while the query (?code=) stays untouched for the API.

const encode = encodeURIComponent;

function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value != null && value !== '') {
      query.set(name, String(value));
    }
  }
  const text = query.toString();
  return '#' + path + (text ? '?' + text : '');
}

/** Links to each view. `page` is only for display ("Page 2"); `continuationToken` is the API's. */
export const href = {
  list: (params) => withQuery('/', params),
  article: (id, params) => withQuery('/article/' + encode(id), params),
  speaker: (name, params) => withQuery('/speaker/' + encode(name), params),
  entity: (type, name, params) => withQuery(`/entity/${encode(type)}/${encode(name)}`, params),
  failed: (params) => withQuery('/failed', params),
};

/** Reads the fragment into { view, args, params }. */
export function parseRoute(hash) {
  const raw = hash.replace(/^#/, '');
  const cut = raw.indexOf('?');
  const path = cut < 0 ? raw : raw.slice(0, cut);
  const params = new URLSearchParams(cut < 0 ? '' : raw.slice(cut + 1));
  let parts;
  try {
    parts = path.split('/').filter((part) => part !== '').map(decodeURIComponent);
  } catch {
    return { view: 'notFound', args: [], params };
  }
  const [name = '', ...args] = parts;
  // View name → how many path segments follow it.
  const shapes = new Map([['', ['list', 0]], ['article', ['article', 1]], ['speaker', ['speaker', 1]], ['entity', ['entity', 2]], ['failed', ['failed', 0]]]);
  const [view, count] = shapes.get(name) ?? ['notFound', -1];
  if (args.length !== count) {
    return { view: 'notFound', args: [], params };
  }
  return { view, args, params };
}

/** The API's entity types, and how the page names a group of them. */
export const entityTypes = [
  { type: 'Person', group: 'People', indexed: true },
  { type: 'Organization', group: 'Organizations', indexed: true },
  { type: 'Location', group: 'Places', indexed: true },
  { type: 'Misc', group: 'Other names', indexed: true },
  // Dates are extracted but not indexed across articles, so they have no entity view.
  { type: 'Date', group: 'Dates', indexed: false },
];

/** The entity type of a canonical key ("person:jake-sullivan" → "Person"), or null. */
export function typeOfKey(key) {
  const prefix = String(key ?? '').split(':')[0].toLowerCase();
  return entityTypes.find((t) => t.type.toLowerCase() === prefix)?.type ?? null;
}
