// Bad link parameters: each must leave the atlas on its defaults for that key, with a notice
// naming the key, and the rest of the view intact.
export const BAD_QUERIES = [
  { name: 'unknown keys', query: '?foo=1&zone=central&%3Cscript%3E=1', noticed: ['foo'], kept: { zone: 'central' } },
  { name: 'a repeated key', query: '?city=320100&city=320200', noticed: ['city'], kept: { city: '320100' } },
  { name: 'an oversized value', query: `?industry=${'x'.repeat(5000)}&zone=north`, noticed: ['industry'], kept: { zone: 'north' } },
  { name: 'an unknown value', query: '?lang=fr&view=globe&slide=99', noticed: ['lang', 'view', 'slide'], kept: {} },
  { name: 'markup in a value', query: '?city=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&zone=south', noticed: ['city'], kept: { zone: 'south' } },
  { name: 'a thousand unknown keys', query: '?' + Array.from({ length: 1000 }, (_, i) => `k${i}=1`).join('&') + '&zone=central', noticed: ['k0'], kept: { zone: 'central' } },
];
