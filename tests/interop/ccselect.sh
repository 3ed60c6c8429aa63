#!/bin/sh
# ccselect.sh - which identity an initiator uses when the application
# names none (GSS_C_NO_CREDENTIAL, or a credential acquired for
# GSS_C_NO_NAME): as MIT's mechanism does, krb5_cc_select() chooses a
# cache of the DIR collection by the target's realm, whichever cache is
# primary; a ~/.k5identity rule naming an identity no cache holds gives
# GSS_S_NO_CRED with KRB5_CC_NOTFOUND (MIT's text: "Can't find client
# principal ... in cache collection").
#
# Two throwaway realms at once (tests/kdc/realm.sh -r), one krb5.conf
# that knows both, and a DIR: collection holding user@LIBGSS.TEST and
# user@LIBGSS2.TEST.  Targets: host@localhost in LIBGSS.TEST and
# host@svc.libgss2.test in LIBGSS2.TEST.
set -u
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
pair_sh=$srcdir/tests/interop/pair.sh
mit=$builddir/tests/interop/peer-mit
ours=$builddir/tests/interop/peer-ours

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit klist kswitch timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
for p in "$mit" "$ours"; do
  [ -x "$p" ] || { echo "ccselect.sh: $p is not built" >&2; exit 1; }
done
# Under memcheck when make check runs so (VALGRIND_RUN), as cases.sh
# runs peer-ours; MIT's library is not ours to check.
ours="${VALGRIND_RUN:+$VALGRIND_RUN }$ours"

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-ccsel.XXXXXX") || exit 1
r1=$work/r1
r2=$work/r2
trap '"$realm_sh" stop "$r1" 2>/dev/null; "$realm_sh" stop "$r2" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for r in "$r1 LIBGSS.TEST" "$r2 LIBGSS2.TEST"; do
  set -- $r
  REALM_LIFETIME=600 "$realm_sh" start -r "$2" "$1"
  rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -eq 0 ] || { echo "FAIL: realm $2 did not start"; exit 1; }
done
port2=$(. "$r2/env" && echo "$REALM_PORT")
user2_keytab=$(. "$r2/env" && echo "$REALM_USER_KEYTAB")
# The second realm's service, on a host of its domain.
(
  . "$r2/env"
  kadmin.local >"$work/kadmin.log" 2>&1 <<EOF2
addprinc -randkey host/svc.libgss2.test
ktadd -k $work/svc2.keytab host/svc.libgss2.test
EOF2
) || { cat "$work/kadmin.log"; echo "FAIL: kadmin.local in LIBGSS2.TEST"; exit 1; }

. "$r1/env"
# One configuration for both realms: the first realm's, plus the second
# realm's KDC and domain.
awk -v port="$port2" '
  { print }
  /^\[realms\]$/ { print "  LIBGSS2.TEST = {\n    kdc = 127.0.0.1:" port "\n  }" }
  /^\[domain_realm\]$/ { print "  .libgss2.test = LIBGSS2.TEST" }
' "$KRB5_CONFIG" > "$work/krb5.conf"
export KRB5_CONFIG="$work/krb5.conf"
export KRB5CCNAME="DIR:$work/cc"
export HOME="$work/home"
mkdir "$work/cc" "$HOME" || exit 1
kinit -k -t "$REALM_USER_KEYTAB" user@LIBGSS.TEST >"$work/kinit.log" 2>&1 \
  && kinit -k -t "$user2_keytab" user@LIBGSS2.TEST >>"$work/kinit.log" 2>&1 \
  || { cat "$work/kinit.log"; echo "FAIL: kinit into the collection"; exit 1; }

passed=0
failed=0
NO_CRED=70000

# run LABEL INITIATOR ACCEPTOR TARGET KEYTAB "INITIATOR OPTIONS" EXPECTED_CLIENT
# (EXPECTED_CLIENT empty: the initiator is expected to fail, see
# INITIATOR OPTIONS.)
run () {
  : > "$work/i.log"
  : > "$work/a.log"
  ok=yes
  # The options are single words.
  # shellcheck disable=SC2086
  KRB5_KTNAME=$5 "$pair_sh" -t 60 $2 --initiate --log "$work/i.log" \
    --service "$4" --mutual $6 -- $3 --accept --log "$work/a.log" \
    >/dev/null 2>"$work/pair.err" || [ -z "$7" ] || ok=
  if [ -n "$7" ]; then
    grep -q "src=$7 " "$work/a.log" || ok=
  fi
  if [ -n "$ok" ]; then
    echo "PASS: $1"
    passed=$((passed + 1))
  else
    echo "FAIL: $1"
    failed=$((failed + 1))
    sed 's/^/    /' "$work/pair.err"
  fi
  sed 's/^/    /' "$work/i.log" "$work/a.log"
}

kt1=$KRB5_KTNAME
kt2=FILE:$work/svc2.keytab
for primary in user@LIBGSS.TEST user@LIBGSS2.TEST; do
  kswitch -p "$primary" || { echo "FAIL: kswitch -p $primary"; exit 1; }
  for i in mit ours; do
    eval "ip=\$$i"
    for acq in "" --acquire-default; do
      how=${acq:+, acquired for no name}
      how=${how:-, no credential}
      run "$i: LIBGSS.TEST target, primary $primary$how" "$ip" "$mit" \
	host@localhost "$kt1" "$acq" user@LIBGSS.TEST
      run "$i: LIBGSS2.TEST target, primary $primary$how" "$ip" "$mit" \
	host@svc.libgss2.test "$kt2" "$acq" user@LIBGSS2.TEST
    done
  done
done

# A rule that names an identity the collection does not hold.
echo "nobody@LIBGSS2.TEST realm=LIBGSS2.TEST" > "$HOME/.k5identity"
for i in mit ours; do
  eval "ip=\$$i"
  run "$i: .k5identity names an identity without a cache" "$ip" "$mit" \
    host@svc.libgss2.test "$kt2" "--expect-major $NO_CRED" ""
  # KRB5_CC_NOTFOUND; MIT's text names the principal, libgss's is
  # com_err's ("Matching credential not found").
  grep -q "failed call=init_sec_context major=0x00070000 .* minor=0x96c73a8d " "$work/i.log" \
    || { echo "FAIL: $i: not GSS_S_NO_CRED with KRB5_CC_NOTFOUND"; failed=$((failed + 1)); }
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
