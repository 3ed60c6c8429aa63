# common.sh - for the HTTP Negotiate tests (tests/http/*.sh), sourced
# inside a throwaway realm (tests/kdc/realm.sh run): the HTTP service
# principal and its keytab, Apache2 with mod_auth_gssapi on a free port
# of 127.0.0.1 from a configuration in a temporary folder, and the
# helpers the scripts share.  The caller sets me, and dir (its temporary
# folder, removed by http_cleanup).

status=0
apache_pid=
server_pid=

fail () {
  echo "$me: FAIL: $*" >&2
  status=1
}

show () {
  for f in "$@"; do
    [ -s "$dir/$f" ] && { echo "--- $f"; sed 's/^/  /' "$dir/$f"; }
  done
  return 0
}

# Whether PID runs; a child that exited but was not waited for yet is a
# zombie, which kill -0 still finds.
running () {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

stop_pid () {
  if [ -n "$1" ] && running "$1"; then
    kill "$1" 2>/dev/null
    wait "$1" 2>/dev/null
  fi
}

http_cleanup () {
  stop_pid "$server_pid"
  stop_pid "$apache_pid"
  rm -rf "$dir"
}

# Debian's curl reads proxies from the environment; the tests talk to
# 127.0.0.1 only.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
NO_PROXY='*'
no_proxy='*'
export NO_PROXY no_proxy

# HTTP/localhost@$REALM, the service RFC 4559 clients ask for at
# http://localhost/, with its keys in $dir/http.keytab.
make_http_keytab () {
  keys=
  [ -n "${REALM_ENCTYPE:-}" ] && keys="-e $REALM_ENCTYPE:normal"
  kadmin.local > "$dir/kadmin.log" 2>&1 <<EOF || return 1
addprinc -randkey $keys HTTP/localhost
ktadd $keys -k $dir/http.keytab HTTP/localhost
EOF
  [ -s "$dir/http.keytab" ]
}

# A candidate port below Linux's ephemeral range.
random_port () {
  echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000 + 20000 ))
}

# Apache2 with mod_auth_gssapi from a configuration in $dir/apache,
# serving $dir/apache/htdocs/private/ only to Negotiate clients, and
# /deleg/ as well, keeping credentials delegated there in
# $dir/apache/deleg/USER@REALM; the access log records the authenticated
# user (%u).  Run by root, Apache
# would switch to another user that could not read our files: it is run
# by nobody from the start, with what it needs copied into a folder
# nobody owns.  Sets apache_port and apache_pid; returns 1 when Apache
# did not start on any of a few ports.
start_apache () {
  a=$dir/apache
  mkdir -p "$a/htdocs/private" "$a/htdocs/deleg" "$a/logs" "$a/run" \
    "$a/rcache" "$a/deleg" || return 1
  cp "$dir/http.keytab" "$a/http.keytab" || return 1
  cp "$KRB5_CONFIG" "$a/krb5.conf" || return 1
  printf '%s\n' "$apache_secret" > "$a/htdocs/private/secret.txt"
  printf '%s\n' "$apache_secret" > "$a/htdocs/deleg/secret.txt"
  # What only this Apache serves: another server on the port must not
  # pass for it.
  ready=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$ready" > "$a/htdocs/ready.txt"
  runas=
  if [ "$(id -u)" -eq 0 ]; then
    chmod 755 "$dir"
    runas="setpriv --reuid=nobody --regid=nogroup --clear-groups --"
  fi
  modules=/usr/lib/apache2/modules
  for attempt in 1 2 3 4 5; do
    apache_port=$(random_port)
    cat > "$a/httpd.conf" <<EOF
ServerRoot "$a"
ServerName localhost
Listen 127.0.0.1:$apache_port
PidFile "$a/run/httpd.pid"
DefaultRuntimeDir "$a/run"
Mutex file:$a/run default
ErrorLog "$a/logs/error.log"
LogLevel info auth_gssapi:debug
LoadModule mpm_prefork_module $modules/mod_mpm_prefork.so
LoadModule authn_core_module $modules/mod_authn_core.so
LoadModule authz_core_module $modules/mod_authz_core.so
LoadModule authz_user_module $modules/mod_authz_user.so
LoadModule auth_gssapi_module $modules/mod_auth_gssapi.so
StartServers 1
MinSpareServers 1
MaxSpareServers 2
MaxRequestWorkers 4
LogFormat "%h %u \"%r\" %>s" negotiate
CustomLog "$a/logs/access.log" negotiate
DocumentRoot "$a/htdocs"
<Directory />
  Require all denied
</Directory>
<Directory "$a/htdocs">
  Require all granted
</Directory>
<Location "/private">
  AuthType GSSAPI
  AuthName "libgss test"
  GssapiCredStore keytab:$a/http.keytab
  GssapiBasicAuth Off
  Require valid-user
</Location>
<Location "/deleg">
  AuthType GSSAPI
  AuthName "libgss test"
  GssapiCredStore keytab:$a/http.keytab
  GssapiBasicAuth Off
  GssapiDelegCcacheDir $a/deleg
  Require valid-user
</Location>
EOF
    : > "$a/logs/error.log"
    if [ -n "$runas" ]; then
      chown -R nobody "$a" || return 1
    fi
    KRB5_CONFIG=$a/krb5.conf KRB5_KTNAME=FILE:$a/http.keytab \
      KRB5RCACHEDIR=$a/rcache KRB5CCNAME=FILE:$a/run/no-ccache \
      timeout 300 $runas /usr/sbin/apache2 -f "$a/httpd.conf" -DFOREGROUND \
      > "$a/logs/stdout.log" 2>&1 &
    apache_pid=$!
    deadline=$(( $(date +%s) + 20 ))
    while [ "$(date +%s)" -lt "$deadline" ] && running "$apache_pid"; do
      if [ "$(curl -s "http://127.0.0.1:$apache_port/ready.txt" 2>/dev/null)" \
          = "$ready" ]; then
        return 0
      fi
      sleep 0.1
    done
    stop_pid "$apache_pid"
    apache_pid=
    if ! grep -q 'Address already in use' "$a/logs/error.log" \
        "$a/logs/stdout.log"; then
      break
    fi
  done
  fail "Apache did not start"
  show apache/logs/stdout.log apache/logs/error.log
  return 1
}

# Starts SERVER (a build of examples/negotiate-server) with the rest of
# the arguments and sets server_port from the line it prints.
start_server () {
  log=$1
  prog=$2
  shift 2
  KRB5_KTNAME=FILE:$dir/http.keytab timeout 120 $run "$prog" -p 0 "$@" \
    > "$dir/$log.out" 2> "$dir/$log.err" &
  server_pid=$!
  server_port=
  deadline=$(( $(date +%s) + 30 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    server_port=$(sed -n \
      's/^negotiate-server: listening on 127\.0\.0\.1 port \([0-9][0-9]*\)$/\1/p' \
      "$dir/$log.out")
    [ -n "$server_port" ] && return 0
    running "$server_pid" || break
    sleep 0.05
  done
  fail "the server did not report a port"
  stop_pid "$server_pid"
  server_pid=
  show "$log.out" "$log.err"
  return 1
}

# Waits some seconds for the server to finish after its clients, stops
# it by its PID otherwise, and sets server_rc.
stop_server () {
  deadline=$(( $(date +%s) + 30 ))
  while running "$server_pid" && [ "$(date +%s)" -lt "$deadline" ]; do
    sleep 0.05
  done
  if running "$server_pid"; then
    fail "the server did not finish after its clients"
    kill "$server_pid" 2>/dev/null
  fi
  wait "$server_pid"
  server_rc=$?
  server_pid=
}

expect_line () {
  grep -Fqx -- "$2" "$dir/$1" || fail "$1 lacks the line: $2"
}
