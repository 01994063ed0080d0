#!/usr/bin/env bash
# Builds the atlas and serves it on http://127.0.0.1:PORT/ (default 8080).
# Usage: scripts/serve.sh [PORT]
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
PORT="${1:-8080}"
"$ROOT/scripts/build-site.sh" "$ROOT/dist"
exec node "$ROOT/scripts/serve.mjs" "$ROOT/dist" "$PORT"
