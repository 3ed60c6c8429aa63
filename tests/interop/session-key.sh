#!/bin/sh
# session-key.sh - both peers of a context get the same
# GSS_C_INQ_SSPI_SESSION_KEY answer: libgss against MIT's library in
# both directions and against itself, with and without mutual
# authentication (an acceptor subkey or none), for each session-key
# enctype of ENCTYPES; the enctype OID is MIT's 1.2.840.113554.1.2.2.4
# with the enctype as its last arc.
#
# Heimdal's peer, when built, joins for AES SHA-1 keys (the key only:
# Heimdal 7.8 does not answer the OID).
#
# Prints "PASS: pair [enctype]" or "FAIL: ..." per run and the peers'
# summary lines; exits 0 when all passed, 1 otherwise, 77 when MIT's KDC
# or peer-mit is missing.
set -u
builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
pair_sh=$srcdir/tests/interop/pair.sh
ours=$builddir/tests/interop/peer-ours
mit=$builddir/tests/interop/peer-mit
heimdal=$builddir/tests/interop/peer-heimdal
enctypes=${ENCTYPES:-"aes256-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192 arcfour-hmac"}

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found"; exit 77; }
done
for p in "$ours" "$mit"; do
  [ -x "$p" ] || { echo "SKIP: $p not built"; exit 77; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-skey.XXXXXX") || exit 1
realm=
trap '[ -n "$realm" ] && "$realm_sh" stop "$realm" 2>/dev/null; rm -rf "$work"' EXIT

# The enctype numbers of RFC 3961/8009/4757, as the OID's last arc (in
# hex: each is below 128, so one octet).
enctype_hex () {
  case $1 in
    aes256-cts-hmac-sha1-96) echo 12 ;;
    aes128-cts-hmac-sha1-96) echo 11 ;;
    aes256-cts-hmac-sha384-192) echo 14 ;;
    aes128-cts-hmac-sha256-128) echo 13 ;;
    arcfour-hmac) echo 17 ;;
    des3-cbc-sha1) echo 10 ;;
  esac
}

passed=0 failed=0
run () {
  label="$1 [$2]"
  shift 2
  i=$1 a=$2 opts=$3
  : > "$work/i" ; : > "$work/a"
  # Only the peer on libgss runs under memcheck (VALGRIND_RUN).
  iw= aw=
  case $i in *peer-ours) iw=${VALGRIND_RUN:-} ;; esac
  case $a in *peer-ours) aw=${VALGRIND_RUN:-} ;; esac
  # shellcheck disable=SC2086
  "$pair_sh" -t 60 $iw "$i" --initiate --service "$REALM_SERVICE" \
    --session-key $opts --log "$work/i" -- $aw "$a" --accept \
    --session-key --log "$work/a" >"$work/pair.out" 2>&1
  rc=$?
  ki=$(sed -n 's/.* session_key=\([0-9a-f]*\) .*/\1/p' "$work/i")
  ka=$(sed -n 's/.* session_key=\([0-9a-f]*\) .*/\1/p' "$work/a")
  oi=$(sed -n 's/.* key_oid=\([0-9a-f]*\).*/\1/p' "$work/i")
  oa=$(sed -n 's/.* key_oid=\([0-9a-f]*\).*/\1/p' "$work/a")
  want=2a864886f71201020204$(enctype_hex "$REALM_ENCTYPE")
  why=
  [ $rc -eq 0 ] || why="the pair failed;"
  [ -n "$ki" ] && [ "$ki" = "$ka" ] || why="$why keys differ or are missing;"
  # Heimdal 7.8 answers the key alone, without the enctype OID.
  case $i in *peer-heimdal*) oi=$want ;; esac
  case $a in *peer-heimdal*) oa=$want ;; esac
  [ "$oi" = "$want" ] && [ "$oa" = "$want" ] || why="$why enctype OID is not $want;"
  if [ -z "$why" ]; then
    echo "PASS: $label"; passed=$((passed + 1))
  else
    echo "FAIL: $label: $why"; failed=$((failed + 1))
  fi
  sed "s/^/    /" "$work/i" "$work/a" "$work/pair.out"
}

n=0
for e in $enctypes; do
  n=$((n + 1))
  realm=$work/realm$n
  "$realm_sh" start -e "$e" "$realm" >/dev/null
  rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -eq 0 ] || { echo "FAIL: realm [$e] did not start"; exit 1; }
  . "$realm/env"
  for mutual in "" --mutual; do
    run "ours-mit${mutual:+ mutual}" "$e" "$ours" "$mit" "$mutual"
    run "mit-ours${mutual:+ mutual}" "$e" "$mit" "$ours" "$mutual"
    run "ours-ours${mutual:+ mutual}" "$e" "$ours" "$ours" "$mutual"
    # Heimdal's peer, when heimdal-multidev is installed, with the AES
    # SHA-1 keys Debian's Heimdal 7.8 handles.
    if [ -x "$heimdal" ] && [ "$e" = aes256-cts-hmac-sha1-96 ]; then
      run "heimdal-ours${mutual:+ mutual}" "$e" "$heimdal" "$ours" "$mutual"
      run "ours-heimdal${mutual:+ mutual}" "$e" "$ours" "$heimdal" "$mutual"
    fi
  done
  "$realm_sh" stop "$realm"
  realm=
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
