#!/bin/sh
# Two gss tools, client (-i) and server (-a), establish a Kerberos
# context through two named pipes.  Run inside a throwaway realm; both
# run under memcheck when VALGRIND_RUN says so (make check).
# Usage: gss-exchange.sh GSS-PROGRAM [SERVER-NAME [CLIENT-MECH [SERVER-MECH]]]
# (mechanisms as -i and -a take them: GS2-KRB5, SPNEGO; by default the
# client asks for GS2-KRB5 and the server takes the default one).
set -u
gss=$1
server=${2:-host@localhost}
client_mech=${3:-GS2-KRB5}
server_mech=${4:+--accept-sec-context=$4}
dir=$(mktemp -d "${TMPDIR:-/tmp}/gss-exchange.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/to-server" "$dir/to-client"

timeout 120 ${VALGRIND_RUN:-} "$gss" ${server_mech:--a} -n "$server" < "$dir/to-server" > "$dir/to-client" 2> "$dir/server.log" &
server_pid=$!
# The client opens its output first: each side's first open then finds
# the other's.
timeout 120 ${VALGRIND_RUN:-} "$gss" -i "$client_mech" -n "$server" > "$dir/to-server" < "$dir/to-client" 2> "$dir/client.log"
client=$?
wait "$server_pid"
server_status=$?
echo "client:"; sed 's/^/  /' "$dir/client.log"
echo "server:"; sed 's/^/  /' "$dir/server.log"
[ $client -eq 0 ] && [ $server_status -eq 0 ]
