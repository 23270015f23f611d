#!/usr/bin/env bash
# Scale and speed of newsbrowse beside its peers (find, grep, less).
#
#   bash testdata/bench/run.sh [N]        N articles, default 100000
#
# Environment: BENCH_DIR (work folder, default $TMPDIR/newsbrowse-bench;
# the generated collection is kept there and reused), SIZE (bytes per
# article, 1024), KEYS (key presses per byte measurement, 20).
# Prints one plain-text table. Lives under testdata/ so `go test ./...`
# never runs it.
set -euo pipefail
export LC_ALL=C.UTF-8
unset NO_COLOR # measure the default, coloured output

N=${1:-100000}
SIZE=${SIZE:-1024}
KEYS=${KEYS:-20}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/newsbrowse-bench}
COLL=$WORK/coll-$N-$SIZE
EXTRA=$WORK/extra
# one binary per checkout: runs from two checkouts may share the data
NB=$WORK/newsbrowse-$(printf %s "$ROOT" | sha256sum | cut -c1-8)
PTY=(python3 "$HERE/ptybytes.py")
TIMECMD=(python3 "$HERE/timecmd.py")
export XDG_STATE_HOME=$WORK/state # marks and reading state stay in the work folder

log() { printf '# %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 1; }
mkdir -p "$WORK" "$XDG_STATE_HOME"

# --- build -------------------------------------------------------------------
log "building newsbrowse and the generator"
(cd "$ROOT" && go build -o "$NB" . && go build -o "$WORK/gen" ./testdata/bench/gen) ||
	die "build failed"

# --- data --------------------------------------------------------------------
# The .info files start with a digest of the generator's source: a changed
# generator means new data (N and SIZE are in the folder's name).
stamp=$(cat "$HERE"/gen/*.go | sha256sum | cut -c1-16)
gen_info=$WORK/coll-$N-$SIZE.info
if [[ ! -f $gen_info || $(head -1 "$gen_info") != "$stamp" ]]; then
	log "generating $N articles in $COLL"
	rm -rf "$COLL"
	{ echo "$stamp"; "$WORK/gen" -n "$N" -size "$SIZE" -out "$COLL"; } >"$gen_info.tmp"
	mv "$gen_info.tmp" "$gen_info"
fi
extra_info=$EXTRA.info
if [[ ! -f $extra_info || $(head -1 "$extra_info") != "$stamp" ]]; then
	log "generating the single articles in $EXTRA"
	rm -rf "$EXTRA"
	{ echo "$stamp"; "$WORK/gen" -n 0 -big 10 -long 40000 -ascii 40000 -out "$EXTRA"; } >"$extra_info.tmp"
	mv "$extra_info.tmp" "$extra_info"
fi
info() { sed -n "s/^$1=//p" "$2"; }
TOKEN=$(info token "$gen_info")
TOKEN_FILES=$(info token_files "$gen_info")
BIG=$(info big "$extra_info")
LONG=$(info long "$extra_info")
LONG_PLAIN=$(info long_plain "$extra_info")
ASCII=$(info ascii "$extra_info")
ASCII_PLAIN=$(info ascii_plain "$extra_info")
# text of the first paragraph, to know the reader has drawn its first frame
first_words() { sed -n 3p "$1" | python3 -c 'import sys; print(sys.stdin.read().strip().lstrip("\u3000")[:'"$2"'])'; }
LONG_FIRST=$(first_words "$LONG_PLAIN" 8)
ASCII_FIRST=$(first_words "$ASCII_PLAIN" 14)
BIG_FIRST=$(info big_first "$extra_info")
FULL_FRAME="$N articles"

# --- tools -------------------------------------------------------------------
# Nothing is installed from here: a missing optional tool is named, and its
# rows are measured another way or left out (see README.md, "Speed and memory").
for tool in python3 go find grep less; do
	command -v "$tool" >/dev/null || die "$tool is required"
done
if ! command -v hyperfine >/dev/null; then
	log "hyperfine not found: timing with timecmd.py (for hyperfine's figures: apt-get install hyperfine)"
fi

# mb KB...: the largest of the kB figures given, in MB (empty if none).
# Peak RSS is VmHWM, read before the program quits: the wait4 figure would
# include the memory the forked python had before exec.
mb() { python3 -c 'import sys; v=[int(x) for x in sys.argv[1:] if x.isdigit()]; print("%.1f" % (max(v)/1024) if v else "")' "$@"; }
# seen PTY_OUTPUT: warnings: the awaited text never came on screen, the
# program ended by itself, the screen differs from a full repaint (--verify)
seen() {
	[[ -z $(kv wait "$1") ]] || printf "%s" "; first frame NOT seen"
	[[ $(kv exited_early "$1") != 1 ]] || printf "%s" "; EXITED early"
	case $(kv verify "$1") in
	same) printf "%s" "; screen = full repaint" ;;
	DIFF*) printf "%s" "; SCREEN DIFFERS from a full repaint ($(kv verify "$1"))" ;;
	esac
}

CHECK=$WORK/check
# kv KEY LINE: the value of KEY in a key=value line
kv() { sed -n "s/.*\(^\| \)$1=\([^ ]*\).*/\2/p" <<<"$2"; }

# best CMD...: best wall seconds of 3 runs, after one checking run whose
# line count and exit status go to the file $CHECK, and the CPU time
# (user+system) of the timed runs to $CHECK.cpu: hyperfine's mean, or
# timecmd.py's least. On a loaded machine the CPU time is the steadier.
best() {
	local out json
	out=$(timeout 600 "${TIMECMD[@]}" --runs 1 --warmup 0 -- "$@")
	echo "lines=$(kv lines "$out") rc=$(kv rc "$out") rss=$(mb "$(kv maxrss_kb "$out")")MB" >"$CHECK"
	if command -v hyperfine >/dev/null; then
		json=$(mktemp "$WORK/hf.XXXXXX")
		local q
		q=$(printf '%q ' "$@")
		if timeout 900 hyperfine -N --runs 3 --warmup 0 --output=pipe --export-json "$json" "$q" >/dev/null 2>&1; then
			python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.2f" % (r["user"]+r["system"]), file=open(sys.argv[2], "w")); print("%.4f" % r["min"])' "$json" "$CHECK.cpu"
			rm -f "$json"
			return
		fi
		rm -f "$json"
	fi
	out=$(timeout 900 "${TIMECMD[@]}" --runs 3 --warmup 0 -- "$@")
	printf '%.2f\n' "$(kv cpu_seconds "$out")" >"$CHECK.cpu"
	kv best_seconds "$out"
}

# pty ARGS...: ptybytes.py with a time limit; SIGINT lets it end its child.
# Each run starts from no state: a reading position or read marks left by
# an earlier run would change what is on screen, and so the bytes.
pty() {
	local state
	state=$(mktemp -d "$WORK/state.XXXXXX")
	XDG_STATE_HOME=$state timeout -s INT 600 "${PTY[@]}" "$@" || true
	rm -rf "$state"
}

# frame_best TEXT CMD...: best of 5 times to TEXT on screen at 80x24; the
# least CPU time used by then (frame_cpu_seconds) goes to the file $FRAME_CPU
FRAME_CPU=$WORK/frame_cpu
frame_best() {
	local text=$1 all="" cpus="" t out
	shift
	echo "" >"$FRAME_CPU"
	for _ in 1 2 3 4 5; do
		out=$(pty --until "$text" --startup-settle 0.3 --timeout 120 ${FRAME_OPTS:-} -- "$@")
		t=$(kv frame_seconds "$out")
		if [[ $t == timeout || -z $t ]]; then
			echo timeout
			return
		fi
		all="$all $t"
		cpus="$cpus $(kv frame_cpu_seconds "$out")"
	done
	python3 -c 'import sys; v=[float(x) for x in sys.argv[1:]]; print("%.4f" % min(v) if v else "")' $cpus >"$FRAME_CPU"
	python3 -c 'import sys; print(min(sys.argv[1:], key=float))' $all
}

# --- table -------------------------------------------------------------------
# row LABEL VALUE UNIT PEER_NAME PEER_VALUE TARGET [NOTE]
# TARGET: a ratio (2 means newsbrowse <= 2x the peer), <LIMIT, or -.
ROWS_FILE=$WORK/rows.tsv
: >"$ROWS_FILE"
row() {
	local IFS=$'\t'
	echo "$*" >>"$ROWS_FILE"
}

log "timing --list and find"
t_find=$(best find "$COLL" -type f)
c_find=$(<"$CHECK")
t_list=$(best "$NB" --list "$COLL")
c_list=$(<"$CHECK")
row "--list $N (best of 3)" "$t_list" s "find -type f" "$t_find" 2 "$c_list; find $c_find"

log "timing the TUI's first full frame"
t_frame=$(frame_best "$FULL_FRAME" "$NB" "$COLL")
row "TUI first full frame (best of 5)" "$t_frame" s "find -type f" "$t_find" 3 "until \"$FULL_FRAME\" on screen"
# --ambiguous auto asks the terminal after the first frame: one that never
# answers must get its first frame as fast
t_silent=$(FRAME_OPTS=--silent frame_best "$FULL_FRAME" "$NB" "$COLL")
row "TUI first full frame, terminal never answers (best of 5)" "$t_silent" s "find -type f" "$t_find" 3 "same, no query answered"

log "timing --grep, grep and rg, run alternately"
# The machine's speed drifts from minute to minute; the --grep rows are
# judged on runs taken in turn with their peer (paired.py), not on the best
# of a few runs of each taken at different moments.
PAIRED_RUNS=${PAIRED_RUNS:-9}
# paired CMD_A... --vs CMD_B...: one checking run of A (line count and exit
# status to $CHECK, as best does), then both alternately: prints the
# key=value line of paired.py
paired() {
	local a=() out
	while [[ $1 != --vs ]]; do
		a+=("$1")
		shift
	done
	out=$(timeout 600 "${TIMECMD[@]}" --runs 1 --warmup 0 -- "${a[@]}")
	echo "lines=$(kv lines "$out") rc=$(kv rc "$out") rss=$(mb "$(kv maxrss_kb "$out")")MB" >"$CHECK"
	timeout 1800 python3 "$HERE/paired.py" --runs "$PAIRED_RUNS" -- "${a[@]}" "$@"
}
# pair_note PAIRED_LINE: what a row says of the runs side by side
pair_note() {
	printf 'A/B side by side: median %s (%s-%s); best %s vs %s s; CPU %s vs %s s' \
		"$(kv ratio_median "$1")" "$(kv ratio_min "$1")" "$(kv ratio_max "$1")" \
		"$(kv a_best_seconds "$1")" "$(kv b_best_seconds "$1")" "$(kv a_cpu_seconds "$1")" "$(kv b_cpu_seconds "$1")"
}
c_grep=$(grep -rc -F "$TOKEN" "$COLL" | grep -vc ':0$' || true)
p_rare=$(paired "$NB" --grep "$TOKEN" "$COLL" --vs grep -rc -F "$TOKEN" "$COLL")
c_nbgrep=$(<"$CHECK")
t_nbgrep=$(kv a_median_seconds "$p_rare")
t_grep=$(kv b_median_seconds "$p_rare")
cpu_grep=$(kv b_cpu_seconds "$p_rare")
# a rare word: the prefilter spares cleaning the articles that cannot hold it
row "--grep $TOKEN, a rare word (median of $PAIRED_RUNS, alternating)" "$t_nbgrep" s "grep -rc -F" "$t_grep" 1 \
	"$(pair_note "$p_rare"); $c_nbgrep (expect $TOKEN_FILES); grep: $c_grep files"
# a word found in most articles: every one of them is cleaned and counted
COMMON=${COMMON:-服务}
p_common=$(paired "$NB" --grep "$COMMON" "$COLL" --vs grep -rc -F "$COMMON" "$COLL")
c_nbgrepc=$(<"$CHECK")
row "--grep $COMMON, a common word (median of $PAIRED_RUNS, alternating)" "$(kv a_median_seconds "$p_common")" s "grep -rc -F" "$(kv b_median_seconds "$p_common")" 1.5 \
	"$(pair_note "$p_common"); $c_nbgrepc ($(grep -rlF "$COMMON" "$COLL" | wc -l) files hold the bytes; folding finds more)"
if command -v rg >/dev/null; then
	p_rg=$(paired "$NB" --grep "$TOKEN" "$COLL" --vs rg -c -F "$TOKEN" "$COLL")
	row "--grep $TOKEN vs ripgrep (median, alternating)" "$(kv a_median_seconds "$p_rg")" s "rg -c -F" "$(kv b_median_seconds "$p_rg")" - "$(pair_note "$p_rg")"
else
	row "--grep $TOKEN vs ripgrep" "$t_nbgrep" s "rg" "" - "ripgrep not installed"
fi

log "timing --export against grep -rc (the floor of reading every file)"
t_export=$(best "$NB" --export "$COLL")
c_export=$(<"$CHECK")
row "--export $N (best of 3)" "$t_export" s "grep -rc -F" "$t_grep" - \
	"CPU $(<"$CHECK.cpu") s vs ${cpu_grep} s; $c_export (expect $N lines); every article cleaned, hashed, encoded"

log "timing --grep without the folding of traditional characters"
p_fold=$(paired "$NB" --grep "$TOKEN" "$COLL" --vs "$NB" --grep "$TOKEN" --no-fold-variants "$COLL")
row "--grep $TOKEN, variants folded (median, alternating)" "$(kv a_median_seconds "$p_fold")" s "--no-fold-variants" "$(kv b_median_seconds "$p_fold")" 1.1 "數據庫 = 数据库 by OpenCC's character tables; $(pair_note "$p_fold")"
p_foldc=$(paired "$NB" --grep "$COMMON" "$COLL" --vs "$NB" --grep "$COMMON" --no-fold-variants "$COLL")
row "--grep $COMMON, variants folded (median, alternating)" "$(kv a_median_seconds "$p_foldc")" s "--no-fold-variants" "$(kv b_median_seconds "$p_foldc")" 1.1 "$(pair_note "$p_foldc")"

log "a zip archive of the collection: --list and the first frame against unzip -l"
ZIP=$WORK/coll-$N-$SIZE.zip
if [[ ! -f $ZIP || $gen_info -nt $ZIP ]]; then
	log "zipping $COLL"
	python3 - "$COLL" "$ZIP.tmp" <<'PY'
import os, sys, zipfile
root, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            z.write(p, os.path.relpath(p, root))
PY
	mv "$ZIP.tmp" "$ZIP"
fi
if command -v unzip >/dev/null; then
	t_unzip=$(best unzip -l "$ZIP")
	c_unzip=$(<"$CHECK")
	t_zlist=$(best "$NB" --list "$ZIP")
	c_zlist=$(<"$CHECK")
	row "--list of a zip of $N (best of 3)" "$t_zlist" s "unzip -l" "$t_unzip" 2 "$c_zlist; unzip $c_unzip"
	rss_z=$(kv rss "$c_zlist")
	rss_u=$(kv rss "$c_unzip")
	row "peak RSS, --list of the zip" "${rss_z%MB}" MB "unzip -l" "${rss_u%MB}" 2 "the folder: $(kv rss "$c_list")"
	t_zframe=$(frame_best "$FULL_FRAME" "$NB" "$ZIP")
	row "TUI first full frame, zip (best of 5)" "$t_zframe" s "unzip -l" "$t_unzip" 2 "until \"$FULL_FRAME\" on screen"
else
	row "--list of a zip of $N" "" s "unzip -l" "" - "unzip not installed (apt-get install unzip)"
fi

# reader_bytes LABEL WAIT_TEXT PEER_FILE FILE: per-key and idle bytes of
# the reader on FILE (once WAIT_TEXT is on screen) and of less on PEER_FILE
reader_bytes() {
	local label=$1 wait=$2 peer=$3 file=$4 nb ls
	log "bytes per j: reader, $label"
	nb=$(pty --wait "$wait" --idle 3 --need-output --keys j --n "$KEYS" --verify -- "$NB" "$file")
	ls=$(pty --idle 3 --need-output --keys j --n "$KEYS" -- less "$peer")
	row "bytes/j reader $label 80x24" "$(kv per_key_median "$nb")" B "less (plain text)" "$(kv per_key_median "$ls")" 2 \
		"max $(kv per_key_max "$nb") vs $(kv per_key_max "$ls"); $(kv ms_median "$nb") ms/key vs $(kv ms_median "$ls")$(seen "$nb")"
	row "idle bytes 3 s, reader $label" "$(kv idle_bytes "$nb")" B "less" "$(kv idle_bytes "$ls")" "<1" "start-up $(kv startup_bytes "$nb") B vs $(kv startup_bytes "$ls") B"
}
reader_bytes CJK "$LONG_FIRST" "$LONG_PLAIN" "$LONG"
reader_bytes ASCII "$ASCII_FIRST" "$ASCII_PLAIN" "$ASCII"

log "bytes per j: list"
"$NB" --list "$COLL" | cut -f3 >"$WORK/names.txt"
nb=$(pty --wait "$FULL_FRAME" --idle 3 --need-output --keys j --n "$KEYS" --verify -- "$NB" "$COLL")
ls=$(pty --idle 3 --need-output --keys j --n "$KEYS" -- less "$WORK/names.txt")
row "bytes/j list, selection moves" "$(kv per_key_median "$nb")" B "less (name list)" "$(kv per_key_median "$ls")" 2 "max $(kv per_key_max "$nb") vs $(kv per_key_max "$ls"); $(kv ms_median "$nb") ms/key$(seen "$nb")"
row "idle bytes 3 s, list" "$(kv idle_bytes "$nb")" B "less" "$(kv idle_bytes "$ls")" "<1" "start-up $(kv startup_bytes "$nb") B vs $(kv startup_bytes "$ls") B"
pre=$(printf 'j,%.0s' $(seq 30))
nb=$(pty --wait "$FULL_FRAME" --pre "$pre" --settle 0.15 --need-output --keys j --n "$KEYS" --verify -- "$NB" "$COLL")
row "bytes/j list, past the last row" "$(kv per_key_median "$nb")" B "less (name list)" "$(kv per_key_median "$ls")" - "max $(kv per_key_max "$nb"); $(kv ms_median "$nb") ms/key$(seen "$nb")"
# with the preview pane (>= 100 columns): one key at rest (the preview
# follows each move), and j held down (60 keys one every 33 ms, through
# the last row: the preview follows once, where the selection rests)
wide=(--cols 120 --rows 30)
nb=$(pty "${wide[@]}" --wait "$FULL_FRAME" --need-output --keys j --n "$KEYS" --verify -- "$NB" "$COLL")
ls=$(pty "${wide[@]}" --need-output --keys j --n "$KEYS" -- less "$WORK/names.txt")
row "bytes/j list + preview 120x30, at rest" "$(kv per_key_median "$nb")" B "less (name list)" "$(kv per_key_median "$ls")" - "the preview follows each move; max $(kv per_key_max "$nb"); $(kv ms_median "$nb") ms/key$(seen "$nb")"
nb=$(pty "${wide[@]}" --wait "$FULL_FRAME" --keys j --n 60 --hold 33 --verify -- "$NB" "$COLL")
ls=$(pty "${wide[@]}" --keys j --n 60 --hold 33 -- less "$WORK/names.txt")
row "bytes/j list + preview 120x30, j held" "$(kv hold_per_key "$nb")" B "less (name list)" "$(kv hold_per_key "$ls")" - "60 keys 33 ms apart, past the last row, the preview once at the end: $(kv hold_bytes "$nb") B in all$(seen "$nb")"

log "reader on a 10 MB one-line article"
t_big=$(frame_best "$BIG_FIRST" "$NB" "$BIG")
cpu_big=$(<"$FRAME_CPU")
t_bigless=$(frame_best "$BIG_FIRST" less "$BIG")
cpu_bigless=$(<"$FRAME_CPU")
row "reader first frame, 10 MB (best 5)" "$t_big" s "less (raw file)" "$t_bigless" 10 "until \"$BIG_FIRST\" on screen; CPU by then $cpu_big s vs $cpu_bigless s"
big=$(pty --wait "$BIG_FIRST" --need-output --keys "j,G,g" --n 3 --settle 0.5 --rss -- "$NB" "$BIG")
row "reader peak RSS, 10 MB article" "$(mb "$(kv peak_rss_kb "$big")")" MB "-" "" - \
	"after j,G,g x3: per key median $(kv per_key_median "$big") B, max $(kv per_key_max "$big") B, $(kv ms_median "$big") ms (max $(kv ms_max "$big"))$(seen "$big")"

log "resize and first screen of a 10 MB article (Go benchmarks, no terminal)"
benchms() { awk -v n="$1" '$1 ~ "^"n"-" {printf "%.1f", $3/1e6}'; }
bench=$(cd "$ROOT" && go test -run '^$' -bench '10MB' -benchtime 20x ./tui/reader 2>/dev/null)
lbench=$(cd "$ROOT" && go test -run '^$' -bench 'FirstPartOf10MB|Load10MB' -benchtime 5x ./loader 2>/dev/null)
row "open 10 MB: first part read and cleaned" "$(benchms BenchmarkFirstPartOf10MB <<<"$lbench")" ms "the whole (Load)" "$(benchms BenchmarkLoad10MB <<<"$lbench")" - \
	"before the first frame only the first 132 KB of the file are read (BenchmarkFirstPartOf10MB, BenchmarkLoad10MB)"
for shape in paragraphs one-paragraph; do
	row "reader resize, 10 MB in $shape" "$(benchms "BenchmarkResize10MB/$shape" <<<"$bench")" ms "-" "" "<50" \
		"to the next frame; first screen $(benchms "BenchmarkFirstScreen10MB/$shape" <<<"$bench") ms (BenchmarkResize10MB, BenchmarkFirstScreen10MB)"
done

log "peak RSS of 50 MB one-line articles: --print and the reader"
HUGE=$WORK/huge50
if [[ ! -f $HUGE.info || $(head -1 "$HUGE.info") != "$stamp" ]]; then
	rm -rf "$HUGE"
	{ echo "$stamp"; "$WORK/gen" -n 0 -big 50 -out "$HUGE"; } >"$HUGE.info.tmp"
	# 50 MB of one unbreakable word
	{ echo "1一个词.txt"; head -c $((50 << 20)) /dev/zero | tr '\0' a; echo; } >"$HUGE/1一个词.txt"
	mv "$HUGE.info.tmp" "$HUGE.info"
fi
for f in "$(info big "$HUGE.info")" "$HUGE/1一个词.txt"; do
	size=$(($(stat -c %s "$f") >> 20))
	label="one-line article"
	wait=$(info big_first "$HUGE.info")
	if [[ $f == */1一个词.txt ]]; then label="one-word article" wait=aaaaaaaaaa; fi
	out=$(timeout 600 "${TIMECMD[@]}" --runs 1 --warmup 0 -- "$NB" --print --width 80 "$f")
	row "--print peak RSS, $size MB $label" "$(mb "$(kv maxrss_kb "$out")")" MB "-" "" "<$((4 * size))" "4x the article; wait4 figure"
	t=$(frame_best "$wait" "$NB" "$f")
	cpu=$(<"$FRAME_CPU")
	t_less=$(frame_best "$wait" less "$f")
	row "reader first frame, $size MB $label (best 5)" "$t" s "less (raw file)" "$t_less" 10 "CPU by then $cpu s vs $(<"$FRAME_CPU") s; the whole is cleaned after it"
	# G waits for the status line's share of the text, which comes with
	# the whole article: the peak is that of cleaning it whole
	out=$(pty --wait "$wait" --timeout 300 --need-output --keys "j,G,g" --ready 'G=% *$' --n 1 --settle 1 --rss -- "$NB" "$f")
	row "reader peak RSS, $size MB $label" "$(mb "$(kv peak_rss_kb "$out")")" MB "-" "" "<$((4 * size))" "4x the article; after j,G (the whole cleaned),g$(seen "$out")"
done

log "peak RSS: scroll the list, open and close 100 articles"
pre="G,g$(printf ',pgdn%.0s' $(seq 20))"
# each enter waits for the reader's status (ending in N%), each q for the
# list's (ending in i/N), so no key is typed ahead of a slow answer
rss=$(pty --wait "$FULL_FRAME" --timeout 120 --pre "$pre" --need-output --keys "enter,q,j" --n 100 --settle 0.1 \
	--ready 'enter=%$' --ready "q=/$N\$" --rss --verify -- "$NB" "$COLL")
row "TUI peak RSS, list + 100 opens" "$(mb "$(kv peak_rss_kb "$rss")")" MB "-" "" "<100" \
	"VmHWM; $(kv keys "$rss") keys: median $(kv per_key_median "$rss") B, max $(kv per_key_max "$rss") B, $(kv ms_median "$rss") ms (max $(kv ms_max "$rss"))$(seen "$rss")"

log "keys typed ahead: enter and q in one read"
quits=0
for _ in 1 2 3 4 5; do
	out=$(pty --wait "$FULL_FRAME" --keys "j,enter+q" --n 1 --settle 0.5 -- "$NB" "$COLL")
	[[ $(kv exited_early "$out") != 1 ]] || quits=$((quits + 1))
done
row "enter+q typed ahead: program quit" "$quits" "/5" "-" "" "<1" "expected: back in the list, program still running"

# --- newsbrowse serve ----------------------------------------------------------
source "$HERE/serve.sh"

# --- report ------------------------------------------------------------------
echo "newsbrowse bench: N=$N articles of ~$SIZE B, $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine makes times noisy)"
echo "collection: $COLL ($(du -sh "$COLL" | cut -f1)); timing: $(command -v hyperfine >/dev/null && echo 'hyperfine, min of 3' || echo 'timecmd.py, min of 3'), warm cache; pty 80x24"
python3 "$HERE/table.py" <"$ROWS_FILE"
