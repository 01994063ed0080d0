// Bad data bundles, each made from the real bundle's text, with the words the atlas's error panel
// must show for it. The browser tests serve each in place of the bundle (assets/atlas.HASH.json).

/** Parses, changes and re-serialises the real bundle. */
const edit = (change) => (text) => {
  const bundle = JSON.parse(text);
  change(bundle);
  return JSON.stringify(bundle);
};

/** A script in a name: if the page ever ran it, `window.__injected` would be set. */
export const INJECTED = '<img src=x onerror="window.__injected=1"><script>window.__injected=1</script>';

export const BAD_BUNDLES = [
  {
    name: 'truncated JSON',
    make: (text) => text.slice(0, text.length / 2),
    expect: ['not valid JSON', 'EOF'],
  },
  {
    name: 'wrong schema version',
    make: edit((b) => (b.schema_version = 99)),
    expect: ['schema version 99'],
  },
  {
    name: 'a city missing',
    make: edit((b) => {
      const gone = '321200';
      b.cities = b.cities.filter((c) => c.adcode !== gone);
      b.city_boundaries.features = b.city_boundaries.features.filter((f) => f.properties.adcode !== gone);
      for (const zone of b.zones) zone.cities = zone.cities.filter((a) => a !== gone);
      b.roles = b.roles.filter((r) => r.place !== gone);
      b.bases = b.bases.filter((x) => x.city !== gone);
    }),
    expect: ['12 cities', '13'],
  },
  {
    name: 'a city without its boundary',
    make: edit((b) => (b.city_boundaries.features = b.city_boundaries.features.filter((f) => f.properties.adcode !== '320100'))),
    expect: ['320100', 'no boundary'],
  },
  {
    name: 'NaN coordinates',
    make: (text) => text.replace(/\[(1[12]\d\.\d+),(3\d\.\d+)\]/, '[NaN,$2]'),
    expect: ['not valid JSON'],
  },
  {
    name: 'an out-of-range latitude',
    make: edit((b) => (b.city_boundaries.features[3].geometry.coordinates[0][0][2][1] = 123.4)),
    expect: ['impossible coordinate', '123.4'],
  },
  {
    name: 'an out-of-range place',
    make: edit((b) => (b.places[0].point = [1e308, 31.4])),
    expect: ['impossible coordinate', 'place'],
  },
  {
    name: 'HTML and script in a city name',
    make: edit((b) => (b.cities[0].name_zh = INJECTED)),
    expect: ['markup', 'plain text'],
  },
  {
    name: 'HTML in a quote, written as JSON escapes',
    make: (text) => text.replace('南京软件及智能电网', '\\u003cb\\u003e南京软件及智能电网\\u003c/b\\u003e'),
    expect: ['markup'],
  },
  {
    name: 'a role for an unknown place',
    make: edit((b) => (b.roles[0].place = '329999')),
    expect: ['329999'],
  },
  {
    name: 'a 50 MB bundle',
    make: (text) => text.replace(/\}\s*$/, `,"padding":"${'x'.repeat(50 * 1024 * 1024)}"}`),
    expect: ['bytes', 'more than'],
  },
  {
    // A host that answers every address it lacks with its index.html (the bundle not uploaded).
    name: 'a web page in place of the bundle',
    make: () => '<!DOCTYPE html>\n<html lang="zh-CN"><head><title>Portal</title></head><body><p>门户首页</p></body></html>\n',
    expect: ['serves a web page (HTML), not the data bundle'],
  },
];
