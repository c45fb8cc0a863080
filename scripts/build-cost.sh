#!/usr/bin/env bash
# Build cost of the crate against a baseline: clean release build time and stripped binary
# size of a program that creates the guide's Checkout Session with the crate
# (scripts/build-cost/crate), versus the same program written with only the crate's own
# HTTP, serde, error and runtime dependencies at the same versions and features
# (scripts/build-cost/baseline). Both start from the repository's Cargo.lock, dependencies
# are downloaded before timing, and each round builds the two one after the other with empty
# target directories on the same machine.
#
# A clean build's time moves by a few seconds from run to run on a shared machine, so the
# script runs ROUNDS rounds (default 5), alternating which project builds first so that a
# drift in the machine's speed does not always fall on the same one, and reports each
# round's ratio and their median. Beside the wall-clock time it reports the CPU time (user +
# system, from bash's `times` for the build's children), which other load on the machine
# moves less: the wall-clock ratio is the budget, the CPU ratio says whether a change in it
# is the crate's or the machine's.
#
# Last, it prints the size of the crate's own object code in the last round's build (the
# `text` of the library's objects, from binutils' `size`): unlike the times, it does not move
# between runs, so it shows what a change to the crate adds to the compiler's work.
#
# LEAN=1 builds the crate without its default features (the server-update flow and the
# fulfilment helper), as a program that only needs the typed API and webhooks would.
#
# The crate's examples are not used: they enable the `testing` emulator (via the crate's
# dev-dependency on itself), which a merchant's release build never compiles.
set -euo pipefail
cd "$(dirname "$0")/build-cost"
rounds=${ROUNDS:-5}
crate_args=()
if [ "${LEAN:-0}" = 1 ]; then crate_args=(--no-default-features); fi

work=$(mktemp -d)
trap 'rm -rf "$work"; rm -f crate/Cargo.lock baseline/Cargo.lock' EXIT

for project in crate baseline; do
  cp ../../Cargo.lock "$project/Cargo.lock"
  cargo fetch --quiet --manifest-path "$project/Cargo.toml"
done

# The CPU seconds (user + system) of this shell's finished children, from `times` output
# saved to a file (`times` in a command substitution would report the subshell's).
children_cpu() {
  awk 'NR == 2 {
    split($1, u, /m|s/); split($2, s, /m|s/); print u[1] * 60 + u[2] + s[1] * 60 + s[2]
  }' "$1"
}

declare -A bytes
time_ratios=()
cpu_ratios=()
printf '%-8s %14s %14s %8s %14s %14s %8s\n' "round" "baseline (s)" "crate (s)" "ratio" \
  "baseline cpu" "crate cpu" "ratio"
for round in $(seq 1 "$rounds"); do
  declare -A seconds=()
  declare -A cpu=()
  order="baseline crate"
  if (( round % 2 == 0 )); then order="crate baseline"; fi
  for project in $order; do
    target="$work/$project-target"
    rm -rf "$target"
    start=$(date +%s.%N)
    times > "$work/times-before"
    args=()
    if [ "$project" = crate ]; then args=("${crate_args[@]}"); fi
    CARGO_TARGET_DIR="$target" cargo build --release --quiet --manifest-path "$project/Cargo.toml" \
      ${args[@]+"${args[@]}"}
    end=$(date +%s.%N)
    times > "$work/times-after"
    seconds[$project]=$(echo "$end - $start" | bc)
    cpu[$project]=$(echo "$(children_cpu "$work/times-after") - $(children_cpu "$work/times-before")" | bc)
    strip -o "$work/$project.stripped" "$target/release/build-cost-$project"
    bytes[$project]=$(stat -c %s "$work/$project.stripped")
  done
  ratio=$(echo "${seconds[crate]} / ${seconds[baseline]}" | bc -l)
  cpu_ratio=$(echo "${cpu[crate]} / ${cpu[baseline]}" | bc -l)
  time_ratios+=("$ratio")
  cpu_ratios+=("$cpu_ratio")
  printf '%-8s %14.1f %14.1f %7.2fx %14.1f %14.1f %7.2fx\n' "$round" "${seconds[baseline]}" \
    "${seconds[crate]}" "$ratio" "${cpu[baseline]}" "${cpu[crate]}" "$cpu_ratio"
done

median_of() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
printf '\nbuild time, median ratio over %d rounds: %.2fx\n' "$rounds" "$(median_of "${time_ratios[@]}")"
printf 'cpu time (user + system), median ratio: %.2fx\n' "$(median_of "${cpu_ratios[@]}")"
printf 'stripped binary: baseline %d bytes, crate %d bytes, ratio %.2fx\n' \
  "${bytes[baseline]}" "${bytes[crate]}" "$(echo "${bytes[crate]} / ${bytes[baseline]}" | bc -l)"
objects="$work/objects"
mkdir -p "$objects"
(cd "$objects" && ar x "$(ls -t "$work"/crate-target/release/deps/libstripe_checkout_client-*.rlib | head -1)")
printf "the crate's own object code (text): %d bytes\n" \
  "$(size -t "$objects"/*.o | awk 'END {print $1}')"
echo "($(nproc) cores, $(date -u +%Y-%m-%d), $(rustc --version)${crate_args[*]:+, crate built with ${crate_args[*]}})"
