#!/usr/bin/env bash
# Build cost of the crate against a baseline: clean release build time and stripped binary
# size of a program that creates the guide's Checkout Session with the crate
# (scripts/build-cost/crate), versus the same program written with only the crate's own
# HTTP, serde, error and runtime dependencies at the same versions and features
# (scripts/build-cost/baseline). Both start from the repository's Cargo.lock, dependencies
# are downloaded before timing, and the two builds run one after the other with empty
# target directories on the same machine.
#
# The crate's examples are not used: they enable the `testing` emulator (via the crate's
# dev-dependency on itself), which a merchant's release build never compiles.
set -euo pipefail
cd "$(dirname "$0")/build-cost"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for project in crate baseline; do
  cp ../../Cargo.lock "$project/Cargo.lock"
  cargo fetch --quiet --manifest-path "$project/Cargo.toml"
done

declare -A seconds bytes
for project in baseline crate; do
  target="$work/$project-target"
  start=$(date +%s.%N)
  CARGO_TARGET_DIR="$target" cargo build --release --quiet --manifest-path "$project/Cargo.toml"
  end=$(date +%s.%N)
  seconds[$project]=$(echo "$end - $start" | bc)
  binary="$target/release/build-cost-$project"
  strip -o "$work/$project.stripped" "$binary"
  bytes[$project]=$(stat -c %s "$work/$project.stripped")
  rm -f "$project/Cargo.lock"
done

printf '%-10s %12s %16s\n' "" "build (s)" "stripped (bytes)"
for project in baseline crate; do
  printf '%-10s %12.1f %16d\n' "$project" "${seconds[$project]}" "${bytes[$project]}"
done
printf '%-10s %12.2fx %15.2fx\n' "ratio" \
  "$(echo "${seconds[crate]} / ${seconds[baseline]}" | bc -l)" \
  "$(echo "${bytes[crate]} / ${bytes[baseline]}" | bc -l)"
echo "($(nproc) cores, $(date -u +%Y-%m-%d), $(rustc --version))"
