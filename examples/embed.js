// The host page's side of the embedding protocol. `?atlas=URL` on this page points the iframe at
// an atlas served elsewhere on this site or on this machine (the browser tests use a second
// origin on 127.0.0.1); any other address is not framed, so nobody can link this example page to
// show their own page inside the atlas's site. The atlas's own parameters
// are best written with URLSearchParams, e.g.
//   frame.src = `${atlasBase}?${new URLSearchParams({ embed: '1', lang: 'en', origins: location.origin })}`;
const frame = document.getElementById('atlas');
const picker = document.getElementById('city');
const shown = document.getElementById('selection');
/** The `?atlas=` address if it is on this origin or on this machine, else null. */
function allowedAtlas(value) {
  if (value === null) return null;
  try {
    const url = new URL(value, location.href);
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    return url.origin === location.origin || (local && /^https?:$/.test(url.protocol)) ? url.href : null;
  } catch {
    return null;
  }
}
frame.src = allowedAtlas(new URLSearchParams(location.search).get('atlas')) ?? frame.dataset.src;

window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || typeof event.data !== 'object' || event.data === null) return;
  if (event.data.type === 'atlas:height' && Number.isFinite(event.data.height)) {
    frame.style.height = `${Math.ceil(event.data.height)}px`;
  }
  if (event.data.type === 'atlas:select') {
    const { city, industry, zone } = event.data;
    shown.textContent = city ? `已选择 Selected: ${city}${industry ? ` · ${industry}` : ''}` : zone ? `区域 Zone: ${zone}` : '未选择 Nothing selected';
    shown.dataset.city = city ?? '';
  }
});

// "—" clears the atlas's selection: a part set to null clears it, an absent part is left as is.
picker.addEventListener('change', () => {
  frame.contentWindow.postMessage({ type: 'atlas:select', city: picker.value || null }, '*');
});
