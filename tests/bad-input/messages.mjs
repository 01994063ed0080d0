// Malformed messages an embedding page might post; the atlas must ignore every one of them (a
// message with one bad part is ignored whole, so its `null` parts clear nothing either).
export const BAD_MESSAGES = [
  'atlas:select',
  42,
  null,
  [],
  { type: 'atlas:select', city: '999999' },
  { type: 'atlas:select', city: 320600 },
  { type: 'atlas:select', city: null, industry: {} },
  { type: 'atlas:select', industry: '<img src=x onerror="window.__injected=1">' },
  { type: 'other', city: '320600' },
  { type: 'atlas:select', city: 'x'.repeat(5000) },
  { type: 'atlas:select', city: '__proto__' },
  { type: 'atlas:select', city: null, zone: 'atlantis' },
  { type: 'atlas:select', city: null, field: 42 },
  { type: 'atlas:select', city: null, industry: '' },
];
