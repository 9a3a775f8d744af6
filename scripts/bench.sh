#!/usr/bin/env bash
# The benchmark: mdbook-hugo against the floor, an identity preprocessor written the usual way
# (preprocessor/examples/identity.rs), on synthetic series of 100, 1,000 and 10,000 posts of about
# 4 KB (preprocessor/examples/gen-bench.rs). Needs hyperfine, GNU time (/usr/bin/time) and, for the
# real build, the mdbook CLI.
#
#   scripts/bench.sh              # everything: ratios, linearity, peak memory, the real build
#   ROUNDS=9 scripts/bench.sh     # more rounds when the machine is noisy
#   SIZES="10000" BUILD=0 scripts/bench.sh
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

# rounds NAME CMD_A CMD_B: prints "median_a median_b median_ratio min_ratio max_ratio" (seconds).
rounds() {
  local name=$1 a=$2 b=$3 csv ra rb
  : >"$OUT/$name.rounds"
  for r in $(seq 1 "$ROUNDS"); do
    csv=$OUT/$name.round.csv
    if ((r % 2)); then
      hyperfine --style none --warmup 1 --runs "$RUNS" --export-csv "$csv" "$a" "$b" >/dev/null
      ra=$(awk -F, 'NR==2 {print $4}' "$csv"); rb=$(awk -F, 'NR==3 {print $4}' "$csv")
    else
      hyperfine --style none --warmup 1 --runs "$RUNS" --export-csv "$csv" "$b" "$a" >/dev/null
      rb=$(awk -F, 'NR==2 {print $4}' "$csv"); ra=$(awk -F, 'NR==3 {print $4}' "$csv")
    fi
    echo "$ra $rb" >>"$OUT/$name.rounds"
  done
  local ma mb ratios
  ma=$(awk '{print $1}' "$OUT/$name.rounds" | median)
  mb=$(awk '{print $2}' "$OUT/$name.rounds" | median)
  ratios=$(awk '{printf "%.4f\n", $2/$1}' "$OUT/$name.rounds" | sort -g)
  echo "$ma $mb $(median <<<"$ratios") $(head -1 <<<"$ratios") $(tail -1 <<<"$ratios")"
}

echo "mdbook-hugo against the identity floor: $ROUNDS rounds of $RUNS runs each, medians"
printf '%8s %10s %12s %12s %8s %16s\n' posts "JSON MB" "floor ms" "hugo ms" ratio "ratio range"
declare -A HUGO_S
for n in $SIZES; do
  json=$OUT/$n.json
  [[ -s $json && $json -nt $GEN ]] || "$GEN" "$n" "$json"
  read -r fa hb ratio lo hi < <(rounds "posts-$n" "$FLOOR < $json > /dev/null" "$HUGO < $json > /dev/null")
  HUGO_S[$n]=$hb
  printf '%8s %10.1f %12.1f %12.1f %7.2fx %10.2f-%.2fx\n' "$n" "$(awk -v s="$(stat -c %s "$json")" 'BEGIN {print s/1e6}')" \
    "$(awk -v s="$fa" 'BEGIN {print s*1000}')" "$(awk -v s="$hb" 'BEGIN {print s*1000}')" "$ratio" "$lo" "$hi"
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

# The real build: `mdbook build` of the same book with mdbook-hugo, with the identity floor, and
# with no preprocessor at all; the preprocessor's share is what it adds over no preprocessor.
if [[ $BUILD == 1 ]]; then
  [[ -x $MDBOOK ]] || { echo "bench.sh: no mdbook CLI at $MDBOOK (cargo install mdbook --version 0.5.4 --locked)"; exit 0; }
  for v in hugo floor none; do
    case $v in hugo) cmd=$HUGO ;; floor) cmd=$FLOOR ;; none) cmd= ;; esac
    dir=$OUT/book-$BUILD_POSTS-$v
    [[ -d $dir/src && $dir/book.toml -nt $GEN ]] || "$GEN" "$BUILD_POSTS" --book "$dir" $cmd
  done
  b=$OUT/book-$BUILD_POSTS
  saved=$ROUNDS; ROUNDS=$(( (ROUNDS + 1) / 2 ))
  read -r none hugo _ < <(rounds "build-none" "$MDBOOK build $b-none 2>/dev/null" "$MDBOOK build $b-hugo 2>/dev/null")
  read -r floor hugo2 _ < <(rounds "build-floor" "$MDBOOK build $b-floor 2>/dev/null" "$MDBOOK build $b-hugo 2>/dev/null")
  ROUNDS=$saved
  awk -v none="$none" -v floor="$floor" -v hugo="$hugo" -v hugo2="$hugo2" -v n="$BUILD_POSTS" 'BEGIN {
    printf "mdbook build, %s posts: no preprocessor %.0f ms, identity floor %.0f ms, mdbook-hugo %.0f ms\n", n, none*1000, floor*1000, (hugo+hugo2)*500;
    printf "mdbook-hugo share of the build: %.1f%% (all it adds over no preprocessor, JSON both ways included)\n", (hugo-none)/hugo*100 }'
fi
