#!/usr/bin/env bash
# Mutation testing with cargo-mutants: every change a bug could make to the library should
# make a test fail. Run over all of src/ (the default), or only over the lines changed since a
# commit:
#
#   bash scripts/mutants.sh                 # every file under src/ (hours on 2 cores)
#   bash scripts/mutants.sh --since main~3  # only mutants on lines changed since main~3
#   bash scripts/mutants.sh -f src/discounts/update.rs   # any cargo-mutants options
#   bash scripts/mutants.sh --recheck mutants.out/missed.txt   # survivors, every suite
#
# A run uses the unit tests and the integration binary (fast to rebuild). `--recheck` runs
# the survivors of a run again against every suite, doc-tests included: a mutant a doc-test
# catches is caught.
#
# Mutants that cannot change behaviour are skipped in .cargo/mutants.toml, each with its
# reason. Results land in mutants.out/ (ignored by git): missed.txt lists the survivors.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo mutants --version >/dev/null 2>&1; then
  cargo install cargo-mutants --locked
fi

args=()
suites=(--cargo-arg=--lib --cargo-arg=--test=integration)
if [ "${1:-}" = "--recheck" ]; then
  missed=${2:?usage: scripts/mutants.sh --recheck <missed.txt>}
  shift 2
  suites=()
  # Each survivor by its file and its description; line numbers move as the code is edited.
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    file=${line%%:*}
    what=$(printf '%s' "${line#*: }" | sed 's/[][\\.*^$(){}?+|/]/\\&/g')
    args+=(-f "$file" --re "$what")
  done < "$missed"
  if [ ${#args[@]} -eq 0 ]; then
    echo "no survivors in $missed"
    exit 0
  fi
elif [ "${1:-}" = "--since" ]; then
  base=${2:?usage: scripts/mutants.sh --since <commit>}
  shift 2
  diff_file=$(mktemp)
  trap 'rm -f "$diff_file"' EXIT
  git diff "$base" -- src/ > "$diff_file"
  args+=(--in-diff "$diff_file")
fi

# Each mutant is one rebuild and link of the test binaries: the `mutants` profile (Cargo.toml)
# drops debug info, and mold, where installed, links in a fraction of the time (about 10 s a
# mutant becomes 7 s on 2 cores).
if command -v mold >/dev/null 2>&1; then
  export RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=-fuse-ld=mold"
fi

# The library's unit tests and the integration binary are the suites that exercise src/;
# doc-tests are left to `--recheck` for time (they compile as one more binary per mutant).
# Naming the suites in the build too (`--cargo-arg`) keeps the examples and benches from
# being rebuilt for every mutant.
# The layout test reads src/ for import cycles, which no mutant adds, and is the integration
# binary's slowest test (4.7 s under nextest on 2 busy cores): it is skipped, the rest run for
# every mutant.
cargo mutants --all-features --profile mutants "${suites[@]}" "${args[@]}" "$@" \
  -- -- --skip layout::src_has_no_import_cycles
