#!/bin/sh
# spnego.sh - the SPNEGO cases (tests/interop/spnego-cases.sh) between
# two peers, both given --mech spnego; through heimdal.sh when one of
# them is peer-heimdal (skip when it was not built).
#
# Usage: spnego.sh INITIATOR_PROGRAM ACCEPTOR_PROGRAM
set -u
[ $# -eq 2 ] || { echo "usage: $0 INITIATOR_PROGRAM ACCEPTOR_PROGRAM" >&2; exit 2; }
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export srcdir
PEER_OPTS="--mech spnego"
EXTRA_CASES=$srcdir/tests/interop/spnego-cases.sh
CASES=${CASES:-"spnego_plain spnego_mutual spnego_delegation
  spnego_delegation_no_mutual spnego_bindings_match
  spnego_bindings_match_no_mutual spnego_bindings_mismatch
  spnego_bindings_mismatch_mutual spnego_wrong_key spnego_messages
  spnego_messages_no_mutual spnego_sequence spnego_transfer
  spnego_raw_kerberos spnego_raw_kerberos_no_mutual spnego_acceptor_cred
  spnego_acceptor_cred_raw"}
ENCTYPES=${ENCTYPES:-aes256-cts-hmac-sha1-96}
export PEER_OPTS EXTRA_CASES CASES ENCTYPES
case "$1 $2" in
  *peer-heimdal*) exec "$srcdir/tests/interop/heimdal.sh" "$1" "$2" ;;
  *) exec "$srcdir/tests/interop/cases.sh" "$1" "$2" ;;
esac
