# Installs what the atlas needs, at pinned versions, skipping whatever is already there.
# Sourced by serve.sh and test.sh; every function is safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version the app links against, read from Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  local want; want="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want (about 2 minutes)"
    # --locked fails here: the CLI's own lock pins a crate version the registry mirror lacks.
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# The splitter that moves the views the first screen does not show into wasm chunks of their own
# (scripts/build-site.sh): wasm-split-cli from the crate cargo-leptos uses for the same, at the
# version whose loader the app's split points (leptos::wasm_split, src/split_views.rs) match.
WASM_SPLIT_VERSION=0.2.4
ensure_wasm_split() {
  # The tool prints no version; cargo's list of installed crates has it.
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

# The node tools (binaryen, playwright-core, axe-core, echarts, esbuild), exactly as
# package-lock.json pins them. A stamp holding the lock file's hash tells whether node_modules
# already matches it.
ensure_node_modules() {
  local stamp="$ROOT/node_modules/.atlas-lock-sha256"
  local want; want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    say "installing node tools (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    echo "$want" > "$stamp"
  fi
}

# Debian's Chromium and its driver, and a CJK font so that Chinese renders in screenshots; for
# the browser tests also Debian's nginx (the deployment test serves the built site behind it, at a
# sub-path, with deploy/nginx.conf) and poppler-utils (pdftoppm, to look at printed pages).
# Installing nginx starts no service: the test runs its own nginx in the foreground.
ensure_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || missing+=(fonts-wqy-microhei)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_bindgen
  ensure_wasm_split
  ensure_node_modules
}
