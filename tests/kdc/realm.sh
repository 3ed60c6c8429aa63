#!/bin/sh
# realm.sh - a throwaway MIT Kerberos realm on the loopback interface.
#
# Usage:
#   realm.sh start [OPTIONS] [DIR]     create the realm in DIR (created; must
#                                      be absent or empty; without DIR a new
#                                      mktemp -d directory, printed on stdout),
#                                      start its KDC, write DIR/env
#   realm.sh stop DIR                  stop that KDC by its PID, remove DIR
#   realm.sh run [OPTIONS] CMD...      start a realm in a new temporary
#                                      directory, run CMD with its variables
#                                      exported, then stop it whatever happens;
#                                      exits with CMD's status
#   realm.sh wait-expired DIR          return once the ticket in
#                                      $REALM_EXPIRED_CCACHE has expired
#                                      (at most 3 seconds after start)
# OPTIONS: -e ENCTYPE (see below), -k ENCTYPE, -r REALM.
#
# The realm LIBGSS.TEST has the principals
#   user@LIBGSS.TEST            password $REALM_PASSWORD, keys also in
#                               $REALM_USER_KEYTAB (kinit -k works); AES
#                               SHA-1 keys and the forced enctype's only
#   host/localhost@LIBGSS.TEST  service keys in $KRB5_KTNAME
#   test/localhost@LIBGSS.TEST  service keys in $KRB5_KTNAME
#   absent/localhost@LIBGSS.TEST  a service the KDC knows but no keytab has
#   host/realmless.test@LIBGSS.TEST  service keys in
#                               $REALM_REALMLESS_KEYTAB, on a host that
#                               [domain_realm] does not map (host-based
#                               names get the referral realm)
# and no others but the KDC's own.  The default ticket cache $KRB5CCNAME
# holds a forwardable TGT for user.  Two more files serve failure tests:
#   $REALM_WRONG_KEYTAB    the service principals with the right key
#                          version numbers and enctypes but other random
#                          keys: an acceptor using it cannot decrypt
#                          tickets (KRB5KRB_AP_ERR_BAD_INTEGRITY)
#   $REALM_EXPIRED_CCACHE  a TGT for user obtained with a lifetime of one
#                          second; it is expired, by two seconds at least,
#                          once `realm.sh wait-expired DIR` returns (or when
#                          REALM_EXPIRED=1 was set for start/run, which then
#                          waits itself)
#
# ENCTYPE (-e, or the variable REALM_ENCTYPE) forces one encryption type:
# it becomes the only permitted and requested one in krb5.conf and the only
# key type of the service principals, so every session key and service
# ticket has it (klist -e shows "Etype (skey, tkt)").
#
# -k ENCTYPE (or REALM_SERVICE_ENCTYPE) keys only the service principals
# with ENCTYPE and lets the KDC issue its session keys (allow_des3,
# allow_rc4), while clients and acceptors keep libkrb5's default
# enctypes: the service tickets carry ENCTYPE session keys although both
# sides would prefer AES, the setting of RFC 4537 enctype negotiation.
# -r REALM (or REALM_NAME) names the realm instead of LIBGSS.TEST, so
# that two realms can run at once; [domain_realm] maps localhost and
# .REALM (lower case) to it.
#
# DIR/env is a file for `.` that exports KRB5_CONFIG, KRB5_KDC_PROFILE,
# KRB5CCNAME, KRB5_KTNAME, KRB5RCACHEDIR, REALM, REALM_DIR, REALM_PORT,
# KDC_PID, REALM_WATCHDOG_PID, REALM_PORT_LOCK, REALM_USER, REALM_PASSWORD,
# REALM_USER_KEYTAB, REALM_SERVICE (host@localhost), REALM_SERVICE2
# (test@localhost), REALM_ABSENT_SERVICE (absent@localhost),
# REALM_WRONG_KEYTAB, REALM_REALMLESS_KEYTAB, REALM_EXPIRED_CCACHE and
# REALM_ENCTYPE (empty when not forced), REALM_SERVICE_ENCTYPE (empty
# unless -k).  The replay cache lives in
# $KRB5RCACHEDIR inside DIR.
#
# The KDC listens on a random free port of 127.0.0.1 only and runs under
# timeout(1): it stops by itself after REALM_LIFETIME seconds (default
# 1200) if nobody stops it.  Its port is held by a lock directory
# ${TMPDIR:-/tmp}/libgss-realm-port-PORT until stop.  Exits 77 (skip, for
# automake) when MIT's KDC programs are not installed.
set -u

realm=${REALM_NAME:-LIBGSS.TEST}
me=realm.sh
PATH=$PATH:/usr/sbin:/sbin
export PATH

die () {
  echo "$me: $*" >&2
  exit 1
}

usage () {
  sed -n '3,17s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

need_tools () {
  for tool in krb5kdc kdb5_util kadmin.local kinit klist timeout; do
    command -v "$tool" >/dev/null 2>&1 || {
      echo "$me: SKIP: $tool not found (Debian packages krb5-kdc, krb5-admin-server, krb5-user, coreutils)" >&2
      exit 77
    }
  done
}

random_word () {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

# A candidate port below Linux's ephemeral range.
random_port () {
  echo $(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000 + 20000 ))
}

# krb5kdc binds with SO_REUSEPORT, so a second KDC on a busy port starts
# without complaint and then shares the traffic: the port must be checked
# before, by binding it without that option.  Perl's core Socket module
# is used when present; without it only our own lock protects.
port_is_free () {
  command -v perl >/dev/null 2>&1 || return 0
  perl -MSocket -e '
    my $addr = pack_sockaddr_in($ARGV[0], inet_aton("127.0.0.1"));
    for my $type (SOCK_DGRAM, SOCK_STREAM) {
      socket(my $s, PF_INET, $type, 0) or exit 0;
      bind($s, $addr) or exit 1;
    }
    exit 0;' "$1"
}

quote () {
  printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

write_config () {
  port=$1
  if [ -n "$enctype" ]; then
    enctype_lines="  default_tkt_enctypes = $enctype
  default_tgs_enctypes = $enctype
  permitted_enctypes = $enctype"
    # MIT 1.18 and later refuse these session keys unless told to allow
    # them, and the legacy token formats are what the tests are after.
    case $enctype in
      des3-*) enctype_lines="$enctype_lines
  allow_des3 = true" ;;
      arcfour-*|rc4-*) enctype_lines="$enctype_lines
  allow_rc4 = true" ;;
    esac
  elif [ -n "$service_enctype" ]; then
    enctype_lines="  allow_des3 = true
  allow_rc4 = true"
  else
    enctype_lines=
  fi
  lower_realm=$(printf '%s' "$realm" | tr 'A-Z' 'a-z')
  supported="aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal"
  supported="$supported aes256-cts-hmac-sha384-192:normal aes128-cts-hmac-sha256-128:normal"
  supported="$supported camellia256-cts-cmac:normal camellia128-cts-cmac:normal"
  for e in $enctype $service_enctype; do
    case " $supported " in
      *" $e:"*) ;;
      *) supported="$supported $e:normal" ;;
    esac
  done
  # qualify_shortname: MIT 1.18 and later would otherwise append the
  # resolver's search domain to "localhost".  The client keytab names a
  # file that never exists: libkrb5 would refresh expired tickets from
  # one, and the machine's own must not take part.
  cat > "$dir/krb5.conf" <<EOF
[libdefaults]
  default_realm = $realm
  dns_lookup_kdc = false
  dns_lookup_realm = false
  dns_canonicalize_hostname = false
  qualify_shortname = ""
  rdns = false
  forwardable = true
  noaddresses = true
  default_keytab_name = FILE:$dir/service.keytab
  default_client_keytab_name = FILE:$dir/no-client.keytab
$enctype_lines

[realms]
  $realm = {
    kdc = 127.0.0.1:$port
  }

[domain_realm]
  localhost = $realm
  .localhost = $realm
  .$lower_realm = $realm
EOF
  cat > "$dir/kdc.conf" <<EOF
[kdcdefaults]
  kdc_listen = 127.0.0.1:$port
  kdc_tcp_listen = 127.0.0.1:$port

[realms]
  $realm = {
    database_name = $dir/principal
    key_stash_file = $dir/stash
    acl_file = $dir/kadm5.acl
    max_life = 10h
    max_renewable_life = 1d
    master_key_type = aes256-cts-hmac-sha1-96
    supported_enctypes = $supported
  }

[logging]
  kdc = FILE:$dir/kdc.log
  admin_server = FILE:$dir/kadmin.log
  default = FILE:$dir/krb5.log
EOF
}

# Appends what a failed step printed to stderr and gives up.
fail_with_logs () {
  echo "$me: $1" >&2
  for f in "$dir/setup.log" "$dir/kdc.out" "$dir/kdc.log"; do
    [ -s "$f" ] && { echo "--- $f" >&2; cat "$f" >&2; }
  done
  stop_kdc
  rm -rf "$dir"
  exit 1
}

# The PID is only signalled while it still names the program we started.
pid_is () {
  [ -n "$1" ] || return 1
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/comm" ] || return 0
  [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]
}

stop_kdc () {
  if pid_is "${kdc_pid:-}" krb5kdc; then
    kill "$kdc_pid" 2>/dev/null
    i=0
    while pid_is "$kdc_pid" krb5kdc && [ $i -lt 100 ]; do
      sleep 0.05
      i=$((i + 1))
    done
  fi
  if pid_is "${watchdog_pid:-}" timeout; then
    kill "$watchdog_pid" 2>/dev/null
  fi
  [ -n "${port_lock:-}" ] && rmdir "$port_lock" 2>/dev/null
  kdc_pid='' watchdog_pid='' port_lock=''
}

start_realm () {
  : "${REALM_LIFETIME:=1200}"
  : > "$dir/kadm5.acl"
  : > "$dir/setup.log"
  write_config 0
  KRB5_CONFIG=$dir/krb5.conf
  KRB5_KDC_PROFILE=$dir/kdc.conf
  KRB5CCNAME=FILE:$dir/ccache
  KRB5_KTNAME=FILE:$dir/service.keytab
  KRB5RCACHEDIR=$dir/rcache
  export KRB5_CONFIG KRB5_KDC_PROFILE KRB5CCNAME KRB5_KTNAME KRB5RCACHEDIR
  # A client keytab would let libkrb5 refresh the expired ticket by itself.
  unset KRB5_CLIENT_KTNAME KRB5RCACHENAME KRB5RCACHETYPE
  mkdir "$dir/rcache" || exit 1

  password=$(random_word)
  kdb5_util create -s -r "$realm" -P "$(random_word)" >>"$dir/setup.log" 2>&1 \
    || fail_with_logs "kdb5_util create failed"
  if [ -n "$service_enctype" ]; then
    keys="-e $service_enctype:normal"
    user_keys="aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal"
  elif [ -n "$enctype" ]; then
    keys="-e $enctype:normal"
    user_keys="aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal $enctype:normal"
  else
    keys=
    user_keys="aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal"
  fi
  # One kadmin.local session reads all the commands from its input.  The
  # user's keys come from a password, which costs a string-to-key per
  # enctype, so it gets only the cheap ones and the forced one.  The wrong
  # keytab is cut at key version 2, then the keys change and their version
  # is set back to 2 before the real keytab is cut.
  kadmin.local >>"$dir/setup.log" 2>&1 <<EOF || fail_with_logs "kadmin.local failed"
addprinc -pw $password -e "$user_keys" user
ktadd -norandkey -k $dir/user.keytab user
addprinc -randkey $keys host/localhost
addprinc -randkey $keys test/localhost
addprinc -randkey $keys absent/localhost
addprinc -randkey $keys host/realmless.test
ktadd $keys -k $dir/wrong.keytab host/localhost test/localhost
cpw -randkey $keys host/localhost
cpw -randkey $keys test/localhost
modprinc -kvno 2 host/localhost
modprinc -kvno 2 test/localhost
ktadd -norandkey -k $dir/service.keytab host/localhost test/localhost
ktadd -k $dir/realmless.keytab host/realmless.test
EOF
  # The KDC assumes every service takes AES session keys unless the
  # principal says otherwise (MIT 1.18 and later).
  if [ -n "$service_enctype" ]; then
    for p in host/localhost test/localhost absent/localhost host/realmless.test; do
      echo "setstr $p session_enctypes $service_enctype"
    done | kadmin.local >>"$dir/setup.log" 2>&1 \
      || fail_with_logs "kadmin.local setstr failed"
  fi
  for kt in user service wrong realmless; do
    [ -s "$dir/$kt.keytab" ] || fail_with_logs "kadmin.local made no $kt.keytab"
  done

  lockbase=${TMPDIR:-/tmp}/libgss-realm-port
  attempt=0
  while :; do
    attempt=$((attempt + 1))
    [ $attempt -le 20 ] || fail_with_logs "krb5kdc did not start on any port tried"
    port=$(random_port)
    # The lock keeps two realms of ours off one port (make -j); the bind
    # test keeps off anybody else.
    mkdir "$lockbase-$port" 2>/dev/null || continue
    port_lock=$lockbase-$port
    if ! port_is_free "$port"; then
      rmdir "$port_lock"; port_lock=
      continue
    fi
    write_config "$port"
    : > "$dir/kdc.log"
    rm -f "$dir/kdc.pid"
    timeout "$REALM_LIFETIME" krb5kdc -n -P "$dir/kdc.pid" \
      </dev/null >"$dir/kdc.out" 2>&1 &
    watchdog_pid=$!
    i=0
    started=
    while [ $i -lt 200 ] && kill -0 "$watchdog_pid" 2>/dev/null; do
      if grep -q 'commencing operation' "$dir/kdc.log" 2>/dev/null \
         && [ -s "$dir/kdc.pid" ]; then
        started=yes
        break
      fi
      sleep 0.02
      i=$((i + 1))
    done
    if [ -n "$started" ]; then
      kdc_pid=$(cat "$dir/kdc.pid")
      break
    fi
    kdc_pid=$(cat "$dir/kdc.pid" 2>/dev/null)
    stop_kdc
  done

  kinit -l 1s -k -t "$dir/user.keytab" -c "FILE:$dir/expired.ccache" user \
    >>"$dir/setup.log" 2>&1 || fail_with_logs "kinit (expired ticket) failed"
  echo $(( $(date +%s) + 3 )) > "$dir/expired.after"
  kinit -f -k -t "$dir/user.keytab" user >>"$dir/setup.log" 2>&1 \
    || fail_with_logs "kinit failed"

  {
    for v in KRB5_CONFIG KRB5_KDC_PROFILE KRB5CCNAME KRB5_KTNAME KRB5RCACHEDIR; do
      eval "printf 'export %s=%s\n' $v \"\$(quote \"\$$v\")\""
    done
    echo "unset KRB5_CLIENT_KTNAME KRB5RCACHENAME KRB5RCACHETYPE"
    printf 'export REALM=%s\n' "$(quote "$realm")"
    printf 'export REALM_DIR=%s\n' "$(quote "$dir")"
    printf 'export REALM_PORT=%s\n' "$port"
    printf 'export KDC_PID=%s\n' "$kdc_pid"
    printf 'export REALM_WATCHDOG_PID=%s\n' "$watchdog_pid"
    printf 'export REALM_PORT_LOCK=%s\n' "$(quote "$port_lock")"
    printf 'export REALM_USER=%s\n' "$(quote "user@$realm")"
    printf 'export REALM_PASSWORD=%s\n' "$(quote "$password")"
    printf 'export REALM_USER_KEYTAB=%s\n' "$(quote "FILE:$dir/user.keytab")"
    printf 'export REALM_SERVICE=host@localhost\n'
    printf 'export REALM_SERVICE2=test@localhost\n'
    printf 'export REALM_ABSENT_SERVICE=absent@localhost\n'
    printf 'export REALM_WRONG_KEYTAB=%s\n' "$(quote "FILE:$dir/wrong.keytab")"
    printf 'export REALM_REALMLESS_KEYTAB=%s\n' "$(quote "FILE:$dir/realmless.keytab")"
    printf 'export REALM_EXPIRED_CCACHE=%s\n' "$(quote "FILE:$dir/expired.ccache")"
    printf 'export REALM_ENCTYPE=%s\n' "$(quote "$enctype")"
    printf 'export REALM_SERVICE_ENCTYPE=%s\n' "$(quote "$service_enctype")"
  } > "$dir/env"

  if [ -n "${REALM_EXPIRED:-}" ]; then
    wait_expired
  fi
}

# The ticket ends at most a second after kinit returned (KDC and client
# share the clock), and two seconds more are waited for: libkrb5 corrects
# its clock by the offset to the KDC it measured, up to a second either
# way, and a client that still believes the TGT valid gets a service
# ticket for it (the KDC allows its clock skew), which would make the
# case an expired context rather than an expired ticket.
wait_expired () {
  after=$(cat "$dir/expired.after") || die "$dir has no expired.after"
  i=0
  while [ "$(date +%s)" -lt "$after" ]; do
    [ $i -lt 300 ] || die "the clock does not reach $after"
    sleep 0.1
    i=$((i + 1))
  done
  if klist -s -c "$dir/expired.ccache" 2>/dev/null; then
    die "the one-second ticket in $dir/expired.ccache has not expired"
  fi
}

# Reads the PIDs back from DIR/env; refuses a directory that is not a realm.
load_realm () {
  dir=$1
  [ -f "$dir/env" ] || die "$dir is not a realm directory (no env file)"
  kdc_pid=$(sed -n 's/^export KDC_PID=//p' "$dir/env")
  watchdog_pid=$(sed -n 's/^export REALM_WATCHDOG_PID=//p' "$dir/env")
  port_lock=$(sed -n "s/^export REALM_PORT_LOCK='\(.*\)'$/\1/p" "$dir/env")
}

parse_enctype () {
  enctype=${REALM_ENCTYPE:-}
  service_enctype=${REALM_SERVICE_ENCTYPE:-}
  shifted=0
  while :; do
    case ${1:-} in
      -e|-k|-r) [ $# -ge 2 ] || usage ;;
      *) break ;;
    esac
    case $1 in
      -e) enctype=$2 ;;
      -k) service_enctype=$2 ;;
      -r) realm=$2 ;;
    esac
    shift 2
    shifted=$((shifted + 2))
  done
  [ -z "$enctype" ] || [ -z "$service_enctype" ] || die "-e and -k exclude each other"
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
  start)
    parse_enctype "$@"
    shift $shifted
    need_tools
    if [ $# -ge 1 ]; then
      dir=$1
      mkdir -p "$dir" || exit 1
      [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
      dir=$(cd "$dir" && pwd)
      print_dir=
    else
      dir=$(mktemp -d "${TMPDIR:-/tmp}/libgss-realm.XXXXXX") || exit 1
      print_dir=yes
    fi
    trap 'stop_kdc; rm -rf "$dir"; exit 130' INT TERM HUP
    start_realm
    trap - INT TERM HUP
    [ -z "$print_dir" ] || echo "$dir"
    ;;
  stop)
    [ $# -eq 1 ] || usage
    load_realm "$1"
    stop_kdc
    rm -rf "$dir"
    ;;
  wait-expired)
    [ $# -eq 1 ] || usage
    dir=$1
    [ -f "$dir/env" ] || die "$dir is not a realm directory (no env file)"
    wait_expired
    ;;
  run)
    parse_enctype "$@"
    shift $shifted
    [ $# -ge 1 ] || usage
    need_tools
    dir=$(mktemp -d "${TMPDIR:-/tmp}/libgss-realm.XXXXXX") || exit 1
    kdc_pid='' watchdog_pid='' port_lock='' child=''
    trap 'stop_kdc; rm -rf "$dir"' EXIT
    # The command runs in the background so that a signal reaches this
    # shell at once; the command gets SIGTERM by its PID (a background
    # job ignores SIGINT).
    for sig in INT:130 TERM:143 HUP:129; do
      trap "[ -n \"\$child\" ] && kill -TERM \"\$child\" 2>/dev/null; exit ${sig#*:}" "${sig%%:*}"
    done
    start_realm
    exec 3<&0
    (
      . "$dir/env"
      exec "$@"
    ) <&3 3<&- &
    child=$!
    exec 3<&-
    wait "$child"
    exit $?
    ;;
  *)
    usage
    ;;
esac
