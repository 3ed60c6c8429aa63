# spnego-cases.sh - the SPNEGO cases of the interop matrix, read by
# cases.sh (EXTRA_CASES) from tests/interop/spnego.sh, which gives both
# peers --mech spnego.  The expected results are what MIT krb5 1.20's
# SPNEGO does with itself; Heimdal 7.8's agrees on every one below.

# What both sides must say of a SPNEGO context: the inner mechanism's
# names, Kerberos ones.
spnego_names () {
  log_has acceptor "src=user@LIBGSS.TEST target=host/localhost@LIBGSS.TEST"
  log_has initiator "src=user@LIBGSS.TEST target=host/localhost@LIBGSS.TEST"
}

case_spnego_plain () {
  pair $svc $S --require-flags $CONF_INTEG --forbid-flags 3 \
    -- --require-flags $CONF_INTEG --forbid-flags 3 || return 1
  spnego_names
  log_has acceptor "deleg=no"
}

case_spnego_mutual () {
  pair $svc $S --mutual --require-flags 32 --forbid-flags $DELEG \
    -- --require-flags 32 --forbid-flags $DELEG || return 1
  spnego_names
}

case_spnego_delegation () {
  pair $svc $S --mutual --deleg --require-flags 33 \
    -- --require-deleg --require-flags 33 || return 1
  log_has acceptor "deleg=yes deleg_init=ok"
}

case_spnego_delegation_no_mutual () {
  pair $svc $S --deleg --require-flags 1 -- --require-deleg --require-flags 1 \
    || return 1
  log_has acceptor "deleg=yes deleg_init=ok"
}

case_spnego_bindings_match () {
  pair $svc $S --mutual --cb "bindings-1" --messages -- --cb "bindings-1" --messages
}

case_spnego_bindings_match_no_mutual () {
  pair $svc $S --cb "bindings-1" --messages -- --cb "bindings-1" --messages
}

# The acceptor rejects; every initiator reads SPNEGO's reject as "no
# mechanism agreed" (GSS_S_BAD_MECH), with or without the inner error.
case_spnego_bindings_mismatch () {
  pair $svc $S --cb "bindings-1" --expect-major $BAD_MECH \
    -- --cb "bindings-2" --expect-major $BAD_BINDINGS
}

case_spnego_bindings_mismatch_mutual () {
  pair $svc $S --mutual --cb "bindings-1" --expect-major $SPNEGO_REJECT_MUTUAL \
    -- --cb "bindings-2" --expect-major $BAD_BINDINGS
}

case_spnego_wrong_key () {
  "$pair_sh" -t $limit $I_WRAP "$I" --initiate --log "$log.i" $PEER_OPTS $svc $S \
    --expect-major $BAD_MECH \
    -- env KRB5_KTNAME="$REALM_WRONG_KEYTAB" $A_WRAP "$A" --accept --log "$log.a" \
    $PEER_OPTS --expect-major $FAILURE || return 1
  # Heimdal's SPNEGO acceptor reports no minor status of its own here.
  is_heimdal "$A" || minor_text acceptor "cannot decrypt|integrity"
}

case_spnego_messages () {
  pair $svc $S --mutual --flags c --messages -- --messages || return 1
  log_has initiator "messages=ok"
  log_has acceptor "messages=ok"
}

# Heimdal 7.8's SPNEGO initiator without mutual authentication expects
# other sequence numbers from any acceptor, its own included (GSS_S_GAP_TOKEN
# on the first wrap token back): the case is for the other initiators.
case_spnego_messages_no_mutual () {
  if is_heimdal "$I"; then
    echo "skipped: Heimdal's SPNEGO initiator without mutual authentication"
    return 0
  fi
  pair $svc $S --flags c --messages -- --messages || return 1
  log_has initiator "messages=ok"
  log_has acceptor "messages=ok"
}

case_spnego_sequence () {
  pair $svc $S --mutual --flags c --sequence -- --sequence || return 1
  log_has initiator "sequence=ok"
  log_has acceptor "sequence=ok"
}

case_spnego_transfer () {
  pair $svc $S --mutual --flags c --transfer --messages --sequence \
    -- --transfer --messages --sequence || return 1
  log_has initiator "resumed messages=ok sequence=ok"
  log_has acceptor "resumed messages=ok sequence=ok"
}

# A raw Kerberos AP-REQ (the initiator asks for Kerberos itself) to the
# same acceptor, which has no credential: it tells the two apart by the
# token's RFC 2743 header.
case_spnego_raw_kerberos () {
  pair $svc $S --mech krb5 --mutual --messages -- --messages || return 1
  spnego_names
}

case_spnego_raw_kerberos_no_mutual () {
  pair $svc $S --mech krb5 --messages -- --messages
}

# An acceptor holding a credential acquired for SPNEGO takes SPNEGO; a
# libgss one takes raw Kerberos with it too, MIT's and Heimdal's refuse.
case_spnego_acceptor_cred () {
  pair $svc $S --mutual --messages -- --cred $svc $S --messages
}

case_spnego_acceptor_cred_raw () {
  if is_libgss "$A_LIB"; then
    pair $svc $S --mech krb5 --mutual --messages -- --cred --messages
    return
  fi
  # MIT's refuses with GSS_S_NO_CRED, Heimdal's with GSS_S_BAD_MECH,
  # and neither answers.
  if is_heimdal "$A"; then want=10000; else want=70000; fi
  pair --unanswered $svc $S --mech krb5 --mutual -- --cred --expect-major $want
}

BAD_MECH=10000
# With mutual authentication MIT's and libgss's acceptors put the
# KRB-ERROR in the reject and MIT's and libgss's initiators report it
# (GSS_S_FAILURE); Heimdal sends none and reads none: GSS_S_BAD_MECH.
SPNEGO_REJECT_MUTUAL=$FAILURE
if is_heimdal "$I" || is_heimdal "$A"; then
  SPNEGO_REJECT_MUTUAL=$BAD_MECH
fi
