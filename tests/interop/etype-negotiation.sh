#!/bin/sh
# etype-negotiation.sh - RFC 4537 between libgss and MIT's library.
#
# Realms whose services hold only an arcfour-hmac or a des3-cbc-sha1 key
# (tests/kdc/realm.sh -k): the service tickets carry such session keys
# while both peers permit AES.  With mutual authentication MIT's
# initiator lists its preferred enctypes in the authenticator and MIT's
# acceptor answers with an AES acceptor subkey, so the context makes
# RFC 4121 tokens (TOK_ID 05 04, acceptor-subkey flag 0x04); without
# mutual authentication there is no AP-REP to carry a subkey and the
# context stays on RFC 1964 / RFC 4757 tokens (02 01).  Every pair of
# MIT and libgss, in both directions and with libgss on both sides,
# must do exactly what MIT does with itself.
#
# The peers print the first sealed wrap token they made: "wrap=cfx:FF"
# (FF its flags octet) or "wrap=v1:0201:SEAL_ALG".
set -u
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
pair_sh=$srcdir/tests/interop/pair.sh
mit=$builddir/tests/interop/peer-mit
ours=$builddir/tests/interop/peer-ours
ENCTYPES=${ENCTYPES:-"arcfour-hmac des3-cbc-sha1"}

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit klist kvno timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
for p in "$mit" "$ours"; do
  [ -x "$p" ] || { echo "etype-negotiation.sh: $p is not built" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-etneg.XXXXXX") || exit 1
realm=
trap '[ -n "$realm" ] && "$realm_sh" stop "$realm" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0

# run LABEL INITIATOR ACCEPTOR MUTUAL(yes|no) EXPECT_I EXPECT_A
# (INITIATOR and ACCEPTOR may start with env VAR=VALUE.)
run () {
  : > "$work/i.log"
  : > "$work/a.log"
  m=
  [ "$4" = yes ] && m=--mutual
  ok=yes
  # The commands are split on blanks on purpose (env VAR=...).
  # shellcheck disable=SC2086
  "$pair_sh" -t 60 $2 --initiate --log "$work/i.log" --service host@localhost \
    $m --messages -- $3 --accept --log "$work/a.log" --messages || ok=
  grep -q " wrap=$5 " "$work/i.log" || ok=
  grep -q " wrap=$6 " "$work/a.log" || ok=
  if [ -n "$ok" ]; then
    echo "PASS: $1"
    passed=$((passed + 1))
  else
    echo "FAIL: $1 (expected initiator wrap=$5, acceptor wrap=$6)"
    failed=$((failed + 1))
  fi
  sed 's/^/    /' "$work/i.log" "$work/a.log"
}

for e in $ENCTYPES; do
  case $e in
    arcfour-hmac) seal=0x0010 ;;
    des3-cbc-sha1) seal=0x0002 ;;
    *) echo "etype-negotiation.sh: no RFC 1964 SEAL_ALG known for $e" >&2; exit 2 ;;
  esac
  realm=$work/realm
  REALM_LIFETIME=600 "$realm_sh" start -k "$e" "$realm"
  rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -eq 0 ] || { echo "FAIL: realm [-k $e] did not start"; exit 1; }
  (
    . "$realm/env"
    # The premise: the service ticket's session key is the legacy one.
    kvno -q host/localhost >/dev/null 2>&1
    if klist -e | grep -A1 'host/localhost@' | grep -q "skey, tkt): DEPRECATED:$e, DEPRECATED:$e"; then
      echo "PASS: session key [$e]"
    else
      echo "FAIL: session key [$e]"
      klist -e | sed 's/^/    /'
      exit 1
    fi
    kdestroy -q 2>/dev/null
    kinit -f -k -t "$REALM_USER_KEYTAB" user || exit 1
    for pair in "mit mit" "ours mit" "mit ours" "ours ours"; do
      set -- $pair
      eval "i=\$$1 a=\$$2"
      run "$1->$2 mutual [$e]" "$i" "$a" yes cfx:0x06 cfx:0x07
      run "$1->$2 no-mutual [$e]" "$i" "$a" no "v1:0201:$seal" "v1:0201:$seal"
    done
    # Peers that prefer arcfour-hmac to the des3 session key: the
    # acceptor negotiates arcfour-hmac, whose tokens could not tell its
    # key from des3's, so MIT sends no acceptor subkey (it echoes the
    # initiator's) and the context stays on des3.
    if [ "$e" = des3-cbc-sha1 ]; then
      sed 's/^\[libdefaults\]$/&\
  default_tgs_enctypes = arcfour-hmac des3-cbc-sha1 aes256-cts-hmac-sha1-96\
  permitted_enctypes = arcfour-hmac des3-cbc-sha1 aes256-cts-hmac-sha1-96/' \
	"$KRB5_CONFIG" > "$work/rc4-first.conf"
      for pair in "mit mit" "ours mit" "mit ours" "ours ours"; do
	set -- $pair
	eval "i=\$$1 a=\$$2"
	run "$1->$2 mutual, both prefer arcfour-hmac [$e]" \
	  "env KRB5_CONFIG=$work/rc4-first.conf $i" \
	  "env KRB5_CONFIG=$work/rc4-first.conf $a" yes \
	  v1:0201:0x0002 v1:0201:0x0002
      done
    fi
    echo "$passed $failed" > "$work/counts"
  ) || { "$realm_sh" stop "$realm"; realm=; echo "FAIL: [$e]"; exit 1; }
  read p f < "$work/counts"
  passed=$p failed=$f
  "$realm_sh" stop "$realm"
  realm=
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
