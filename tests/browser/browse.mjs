// Browser test of the browse page, as a reader uses it: Chromium (the distribution's, /usr/bin/chromium) driven by
// playwright-core. Opens the page, finds the seed article, checks its summary and highlights, follows a speaker
// link to his quotes, and writes a screenshot of the article view.
//
//   node tests/browser/browse.mjs <base URL of the host> <screenshot.png>
//
// Exits 0 when every check passed; otherwise 1 with the failed step on stderr (and a screenshot of the page as it
// was then, at the same path). CHROMIUM_PATH overrides the browser's location.

import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const seedTitle = 'Biden and Netanyahu speak for the first time in a month amid deepening rifts';
const speaker = 'Jake Sullivan';
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const [baseArgument, screenshotPath] = process.argv.slice(2);
if (!baseArgument || !screenshotPath) {
  console.error('usage: node tests/browser/browse.mjs <base URL, e.g. http://127.0.0.1:7071> <screenshot.png>');
  process.exit(2);
}
const base = baseArgument.replace(/\/+$/, '');
const origin = new URL(base).origin;

if (!existsSync(chromiumPath)) {
  fail(`Chromium is not installed at ${chromiumPath}. Install it with: apt-get install -y chromium`);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (error) {
  fail(`playwright-core is not installed (${error.message}). Run 'npm ci' in the repository root.`);
}

// The whole run is bounded: a hung browser must not hang the test suite.
const watchdog = setTimeout(() => fail('the browser test did not finish within 120 s'), 120_000);
watchdog.unref();

const userDataDir = mkdtempSync(join(tmpdir(), 'browse-test-'));
const problems = [];
let context;
let page;
let step = 'starting Chromium';
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // The page must be self-contained: any request off the host is refused and reported.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:')) {
      return route.continue();
    }
    problems.push(`request to another origin: ${url}`);
    return route.abort();
  });
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // Requests aborted on purpose (a newer navigation) are not failures.
    if (!/ERR_ABORTED/.test(request.failure()?.errorText ?? '')) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });

  step = 'open /api/browse/';
  const response = await page.goto(`${base}/api/browse/`);
  expect(response?.ok(), `GET /api/browse/ answered ${response?.status()}`);
  await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();

  step = 'search the article list by title';
  await page.getByLabel('Title contains').fill('Netanyahu speak');
  await page.getByRole('button', { name: 'Apply' }).click();
  const articleLink = page.getByRole('link', { name: seedTitle, exact: true });
  await articleLink.waitFor();

  step = 'open the seed article';
  await articleLink.click();
  await page.getByRole('heading', { level: 1, name: seedTitle }).waitFor();

  step = 'check the summary is shown';
  const summary = page.getByRole('region', { name: 'Summary' }).getByRole('listitem');
  await summary.first().waitFor();
  const sentences = await summary.allInnerTexts();
  expect(sentences.length >= 1 && sentences.every((s) => s.trim().length > 20), `summary sentences: ${JSON.stringify(sentences)}`);

  step = 'check the metadata, entities and quotes';
  const meta = await page.locator('.article-header').innerText();
  for (const value of ['International', 'CNN', 'Washington']) {
    expect(meta.includes(value), `metadata lacks '${value}': ${meta}`);
  }
  const entityMarks = await page.locator('.article-text mark.ent').count();
  const quoteMarks = await page.locator('.article-text mark.quote').count();
  expect(entityMarks >= 20 && quoteMarks >= 10, `highlights in the text: ${entityMarks} entity mentions, ${quoteMarks} quote parts`);
  const phrases = await page.getByRole('region', { name: 'Key phrases' }).innerText();
  expect(phrases.includes('Rafah'), `key phrases lack 'Rafah': ${phrases}`);

  step = 'screenshot the article view';
  await screenshot();

  step = `show ${speaker}'s first mention in the text`;
  await page.getByRole('button', { name: speaker, exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.matches('.article-text mark.ent.flash'));
  // The scroll is smooth: wait until the highlight has arrived in the view.
  await page.waitForFunction(() => {
    const box = document.activeElement.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  }, null, { timeout: 5_000 }).catch(() => {});
  const focused = await page.evaluate(() => {
    const mark = document.activeElement;
    const box = mark.getBoundingClientRect();
    return { title: mark.title, text: mark.textContent, visible: box.top >= 0 && box.bottom <= window.innerHeight };
  });
  expect(focused.title === `Person: ${speaker}` && focused.visible, `after the click, the focused highlight is ${JSON.stringify(focused)}`);

  step = `follow the speaker link to ${speaker}'s quotes`;
  await page.getByRole('link', { name: speaker, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: `Quotes by ${speaker}` }).waitFor();
  const quotes = page.locator('.quote-groups blockquote');
  await quotes.first().waitFor();
  const quoteCount = await quotes.count();
  expect(quoteCount >= 3, `only ${quoteCount} quotes by ${speaker} listed`);
  expect(await page.getByRole('link', { name: seedTitle, exact: true }).count() >= 1, 'the quotes do not link to their article');

  step = 'check the page made no errors';
  expect(problems.length === 0, problems.join('\n'));
  console.log(`browser test passed: summary of ${sentences.length} sentences, ${entityMarks} entity mentions and ${quoteMarks} quote parts highlighted, ${quoteCount} quotes by ${speaker}; screenshot ${screenshotPath}`);
} catch (error) {
  if (page) {
    await screenshot().catch(() => {});
  }
  const extra = problems.length ? `\nalso seen:\n  ${problems.join('\n  ')}` : '';
  fail(`step '${step}' failed: ${error.message}${extra}\n(screenshot of the page at that moment: ${screenshotPath})`, false);
} finally {
  await context?.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}
clearTimeout(watchdog);
process.exit(process.exitCode ?? 0);

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function screenshot() {
  mkdirSync(dirname(screenshotPath), { recursive: true });
  await page.screenshot({ path: screenshotPath });
}

function fail(message, exit = true) {
  console.error(`browser test FAILED: ${message}`);
  process.exitCode = 1;
  if (exit) {
    process.exit(1);
  }
}
