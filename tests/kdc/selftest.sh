#!/bin/sh
# selftest.sh - checks that tests/kdc/realm.sh makes the realm it promises
# and leaves nothing behind.  One line per check, then "N passed, N failed".
set -u
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
enctype=aes256-cts-hmac-sha384-192

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit klist kvno timeout; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-selftest.XXXXXX") || exit 1
dir=$work/realm
trap '[ -f "$dir/env" ] && "$realm_sh" stop "$dir"; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
check () {
  what=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    echo "PASS: $what"
    passed=$((passed + 1))
  else
    echo "FAIL: $what"
    sed 's/^/    /' "$work/out"
    failed=$((failed + 1))
  fi
}

alive () {
  kill -0 "$1" 2>/dev/null
}

"$realm_sh" start -e "$enctype" "$dir"
rc=$?
[ $rc -eq 77 ] && exit 77
if [ $rc -ne 0 ]; then
  echo "FAIL: realm.sh start"
  echo "0 passed, 1 failed"
  exit 1
fi
. "$dir/env"

has_variables () {
  for v in KRB5_CONFIG KRB5_KDC_PROFILE KRB5CCNAME KRB5_KTNAME KRB5RCACHEDIR REALM \
           REALM_DIR REALM_PORT KDC_PID REALM_USER REALM_PASSWORD REALM_USER_KEYTAB \
           REALM_SERVICE REALM_SERVICE2 REALM_WRONG_KEYTAB REALM_EXPIRED_CCACHE REALM_ENCTYPE; do
    eval "val=\${$v:-}"
    [ -n "$val" ] || { echo "$v is empty"; return 1; }
  done
  [ "$REALM_DIR" = "$(cd "$dir" && pwd)" ] || { echo "REALM_DIR is $REALM_DIR"; return 1; }
}
check "env exports every variable" has_variables

kdc_runs () {
  alive "$KDC_PID" || return 1
  [ ! -r "/proc/$KDC_PID/comm" ] || [ "$(cat "/proc/$KDC_PID/comm")" = krb5kdc ]
}
check "KDC_PID is a running krb5kdc" kdc_runs

loopback_only () {
  grep -Eq "^ *kdc_listen = 127\.0\.0\.1:$REALM_PORT\$" "$KRB5_KDC_PROFILE" &&
  grep -Eq "^ *kdc_tcp_listen = 127\.0\.0\.1:$REALM_PORT\$" "$KRB5_KDC_PROFILE" &&
  grep -Eq "^ *kdc = 127\.0\.0\.1:$REALM_PORT\$" "$KRB5_CONFIG"
}
check "KDC on 127.0.0.1 only" loopback_only

forwardable_tgt () {
  klist -s && klist -f | grep -A1 "krbtgt/$REALM@$REALM" | grep -Eq 'Flags: [A-Za-z]*F'
}
check "default ccache holds a forwardable TGT" forwardable_tgt

forced_enctype () {
  kvno "host/localhost@$REALM" "test/localhost@$REALM" || return 1
  klist -e | tee /dev/stderr | grep -c "Etype (skey, tkt): $enctype, $enctype" | grep -qx 3
}
check "TGT and service tickets have $enctype session keys and tickets" forced_enctype

user_keytab () {
  kinit -k -t "$REALM_USER_KEYTAB" -c "FILE:$work/cc.kt" "$REALM_USER" && klist -s -c "FILE:$work/cc.kt"
}
check "kinit -k with REALM_USER_KEYTAB" user_keytab

user_password () {
  echo "$REALM_PASSWORD" | kinit -c "FILE:$work/cc.pw" "$REALM_USER" >/dev/null &&
    klist -s -c "FILE:$work/cc.pw"
}
check "kinit with REALM_PASSWORD" user_password

# Same (kvno, principal, enctype) entries, different key octets.
keytab_entries () {
  klist -k -e -K "$1" | sed -n 's/^ *\([0-9]*\) \([^ ]*\) (\([^)]*\)) *(0x\([0-9a-f]*\)).*/\1 \2 \3 \4/p'
}
wrong_keytab () {
  keytab_entries "$KRB5_KTNAME" > "$work/good"
  keytab_entries "$REALM_WRONG_KEYTAB" > "$work/wrong"
  cat "$work/good" "$work/wrong"
  [ "$(wc -l < "$work/good")" -eq 2 ] || return 1
  cut -d' ' -f1-3 "$work/good" > "$work/good.names"
  cut -d' ' -f1-3 "$work/wrong" > "$work/wrong.names"
  cmp "$work/good.names" "$work/wrong.names" || return 1
  grep -q " $enctype\$" "$work/good.names" || return 1
  ! grep -Fxf "$work/good" "$work/wrong"
}
check "wrong keytab: same names, versions and enctypes, other keys" wrong_keytab

service_keys_match_kdc () {
  # A service ticket decrypts with the exported keytab: kvno -k checks it.
  kvno -k "$KRB5_KTNAME" "host/localhost@$REALM" &&
  ! kvno -k "$REALM_WRONG_KEYTAB" "host/localhost@$REALM"
}
check "service keytab decrypts tickets, wrong keytab does not" service_keys_match_kdc


# run: the command's status comes back and nothing stays.
run_mode () {
  "$realm_sh" run sh -c 'echo "$KDC_PID $REALM_DIR" > "$0"; klist -s; exit 3' "$work/run.info"
  rc=$?
  read -r pid rdir < "$work/run.info" || return 1
  echo "status $rc, KDC $pid, directory $rdir"
  [ $rc -eq 3 ] && ! alive "$pid" && [ ! -e "$rdir" ]
}
check "run returns the command's status and cleans up" run_mode

run_signal () {
  "$realm_sh" run sh -c 'echo "$KDC_PID $REALM_DIR" > "$0.tmp"; mv "$0.tmp" "$0"; exec sleep 300' \
    "$work/sig.info" &
  rpid=$!
  i=0
  while [ ! -s "$work/sig.info" ]; do
    [ $i -lt 300 ] || { kill "$rpid"; return 1; }
    sleep 0.1
    i=$((i + 1))
  done
  kill -TERM "$rpid"
  wait "$rpid"
  rc=$?
  read -r pid rdir < "$work/sig.info" || return 1
  echo "status $rc, KDC $pid, directory $rdir"
  [ $rc -eq 143 ] && ! alive "$pid" && [ ! -e "$rdir" ]
}
check "run stopped by SIGTERM cleans up" run_signal

# Last, so that the other checks overlap the wait.
expired () {
  "$realm_sh" wait-expired "$dir" && ! klist -s -c "$REALM_EXPIRED_CCACHE" &&
    klist -c "$REALM_EXPIRED_CCACHE" | grep -q "krbtgt/$REALM@$REALM"
}
check "REALM_EXPIRED_CCACHE holds an expired TGT after wait-expired" expired

kdc_pid=$KDC_PID
port_lock=$REALM_PORT_LOCK
"$realm_sh" stop "$dir"
stopped () {
  ! alive "$kdc_pid" && [ ! -e "$dir" ] && [ ! -e "$port_lock" ]
}
check "stop kills the KDC and removes the directory and the port lock" stopped

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
