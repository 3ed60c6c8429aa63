#!/bin/sh
# Runs a command inside a throwaway MIT Kerberos realm.
#
#   throwaway-realm.sh [-e ENCTYPE] COMMAND [ARGUMENT...]
#
# Creates the realm LIBGSS.TEST in a new temporary directory: a KDC
# database, the principals user, host/localhost and test/localhost, a
# service keytab, a keytab holding wrong keys for host/localhost, a
# ticket cache from kinit and one whose ticket has expired; starts
# krb5kdc on a free 127.0.0.1 port; runs COMMAND with the realm's
# variables exported (see the end of this script); then stops the KDC
# by its PID and removes the directory, whatever happened.  -e makes
# ENCTYPE the only one clients ask for, so every session key has it.
# Exits 77 (skipped) when MIT's KDC programs are not installed.
set -u

enctype=
if [ "${1:-}" = -e ]; then
  enctype=$2
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [-e ENCTYPE] COMMAND [ARGUMENT...]" >&2; exit 2; }

PATH=$PATH:/usr/sbin:/sbin
for tool in krb5kdc kdb5_util kadmin.local kinit ktutil; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "SKIP: $tool not found (Debian packages krb5-kdc, krb5-admin-server, krb5-user)" >&2
    exit 77
  }
done

realm=LIBGSS.TEST
dir=$(mktemp -d "${TMPDIR:-/tmp}/libgss-realm.XXXXXX") || exit 1
kdc_pid=
watchdog_pid=

cleanup () {
  if [ -n "$watchdog_pid" ]; then
    kill "$watchdog_pid" 2>/dev/null
    [ -f "$dir/watchdog.pid" ] && kill "$(cat "$dir/watchdog.pid")" 2>/dev/null
  fi
  if [ -n "$kdc_pid" ]; then
    kill "$kdc_pid" 2>/dev/null
    wait "$kdc_pid" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

random_word () {
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n'
}

if [ -n "$enctype" ]; then
  enctype_lines="  default_tkt_enctypes = $enctype
  default_tgs_enctypes = $enctype
  permitted_enctypes = $enctype"
else
  enctype_lines=
fi

write_config () {
  cat > "$dir/krb5.conf" <<CONF
[libdefaults]
  default_realm = $realm
  dns_lookup_kdc = false
  dns_lookup_realm = false
  dns_canonicalize_hostname = false
  rdns = false
  forwardable = true
  noaddresses = true
$enctype_lines
[realms]
  $realm = {
    kdc = 127.0.0.1:$1
  }
[domain_realm]
  localhost = $realm
  .localhost = $realm
CONF
  cat > "$dir/kdc.conf" <<CONF
[kdcdefaults]
  kdc_listen = 127.0.0.1:$1
  kdc_tcp_listen = 127.0.0.1:$1
[realms]
  $realm = {
    database_name = $dir/principal
    key_stash_file = $dir/stash
    acl_file = $dir/kadm5.acl
    max_life = 10h
    master_key_type = aes256-cts-hmac-sha1-96
    supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal aes256-cts-hmac-sha384-192:normal aes128-cts-hmac-sha256-128:normal camellia256-cts-cmac:normal camellia128-cts-cmac:normal
  }
[logging]
  kdc = FILE:$dir/kdc.log
CONF
}

export KRB5_CONFIG="$dir/krb5.conf"
export KRB5_KDC_PROFILE="$dir/kdc.conf"
write_config 0
: > "$dir/kadm5.acl"

kdb5_util create -s -r "$realm" -P "$(random_word)" >"$dir/setup.log" 2>&1 \
  || { cat "$dir/setup.log" >&2; exit 1; }
password=$(random_word)
{
  kadmin.local -q "addprinc -pw $password user"
  kadmin.local -q "addprinc -randkey host/localhost"
  kadmin.local -q "addprinc -randkey test/localhost"
  kadmin.local -q "ktadd -k $dir/service.keytab host/localhost test/localhost"
} >>"$dir/setup.log" 2>&1 || { cat "$dir/setup.log" >&2; exit 1; }

# A keytab whose keys for host/localhost have the right version number
# and enctypes but the wrong contents.
kvno=$(kadmin.local -q "getprinc host/localhost" 2>/dev/null \
       | sed -n 's/^Key: vno \([0-9]*\),.*/\1/p' | head -n 1)
wrong=$(random_word)
for e in aes256-cts-hmac-sha1-96 aes128-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192 aes128-cts-hmac-sha256-128; do
  printf 'addent -password -p host/localhost@%s -k %s -e %s\n%s\n' "$realm" "$kvno" "$e" "$wrong"
done > "$dir/ktutil.in"
printf 'wkt %s\nquit\n' "$dir/wrong.keytab" >> "$dir/ktutil.in"
ktutil < "$dir/ktutil.in" >>"$dir/setup.log" 2>&1

# Start the KDC on a free port: a port another program holds makes
# krb5kdc exit at once, and the next candidate is tried.
started=
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  port=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 + 20000 ))
  write_config "$port"
  : > "$dir/kdc.log"
  krb5kdc -n -P "$dir/kdc.pid" >"$dir/kdc.out" 2>&1 &
  kdc_pid=$!
  i=0
  while [ $i -lt 50 ]; do
    if ! kill -0 "$kdc_pid" 2>/dev/null; then
      break
    fi
    if grep -q 'commencing operation' "$dir/kdc.log" 2>/dev/null; then
      started=yes
      break
    fi
    sleep 0.1
    i=$((i + 1))
  done
  [ -n "$started" ] && break
  kill "$kdc_pid" 2>/dev/null
  wait "$kdc_pid" 2>/dev/null
  kdc_pid=
done
if [ -z "$started" ]; then
  echo "throwaway-realm: krb5kdc did not start" >&2
  cat "$dir/kdc.log" "$dir/kdc.out" >&2
  exit 1
fi
# Bounded lifetime even if the command hangs.  The watchdog holds no
# descriptor of ours, so nothing waits on it once we are done.
(
  sleep "${REALM_LIFETIME:-1200}" &
  echo $! > "$dir/watchdog.pid"
  wait $!
  kill "$kdc_pid" 2>/dev/null
) </dev/null >/dev/null 2>&1 &
watchdog_pid=$!

export KRB5CCNAME="FILE:$dir/ccache"
echo "$password" | kinit user >>"$dir/setup.log" 2>&1 \
  || { cat "$dir/setup.log" "$dir/kdc.log" >&2; exit 1; }
if [ -n "${REALM_EXPIRED:-}" ]; then
  echo "$password" | KRB5CCNAME="FILE:$dir/expired.ccache" kinit -l 1s user >>"$dir/setup.log" 2>&1
  sleep 2
fi

export KRB5_KTNAME="FILE:$dir/service.keytab"
export KRB5RCACHEDIR="$dir"
export REALM="$realm"
export REALM_DIR="$dir"
export REALM_USER="user@$realm"
export REALM_PASSWORD="$password"
export REALM_SERVICE="host@localhost"
export REALM_WRONG_KEYTAB="FILE:$dir/wrong.keytab"
export REALM_EXPIRED_CCACHE="FILE:$dir/expired.ccache"
export REALM_ENCTYPE="$enctype"
export KDC_PID="$kdc_pid"
export | grep -E ' (KRB5|REALM|KDC_PID)' > "$dir/env"

"$@"
