// How long Azurite's table store takes to find one row by PartitionKey and RowKey, when every partition's marker row
// has the same RowKey ("~count") and when each has its own ("~count|<partition>"). Azurite keeps table rows in
// LokiJS with binary indices on both keys; a point read looks the RowKey up first, then filters the rows found by
// PartitionKey. Run from the repository root after `npm ci`:  node bench/azurite/point-reads.js [partitions...]
const Loki = require('lokijs');

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1000, 20000, 60000];
const reads = 2000;
for (const partitions of sizes) {
  for (const [layout, markerKey] of [['shared RowKey', () => '~count'], ['own RowKey', p => '~count|' + p]]) {
    const db = new Loki('point-reads', { persistenceMethod: 'memory' });
    // As Azurite creates a table's collection (LokiTableMetadataStore.createCollectionForTable).
    const rows = db.addCollection('entityarticles', { indices: ['PartitionKey', 'RowKey'] });
    for (let i = 0; i < partitions; i++) {
      const p = 'p' + i;
      rows.insert({ PartitionKey: p, RowKey: markerKey(p), properties: { ArticleCount: 1 } });
      rows.insert({ PartitionKey: p, RowKey: 'article-' + i, properties: { MentionCount: 1 } });
    }
    const started = process.hrtime.bigint();
    for (let k = 0; k < reads; k++) {
      const p = 'p' + ((k * 7919) % partitions);
      // As Azurite answers a point read (queryTableEntitiesWithPartitionAndRowKey).
      if (!rows.findOne({ RowKey: markerKey(p), PartitionKey: p })) throw new Error('row not found: ' + p);
    }
    const micros = Number(process.hrtime.bigint() - started) / 1000 / reads;
    console.log(`${partitions} partitions, ${layout}: ${micros.toFixed(1)} µs per point read`);
  }
}
