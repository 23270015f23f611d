# Figures of `newsbrowse serve`, sourced by run.sh (it uses its helpers):
# SESSIONS concurrent SSH sessions over loopback (sshload, a
# golang.org/x/crypto/ssh client) moving in the list, opening and scrolling
# articles, with 2 more clients that stop reading; and the bytes per
# scrolled line of the long CJK article through ssh against less.
SERVE_N=${SERVE_N:-2000}
SERVE_SIZE=${SERVE_SIZE:-6000}
SESSIONS=${SESSIONS:-50}

log "building sshload"
(cd "$ROOT" && go build -o "$WORK/sshload" ./testdata/bench/sshload) || die "build failed"
SCOLL=$WORK/serve-coll-$SERVE_N-$SERVE_SIZE
serve_info=$SCOLL.info
if [[ ! -f $serve_info || $(head -1 "$serve_info") != "$stamp" ]]; then
	log "generating $SERVE_N articles of $SERVE_SIZE B in $SCOLL"
	rm -rf "$SCOLL"
	{ echo "$stamp"; "$WORK/gen" -n "$SERVE_N" -size "$SERVE_SIZE" -out "$SCOLL"; } >"$serve_info.tmp"
	mv "$serve_info.tmp" "$serve_info"
fi

log "serve: $SESSIONS sessions over ssh"
load=$(XDG_STATE_HOME=$(mktemp -d "$WORK/state.XXXXXX") "$WORK/sshload" -bin "$NB" -coll "$SCOLL" -ready "$SERVE_N articles" -sessions "$SESSIONS" -keys 68 -stalled 2) ||
	load="failed"
row "serve: memory per session ($SESSIONS)" "$(kv peak_mb_per_session "$load")" MB "-" "" "<10" \
	"peak VmHWM above the idle server ($(kv base_rss_mb "$load") MB); $(kv idle_mb_per_session "$load") MB after the first frame"
row "serve: key to frame p99, $SESSIONS sessions in step" "$(kv p99_ms "$load")" ms "-" "" "<20" \
	"p50 $(kv p50_ms "$load") ms, max $(kv max_ms "$load") ms; $(kv keys "$load") keys, all sessions typing the same key at once, 2 stalled clients"
row "serve: server CPU per key" "$(kv cpu_ms_per_key "$load")" ms "-" "" - \
	"$(kv keys_per_s "$load") keys/s over all sessions; the client on the same 2 cores: $(kv client_cpu_ms_per_key "$load") ms per key"
spread=$(XDG_STATE_HOME=$(mktemp -d "$WORK/state.XXXXXX") "$WORK/sshload" -bin "$NB" -coll "$SCOLL" -ready "$SERVE_N articles" -sessions "$SESSIONS" -keys 68 -spread 1s) ||
	spread="failed"
row "serve: key to frame p99, $SESSIONS sessions spread" "$(kv p99_ms "$spread")" ms "-" "" "<20" \
	"p50 $(kv p50_ms "$spread") ms, max $(kv max_ms "$spread") ms; each session starts within 1 s; $(kv keys_per_s "$spread") keys/s"

log "serve: bytes per j through ssh"
SLONG=$WORK/serve-long
rm -rf "$SLONG" && mkdir -p "$SLONG" && cp "$LONG" "$SLONG/"
sb=$(XDG_STATE_HOME=$(mktemp -d "$WORK/state.XXXXXX") "$WORK/sshload" -bin "$NB" -coll "$SLONG" -ready "1 article" -scroll "$KEYS") || sb="failed"
ls=$(pty --idle 3 --need-output --keys j --n "$KEYS" -- less "$LONG_PLAIN")
row "serve: bytes/j reader CJK via ssh" "$(kv bytes_per_j_median "$sb")" B "less (plain text, local)" "$(kv per_key_median "$ls")" 1.5 \
	"max $(kv bytes_per_j_max "$sb") vs $(kv per_key_max "$ls"); the channel's bytes, as the client's terminal gets them"
rm -rf "$WORK"/state.* # the fresh state folders of the sessions above
