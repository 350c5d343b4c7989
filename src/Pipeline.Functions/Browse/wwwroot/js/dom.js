// Building the page's DOM. Text always goes in as text nodes (never innerHTML), so article content, names and
// error messages are shown as written and can never become markup.

/**
 * Creates an element: h('a', { href: '#/', class: 'x' }, 'text', child).
 * Props: `class`, `onclick`-style listeners, `dataset`, anything else as an attribute; null/false are skipped.
 * Children: nodes, or anything else as text; arrays are flattened, null/false skipped.
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children as in `h`. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** Replaces an element's children, as in `h` (null/false children are skipped, unlike replaceChildren). */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** "1 quote" / "3 quotes". */
export function plural(count, one, many = one + 's') {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/** A yyyy-MM-dd date as a <time>, written in the reader's locale; anything else as given. */
export function dateElement(value) {
  if (!value) {
    return h('span', { class: 'muted' }, '—');
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return h('span', null, value);
  }
  // UTC on both sides, so the day never shifts with the reader's time zone.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const text = date.toLocaleDateString(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
  return h('time', { datetime: value }, text);
}

/** A date-time (ISO 8601) as a <time> in the reader's locale. */
export function dateTimeElement(value) {
  if (!value) {
    return h('span', { class: 'muted' }, '—');
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? h('span', null, value)
    : h('time', { datetime: value }, date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
}

const statusLabels = { succeeded: 'Processed', failed: 'Failed', pending: 'Pending', processing: 'Processing' };

/** An article status as a coloured badge (the word is always shown: colour is never the only cue). */
export function statusBadge(status) {
  return h('span', { class: `badge status-${statusLabels[status] ? status : 'unknown'}` }, statusLabels[status] ?? status ?? 'Unknown');
}

/** The message box for an API error (its problem+json title and detail) or any other failure. */
export function errorBox(error, heading = 'Something went wrong') {
  const status = error?.status ? `${error.title ?? 'Error'} (${error.status}): ` : '';
  return h('div', { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, heading),
    h('p', null, status, error?.detail ?? error?.message ?? String(error)));
}

/** A polite "Loading…" placeholder. */
export function loading(what = 'Loading…') {
  return h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), what);
}

/** Scrolls an element into the middle of the view and flashes it; focus follows, for keyboard and screen-reader users. */
export function jumpTo(element) {
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation when the same highlight is picked twice
  element.classList.add('flash');
  element.addEventListener('animationend', () => element.classList.remove('flash'), { once: true });
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: true });
}
