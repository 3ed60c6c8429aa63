#!/bin/sh
# deleg-policy.sh - GSS_C_DELEG_POLICY_FLAG (0x8000) as MIT honours it:
# the initiator delegates when the KDC marked the service ok-as-delegate,
# and then reports GSS_C_DELEG_FLAG and the policy flag in ret_flags; it
# does not delegate otherwise, and reports neither.  GSS_C_DELEG_FLAG
# alone delegates either way, as it always did (programs that never pass
# the policy flag see no change).  Initiators on MIT's library and on
# libgss, against acceptors on both, before and after
# `kadmin.local modprinc +ok_as_delegate host/localhost`.
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
  [ -x "$p" ] || { echo "deleg-policy.sh: $p is not built" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-delegpol.XXXXXX") || exit 1
realm=$work/realm
trap '"$realm_sh" stop "$realm" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

REALM_LIFETIME=600 "$realm_sh" start "$realm"
rc=$?
[ $rc -eq 77 ] && exit 77
[ $rc -eq 0 ] || { echo "FAIL: the realm did not start"; exit 1; }
. "$realm/env"

passed=0
failed=0
DELEG=1 POLICY=8000 BOTH=8001

# run LABEL INITIATOR ACCEPTOR "INITIATOR OPTIONS" "ACCEPTOR OPTIONS" DELEGATED(yes|no)
run () {
  : > "$work/i.log"
  : > "$work/a.log"
  ok=yes
  # The options are single words.
  # shellcheck disable=SC2086
  "$pair_sh" -t 60 "$2" --initiate --log "$work/i.log" --service "$REALM_SERVICE" \
    --mutual $4 -- "$3" --accept --log "$work/a.log" $5 || ok=
  if [ "$6" = yes ]; then
    grep -q " deleg=yes deleg_init=ok" "$work/a.log" || ok=
  else
    grep -q " deleg=no" "$work/a.log" || ok=
  fi
  if [ -n "$ok" ]; then
    echo "PASS: $1"
    passed=$((passed + 1))
  else
    echo "FAIL: $1"
    failed=$((failed + 1))
  fi
  sed 's/^/    /' "$work/i.log" "$work/a.log"
}

cases () {
  for pair in "mit mit" "ours mit" "mit ours" "ours ours"; do
    set -- $pair
    eval "i=\$$1 a=\$$2"
    p="$1->$2"
    run "$p policy flag, $phase" "$i" "$a" \
      "--flags $POLICY $policy_ret" "$policy_accept" "$policy_deleg"
    run "$p policy and deleg flags, $phase" "$i" "$a" \
      "--flags $BOTH $both_ret" "--require-deleg" yes
    run "$p deleg flag, $phase" "$i" "$a" \
      "--deleg --require-flags $DELEG --forbid-flags $POLICY" "--require-deleg" yes
    run "$p no flag, $phase" "$i" "$a" "--forbid-flags $BOTH" "" no
  done
}

phase="service not ok-as-delegate"
policy_ret="--forbid-flags $BOTH" policy_accept="" policy_deleg=no
both_ret="--require-flags $DELEG --forbid-flags $POLICY"
cases

kadmin.local modprinc +ok_as_delegate host/localhost >"$work/kadmin.log" 2>&1 \
  || { cat "$work/kadmin.log"; echo "FAIL: kadmin.local modprinc"; exit 1; }
# A fresh TGT, so that no cached service ticket lacks the new flag.
kdestroy -q
kinit -f -k -t "$REALM_USER_KEYTAB" user >"$work/kinit.log" 2>&1 \
  || { cat "$work/kinit.log"; echo "FAIL: kinit"; exit 1; }

phase="service ok-as-delegate"
policy_ret="--require-flags $BOTH" policy_accept="--require-deleg" policy_deleg=yes
both_ret="--require-flags $BOTH"
cases

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
