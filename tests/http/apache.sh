#!/bin/sh
# HTTP Negotiate (RFC 4559) end to end against Apache2 with
# mod_auth_gssapi (MIT's GSS-API on the server side), in a throwaway
# realm: examples/negotiate-client on libgss fetches a page only
# Negotiate clients may read, with SPNEGO (what curl and browsers send)
# and with raw Kerberos, and must get 200, the page, and mutual
# authentication of HTTP/localhost; Apache's access log must name
# user@REALM.  The same client built on MIT's library and Debian's
# curl run first, as controls of the harness.  A client delegating its
# ticket must leave a ticket-granting ticket for user@REALM with Apache.
# A client without a ticket, or with one for another service, must get
# nothing.  Skips (77) without Apache2, mod_auth_gssapi,
# curl or MIT's KDC.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
me=apache.sh

if [ "${1:-}" != --in-realm ]; then
  for f in /usr/sbin/apache2 /usr/lib/apache2/modules/mod_auth_gssapi.so \
      /usr/lib/apache2/modules/mod_mpm_prefork.so; do
    [ -x "$f" ] || [ -f "$f" ] || {
      echo "$me: SKIP: $f not found (Debian packages apache2-bin, libapache2-mod-auth-gssapi)" >&2
      exit 77
    }
  done
  command -v curl >/dev/null 2>&1 || {
    echo "$me: SKIP: curl not found (Debian package curl)" >&2
    exit 77
  }
  for prog in examples/negotiate-client tests/http/negotiate-client-mit; do
    [ -x "$builddir/$prog" ] || {
      echo "$me: $builddir/$prog is not built" >&2
      exit 99
    }
  done
  exec "$srcdir/tests/kdc/realm.sh" run sh "$0" --in-realm
fi

run=${VALGRIND_RUN:-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/http-apache.XXXXXX") || exit 99
. "$srcdir/tests/http/common.sh"
trap http_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

# A page the client could not know in advance.
apache_secret="The page behind Negotiate, $(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"

make_http_keytab || { show kadmin.log; echo "$me: no HTTP keytab" >&2; exit 99; }
start_apache || exit 1
url=http://localhost:$apache_port/private/secret.txt
echo "$me: Apache on 127.0.0.1 port $apache_port"

# One client run: LABEL, whether it must succeed (ok or refused), the
# command.  Checks the status, the page and the access log.
client_case () {
  label=$1
  expect=$2
  shift 2
  status_before=$status
  lines_before=$(wc -l < "$dir/apache/logs/access.log")
  "$@" > "$dir/$label.out" 2> "$dir/$label.err"
  rc=$?
  # Apache writes the log line after the response.
  sleep 0.2
  tail -n +$((lines_before + 1)) "$dir/apache/logs/access.log" \
    > "$dir/$label.log"
  if [ "$expect" = ok ]; then
    echo "== $label: 200, the page, $REALM_USER in the log"
    [ $rc -eq 0 ] || fail "$label exited with $rc"
    [ "$(cat "$dir/$label.out")" = "$apache_secret" ] \
      || fail "$label did not print the page"
    grep -q " $REALM_USER \"GET /[a-z]*/secret.txt HTTP/1.1\" 200\$" \
      "$dir/$label.log" || fail "$label: the access log has no 200 for $REALM_USER"
  else
    echo "== $label: refused"
    [ $rc -ne 0 ] || fail "$label exited with 0"
    grep -Fq "$apache_secret" "$dir/$label.out" \
      && fail "$label printed the page"
    grep -q '" 200$' "$dir/$label.log" && fail "$label: the access log shows a 200"
  fi
  [ $status -eq $status_before ] || show "$label.out" "$label.err" "$label.log"
}

client_checks () {
  label=$1
  mech=$2
  grep -Fqx "negotiate-client: server HTTP/localhost@$REALM" \
    "$dir/$label.err" || fail "$label did not name the server"
  grep -Fqx "negotiate-client: mechanism $mech" "$dir/$label.err" \
    || fail "$label did not report the mechanism $mech"
  grep -Fqx "negotiate-client: mutual authentication yes" "$dir/$label.err" \
    || fail "$label did not authenticate the server"
}

# The controls: MIT's library through Debian's curl and through the
# example client.
client_case curl-mit ok curl -s -f --negotiate -u : "$url"
client_case client-mit-spnego ok \
  "$builddir/tests/http/negotiate-client-mit" -p "$apache_port" \
  localhost /private/secret.txt
client_checks client-mit-spnego Kerberos

# libgss: SPNEGO (the default), then raw Kerberos.
client_case client-spnego ok \
  $run "$builddir/examples/negotiate-client" -p "$apache_port" \
  localhost /private/secret.txt
client_checks client-spnego Kerberos
client_case client-krb5 ok \
  $run "$builddir/examples/negotiate-client" -m krb5 -p "$apache_port" \
  localhost /private/secret.txt
client_checks client-krb5 Kerberos

# Delegation through SPNEGO and Kerberos: mod_auth_gssapi stores the
# ticket-granting ticket it received in a ticket cache named after the
# user.
for mech in spnego krb5; do
  rm -f "$dir/apache/deleg/$REALM_USER"
  client_case client-deleg-$mech ok \
    $run "$builddir/examples/negotiate-client" -d -m $mech -p "$apache_port" \
    localhost /deleg/secret.txt
  expect_line client-deleg-$mech.err "negotiate-client: delegation yes"
  KRB5CCNAME=FILE:$dir/apache/deleg/$REALM_USER klist > "$dir/deleg-$mech.klist" 2>&1 \
    && grep -q "krbtgt/$REALM@$REALM" "$dir/deleg-$mech.klist" \
    || { fail "client-deleg-$mech: Apache holds no delegated ticket for $REALM_USER"
         show deleg-$mech.klist; }
done

# Refusals, for each mechanism: no ticket at all; a ticket for another
# service (the server's key cannot decrypt it).  MIT's client first.
client_case client-mit-wrongservice refused \
  "$builddir/tests/http/negotiate-client-mit" -p "$apache_port" \
  -s "$REALM_SERVICE2" localhost /private/secret.txt
for mech in spnego krb5; do
  client_case client-noticket-$mech refused \
    env KRB5CCNAME=FILE:$dir/no-such-ccache \
    $run "$builddir/examples/negotiate-client" -m $mech -p "$apache_port" \
    localhost /private/secret.txt
  grep -q '^negotiate-client: gss_init_sec_context: .*[Cc]redential' \
    "$dir/client-noticket-$mech.err" \
    || { fail "the $mech client without a ticket did not explain why"
         show client-noticket-$mech.err; }
  client_case client-wrongservice-$mech refused \
    $run "$builddir/examples/negotiate-client" -m $mech -p "$apache_port" \
    -s "$REALM_SERVICE2" localhost /private/secret.txt
  # The refusal is a bare 401, or one whose token (a KRB-ERROR) the
  # client's library reports.
  grep -q '^negotiate-client: \(status 401: the server refused\|gss_init_sec_context: \)' \
    "$dir/client-wrongservice-$mech.err" \
    || { fail "the $mech client for $REALM_SERVICE2 did not see a refusal"
         show client-wrongservice-$mech.err; }
done

[ $status -eq 0 ] || show apache/logs/error.log
exit $status
