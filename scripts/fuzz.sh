#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (FUZZ_SECONDS, default 25), installing
# cargo-fuzz from crates.io if it is missing. A crash, a panic or a timeout fails the script,
# and the input that caused it is kept under fuzz/artifacts/<target>/ and printed, so it can be
# replayed with `cargo fuzz run <target> <file>` and turned into a test.
#
# The targets need nightly features (the sanitizer); with only a stable toolchain,
# RUSTC_BOOTSTRAP=1 lets stable build them, as CI does.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${FUZZ_SECONDS:-25}

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# The logs go beside the fuzz build, which a fresh clone does not have yet.
mkdir -p target
status=0
for target in $(cargo fuzz list); do
  echo "-- fuzz $target for ${seconds}s"
  if ! RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- -max_total_time="$seconds" \
      2>"target/fuzz-$target.log"; then
    status=1
    echo "fuzz target $target failed; its log's last lines:"
    tail -n 30 "target/fuzz-$target.log"
    echo "inputs kept:"
    ls -l "artifacts/$target/" 2>/dev/null || true
  else
    grep -E "^Done [0-9]+ runs" "target/fuzz-$target.log" || tail -n 1 "target/fuzz-$target.log"
  fi
done
exit $status
