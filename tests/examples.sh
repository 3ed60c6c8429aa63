#!/bin/sh
# The example client and server (examples/) in a throwaway realm: a
# context, the client's name on the server and the service's on the
# client, a wrapped message each way; then two clients that must be
# refused (a ticket for another service, no ticket at all) by a server
# that has to survive them.  Skips (77) without MIT's KDC.  Both
# programs run under memcheck when make check does (VALGRIND_RUN): a
# refused client must exit 1, its own failure, not a crash or a memcheck
# error (99).
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
me=examples.sh

if [ "${1:-}" != --in-realm ]; then
  for prog in client server; do
    [ -x "$builddir/examples/$prog" ] || {
      echo "$me: $builddir/examples/$prog is not built" >&2
      exit 99
    }
  done
  exec "$srcdir/tests/kdc/realm.sh" run sh "$0" --in-realm
fi

run=${VALGRIND_RUN:-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/examples.XXXXXX") || exit 99
server_pid=
cleanup () {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

status=0
fail () {
  echo "$me: FAIL: $*" >&2
  status=1
}

show () {
  for f in "$@"; do
    [ -s "$dir/$f" ] && { echo "--- $f"; sed 's/^/  /' "$dir/$f"; }
  done
  return 0
}

# Whether PID runs; a child that exited but was not waited for yet is a
# zombie, which kill -0 still finds.
running () {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

# Starts the server on a port the system picks and sets $port from the
# line it prints; the server cannot outlive the test by more than its
# timeout.  Arguments: the log prefix, then the server's options.
start_server () {
  log=$1
  shift
  timeout 120 $run "$builddir/examples/server" -p 0 "$@" \
    > "$dir/$log.out" 2> "$dir/$log.err" &
  server_pid=$!
  port=
  deadline=$(( $(date +%s) + 30 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    port=$(sed -n 's/^server: listening on 127\.0\.0\.1 port \([0-9][0-9]*\)$/\1/p' \
      "$dir/$log.out")
    [ -n "$port" ] && return 0
    running "$server_pid" || break
    sleep 0.05
  done
  fail "the server did not report a port"
  kill "$server_pid" 2>/dev/null
  wait "$server_pid"
  server_pid=
  show "$log.out" "$log.err"
  return 1
}

# Gives the server some seconds to finish after the last client, stops it
# by its PID otherwise (a client that never connected leaves it waiting),
# and sets $server_rc.
stop_server () {
  deadline=$(( $(date +%s) + 30 ))
  while running "$server_pid" && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.05
  done
  if running "$server_pid"; then
    fail "the server did not finish after its clients"
    kill "$server_pid" 2>/dev/null
  fi
  wait "$server_pid"
  server_rc=$?
  server_pid=
}

expect_line () {
  grep -Fqx -- "$2" "$dir/$1" || fail "$1 lacks the line: $2"
}

# A message the programs could not know in advance.
nonce=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
message="Greetings from the test, $nonce!"
reply="Hello, $REALM_USER: ${#message} octets received."

echo "== context, names, flags and one message each way"
if start_server one "$REALM_SERVICE"; then
  timeout 120 $run "$builddir/examples/client" -p "$port" localhost \
    "$REALM_SERVICE" "$message" > "$dir/client.out" 2> "$dir/client.err"
  client_rc=$?
  stop_server
  show one.out one.err client.out client.err
  [ $client_rc -eq 0 ] || fail "client exited with $client_rc"
  [ $server_rc -eq 0 ] || fail "server exited with $server_rc"
  expect_line one.out "server: client $REALM_USER"
  expect_line one.out "server: received: $message"
  expect_line one.out "server: sent: $reply"
  expect_line client.out "client: server host/localhost@$REALM"
  expect_line client.out "client: sent: $message"
  expect_line client.out "client: received: $reply"
  for f in one.out client.out; do
    grep -q '^[a-z]*: flags 0x[0-9a-f]*:.* MUTUAL .*CONF' "$dir/$f" \
      || fail "$f shows no MUTUAL and CONF flags"
  done
  [ -s "$dir/one.err" ] && fail "the server wrote errors"
  [ -s "$dir/client.err" ] && fail "the client wrote errors"
fi

echo "== refused: a ticket for another service, then no ticket"
if start_server two -n 2 "$REALM_SERVICE"; then
  timeout 120 $run "$builddir/examples/client" -p "$port" 127.0.0.1 \
    "$REALM_SERVICE2" "$message" > "$dir/wrong.out" 2> "$dir/wrong.err"
  wrong_rc=$?
  KRB5CCNAME=FILE:$dir/no-such-ccache \
    timeout 120 $run "$builddir/examples/client" -p "$port" 127.0.0.1 \
    "$REALM_SERVICE" "$message" > "$dir/none.out" 2> "$dir/none.err"
  none_rc=$?
  stop_server
  show two.out two.err wrong.out wrong.err none.out none.err
  [ $wrong_rc -eq 1 ] \
    || fail "the client for $REALM_SERVICE2 exited with $wrong_rc"
  [ $none_rc -eq 1 ] \
    || fail "the client without a ticket exited with $none_rc"
  # Exit 1 from the server itself, not 124 from timeout: it served both.
  [ $server_rc -eq 1 ] || fail "server exited with $server_rc, not 1"
  grep -q '^server: gss_accept_sec_context: ' "$dir/two.err" \
    || fail "the server did not explain the refused ticket"
  grep -q '^client: gss_init_sec_context: ' "$dir/none.err" \
    || fail "the client without a ticket did not explain why"
  for f in wrong.out none.out two.out; do
    grep -q 'received' "$dir/$f" && fail "$f shows a message"
  done
fi

exit $status
