#!/bin/sh
# make check-curl: curl built against libgss (curl's GNU GSS path,
# HAVE_GSSGNU: gss.h and -lgss) doing HTTP Negotiate, as a GNU GSS user
# would.  Debian 12's curl source comes from Debian's package registry
# through apt itself (the deb-src twins of the machine's own apt
# sources, in a temporary apt state), is built once without TLS or any
# protocol but HTTP, and is kept in $CURL_CACHE/curl-VERSION.  The
# binary then runs in a throwaway realm on this build's libgss.so.3
# (LD_LIBRARY_PATH; ldd must agree) against Apache2 + mod_auth_gssapi
# and against examples/negotiate-server (libgss on both sides): 200, the
# page, user@REALM in Apache's log, and a SPNEGO initial token at our
# acceptor.  Debian's GNU GSS 1.0.4 (libgss3) cannot take the place of
# libgss here: it is built on Shishi, which reads neither MIT's ticket
# cache nor its krb5.conf.  Prints how long the fetch, the build and the
# runs took.  Skips (77) when the source cannot be fetched or a tool is
# missing.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
me=curl.sh

abs () { (cd "$1" && pwd); }

if [ "${1:-}" != --in-realm ]; then
  for tool in apt-get cc make tar; do
    command -v $tool >/dev/null 2>&1 || {
      echo "$me: SKIP: $tool not found" >&2
      exit 77
    }
  done
  for f in /usr/sbin/apache2 /usr/lib/apache2/modules/mod_auth_gssapi.so; do
    [ -f "$f" ] || {
      echo "$me: SKIP: $f not found (Debian packages apache2-bin, libapache2-mod-auth-gssapi)" >&2
      exit 77
    }
  done
  top=$(abs "$builddir") || exit 99
  [ -f "$top/lib/.libs/libgss.so.3" ] || {
    echo "$me: $top/lib/.libs/libgss.so.3 is not built" >&2
    exit 99
  }
  cache=${CURL_CACHE:-$top/_curl}
  mkdir -p "$cache" || exit 99
  cache=$(abs "$cache")
  curl_bin=$(ls -d "$cache"/curl-*/bin/curl 2>/dev/null | tail -n 1)
  if [ -z "$curl_bin" ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/curl-build.XXXXXX") || exit 99
    trap 'rm -rf "$tmp"' EXIT
    start=$(date +%s)
    # The source twins of the deb lines and deb822 stanzas apt uses, so
    # that the registry is whichever this machine already trusts.
    mkdir -p "$tmp/parts" "$tmp/lists/partial" "$tmp/cache/archives/partial" \
      "$tmp/src"
    sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
      > "$tmp/sources.list" 2>/dev/null
    for f in /etc/apt/sources.list.d/*.sources; do
      [ -f "$f" ] || continue
      sed 's/^Types:.*/Types: deb-src/' "$f" > "$tmp/parts/$(basename "$f")"
    done
    aptopts="-o Dir::Etc::SourceList=$tmp/sources.list
      -o Dir::Etc::SourceParts=$tmp/parts -o Dir::State::Lists=$tmp/lists
      -o Dir::Cache=$tmp/cache -o APT::Sandbox::User=root -q"
    # shellcheck disable=SC2086
    if ! apt-get $aptopts update > "$tmp/apt.log" 2>&1 \
        || ! (cd "$tmp/src" && apt-get $aptopts source --download-only curl) \
          >> "$tmp/apt.log" 2>&1; then
      sed 's/^/  /' "$tmp/apt.log" >&2
      echo "$me: SKIP: could not fetch curl's source through apt" >&2
      exit 77
    fi
    tarball=$(ls "$tmp"/src/curl_*.orig.tar.* 2>/dev/null | head -n 1)
    [ -n "$tarball" ] || { echo "$me: no orig tarball in what apt fetched" >&2; exit 99; }
    version=$(basename "$tarball" | sed 's/^curl_\(.*\)\.orig\.tar\..*/\1/')
    fetched=$(date +%s)
    echo "$me: fetched $(basename "$tarball") in $((fetched - start)) s"
    # What curl's configure looks for with --with-gssapi=DIR and no
    # DIR/bin/krb5-config: DIR/include/gss.h and -lgss in DIR/lib.
    stage=$tmp/stage
    mkdir -p "$stage/include/gss" "$stage/lib"
    cp "$top/include/gss.h" "$stage/include/" || exit 99
    cp "$(abs "$srcdir")"/include/gss/*.h "$stage/include/gss/" || exit 99
    ln -s "$top/lib/.libs/libgss.so" "$stage/lib/libgss.so"
    (cd "$tmp/src" && tar xf "$tarball") || exit 99
    src=$tmp/src/curl-$version
    config="--disable-shared --enable-static --without-ssl --without-zlib
      --without-brotli --without-zstd --without-libpsl --without-libidn2
      --without-nghttp2 --without-nghttp3 --without-ngtcp2 --without-librtmp
      --without-libssh2 --without-libssh --without-libgsasl --disable-ldap
      --disable-ldaps --disable-rtsp --disable-dict --disable-telnet
      --disable-tftp --disable-pop3 --disable-imap --disable-smb --disable-smtp
      --disable-gopher --disable-mqtt --disable-ftp --disable-file
      --disable-manual --disable-alt-svc --disable-hsts --disable-cookies
      --disable-unix-sockets --with-gssapi=$stage"
    # shellcheck disable=SC2086
    if ! (cd "$src" && ./configure --quiet $config && make -j2 -s) \
        > "$tmp/build.log" 2>&1; then
      tail -n 40 "$tmp/build.log" >&2
      echo "$me: FAIL: curl $version did not build" >&2
      exit 1
    fi
    grep -q '^#define HAVE_GSSGNU 1' "$src/lib/curl_config.h" || {
      echo "$me: FAIL: curl's configure did not take the GNU GSS path" >&2
      exit 1
    }
    built=$(date +%s)
    echo "$me: built curl $version in $((built - fetched)) s"
    mkdir -p "$cache/curl-$version/bin"
    cp "$src/src/curl" "$cache/curl-$version/bin/curl" || exit 99
    # shellcheck disable=SC2086
    echo ./configure $config | sed "s|$stage|STAGE|" \
      > "$cache/curl-$version/configure-line"
    curl_bin=$cache/curl-$version/bin/curl
  else
    echo "$me: cached: $curl_bin"
  fi
  export CHECK_CURL=$curl_bin
  exec "$srcdir/tests/kdc/realm.sh" run sh "$0" --in-realm
fi

run=
dir=$(mktemp -d "${TMPDIR:-/tmp}/http-curl.XXXXXX") || exit 99
. "$srcdir/tests/http/common.sh"
trap http_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
trap 'exit 141' PIPE

ours_lib=$(abs "$builddir/lib/.libs")
t0=$(date +%s)
echo "$me: $($CHECK_CURL -V | head -n 1)"
$CHECK_CURL -V | grep -q '^Features:.*SPNEGO' || fail "the curl binary has no SPNEGO"
apache_secret="The page behind Negotiate, $(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
make_http_keytab || { show kadmin.log; echo "$me: no HTTP keytab" >&2; exit 99; }
start_apache || exit 1
url=http://localhost:$apache_port/private/secret.txt

# LABEL, the library directory, the URL; checks the page and the log.
apache_case () {
  label=$1
  libdir=$2
  status_before=$status
  echo "== $label: curl --negotiate on $libdir against Apache"
  resolved=$(LD_LIBRARY_PATH=$libdir ldd "$CHECK_CURL" | sed -n 's/^[[:space:]]*libgss\.so\.3 => \([^ ]*\) .*/\1/p')
  [ "$(dirname "$resolved")" = "$libdir" ] \
    || fail "$label: libgss.so.3 resolves to $resolved"
  lines_before=$(wc -l < "$dir/apache/logs/access.log")
  LD_LIBRARY_PATH=$libdir $CHECK_CURL -s -f --negotiate -u : "$3" \
    > "$dir/$label.out" 2> "$dir/$label.err"
  rc=$?
  sleep 0.2
  tail -n +$((lines_before + 1)) "$dir/apache/logs/access.log" > "$dir/$label.log"
  [ $rc -eq 0 ] || fail "$label: curl exited with $rc"
  [ "$(cat "$dir/$label.out")" = "$apache_secret" ] || fail "$label: no page"
  grep -Fq " $REALM_USER \"GET /private/secret.txt HTTP/1.1\" 200" \
    "$dir/$label.log" || fail "$label: the access log has no 200 for $REALM_USER"
  [ $status -eq $status_before ] || show "$label.err" "$label.log"
}

apache_case libgss-apache "$ours_lib" "$url"

# libgss on both sides; the token must be SPNEGO's, as curl asked.
for libdir in "$ours_lib"; do
  token=SPNEGO
  label=libgss-server
  status_before=$status
  echo "== $label: curl --negotiate on $libdir against examples/negotiate-server"
  start_server "$label.server" "$builddir/examples/negotiate-server" -n 1 || continue
  LD_LIBRARY_PATH=$libdir $CHECK_CURL -s -f --negotiate -u : \
    "http://localhost:$server_port/" > "$dir/$label.out" 2> "$dir/$label.err"
  rc=$?
  stop_server
  [ $rc -eq 0 ] || fail "$label: curl exited with $rc"
  [ $server_rc -eq 0 ] || fail "$label: the server exited with $server_rc"
  [ "$(cat "$dir/$label.out")" = "Hello, $REALM_USER" ] || fail "$label: no page"
  grep -q "^negotiate-server: initial token for $token, " \
    "$dir/$label.server.out" || fail "$label: the initial token was not for $token"
  [ $status -eq $status_before ] \
    || show "$label.err" "$label.server.out" "$label.server.err"
done
echo "$me: the runs took $(( $(date +%s) - t0 )) s"
[ $status -eq 0 ] || show apache/logs/error.log
exit $status
