#!/bin/sh
# sweep.sh - out of memory at every allocation of a context's life:
# tests/oom/sweep with tests/oom/failalloc.so preloaded, inside a
# throwaway realm.  Every call must answer GSS_S_FAILURE with the minor
# status GSS_KRB5_S_G_BUFFER_ALLOC when memory runs out, or recover; no
# crash, no half-built context, no leak.
#
# The sweep runs natively over every allocation (some 2240 runs in 5 to
# 15 seconds): statuses, crashes, and the blocks libgss allocates
# itself and leaves behind (the shim tracks them).  With VALGRIND_RUN
# (tests/local.mk) it runs again under memcheck, which finds the leaks
# and bad accesses, over every OOM_STRIDE-th allocation: by default
# every third, to keep `make check' within about two minutes on two
# cores; `make check-oom-full' (scripts/test) sets 1 and takes three
# times as long.  OOM_JOBS runs are made at a time (default 2).  A
# build with the sanitizers cannot run under valgrind: there
# AddressSanitizer watches the native sweep instead (bad accesses and
# double frees; not leaks, see below).
#
# In the default realm the sequence runs again through SPNEGO (the
# same Kerberos calls, the contexts asked for with GSS_SPNEGO): natively
# over every allocation, under memcheck over every third stride.
#
# The realm's default session keys are aes256-cts-hmac-sha1-96 (the
# fast path); REALM_ENCTYPE (tests/kdc/realm.sh) sweeps another kind.
# After the default realm, the native sweep runs once more in a realm
# of each other token family (OOM_ENCTYPES: AES SHA-2, Camellia through
# libkrb5, RFC 1964 triple DES, RFC 4757 arcfour), some 8 seconds each.
#
# The service ticket is fetched beforehand and the acceptor keeps no
# replay cache, so that only the delegation (a forwarded TGT) talks to
# the KDC, nothing writes files but the copy of the ticket cache each
# run gets, and every run makes the same allocations.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
prog=$builddir/tests/oom/sweep
shim=$builddir/tests/oom/.libs/failalloc.so
stride=${OOM_STRIDE:-3}
jobs=${OOM_JOBS:-2}

[ -f "$shim" ] || { echo "sweep.sh: $shim is not built" >&2; exit 1; }
case $shim in /*) ;; *) shim=$(pwd)/$shim ;; esac

# Allocations that libkrb5 1.20 (Debian 12) mishandles itself when they
# fail; failalloc passes such a failure on to the next allocation
# instead.  Each was seen, with its stack, in this sweep:
#   profile_get_values        reads a NULL when an allocation in it
#                             fails (SIGSEGV; loading modules, finding
#                             the KDC)
#   krb5_tkt_creds_init       its error path frees a context whose
#                             ccache is still NULL (SIGSEGV in
#                             krb5_cc_close)
#   ?<krb5_get_credentials    a failed copy of the credentials
#                             (k5_copy_creds_contents) leaves pointers
#                             that krb5_get_credentials frees again
#                             (double free)
#   krb5int_c_copy_keyblock<krb5_mk_req_extended
#                             a failed copy of the subkey leaves the
#                             authenticator's authorization data
#                             uninitialised, and krb5_auth_con_free
#                             frees it (memcheck: a jump on
#                             uninitialised data; ASan: SIGSEGV)
#   krb5_get_tgs_ktypes<krb5_mk_req_extended
#                             a failed read of the enctype list for
#                             RFC 4537 leaves the authenticator half
#                             made, and krb5_auth_con_free frees what
#                             it never set (SIGSEGV in
#                             krb5int_c_free_keyblock_contents)
#   krb5_get_cred_via_tkt     the TGS exchange of krb5_fwd_tgt_creds
#                             copies from NULL (SIGSEGV in memmove)
#   krb5_cc_retrieve_cred<krb5_fwd_tgt_creds
#                             a failed read of the cache is reported
#                             as KRB5_CC_NOTFOUND, so the delegation is
#                             given up as impossible
#   krb5_cc_cache_match       a failed read of the cache collection is
#                             reported as KRB5_CC_NOTFOUND
#   krb5_is_permitted_enctype a failed read of permitted_enctypes is
#                             reported as KRB5_NOPERM_ETYPE
#   profile_init_flags        a failed parse of krb5.conf leaves an
#                             empty profile and no error: libkrb5 goes
#                             on without a default realm
# and that libtasn1 4.19 mishandles (SPNEGO's messages):
#   asn1_create_element       writes through a NULL (SIGSEGV)
#   asn1_der_coding           reads a NULL (SIGSEGV)
#   asn1_write_value          reports success for a value it could not
#                             add: the DER made lacks it
FAILALLOC_SPARE='asn1_create_element asn1_der_coding asn1_write_value profile_get_values krb5_tkt_creds_init ?<krb5_get_credentials krb5int_c_copy_keyblock<krb5_mk_req_extended krb5_get_tgs_ktypes<krb5_mk_req_extended krb5_get_cred_via_tkt krb5_cc_retrieve_cred<krb5_fwd_tgt_creds krb5_cc_cache_match krb5_is_permitted_enctype profile_init_flags'
export FAILALLOC_SPARE

sanitized=$(ldd "$builddir/lib/.libs/libgss.so.3" 2>/dev/null | grep -c 'lib[at]san')
setup="kvno -q host/localhost >/dev/null && KRB5RCACHETYPE=none && export KRB5RCACHETYPE &&"
if [ "$sanitized" -gt 0 ]; then
  # The shim comes before the sanitizer's runtime, which then must not
  # insist on coming first; the shim passes every call on to it.
  # AddressSanitizer catches the bad accesses and double frees of the
  # error paths; the leaks are memcheck's to find, with the
  # suppressions of libkrb5's own, in the build without the sanitizers.
  # The functions AddressSanitizer intercepts and the shim does not
  # (asprintf, getline, ...) allocate without calling malloc: they
  # never fail here.
  native="ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 LD_PRELOAD='$shim' '$prog' -j $jobs"
  checked=
else
  native="LD_PRELOAD='$shim' '$prog' -j $jobs"
  if [ -n "${VALGRIND_RUN:-}" ]; then
    # --soname-synonyms: memcheck would otherwise replace the malloc of
    # every library, the shim's too, and nothing would ever fail.
    checked="LD_PRELOAD='$shim' $VALGRIND_RUN --soname-synonyms=somalloc=nosuchlib --error-exitcode=99 --suppressions='$srcdir/tests/oom/libkrb5.supp' '$prog' -j $jobs -s $stride"
  else
    checked=
  fi
fi

OOM_NATIVE=$native OOM_CHECKED=$checked OOM_STRIDE=$stride
export OOM_NATIVE OOM_CHECKED OOM_STRIDE
"$srcdir/tests/kdc/realm.sh" run sh -c "$setup"'
  echo "== every allocation, natively"
  eval "$OOM_NATIVE" || exit 1
  # SPNEGO around the same Kerberos sequence (OOM_MECH, tests/oom/sweep.c).
  echo "== every allocation, natively, through SPNEGO"
  eval "OOM_MECH=spnego $OOM_NATIVE" || exit 1
  [ -n "$OOM_CHECKED" ] || exit 0
  echo "== every allocation (stride $OOM_STRIDE), under memcheck"
  eval "$OOM_CHECKED" || exit 1
  echo "== every allocation (stride $((OOM_STRIDE * 3))), under memcheck, through SPNEGO"
  eval "OOM_MECH=spnego $OOM_CHECKED -s $((OOM_STRIDE * 3))"'
rc=$?
[ $rc -eq 0 ] || exit $rc
[ -z "${REALM_ENCTYPE:-}" ] || exit 0
for enctype in ${OOM_ENCTYPES:-aes256-cts-hmac-sha384-192 \
  camellia256-cts-cmac des3-cbc-sha1 arcfour-hmac}; do
  echo "== every allocation, natively, session keys $enctype"
  "$srcdir/tests/kdc/realm.sh" run -e "$enctype" sh -c "$setup"'
    eval "$OOM_NATIVE"' || exit 1
done
exit 0
