#!/usr/bin/env bash
# The benchmark: mdbook-hugo against the floor, an identity preprocessor written the usual way
# (preprocessor/examples/identity.rs), on synthetic series of 100, 1,000 and 10,000 posts of about
# 4 KB (preprocessor/examples/gen-bench.rs). Needs hyperfine, GNU time (/usr/bin/time) and, for the
# real build, the mdbook CLI.
#
#   scripts/bench.sh              # everything: ratios, linearity, peak memory, the real build
#   ROUNDS=9 scripts/bench.sh     # more rounds when the machine is noisy
#   SIZES="10000" BUILD=0 scripts/bench.sh
#   BUILD_POSTS=1000 BUILD_ROUNDS=5 ...  # the real `mdbook build` part (3 rounds by default)
#   SITE=0 scripts/bench.sh       # without the site-mode rows
#
# The site-mode rows: the same series as a Hugo site (`gen-bench N --site DIR`), mdbook-hugo
# making the whole book from it (`chapters = "site"`: mdBook sends an empty book, the site is
# read from disk, its page cache warm after hyperfine's warm-up) against the floor on the same
# book sent as chapters (every page of the site listed in SUMMARY.md).
#
# hyperfine runs all runs of one command before the next, so a machine whose load changes would
# favour one of them. Here each round is one short hyperfine session over both commands (their
# order swapped every round), a round's ratio compares runs made seconds apart, and the result is
# the median over rounds.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-7}
RUNS=${RUNS:-3}
SIZES=${SIZES:-"100 1000 10000"}
BUILD=${BUILD:-1}
SITE=${SITE:-1}
BUILD_POSTS=${BUILD_POSTS:-1000}
MDBOOK=${MDBOOK:-$(command -v mdbook || echo "$HOME/.cargo/bin/mdbook")}
OUT=target/bench

for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench.sh: needs $tool (apt-get install hyperfine time)" >&2; exit 1; }
done

cargo build --quiet --release --locked -p mdbook-hugo --bin mdbook-hugo --example identity --example gen-bench
HUGO=$PWD/target/release/mdbook-hugo
FLOOR=$PWD/target/release/examples/identity
GEN=$PWD/target/release/examples/gen-bench
mkdir -p "$OUT"

median() { sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# rounds NAME CMD_A CMD_B [CMD_C]: each round one hyperfine session over the commands, their
# order rotated; prints "median_a median_b median_c median_ratio min_ratio max_ratio" (seconds;
# ratio = B/A per round; median_c is 0 without CMD_C).
rounds() {
  local name=$1 csv r i
  local -a cmds=("${@:2}") order
  local n=${#cmds[@]}
  : >"$OUT/$name.rounds"
  for r in $(seq 0 $((ROUNDS - 1))); do
    csv=$OUT/$name.round.csv
    order=()
    for i in $(seq 0 $((n - 1))); do order+=("${cmds[$(((i + r) % n))]}"); done
    hyperfine --style none --warmup 1 --runs "$RUNS" --export-csv "$csv" "${order[@]}" >/dev/null 2>>"$OUT/hyperfine.log"
    # Back to the commands' own order: row 2 + ((i - r) mod n) of the CSV is command i.
    for i in $(seq 0 $((n - 1))); do
      awk -F, -v row=$((2 + ((i - r % n + n) % n))) 'NR==row {printf "%s ", $4}' "$csv"
    done >>"$OUT/$name.rounds"
    echo >>"$OUT/$name.rounds"
  done
  local ma mb mc=0 ratios
  ma=$(awk '{print $1}' "$OUT/$name.rounds" | median)
  mb=$(awk '{print $2}' "$OUT/$name.rounds" | median)
  ((n > 2)) && mc=$(awk '{print $3}' "$OUT/$name.rounds" | median)
  ratios=$(awk '{printf "%.4f\n", $2/$1}' "$OUT/$name.rounds" | sort -g)
  echo "$ma $mb $mc $(median <<<"$ratios") $(head -1 <<<"$ratios") $(tail -1 <<<"$ratios")"
}

ms() { awk -v s="$1" 'BEGIN {printf "%.1f", s*1000}'; }

echo "mdbook-hugo against the identity floor: $ROUNDS rounds of $RUNS runs each, medians"
echo "(floor: parse_input on locked stdin + to_writer; fast floor: read_to_string + from_str + to_writer)"
printf '%8s %9s %10s %15s %10s %8s %13s\n' posts "JSON MB" "floor ms" "fast floor ms" "hugo ms" ratio "ratio range"
declare -A HUGO_S
for n in $SIZES; do
  json=$OUT/$n.json
  [[ -s $json && $json -nt $GEN ]] || "$GEN" "$n" "$json"
  read -r fa hb fc ratio lo hi < <(rounds "posts-$n" "$FLOOR < $json > /dev/null" "$HUGO < $json > /dev/null" "$FLOOR --fast < $json > /dev/null")
  HUGO_S[$n]=$hb
  printf '%8s %9.1f %10s %15s %10s %7.2fx %8.2f-%.2fx\n' "$n" "$(awk -v s="$(stat -c %s "$json")" 'BEGIN {print s/1e6}')" \
    "$(ms "$fa")" "$(ms "$fc")" "$(ms "$hb")" "$ratio" "$lo" "$hi"
done

# Linear: each tenfold step in posts costs at most tenfold time.
prev=
for n in $SIZES; do
  if [[ -n $prev ]]; then
    awk -v a="${HUGO_S[$prev]}" -v b="${HUGO_S[$n]}" -v p="$prev" -v n="$n" \
      'BEGIN {printf "linear: %s -> %s posts (x%g): time x%.2f\n", p, n, n/p, b/a}'
  fi
  prev=$n
done

# Peak memory at the largest size, against the input JSON's size.
n=${SIZES##* }
json=$OUT/$n.json
size=$(stat -c %s "$json")
for bin in "$FLOOR" "$HUGO"; do
  rss=$(/usr/bin/time -f %M "$bin" <"$json" 2>&1 >/dev/null | tail -1)
  awk -v k="$rss" -v s="$size" -v b="$(basename "$bin")" \
    'BEGIN {printf "peak RSS %-12s %6.1f MB = %.2fx the input JSON (%.1f MB)\n", b, k/1024, k*1024/s, s/1e6}'
done

# Site mode: mdbook-hugo reading the Hugo site from disk (site.json: the context, an empty book)
# against the floor on the same book as chapters (full.json); peak RSS against full.json.
if [[ $SITE == 1 ]]; then
  echo
  echo "site mode: mdbook-hugo making the book from the Hugo site on disk, against the floor on the same book as chapters"
  printf '%8s %9s %10s %10s %8s %13s %8s %9s %9s\n' posts "JSON MB" "floor ms" "hugo ms" ratio "ratio range" "out MB" "RSS MB" "RSS/JSON"
  declare -A SITE_S
  for n in $SIZES; do
    dir=$OUT/site-$n
    [[ -s $dir/full.json && $dir/full.json -nt $GEN ]] || "$GEN" "$n" --site "$dir"
    # The first run copies the bundles' files into the book; later runs find them there.
    "$HUGO" <"$dir/site.json" >"$OUT/site-$n.out.json"
    read -r fa hb _ ratio lo hi < <(rounds "site-$n" "$FLOOR < $dir/full.json > /dev/null" "$HUGO < $dir/site.json > /dev/null")
    SITE_S[$n]=$hb
    size=$(stat -c %s "$dir/full.json")
    rss=$(/usr/bin/time -f %M "$HUGO" <"$dir/site.json" 2>&1 >/dev/null | tail -1)
    printf '%8s %9.1f %10s %10s %7.2fx %8.2f-%.2fx %8.1f %9.1f %8.2fx\n' "$n" "$(awk -v s="$size" 'BEGIN {print s/1e6}')" \
      "$(ms "$fa")" "$(ms "$hb")" "$ratio" "$lo" "$hi" "$(awk -v s="$(stat -c %s "$OUT/site-$n.out.json")" 'BEGIN {print s/1e6}')" \
      "$(awk -v k="$rss" 'BEGIN {print k/1024}')" "$(awk -v k="$rss" -v s="$size" 'BEGIN {print k*1024/s}')"
  done
  prev=
  for n in $SIZES; do
    if [[ -n $prev ]]; then
      awk -v a="${SITE_S[$prev]}" -v b="${SITE_S[$n]}" -v p="$prev" -v n="$n" \
        'BEGIN {printf "linear (site mode): %s -> %s posts (x%g): time x%.2f\n", p, n, n/p, b/a}'
    fi
    prev=$n
  done
fi

# The real build: `mdbook build` of the same book with mdbook-hugo, with the identity floor, and
# with no preprocessor at all. mdbook-hugo runs through a wrapper that logs its own wall time, so
# its share of the build is measured inside the build itself.
if [[ $BUILD == 1 ]]; then
  [[ -x $MDBOOK ]] || { echo "bench.sh: no mdbook CLI at $MDBOOK (cargo install mdbook --version 0.5.4 --locked)"; exit 0; }
  inside=$PWD/$OUT/inside-$BUILD_POSTS.txt
  timed=$PWD/$OUT/timed-mdbook-hugo
  printf '#!/bin/sh\n[ "$1" = supports ] && exit 0\nexec /usr/bin/time -f %%e -a -o %s %s "$@"\n' "$inside" "$HUGO" >"$timed"
  chmod +x "$timed"
  for v in hugo floor none; do
    case $v in hugo) cmd=$timed ;; floor) cmd=$FLOOR ;; none) cmd= ;; esac
    dir=$OUT/book-$BUILD_POSTS-$v
    "$GEN" "$BUILD_POSTS" --book "$dir" $cmd
  done
  b=$OUT/book-$BUILD_POSTS
  : >"$inside"
  saved=$ROUNDS; ROUNDS=${BUILD_ROUNDS:-3}
  read -r none hugo floor _ < <(rounds "build-$BUILD_POSTS" "$MDBOOK build $b-none 2>/dev/null" \
    "$MDBOOK build $b-hugo 2>/dev/null" "$MDBOOK build $b-floor 2>/dev/null")
  ROUNDS=$saved
  self=$(median <"$inside")
  awk -v none="$none" -v floor="$floor" -v hugo="$hugo" -v self="$self" -v n="$BUILD_POSTS" 'BEGIN {
    printf "mdbook build, %s posts: no preprocessor %.0f ms, identity floor %.0f ms, mdbook-hugo %.0f ms\n", n, none*1000, floor*1000, hugo*1000;
    printf "mdbook-hugo itself inside that build: %.0f ms = %.1f%% of it\n", self*1000, self/hugo*100;
    printf "the build with mdbook-hugo against the identity floor: +%.0f ms (%.1f%%; mdBook rendering the richer pages included)\n", (hugo-floor)*1000, (hugo-floor)/hugo*100 }'
fi
