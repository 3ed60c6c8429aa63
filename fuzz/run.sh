#!/bin/sh
# run.sh - runs the libFuzzer targets that `make fuzz` built, each on a
# seed corpus made from real tokens of a throwaway realm, all at once.
#
#   fuzz/run.sh [-t SECONDS] OUTDIR [TARGET...]
#
# OUTDIR is where `make fuzz` put the targets (fuzz/out in the build
# tree).  TARGETs (default all): decapsulate import_name import_context
# accept init_reply unwrap-aes-sha1 unwrap-aes-sha2 unwrap-camellia
# unwrap-des3 unwrap-rc4 spnego_accept spnego_init_reply.  Each runs for SECONDS (default 10).  The
# corpora grow in OUTDIR/corpus/TARGET; crashes, leaks and timeouts go to
# OUTDIR/findings/.  Prints a line per target with its executions and
# corpus size, and exits 1 when anything was found.  An input that runs
# longer than FUZZ_TIMEOUT seconds (default 60) counts as a finding.
set -u
seconds=10
if [ "${1:-}" = -t ]; then seconds=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [-t SECONDS] OUTDIR [TARGET...]" >&2; exit 2; }
out=$(cd "$1" && pwd) || exit 2
shift
here=$(cd "$(dirname "$0")" && pwd)
realm_sh=$here/../tests/kdc/realm.sh
all="decapsulate import_name import_context accept init_reply unwrap-aes-sha1
  unwrap-aes-sha2 unwrap-camellia unwrap-des3 unwrap-rc4 spnego_accept
  spnego_init_reply"
targets=${*:-$all}

# Inside a realm: make the seeds of FAMILY, then fuzz the targets given.
if [ "${FUZZ_INSIDE:-}" = yes ]; then
  seconds=$FUZZ_SECONDS
  family=$1
  shift
  seeds=$out/seeds-$family
  rm -rf "$seeds"
  mkdir -p "$seeds" "$out/findings"
  "$out/seeds" "$seeds" "$family" || exit 1
  # Every seed AP-REQ is a replay once it has run.
  export KRB5RCACHETYPE=none
  export FUZZ_CONTEXT="$seeds/context-$family"
  for t in "$@"; do
    case $t in
      unwrap-*) bin=unwrap; from=$seeds/$t ;;
      *) bin=$t; from=$seeds/$t ;;
    esac
    mkdir -p "$out/corpus/$t"
    [ -d "$from" ] && cp "$from"/* "$out/corpus/$t/"
    "$out/$bin" -max_total_time="$seconds" -print_final_stats=1 \
      -timeout="${FUZZ_TIMEOUT:-60}" -rss_limit_mb=2048 \
      -artifact_prefix="$out/findings/$t-" "$out/corpus/$t" \
      > "$out/log-$t" 2>&1 &
    pids="${pids:-} $!"
  done
  status=0
  for pid in ${pids:-}; do
    wait "$pid" || status=1
  done
  exit $status
fi

for bin in decapsulate import_name import_context accept init_reply unwrap \
    spnego_accept spnego_init_reply seeds; do
  [ -x "$out/$bin" ] || { echo "run.sh: $out/$bin missing; run make fuzz" >&2; exit 2; }
done

# The targets each realm hosts: the AES-SHA1 one all but the other
# families' unwrap runs.
main=
fam_targets () {
  case $1 in
    aes-sha1) echo "$main" ;;
    *) for t in $targets; do [ "$t" = "unwrap-$1" ] && echo "$t"; done ;;
  esac
}
for t in $targets; do
  case $t in
    unwrap-aes-sha2|unwrap-camellia|unwrap-des3|unwrap-rc4) ;;
    decapsulate|import_name|import_context|accept|init_reply|unwrap-aes-sha1\
    |spnego_accept|spnego_init_reply)
      main="$main $t" ;;
    *) echo "run.sh: unknown target $t" >&2; exit 2 ;;
  esac
done

export FUZZ_INSIDE=yes FUZZ_SECONDS=$seconds
REALM_LIFETIME=$((seconds + 600))
export REALM_LIFETIME
pids=
for pair in aes-sha1:aes256-cts-hmac-sha1-96 aes-sha2:aes256-cts-hmac-sha384-192 \
  camellia:camellia256-cts-cmac des3:des3-cbc-sha1 rc4:arcfour-hmac; do
  family=${pair%%:*}
  these=$(fam_targets "$family")
  # The AES-SHA1 realm also makes the seeds of the other targets.
  [ -n "$these" ] || [ "$family" = aes-sha1 ] || continue
  "$realm_sh" run -e "${pair#*:}" sh "$0" "$out" "$family" $these \
    > "$out/realm-$family.log" 2>&1 &
  pids="$pids $!"
done
status=0
for pid in $pids; do
  wait "$pid" || status=1
done

found=0
for t in $targets; do
  log=$out/log-$t
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" 2>/dev/null | tail -1)
  size=$(ls "$out/corpus/$t" 2>/dev/null | wc -l)
  # Slow units are reported but are no failure.
  crashes=$(ls "$out/findings" 2>/dev/null \
    | grep -Ec "^$t-(crash|leak|timeout|oom)-")
  found=$((found + crashes))
  printf '%-16s %12s executions  corpus %6s  findings %s\n' "$t" "${runs:-?}" "$size" "$crashes"
  [ -n "$runs" ] || { status=1; tail -20 "$log" 2>/dev/null; }
done
[ $found -eq 0 ] || status=1
exit $status
