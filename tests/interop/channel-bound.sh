#!/bin/sh
# channel-bound.sh - MIT's GSS_C_CHANNEL_BOUND_FLAG (0x800) and the
# KERB_AP_OPTIONS_CBT authenticator option (MS-KILE 3.2.5.8), between
# MIT's library and libgss in both directions and libgss on both sides.
#
# The acceptor reports the flag exactly when both sides had channel
# bindings and they matched.  An initiator whose krb5.conf sets
# client_aware_channel_bindings (MIT 1.19 and later: libkrb5 then puts
# AD-AUTH-DATA-AP-OPTIONS with KERB_AP_OPTIONS_CBT in every
# authenticator, with or without bindings) is refused by an acceptor
# that has bindings unless its own match: sending none is no longer
# enough.
set -u
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
pair_sh=$srcdir/tests/interop/pair.sh
mit=$builddir/tests/interop/peer-mit
ours=$builddir/tests/interop/peer-ours

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit klist timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
for p in "$mit" "$ours"; do
  [ -x "$p" ] || { echo "channel-bound.sh: $p is not built" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-cbound.XXXXXX") || exit 1
realm=$work/realm
trap '"$realm_sh" stop "$realm" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

REALM_LIFETIME=600 "$realm_sh" start "$realm"
rc=$?
[ $rc -eq 77 ] && exit 77
[ $rc -eq 0 ] || { echo "FAIL: the realm did not start"; exit 1; }
. "$realm/env"
sed 's/^\[libdefaults\]$/&\
  client_aware_channel_bindings = true/' "$KRB5_CONFIG" > "$work/cbt.conf"

passed=0
failed=0
BOUND=800 BAD_BINDINGS=40000

# run LABEL INITIATOR ACCEPTOR "INITIATOR OPTIONS" "ACCEPTOR OPTIONS"
# (INITIATOR may start with env VAR=VALUE.)
run () {
  : > "$work/i.log"
  : > "$work/a.log"
  # The options are single words, the commands split on purpose.
  # shellcheck disable=SC2086
  if "$pair_sh" -t 60 $2 --initiate --log "$work/i.log" \
    --service "$REALM_SERVICE" $4 -- "$3" --accept --log "$work/a.log" $5; then
    echo "PASS: $1"
    passed=$((passed + 1))
  else
    echo "FAIL: $1"
    failed=$((failed + 1))
  fi
  sed 's/^/    /' "$work/i.log" "$work/a.log"
}

for pair in "mit mit" "ours mit" "mit ours" "ours ours"; do
  set -- $pair
  eval "i=\$$1 a=\$$2"
  p="$1->$2"
  for m in "" --mutual; do
    run "$p bindings match $m" "$i" "$a" "$m --cb one" "--cb one --require-flags $BOUND"
    run "$p bindings on the initiator only $m" "$i" "$a" "$m --cb one" "--forbid-flags $BOUND"
    run "$p bindings on the acceptor only $m" "$i" "$a" "$m" "--cb one --forbid-flags $BOUND"
    run "$p no bindings $m" "$i" "$a" "$m" "--forbid-flags $BOUND"
  done
  cbt="env KRB5_CONFIG=$work/cbt.conf $i"
  run "$p client-aware initiator, bindings match" "$cbt" "$a" \
    "--cb one" "--cb one --require-flags $BOUND"
  run "$p client-aware initiator without bindings, acceptor with" "$cbt" "$a" \
    "" "--cb one --expect-major $BAD_BINDINGS"
  grep -q "failed call=accept_sec_context major=0x00040000" "$work/a.log" \
    || { echo "FAIL: $p: the acceptor did not refuse with GSS_S_BAD_BINDINGS"; failed=$((failed + 1)); }
  run "$p client-aware initiator, acceptor without bindings" "$cbt" "$a" \
    "" "--forbid-flags $BOUND"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
