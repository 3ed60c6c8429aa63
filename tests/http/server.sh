#!/bin/sh
# HTTP Negotiate (RFC 4559) with libgss as the acceptor, in a throwaway
# realm: examples/negotiate-server (GSS_C_NO_CREDENTIAL, the keys of
# HTTP/localhost in $KRB5_KTNAME) must accept Debian's curl --negotiate
# (MIT's SPNEGO), MIT's library sending SPNEGO and raw Kerberos through
# the example client, and libgss's own client, answering 200 with the
# client's name user@REALM, which the server prints too; the server
# names the mechanism of the initial token, so a raw Kerberos token
# cannot pass for SPNEGO or the reverse.  The same server built on MIT's
# library runs first with curl, as the control of the harness.  Clients
# without a ticket must be refused.  Skips (77) without curl or MIT's
# KDC.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
me=server.sh

if [ "${1:-}" != --in-realm ]; then
  command -v curl >/dev/null 2>&1 || {
    echo "$me: SKIP: curl not found (Debian package curl)" >&2
    exit 77
  }
  for prog in examples/negotiate-server examples/negotiate-client \
      tests/http/negotiate-server-mit tests/http/negotiate-client-mit; do
    [ -x "$builddir/$prog" ] || {
      echo "$me: $builddir/$prog is not built" >&2
      exit 99
    }
  done
  exec "$srcdir/tests/kdc/realm.sh" run sh "$0" --in-realm
fi

run=${VALGRIND_RUN:-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/http-server.XXXXXX") || exit 99
. "$srcdir/tests/http/common.sh"
trap http_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

make_http_keytab || { show kadmin.log; echo "$me: no HTTP keytab" >&2; exit 99; }

ours=$builddir/examples/negotiate-server
mit=$builddir/tests/http/negotiate-server-mit

# One connection to a new server: LABEL, the server program, the
# mechanism the initial token must name ("none" when the client must be
# refused before sending one, "refused" when it sends one that must be
# refused, "forged" when the server accepts the client but forges its
# final token, which the client must refuse), then the client's
# command, where PORT in a word stands for the server's port.
server_case () {
  label=$1
  server=$2
  token=$3
  shift 3
  server_opts=
  [ "$token" = forged ] && server_opts=-c
  status_before=$status
  if [ "$token" = forged ]; then
    echo "== $label: the server's forged final token refused"
  elif [ "$token" = none ] || [ "$token" = refused ]; then
    echo "== $label: refused"
  else
    echo "== $label: 200 for $REALM_USER, initial token for $token"
  fi
  start_server "$label.server" "$server" -n 1 $server_opts || return
  cmd=
  for a in "$@"; do
    case $a in
      *PORT*) a=${a%%PORT*}$server_port${a#*PORT} ;;
    esac
    cmd="$cmd '$a'"
  done
  eval "$cmd" > "$dir/$label.out" 2> "$dir/$label.err"
  rc=$?
  stop_server
  case $token in
    forged)
      [ $rc -eq 1 ] || fail "$label: the client exited with $rc, not 1"
      [ $server_rc -eq 0 ] || fail "$label: the server exited with $server_rc"
      expect_line "$label.server.out" "negotiate-server: client $REALM_USER"
      grep -q '^Hello' "$dir/$label.out" && fail "$label: the client trusted the page"
      grep -q '^negotiate-client: gss_init_sec_context: ' "$dir/$label.err" \
        || fail "$label: the client did not say why"
      ;;
    none|refused)
      [ $rc -ne 0 ] || fail "$label: the client exited with 0"
      [ $server_rc -eq 1 ] || fail "$label: the server exited with $server_rc, not 1"
      grep -q '^Hello' "$dir/$label.out" && fail "$label: the client got the page"
      grep -q '^negotiate-server: client ' "$dir/$label.server.out" \
        && fail "$label: the server accepted a client"
      if [ "$token" = none ]; then
        grep -q '^negotiate-server: initial token' "$dir/$label.server.out" \
          && fail "$label: the client sent a token"
      else
        grep -q '^negotiate-server: gss_accept_sec_context: ' \
          "$dir/$label.server.err" || fail "$label: the server did not say why it refused"
      fi
      ;;
    *)
      [ $rc -eq 0 ] || fail "$label: the client exited with $rc"
      [ $server_rc -eq 0 ] || fail "$label: the server exited with $server_rc"
      [ "$(cat "$dir/$label.out")" = "Hello, $REALM_USER" ] \
        || fail "$label: the client did not get the page naming $REALM_USER"
      grep -q "^negotiate-server: initial token for $token, [0-9]* octets\$" \
        "$dir/$label.server.out" \
        || fail "$label: the initial token was not for $token"
      expect_line "$label.server.out" "negotiate-server: client $REALM_USER"
      expect_line "$label.server.out" "negotiate-server: mechanism Kerberos"
      ;;
  esac
  [ $status -eq $status_before ] \
    || show "$label.out" "$label.err" "$label.server.out" "$label.server.err"
}

# What the example client must say after mutual authentication.
client_checks () {
  expect_line "$1.err" "negotiate-client: server HTTP/localhost@$REALM"
  expect_line "$1.err" "negotiate-client: mutual authentication yes"
}

curl_get="curl -s -f --negotiate -u : http://localhost:PORT/"

# The control: MIT's acceptor, MIT's curl.
server_case mit-curl "$mit" SPNEGO $curl_get

# libgss's acceptor: MIT's SPNEGO from curl, SPNEGO and raw Kerberos
# from MIT's library, and the same from libgss's client.
server_case curl "$ours" SPNEGO $curl_get
server_case client-mit-spnego "$ours" SPNEGO \
  "$builddir/tests/http/negotiate-client-mit" -m spnego -p PORT localhost /
client_checks client-mit-spnego
server_case client-mit-krb5 "$ours" Kerberos \
  "$builddir/tests/http/negotiate-client-mit" -m krb5 -p PORT localhost /
client_checks client-mit-krb5
server_case client-spnego "$ours" SPNEGO \
  $run "$builddir/examples/negotiate-client" -m spnego -p PORT localhost /
client_checks client-spnego
server_case client-krb5 "$ours" Kerberos \
  $run "$builddir/examples/negotiate-client" -m krb5 -p PORT localhost /
client_checks client-krb5
server_case client-spnego-nomutual "$ours" SPNEGO \
  $run "$builddir/examples/negotiate-client" -N -m spnego -p PORT localhost /

# Mutual authentication: a final token changed in flight must not pass,
# through MIT's library (the control) or ours, with either mechanism.
for mech in spnego krb5; do
  server_case client-mit-forged-$mech "$ours" forged \
    "$builddir/tests/http/negotiate-client-mit" -m $mech -p PORT localhost /
  server_case client-forged-$mech "$ours" forged \
    $run "$builddir/examples/negotiate-client" -m $mech -p PORT localhost /
done

# Refusals: curl without a ticket sends no token; a raw Kerberos ticket
# for another service is refused by the acceptor.
server_case curl-noticket "$ours" none \
  env KRB5CCNAME=FILE:$dir/no-such-ccache $curl_get
server_case client-mit-wrongservice "$ours" refused \
  "$builddir/tests/http/negotiate-client-mit" -m krb5 -s "$REALM_SERVICE2" \
  -p PORT localhost /
# Without mutual authentication the client takes any 200: the server
# alone must refuse.
server_case client-mit-wrongservice-nomutual "$ours" refused \
  "$builddir/tests/http/negotiate-client-mit" -N -m spnego \
  -s "$REALM_SERVICE2" -p PORT localhost /

exit $status
