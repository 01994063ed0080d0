// Bad link parameters: each must leave the atlas on its defaults for that key, with a notice
// naming the key, and the rest of the view intact. Only the atlas's own keys (and near misses of
// them, which get a "did you mean") are noticed; see FOREIGN_QUERIES for keys that are not its.
export const BAD_QUERIES = [
  { name: 'near misses of own keys', query: '?industy=iot_cloud&zone=central&City=320100&%3Cscript%3E=1', noticed: ['industy', 'City'], kept: { zone: 'central' } },
  { name: 'a repeated key', query: '?city=320100&city=320200', noticed: ['city'], kept: { city: '320100' } },
  { name: 'an oversized value', query: `?industry=${'x'.repeat(5000)}&zone=north`, noticed: ['industry'], kept: { zone: 'north' } },
  { name: 'an unknown value', query: '?lang=fr&view=globe&slide=99', noticed: ['lang', 'view', 'slide'], kept: {} },
  { name: 'markup in a value', query: '?city=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&zone=south', noticed: ['city'], kept: { zone: 'south' } },
  { name: 'an invalid escape', query: '?lang=%E0%A4%A&zone=south', noticed: ['lang'], kept: { zone: 'south' } },
  { name: 'a thousand unknown keys, ten of them near misses', query: '?' + Array.from({ length: 1000 }, (_, i) => `zone${i}=1`).join('&') + '&zone=central', noticed: ['zone0'], kept: { zone: 'central' } },
];

// Parameters that portals and messaging apps append to links: not the atlas's, so no notice,
// and the canonical link the atlas writes leaves them out.
export const FOREIGN_QUERIES = [
  { name: 'a messaging app and a portal\'s analytics', query: '?utm_source=x&from=singlemessage&isappinstalled=0&spm=a.b&city=320100', kept: { city: '320100' } },
  { name: 'three hundred analytics keys', query: '?' + Array.from({ length: 300 }, (_, i) => `utm_k${i}=${i}`).join('&') + '&zone=north', kept: { zone: 'north' } },
];
