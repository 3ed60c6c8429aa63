#!/bin/sh
# pair.sh - connect an initiator and an acceptor through two FIFOs.
#
# Usage: pair.sh [-t SECONDS] INITIATOR_CMD... -- ACCEPTOR_CMD...
#
# The initiator's standard output feeds the acceptor's standard input and
# the other way round (tests/interop/peer.c speaks length-prefixed frames
# over them); standard error is left to both.  Each side is run under
# timeout(1), SECONDS (default 60) at most.  Exits 0 when both sides exit
# 0, else 1 after saying which side failed with which status (124: it was
# stopped by the timeout).  PEER_WRAP, when set, is a command (such as
# memcheck through libtool) that both sides run under.
set -u

limit=60
if [ "${1:-}" = -t ]; then
  [ $# -ge 2 ] || { echo "usage: $0 [-t SECONDS] INITIATOR... -- ACCEPTOR..." >&2; exit 2; }
  limit=$2
  shift 2
fi

# Split the arguments at the first "--": the initiator's command is kept
# in the positional parameters, the acceptor's in a quoted string.
n=0
for a in "$@"; do
  [ "$a" = -- ] && break
  n=$((n + 1))
done
if [ $n -eq 0 ] || [ $n -ge $(($# - 1)) ]; then
  echo "usage: $0 [-t SECONDS] INITIATOR... -- ACCEPTOR..." >&2
  exit 2
fi
acceptor=
i=0
for a in "$@"; do
  i=$((i + 1))
  [ $i -gt $((n + 1)) ] || continue
  acceptor="$acceptor '$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'"
done
i=0
for a in "$@"; do
  i=$((i + 1))
  shift
  [ $i -le $n ] && set -- "$@" "$a"
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/libgss-pair.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkfifo "$dir/i2a" "$dir/a2i" || exit 1

# Each side opens its FIFOs inside timeout, in an order that cannot
# deadlock: the initiator opens its output first, the acceptor its input.
timeout "$limit" sh -c 'exec ${PEER_WRAP:-} "$@" >"$0/i2a" <"$0/a2i"' "$dir" "$@" &
ipid=$!
eval "timeout \"\$limit\" sh -c 'exec \${PEER_WRAP:-} \"\$@\" <\"\$0/i2a\" >\"\$0/a2i\"' \"\$dir\" $acceptor" &
apid=$!
wait $ipid
irc=$?
wait $apid
arc=$?

if [ $irc -ne 0 ] || [ $arc -ne 0 ]; then
  echo "pair.sh: initiator exited $irc, acceptor exited $arc" >&2
  exit 1
fi
exit 0
