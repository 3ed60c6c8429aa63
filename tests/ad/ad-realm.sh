#!/bin/sh
# ad-realm.sh - libgss against an Active Directory domain controller:
# Samba's AD DC, provisioned into a temporary folder, its KDC on the
# loopback address 127.0.0.2 only.
#
# The domain AD.LIBGSS.TEST (NetBIOS ADLIBGSS) gets
#   svc-rc4    HTTP/rc4.ad.libgss.test, msDS-SupportedEncryptionTypes 4
#              (RC4 only, as many AD services still are)
#   svc-aes    HTTP/aes.ad.libgss.test, msDS-SupportedEncryptionTypes 24
#              (AES128 and AES256)
#   svc-unset  HTTP/unset.ad.libgss.test, no msDS-SupportedEncryptionTypes
#   svc-deleg  HTTP/deleg.ad.libgss.test, trusted for delegation to any
#              service (TRUSTED_FOR_DELEGATION: tickets say ok-as-delegate)
#   svc-second HTTP/second.ad.libgss.test, the service svc-deleg reaches
#              with the credential delegated to it
#   alice      a user, initiator by her enterprise name (kinit -E
#              alice@ad.libgss.test, her userPrincipalName)
#   bob        a user, initiator by his plain name, forwardable TGT
# and keytabs exported with `samba-tool domain exportkeytab`.
#
# The matrix: for each of svc-rc4, svc-aes and svc-unset, and each
# direction (MIT to MIT as the reference, libgss to MIT, MIT to libgss,
# libgss to libgss: tests/interop/peer.c as peer-mit and peer-ours), a
# context with mutual authentication and the per-message exchange (wrap
# with and without confidentiality, MIC, both ways, sizes 0 to 65536).
# Each row records the enctype of the service ticket's session key (klist
# -e), the key the context protects messages with (the subkey of the
# AP-REP, from KRB5_TRACE on the initiator: libgss runs on MIT's libkrb5
# too) and the format of the tokens each side made (peer --show-tokens:
# 05 04 = RFC 4121, flags octet 0x04 = acceptor subkey; 02 01 after the
# framing = RFC 1964 / RFC 4757).  A row with libgss at either end must
# protect messages as MIT to MIT does: RFC 4537 makes MIT's acceptor
# answer an RC4 session key with an AES acceptor subkey.
# Then delegation: to svc-deleg, which uses the delegated credential to
# reach svc-second; and MIT's GSS_C_DELEG_POLICY_FLAG (0x8000), which
# delegates only to an ok-as-delegate service.
# Prints the matrix, a PASS or FAIL line a row, then "N passed, N failed".
#
# Needs root (the KDC port 88, the address on lo); skips (77) when Samba's
# AD DC or MIT's kinit is not installed, or not root.  Everything Samba
# writes is under one temporary folder; the address 127.0.0.2 is added to
# lo when absent and removed afterwards; samba runs in the foreground with
# a maximum runtime and is stopped by its PID.  One run at a time (a lock).
set -u

builddir=${top_builddir:-.}
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
pair_sh=$srcdir/tests/interop/pair.sh
OURS=$builddir/tests/interop/peer-ours
MIT=$builddir/tests/interop/peer-mit
REALM=AD.LIBGSS.TEST
DNSDOMAIN=ad.libgss.test
ADDR=127.0.0.2
limit=60
lifetime=${AD_LIFETIME:-900}

PATH=$PATH:/usr/sbin:/sbin
for tool in samba samba-tool ldbmodify kinit klist ip ss flock timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIP: the AD DC needs root (port 88, an address on lo)" >&2; exit 77; }
for p in "$OURS" "$MIT"; do
  [ -x "$p" ] || { echo "ad-realm.sh: $p is not built" >&2; exit 1; }
done

# One run at a time on this machine: the address and port 88 are shared.
lockdir=/run/lock
[ -d "$lockdir" ] && [ -w "$lockdir" ] || lockdir=${TMPDIR:-/tmp}
exec 9>"$lockdir/libgss-ad-realm.lock"
flock -w 900 9 || { echo "ad-realm.sh: another run holds the lock" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-ad.XXXXXX") || exit 1
added_addr=
samba_pid=
cleanup () {
  if [ -n "$samba_pid" ]; then
    kill "$samba_pid" 2>/dev/null
    i=0
    while kill -0 "$samba_pid" 2>/dev/null && [ $i -lt 100 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    kill -9 "$samba_pid" 2>/dev/null
    wait "$samba_pid" 2>/dev/null
  fi
  [ -z "$added_addr" ] || ip addr del "$ADDR/8" dev lo 2>/dev/null
  # AD_KEEP=yes keeps the folder (the DC stopped) to look at.
  if [ "${AD_KEEP:-}" = yes ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now () { date +%s.%N; }
since () { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Which library each peer really runs on (as cases.sh checks): a
# peer-ours on another libgss.so.3 would test nothing of ours.
ours_lib=$(readlink -f "$builddir/lib/.libs/libgss.so.3" 2>/dev/null)
lib=$("$OURS" --library) && [ "$(readlink -f "$lib")" = "$ours_lib" ] || {
  echo "FAIL: $OURS runs on ${lib:-?}, not $ours_lib"; exit 1; }
lib=$("$MIT" --library) && case ${lib##*/} in libgssapi_krb5.so*) true ;; *) false ;; esac || {
  echo "FAIL: $MIT runs on ${lib:-?}"; exit 1; }
# A peer on libgss runs under memcheck when make check does.
WRAP_OURS=${VALGRIND_RUN:-}

t0=$(now)
if ! ip -4 addr show dev lo | grep -q "inet $ADDR/"; then
  ip addr add "$ADDR/8" dev lo || { echo "FAIL: cannot add $ADDR to lo"; exit 1; }
  added_addr=yes
fi

# Provision.  Every directory Samba uses is under $dc; only the KDC runs.
dc=$work/dc
mkdir -p "$dc/run" "$dc/log" || exit 1
adminpass='Adm1n-Pass.word'
if ! samba-tool domain provision --targetdir="$dc" --realm=$REALM \
  --domain=ADLIBGSS --server-role=dc --dns-backend=NONE \
  --adminpass="$adminpass" --host-name=dc1 --host-ip=$ADDR \
  --option="interfaces = $ADDR" --option="bind interfaces only = yes" \
  --option="server services = kdc" --option="pid directory = $dc/run" \
  --option="ncalrpc dir = $dc/run/ncalrpc" \
  --option="winbindd socket directory = $dc/run/winbindd" \
  --option="ntp signd socket directory = $dc/run/ntp_signd" \
  --option="log file = $dc/log/samba.log" --option="panic action =" \
  > "$work/provision.log" 2>&1; then
  echo "FAIL: samba-tool domain provision"; tail -20 "$work/provision.log"; exit 1
fi
smbconf=$dc/etc/smb.conf
echo "provisioned $REALM in $(since "$t0") s ($(samba --version))"

t1=$(now)
sam=$dc/private/sam.ldb
base=DC=ad,DC=libgss,DC=test
setup () {
  for a in rc4 aes unset deleg second; do
    samba-tool user create "svc-$a" 'Svc-Pass.word1' -s "$smbconf" >/dev/null || return 1
    samba-tool spn add "HTTP/$a.$DNSDOMAIN" "svc-$a" -s "$smbconf" || return 1
  done
  for u in alice:Al1ce-Pass.word bob:B0b-Pass.word; do
    samba-tool user create "${u%%:*}" "${u#*:}" -s "$smbconf" >/dev/null || return 1
  done
  for p in rc4:4 aes:24; do
    printf 'dn: CN=svc-%s,CN=Users,%s\nchangetype: modify\nreplace: msDS-SupportedEncryptionTypes\nmsDS-SupportedEncryptionTypes: %s\n' \
      "${p%%:*}" "$base" "${p#*:}" | ldbmodify -H "$sam" >/dev/null || return 1
  done
  samba-tool delegation for-any-service svc-deleg on -s "$smbconf" || return 1
  for a in rc4 aes unset; do
    samba-tool domain exportkeytab "$work/$a.keytab" --principal="HTTP/$a.$DNSDOMAIN" -s "$smbconf" \
      >/dev/null || return 1
  done
  # svc-deleg's acceptor reaches svc-second and accepts that context
  # itself: both keys in one keytab.
  for a in deleg second; do
    samba-tool domain exportkeytab "$work/deleg.keytab" --principal="HTTP/$a.$DNSDOMAIN" -s "$smbconf" \
      >/dev/null || return 1
  done
}
setup > "$work/setup.log" 2>&1 || { echo "FAIL: accounts"; cat "$work/setup.log"; exit 1; }
echo "accounts and keytabs in $(since "$t1") s"

t2=$(now)
timeout -s KILL $((lifetime + 30)) samba -F -M single --maximum-runtime="$lifetime" \
  -s "$smbconf" -l "$dc/log" > "$dc/log/samba.out" 2>&1 </dev/null &
samba_pid=$!
i=0
until ss -lnt | grep -q "$ADDR:88 "; do
  kill -0 $samba_pid 2>/dev/null || { echo "FAIL: samba exited"; tail -20 "$dc/log/samba.out" \
    "$dc/log/samba.log" 2>/dev/null; exit 1; }
  [ $i -lt 300 ] || { echo "FAIL: no KDC on $ADDR:88 after 30 s"; exit 1; }
  sleep 0.1
  i=$((i + 1))
done
echo "KDC listening on $ADDR:88 in $(since "$t2") s (pid $samba_pid)"

cat > "$work/krb5.conf" <<EOF
[libdefaults]
	default_realm = $REALM
	dns_lookup_realm = false
	dns_lookup_kdc = false
	rdns = false
	dns_canonicalize_hostname = false
	allow_rc4 = true
	forwardable = true
[realms]
	$REALM = {
		kdc = $ADDR
	}
[domain_realm]
	.$DNSDOMAIN = $REALM
	$DNSDOMAIN = $REALM
EOF
export KRB5_CONFIG="$work/krb5.conf"
export KRB5RCACHEDIR="$work"
unset KRB5_KTNAME KRB5_CLIENT_KTNAME KRB5_TRACE
ALICE=FILE:$work/alice.ccache
BOB=FILE:$work/bob.ccache
echo 'Al1ce-Pass.word' | KRB5CCNAME=$ALICE kinit -E alice@$DNSDOMAIN >"$work/kinit.log" 2>&1 &&
  echo 'B0b-Pass.word' | KRB5CCNAME=$BOB kinit -f bob >>"$work/kinit.log" 2>&1 || {
  echo "FAIL: kinit"; cat "$work/kinit.log"; exit 1; }
echo "initiators: $(klist -c "$ALICE" | sed -n 's/^Default principal: //p') (kinit -E)," \
  "$(klist -c "$BOB" | sed -n 's/^Default principal: //p')"

passed=0
failed=0
why=
fail () { why="$why; $*"; }

peer () {
  case $1 in
    mit) echo "$MIT" ;;
    ours) echo "$WRAP_OURS $OURS" ;;
  esac
}

# token_format HEX/LEN (a conf token) and WRAPLEN (a wrap token without
# confidentiality, of an empty message): RFC 4121 with the checksum
# length and the acceptor-subkey flag, or RFC 1964 / 4757 by SGN_ALG.
token_format () {
  awk -v t="$1" -v wraplen="$2" 'BEGIN {
    h = substr(t, 1, index(t, "/") - 1)
    if (substr(h, 1, 4) == "0504") {
      f = substr(h, 6, 1)
      sub_ = index("4567cdef", f) ? "+acceptor-subkey" : ""
      n = wraplen - 16
      cs = n == 12 ? "sha1-96" : n == 16 ? "sha256-128|cmac" : n == 24 ? "sha384-192" : "cksum" n
      print "RFC4121(" cs ")" sub_
    } else if (substr(h, 1, 2) == "60") {
      l = substr(h, 3, 2)
      # Short form length: one octet; long form 81 LL: two.
      off = (l == "81") ? 14 : 13
      sgn = substr(h, 2 * off + 5, 4)
      if (sgn == "1100") print "RFC4757(rc4-hmac)"
      else if (sgn == "0400") print "RFC1964(des3)"
      else print "RFC1964(sgn=" sgn ")"
    } else print "unknown(" substr(h, 1, 8) ")"
  }'
}

field () { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" "$2" | head -n 1; }

# run_pair NAME INITIATOR ACCEPTOR CCACHE KEYTAB INITIATOR-OPTS -- ACCEPTOR-OPTS
# leaves the peers' summaries in $work/NAME.i / .a and traces in .ti/.ta.
run_pair () {
  # (sh has no local variables: rp_ names are this function's.)
  rp_n=$1 rp_i=$(peer "$2") rp_a=$(peer "$3") rp_cc=$4 rp_kt=$5
  shift 5
  rp_opts=
  while [ $# -gt 0 ] && [ "$1" != -- ]; do rp_opts="$rp_opts $1"; shift; done
  shift
  : > "$work/$rp_n.i"; : > "$work/$rp_n.a"
  # The options are single words without quoting needs.
  # shellcheck disable=SC2086
  "$pair_sh" -t $limit env KRB5CCNAME="$rp_cc" KRB5_TRACE="$work/$rp_n.ti" $rp_i --initiate \
    --log "$work/$rp_n.i" $rp_opts -- env KRB5_KTNAME="$rp_kt" KRB5_TRACE="$work/$rp_n.ta" \
    $rp_a --accept --log "$work/$rp_n.a" "$@" > "$work/$rp_n.pair" 2>&1
}

# The enctype of the session key of the service ticket in CCACHE, and of
# the ticket, and its flags.
ticket_info () {
  LC_ALL=C klist -e -f -c "$1" | awk -v svc="$2" '
    $0 ~ svc "@" { seen = 1; next }
    seen && /Flags:/ { sub(/.*Flags: */, ""); flags = $1 }
    seen && /Etype \(skey, tkt\)/ {
      sub(/.*Etype \(skey, tkt\): */, ""); gsub(/ |DEPRECATED:/, "")
      print $0 " " flags; exit }'
}

printf '\n%-6s %-10s %-48s %-12s %-70s %s\n' account direction "session key, ticket" \
  "context key" "token format (initiator; acceptor)" result
# Directions in this order: MIT to MIT first, the reference of the others.
for acct in rc4 aes unset; do
  ref_key='' ref_fmt=''
  for dir in mit-mit ours-mit mit-ours ours-ours; do
    n=$acct.$dir
    why=
    run_pair "$n" "${dir%-*}" "${dir#*-}" "$ALICE" "$work/$acct.keytab" \
      --service "HTTP@$acct.$DNSDOMAIN" --mutual --flags c --messages --show-tokens \
      -- --messages --show-tokens || fail "pair failed"
    for f in "$work/$n.i" "$work/$n.a"; do
      grep -q " messages=ok.* result=PASS" "$f" || fail "$(cat "$f")"
    done
    tk=$(ticket_info "$ALICE" "HTTP/$acct.$DNSDOMAIN")
    skey=${tk%% *}
    # The initiator reads the AP-REP: its subkey is the context's key.
    key=$(sed -n 's/.*Read AP-REP, .*subkey \([^/]*\)\/.*/\1/p' "$work/$n.ti" | head -n 1)
    fi_=$(token_format "$(field tok-conf "$work/$n.i")" "$(field tok-wrap "$work/$n.i" | sed 's,.*/,,')")
    fa=$(token_format "$(field tok-conf "$work/$n.a")" "$(field tok-wrap "$work/$n.a" | sed 's,.*/,,')")
    case "$fi_ $fa" in RFC*\ RFC*) ;; *) fail "no token format seen: $fi_; $fa" ;; esac
    # Both sides protect with the same key, in the same format.
    [ "${fi_%+*}" = "${fa%+*}" ] || fail "the two sides make tokens of different formats"
    # The session keys the accounts give, by their msDS-SupportedEncryptionTypes.
    case $acct in
      rc4) want=arcfour-hmac,arcfour-hmac ;;
      aes) want=aes256-cts-hmac-sha1-96,aes256-cts-hmac-sha1-96 ;;
      unset) want=aes256-cts-hmac-sha1-96,arcfour-hmac ;;
    esac
    [ "$skey" = "$want" ] || fail "service ticket $skey, expected $want"
    result=PASS
    if [ $dir = mit-mit ]; then
      ref_key=$key ref_fmt=${fi_%+*}
    elif [ "$key" != "$ref_key" ] || [ "${fi_%+*}" != "$ref_fmt" ]; then
      # RFC 4537: MIT's ends upgrade an RC4 session key to an AES subkey.
      fail "context key $key in $fi_, MIT to MIT: $ref_key in $ref_fmt"
    fi
    [ -z "$why" ] || result=FAIL
    printf '%-6s %-10s %-48s %-12s %-70s %s\n' "$acct" "$dir" "$skey" "${key:-?}" \
      "$fi_; $fa" "$result"
    case $result in
      PASS) passed=$((passed + 1)) ;;
      *) failed=$((failed + 1))
        echo "    why:${why#;}"
        sed 's/^/    /' "$work/$n.i" "$work/$n.a" "$work/$n.pair" ;;
    esac
  done
done

# Delegation: bob (forwardable TGT) to svc-deleg, whose acceptor reaches
# svc-second with the delegated credential.  With GSS_C_DELEG_POLICY_FLAG
# MIT delegates only to ok-as-delegate services: svc-deleg, not svc-aes.
echo
tk=$(ticket_info "$BOB" "krbtgt/$REALM")
case ${tk#* } in *F*) ;; *) echo "FAIL: bob's TGT is not forwardable (flags ${tk#* })"; failed=$((failed + 1)) ;; esac
printf '%-28s %-10s %-8s %-10s %s\n' case direction flags delegated result
for c in deleg policy-ok policy-no; do
  case $c in
    deleg) svc=deleg flags=1 kt=deleg want=yes ;;
    policy-ok) svc=deleg flags=8000 kt=deleg want=yes ;;
    policy-no) svc=aes flags=8000 kt=aes want=no ;;
  esac
  for dir in mit-mit ours-mit mit-ours ours-ours; do
    n=$c.$dir
    why=
    if [ $want = yes ]; then aopt="--require-deleg --deleg-target HTTP@second.$DNSDOMAIN"; else aopt=; fi
    # shellcheck disable=SC2086
    run_pair "$n" "${dir%-*}" "${dir#*-}" "$BOB" "$work/$kt.keytab" \
      --service "HTTP@$svc.$DNSDOMAIN" --mutual --flags "$flags" -- $aopt || fail "pair failed"
    got=$(field deleg "$work/$n.a")
    [ "$want" = no ] || grep -q "deleg=yes deleg_init=ok" "$work/$n.a" || fail "no delegated credential reached svc-second"
    [ "$got" = "$want" ] || fail "delegated=$got, expected $want"
    tf=$(ticket_info "$BOB" "HTTP/$svc.$DNSDOMAIN")
    tf=${tf#* }
    case $svc in
      deleg) case $tf in *O*) ;; *) fail "the svc-deleg ticket has no ok-as-delegate (flags $tf)" ;; esac ;;
      *) case $tf in *O*) fail "the svc-$svc ticket has ok-as-delegate" ;; esac ;;
    esac
    result=PASS
    [ -z "$why" ] || result=FAIL
    printf '%-28s %-10s %-8s %-10s %s\n' "$c (svc-$svc, O=$(case $tf in *O*) echo y ;; *) echo n ;; esac))" \
      "$dir" "0x$flags" "${got:-?}" "$result"
    case $result in
      PASS) passed=$((passed + 1)) ;;
      *) failed=$((failed + 1))
        echo "    why:${why#;}"
        sed 's/^/    /' "$work/$n.i" "$work/$n.a" "$work/$n.pair" ;;
    esac
  done
done

echo
echo "total $(since "$t0") s"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
