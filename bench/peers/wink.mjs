// Peer for `pipeline bench run`: wink-nlp with wink-eng-lite-web-model on the same articles (its full pipeline:
// tokens, sentences, part of speech, entities). Reads a JSON array of texts; prints {peer, version, articles, seconds}.
import { readFileSync } from 'node:fs';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;
const articles = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rounds = Number(process.argv[3] ?? 1);
const run = (text) => {
  const doc = nlp.readDoc(text);
  doc.sentences().out();
  doc.entities().out(its.detail);
  doc.tokens().out(its.pos);
};
// Warm-up, the same for every runner: articles in turn for at least 2 s (and 20 articles), so the JIT has
// compiled the hot code before the clock starts.
const warmUntil = process.hrtime.bigint() + 2_000_000_000n;
for (let i = 0; i < 20 || process.hrtime.bigint() < warmUntil; i++) run(articles[i % articles.length]);
const start = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) for (const text of articles) run(text);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const version = JSON.parse(readFileSync(new URL('../../node_modules/wink-nlp/package.json', import.meta.url))).version;
console.log(JSON.stringify({ peer: 'wink-nlp', version, articles: articles.length * rounds, seconds }));
