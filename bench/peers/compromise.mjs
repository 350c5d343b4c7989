// Peer for `pipeline bench run`: compromise on the same articles (people, places, organizations, quotations,
// sentences). Reads a JSON array of article texts; prints {peer, version, articles, seconds} after a warm-up.
import { readFileSync } from 'node:fs';
import nlp from 'compromise';

const articles = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rounds = Number(process.argv[3] ?? 1);
const run = (text) => {
  const doc = nlp(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
  doc.quotations().out('array');
  doc.sentences().out('array');
};
// Warm-up, the same for every runner: articles in turn for at least 2 s (and 20 articles), so the JIT has
// compiled the hot code before the clock starts.
const warmUntil = process.hrtime.bigint() + 2_000_000_000n;
for (let i = 0; i < 20 || process.hrtime.bigint() < warmUntil; i++) run(articles[i % articles.length]);
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const text of articles) run(text);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const version = JSON.parse(readFileSync(new URL('../../node_modules/compromise/package.json', import.meta.url))).version;
console.log(JSON.stringify({ peer: 'compromise', version, articles: articles.length * rounds, seconds }));
