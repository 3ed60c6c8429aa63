#!/bin/sh
# cases.sh - context establishment between two peer programs, case by case.
#
# Usage: cases.sh INITIATOR_PROGRAM ACCEPTOR_PROGRAM
#
# Both programs are builds of tests/interop/peer.c (peer-mit, peer-ours,
# peer-heimdal).
# Starts one throwaway realm (tests/kdc/realm.sh) for each session-key
# enctype of ENCTYPES (default: aes256-cts-hmac-sha1-96 and
# aes256-cts-hmac-sha384-192) and runs every case in each: a line
# "PASS: case [enctype]" or "FAIL: case [enctype]" per case, the peers'
# summary lines indented under it, and at the end "N passed, N failed".
# Exits 0 when all passed, 1 otherwise, 77 when MIT's KDC is missing.
#
# The expected results are what MIT krb5 1.20 does with itself: the major
# status of each failure, and words of the minor status text where they
# name the cause.  Minor texts are only checked on the side of the
# program named in CHECK_MINOR_TEXT ("initiator", "acceptor", "both",
# default "both", or "none"), since libraries word them differently.
# ENCTYPES and CASES (names of case_* functions) narrow the run.
# PEER_OPTS are options given to both peers of every case (pair,
# initiator_alone, acceptor_alone: --mech spnego, say), and EXTRA_CASES
# a file of more case_* functions, read before CASES is.
set -u
PEER_OPTS=${PEER_OPTS:-}

[ $# -eq 2 ] || { echo "usage: $0 INITIATOR_PROGRAM ACCEPTOR_PROGRAM" >&2; exit 2; }
I=$1
A=$2
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
realm_sh=$srcdir/tests/kdc/realm.sh
pair_sh=$srcdir/tests/interop/pair.sh
enctypes=${ENCTYPES:-"aes256-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192"}
check_minor=${CHECK_MINOR_TEXT:-both}
limit=60

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit klist timeout mkfifo; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found" >&2; exit 77; }
done
for p in "$I" "$A"; do
  [ -x "$p" ] || { echo "cases.sh: $p is not an executable program" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-cases.XXXXXX") || exit 1
realms=
cleanup () {
  for r in $realms; do
    "$realm_sh" stop "$r" 2>/dev/null
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

passed=0
failed=0
log=

# Runs one case: the function named by $2 in the realm of the current
# environment.  A case fails when its function returns non-zero or when
# anything in it called `bad` (the peer runners do when a peer fails).
run_case () {
  label="$1 [$REALM_ENCTYPE]"
  log=$work/$1.$REALM_ENCTYPE
  : > "$log.i"
  : > "$log.a"
  : > "$log.why"
  if "$2" >>"$log.why" 2>&1 && [ ! -s "$log.bad" ]; then
    echo "PASS: $label"
    passed=$((passed + 1))
  else
    echo "FAIL: $label"
    failed=$((failed + 1))
    sed 's/^/    why: /' "$log.why" "$log.bad" 2>/dev/null
  fi
  sed 's/^/    /' "$log.i" "$log.a"
  rm -f "$log.bad"
}

bad () {
  echo "$*" >> "$log.bad"
}

# log_has SIDE EXTENDED-REGEX: a summary line of that side matches.
log_has () {
  if [ "$1" = initiator ]; then f=$log.i; else f=$log.a; fi
  grep -Eq "$2" "$f" || bad "$1 log does not match: $2"
}

# minor_text SIDE WORDS: the minor status text, if it is checked for SIDE.
minor_text () {
  case $check_minor in
    both|"$1") log_has "$1" "minor=0x[0-9a-f]{8} \\([^)]*$2" ;;
  esac
}

pair () {
  # Arguments: [--unanswered] initiator options -- acceptor options.
  # With --unanswered the acceptor is expected to end its part with no
  # token, so the initiator fails waiting for one.
  unanswered=
  if [ "$1" = --unanswered ]; then
    unanswered=yes
    shift
  fi
  n=0
  for a in "$@"; do [ "$a" = -- ] && break; n=$((n + 1)); done
  iopts=
  i=0
  for a in "$@"; do
    i=$((i + 1))
    [ $i -le $n ] && iopts="$iopts $a"
  done
  shift $((n + 1))
  # The options are single words without quoting needs.
  # shellcheck disable=SC2086
  if "$pair_sh" -t $limit $I_WRAP "$I" --initiate --log "$log.i" $PEER_OPTS $iopts \
    -- $A_WRAP "$A" --accept --log "$log.a" $PEER_OPTS "$@"; then
    [ -z "$unanswered" ] || { bad "the initiator got an answer"; return 1; }
  else
    [ -n "$unanswered" ] || { bad "pair failed"; return 1; }
    unanswered_initiator
  fi
}

unanswered_initiator () {
  log_has initiator "io=no-reply-from-acceptor failed call=transport"
  log_has acceptor "result=PASS"
}

initiator_alone () {
  timeout $limit $I_WRAP "$I" --initiate --log "$log.i" $PEER_OPTS "$@" </dev/null >/dev/null \
    || { bad "initiator failed"; return 1; }
}

acceptor_alone () {
  timeout $limit $A_WRAP "$A" --accept --log "$log.a" $PEER_OPTS "$@" </dev/null >/dev/null \
    || { bad "acceptor failed"; return 1; }
}

svc=--service
S=host@localhost

# GSS_C_* flag values and major status codes, as on the wire of the API.
DELEG=1 CONF_INTEG=30
FAILURE=d0000 BAD_BINDINGS=40000

# Where libgss answers more precisely than MIT 1.20, the expectation
# follows the library of the side that fails: libgss keeps
# GSS_S_DUPLICATE_TOKEN beside GSS_S_FAILURE on a replayed AP-REQ, and
# reports an expired ticket as GSS_S_CREDENTIALS_EXPIRED, both as the
# gss_init_sec_context and gss_accept_sec_context pages name them.
#
# Which library a peer is on comes from the peer itself (--library: the
# file that holds the gss_init_sec_context it calls), never from its
# name: Debian's GNU GSS has the same soname as libgss.  A peer-ours on
# any library but the one built beside it, a peer-mit on any but MIT's,
# or a peer-heimdal on any but Heimdal's libgssapi, fails the whole run.
library_of () {
  lib=$("$1" --library) && [ -n "$lib" ] || {
    echo "FAIL: $1 --library did not name its GSS-API library"; exit 1; }
  lib=$(readlink -f "$lib")
  ours=$(readlink -f "$(dirname "$1")/../../lib/.libs/libgss.so.3" 2>/dev/null)
  case $1 in
    *peer-ours*) [ -n "$ours" ] && [ "$lib" = "$ours" ] ;;
    *peer-mit*) case ${lib##*/} in libgssapi_krb5.so*) true ;; *) false ;; esac ;;
    *peer-heimdal*) case $lib in */heimdal*/libgssapi.so*|*/libgssapi.so.3*) true ;; *) false ;; esac ;;
    *) false ;;
  esac || { echo "FAIL: $1 runs on $lib"; exit 1; }
  echo "$lib"
}
I_LIB=$(library_of "$I") || { echo "$I_LIB"; exit 1; }
A_LIB=$(library_of "$A") || { echo "$A_LIB"; exit 1; }
echo "initiator $I on $I_LIB"
echo "acceptor $A on $A_LIB"
is_libgss () {
  case ${1##*/} in libgss.so*) return 0 ;; *) return 1 ;; esac
}
# A peer on libgss runs under memcheck when make check does
# (VALGRIND_RUN), whichever side it is on; MIT's library is not ours to
# check.  (The initiator that makes the token of expired-acceptor
# beforehand runs without it, which would only stretch its timing.)
I_WRAP= A_WRAP=
if is_libgss "$I_LIB"; then I_WRAP=${VALGRIND_RUN:-}; fi
if is_libgss "$A_LIB"; then A_WRAP=${VALGRIND_RUN:-}; fi
if is_libgss "$A_LIB"; then
  REPLAYED=d0002 EXPIRED_AT_ACCEPTOR=b0000
else
  REPLAYED=$FAILURE EXPIRED_AT_ACCEPTOR=$FAILURE
fi
if is_libgss "$I_LIB"; then EXPIRED_AT_INITIATOR=b0000; else EXPIRED_AT_INITIATOR=$FAILURE; fi

# Where Heimdal 7.8 differs (tests/interop/README.md says how): its
# acceptor keeps no replay cache, so a replayed AP-REQ establishes a
# context; it answers a failed AP-REQ with no token at all, so an
# initiator that asked for mutual authentication waits in vain; and its
# initiator words some minor statuses otherwise, or fails otherwise on
# an expired TGT.
is_heimdal () {
  case $1 in *peer-heimdal*) return 0 ;; *) return 1 ;; esac
}
UNANSWERED=
if is_heimdal "$A"; then
  REPLAYED=0 UNANSWERED=--unanswered
fi

case_plain () {
  pair $svc $S --require-flags $CONF_INTEG --forbid-flags 3 \
    -- --require-flags $CONF_INTEG --forbid-flags 3
  log_has acceptor "src=user@LIBGSS.TEST target=host/localhost@LIBGSS.TEST .*deleg=no"
}

case_mutual () {
  pair $svc $S --mutual --require-flags 32 --forbid-flags $DELEG \
    -- --require-flags 32 --forbid-flags $DELEG
}

case_second_service () {
  pair $svc test@localhost --mutual --require-flags 32 -- $svc test@localhost
  log_has acceptor "target=test/localhost@LIBGSS.TEST"
}

case_delegation () {
  pair $svc $S --mutual --deleg --require-flags 33 \
    -- --require-deleg --require-flags 33
  log_has acceptor "deleg=yes deleg_init=ok"
}

# The service tickets the cases got carry the realm's forced enctype,
# for the session key and for the ticket itself.
case_session_enctype () {
  klist -e > "$work/klist.out" || return 1
  awk -v want="$REALM_ENCTYPE" '
    /host\/localhost@LIBGSS.TEST$/ { seen = 1; next }
    seen && /Etype \(skey, tkt\)/ {
      sub(/.*Etype \(skey, tkt\): */, "")
      gsub(/ /, "")
      # klist marks des3 and RC4 keys as deprecated.
      gsub(/DEPRECATED:/, "")
      ok = ($0 == want "," want)
      print "host/localhost ticket: " $0
      exit
    }
    END { exit ok ? 0 : 1 }' "$work/klist.out"
}

case_bindings_match () {
  pair $svc $S --mutual --cb "bindings-1" -- --cb "bindings-1"
}

case_bindings_mismatch () {
  pair $svc $S --cb "bindings-1" -- --cb "bindings-2" --expect-major $BAD_BINDINGS
  log_has acceptor "major=0x00040000"
}

# With mutual authentication MIT's acceptor and libgss answer the failure
# with a KRB-ERROR token, so the initiator fails too; Heimdal's sends none.
case_bindings_mismatch_mutual () {
  pair $UNANSWERED $svc $S --mutual --cb "bindings-1" --expect-major $FAILURE \
    -- --cb "bindings-2" --expect-major $BAD_BINDINGS
  log_has acceptor "major=0x00040000"
  [ -n "$UNANSWERED" ] || log_has initiator "major=0x000d0000"
}

# MIT's acceptor takes an initiator that sent no bindings, and ignores
# bindings when it was given none itself.
case_bindings_initiator_only () {
  pair $svc $S --mutual --cb "bindings-1" --
}

case_bindings_acceptor_only () {
  pair $svc $S --mutual -- --cb "bindings-1"
}

case_replay () {
  pair $svc $S --replay-out "$log.token" -- || return 1
  acceptor_alone --replay-in "$log.token" --expect-major $REPLAYED
  log_has acceptor "result=PASS"
  is_heimdal "$A" || minor_text acceptor "Request is a replay"
}

case_replay_mutual () {
  pair $svc $S --mutual --replay-out "$log.token" -- || return 1
  acceptor_alone --replay-in "$log.token" --expect-major $REPLAYED
  is_heimdal "$A" || minor_text acceptor "Request is a replay"
}

case_unknown_service () {
  initiator_alone $svc nosuch@localhost --mutual --expect-major $FAILURE
  # Heimdal's text only names the step and the principal, with MIT's code.
  if is_heimdal "$I"; then
    log_has initiator "minor=0x96c73a07 \\(LOOKING_UP_SERVER \\(nosuch/localhost"
  else
    minor_text initiator "not found in Kerberos database"
  fi
}

# The acceptor's keytab has the right key version and enctypes, but
# other keys.
case_wrong_key () {
  "$pair_sh" -t $limit $I_WRAP "$I" --initiate --log "$log.i" $svc $S \
    -- env KRB5_KTNAME="$REALM_WRONG_KEYTAB" $A_WRAP "$A" --accept --log "$log.a" \
    --expect-major $FAILURE || return 1
  minor_text acceptor "cannot decrypt|integrity"
}

case_wrong_key_mutual () {
  if "$pair_sh" -t $limit $I_WRAP "$I" --initiate --log "$log.i" $svc $S --mutual \
    --expect-major $FAILURE \
    -- env KRB5_KTNAME="$REALM_WRONG_KEYTAB" $A_WRAP "$A" --accept --log "$log.a" \
    --expect-major $FAILURE; then
    [ -z "$UNANSWERED" ] || { bad "the initiator got an answer"; return 1; }
    minor_text initiator "integrity"
  else
    [ -n "$UNANSWERED" ] || return 1
    unanswered_initiator
  fi
  minor_text acceptor "cannot decrypt|integrity"
}

case_wrong_key_named () {
  "$pair_sh" -t $limit $I_WRAP "$I" --initiate --log "$log.i" $svc $S \
    -- env KRB5_KTNAME="$REALM_WRONG_KEYTAB" $A_WRAP "$A" --accept --log "$log.a" \
    $svc $S --expect-major $FAILURE || return 1
  minor_text acceptor "cannot decrypt|integrity"
}

case_messages () {
  pair $svc $S --mutual --flags c --messages -- --messages
  log_has initiator "messages=ok"
  log_has acceptor "messages=ok"
}

# IOV and AEAD each way (peer.c, --iov): gss_wrap_iov tokens through
# gss_unwrap, gss_wrap tokens through gss_unwrap_iov (STREAM and parts),
# SIGN_ONLY on both sides, the trailer rotated into the header, and
# gss_wrap_aead with associated data through gss_unwrap_aead.
# With Heimdal on either side, only sealed tokens and no STREAM (peer.c
# says why).
case_iov () {
  iov=--iov
  if is_heimdal "$I" || is_heimdal "$A"; then iov=--iov-heimdal; fi
  pair $svc $S --mutual --flags 3c $iov -- $iov
  log_has initiator "iov=ok"
  log_has acceptor "iov=ok"
}

# MIC tokens over IOV arrays each way (peer.c, --mic-iov): gss_get_mic_iov
# tokens of SIGN_ONLY, DATA, SIGN_ONLY through gss_verify_mic over the
# same octets end to end and through gss_verify_mic_iov, gss_get_mic
# tokens through gss_verify_mic_iov.  Heimdal is left out: peer.c does
# not use its MIC IOV calls.
case_mic_iov () {
  if is_heimdal "$I" || is_heimdal "$A"; then return 0; fi
  pair $svc $S --mutual --flags 3c --mic-iov -- --mic-iov
  log_has initiator "mic_iov=ok"
  log_has acceptor "mic_iov=ok"
}

# The DCE-style exchange (GSS_C_DCE_STYLE: bare tokens, three legs),
# then IOV tokens with the trailer rotated into the header as DCE/RPC
# sends them (EC 16, RRC without it), SIGN_ONLY, and IOV against
# gss_unwrap, each way.  With des3-cbc-sha1 and arcfour-hmac keys
# (RFC 1964 / RFC 4757 tokens, tests/interop/dce-v1.sh) the caller pads
# the message to the cipher's block and no padding is added.  Heimdal
# 7.8 has no DCE style.
case_dce_iov () {
  if is_heimdal "$I" || is_heimdal "$A"; then return 0; fi
  dce=--iov-dce
  case $REALM_ENCTYPE in
    des3-*) dce="--iov-dce-v1 8" ;;
    arcfour-*) dce="--iov-dce-v1 1" ;;
  esac
  pair $svc $S --flags 103c --require-flags 1002 $dce \
    -- --require-flags 1002 $dce
  log_has initiator "established.*iov=ok"
  log_has acceptor "established.*iov=ok"
}

# Wrap tokens sent out of order (1 2 2 4 3) each way, with replay and
# sequence detection: each receiver must flag duplicate, gap and
# out-of-sequence tokens as RFC 2743 section 1.2.3 says.
case_sequence () {
  pair $svc $S --mutual --flags c --sequence -- --sequence
  log_has initiator "sequence=ok"
  log_has acceptor "sequence=ok"
}

# Both sides export their context after establishment and go on in a
# new process that imports it: messages, then the sequence checks.
case_transfer () {
  pair $svc $S --mutual --flags c --transfer --messages --sequence \
    -- --transfer --messages --sequence
  log_has initiator "resumed messages=ok sequence=ok"
  log_has acceptor "resumed messages=ok sequence=ok"
}

case_messages_no_mutual () {
  pair $svc $S --messages -- --messages
  log_has initiator "messages=ok"
  log_has acceptor "messages=ok"
}

# A TGT that expired before the initiator needed a service ticket.
case_expired_initiator () {
  "$realm_sh" wait-expired "$REALM_DIR" || return 1
  KRB5CCNAME=$REALM_EXPIRED_CCACHE initiator_alone $svc $S --expect-major $EXPIRED_AT_INITIATOR
  # Heimdal looks for a TGT still valid and finds none (KRB5_CC_NOTFOUND).
  if is_heimdal "$I"; then
    log_has initiator "minor=0x96c73a8d \\(Matching credential not found"
  else
    minor_text initiator "Ticket expired"
  fi
}

# An AP-REQ made while its ticket was valid reaches the acceptor after the
# ticket expired.  The acceptor allows the clock skew (5 minutes by
# default) past the end time; a profile file put first in KRB5_CONFIG
# lowers it to one second for this acceptor only.  The token is made when
# the realm starts, so the waiting overlaps the other cases.
prepare_expired_acceptor () {
  printf '[libdefaults]\n  clockskew = 1\n' > "$REALM_DIR/skew1.conf"
  for life in 2 4 8 16; do
    kinit -l ${life}s -k -t "$REALM_USER_KEYTAB" -c "FILE:$REALM_DIR/short.ccache" user \
      >/dev/null 2>&1 || return 1
    # The ticket ends at most LIFE seconds after now; two more seconds
    # put the acceptor past its one second of skew whatever the rounding.
    echo $(( $(date +%s) + life + 2 )) > "$REALM_DIR/short.after"
    : > "$work/short.log"
    if KRB5CCNAME=FILE:$REALM_DIR/short.ccache timeout $limit "$I" --initiate \
      $svc $S --replay-out "$REALM_DIR/short.token" --log "$work/short.log" \
      </dev/null >/dev/null; then
      # Wait by the end time the service ticket really has (the KDC's,
      # which may not be the one asked for), plus the acceptor's second
      # of skew and two more: the acceptor must find the ticket expired,
      # never only the authenticator too old ("Clock skew too great").
      end=$(LC_ALL=C klist -c "FILE:$REALM_DIR/short.ccache" | awk '
        /host\/localhost@/ { print $3, $4; exit }')
      [ -n "$end" ] && end=$(date -d "$end" +%s) || return 1
      after=$(cat "$REALM_DIR/short.after")
      [ $((end + 3)) -gt "$after" ] && echo $((end + 3)) > "$REALM_DIR/short.after"
      LC_ALL=C klist -c "FILE:$REALM_DIR/short.ccache"
      echo "service ticket ends at $end; the acceptor runs at $(cat "$REALM_DIR/short.after")"
      return 0
    fi
    # Expired before the initiator used it: the machine is slow; longer.
    grep -q "Ticket expired" "$work/short.log" || { cat "$work/short.log"; return 1; }
  done
  return 1
}

case_expired_acceptor () {
  [ -s "$REALM_DIR/short.token" ] || {
    echo "no token was prepared:"; cat "$REALM_DIR/prepare.log"; return 1; }
  after=$(cat "$REALM_DIR/short.after") || return 1
  i=0
  while [ "$(date +%s)" -lt "$after" ]; do
    [ $i -lt 600 ] || { echo "the clock does not reach $after"; return 1; }
    sleep 0.1
    i=$((i + 1))
  done
  if klist -s -c "FILE:$REALM_DIR/short.ccache"; then
    echo "the short ticket has not expired"
    return 1
  fi
  KRB5_CONFIG=$REALM_DIR/skew1.conf:$KRB5_CONFIG acceptor_alone \
    --replay-in "$REALM_DIR/short.token" --expect-major $EXPIRED_AT_ACCEPTOR
  minor_text acceptor "Ticket expired"
  [ ! -s "$log.bad" ] || { echo "now $(date +%s); the token was made:"; cat "$REALM_DIR/prepare.log"; }
}

if [ -n "${EXTRA_CASES:-}" ]; then
  . "$EXTRA_CASES" || exit 1
fi

first_cases="plain mutual second_service delegation bindings_match bindings_mismatch
  bindings_mismatch_mutual bindings_initiator_only bindings_acceptor_only
  replay replay_mutual unknown_service wrong_key wrong_key_mutual wrong_key_named
  messages messages_no_mutual sequence transfer session_enctype iov dce_iov
  mic_iov"
last_cases="expired_initiator expired_acceptor"
# CASES narrows the run to the cases it names (of the first group).
if [ -n "${CASES:-}" ]; then
  first_cases=$CASES
  last_cases=
fi

# All realms first, so that their tickets expire while the other cases run.
n=0
for e in $enctypes; do
  n=$((n + 1))
  r=$work/realm$n
  REALM_LIFETIME=900 "$realm_sh" start -e "$e" "$r"
  rc=$?
  [ $rc -eq 77 ] && exit 77
  [ $rc -eq 0 ] || { echo "FAIL: realm [$e] did not start"; echo "0 passed, 1 failed"; exit 1; }
  realms="$realms $r"
  (
    . "$r/env"
    prepare_expired_acceptor
  ) > "$r/prepare.log" 2>&1
done

for phase in first last; do
  for r in $realms; do
    . "$r/env"
    if [ $phase = first ]; then cases=$first_cases; else cases=$last_cases; fi
    for c in $cases; do
      run_case "$(echo "$c" | tr _ -)" "case_$c"
    done
  done
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
