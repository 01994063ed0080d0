#!/usr/bin/env bash
# Runs every test of the atlas: formatting and lints, the core and builder tests (cargo), then
# the browser tests against the release site in headless Chromium (node's test runner).
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
ensure_build_tools
ensure_browser
cd "$ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check
say "cargo clippy (native, and the app for wasm32)"
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown -p jiangsu-atlas -- -D warnings
say "native tests: core and builder"
cargo test --locked

"$ROOT/scripts/build-site.sh" "$ROOT/dist"
say "browser tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
