#!/bin/sh
# ext-realm.sh - the gssapi_ext.h extensions that need a KDC: runs
# tests/check_ext_realm in a throwaway realm, then checks the delegated
# credential it stored into a FILE ccache from outside: klist(1) lists
# it, and a second process (peer-ours, through pair.sh) initiates with
# it after the realm's own ticket cache is destroyed.
#
# krb5.conf gets, in front of the realm's: an auth_to_local rule mapping
# other@LIBGSS.TEST to the user running the test, and a
# k5login_directory whose .k5login for that user lists user@LIBGSS.TEST.
#
# Exit status 0 when all passed, 1 on a failure, 77 when MIT's KDC
# programs are missing.
set -u
srcdir=${srcdir:-.}
builddir=${top_builddir:-.}
export srcdir builddir
PATH=$PATH:/usr/sbin:/sbin
for tool in klist kdestroy; do
  command -v "$tool" >/dev/null 2>&1 || { echo "SKIP: $tool not found"; exit 77; }
done

REALM_EXPIRED=1 "$srcdir/tests/kdc/realm.sh" run sh -c '
  set -u
  me=$(id -un) || exit 1
  mkdir "$REALM_DIR/k5login" || exit 1
  echo "user@LIBGSS.TEST" > "$REALM_DIR/k5login/$me"
  cat > "$REALM_DIR/ext.conf" <<CONF || exit 1
[libdefaults]
  k5login_directory = $REALM_DIR/k5login
[realms]
  LIBGSS.TEST = {
    auth_to_local = RULE:[1:\$1@\$0](^other@LIBGSS\\.TEST\$)s/.*/$me/
    auth_to_local = DEFAULT
  }
CONF
  KRB5_CONFIG=$REALM_DIR/ext.conf:$KRB5_CONFIG
  EXT_ME=$me
  EXT_STORED=FILE:$REALM_DIR/stored.ccache
  export KRB5_CONFIG EXT_ME EXT_STORED
  ${VALGRIND_RUN:-} "$builddir/tests/check_ext_realm" || exit 1

  status=0
  out=$(LC_ALL=C klist -c "$EXT_STORED") || status=1
  echo "$out"
  echo "$out" | grep -q "^Default principal: user@LIBGSS.TEST" || status=1
  echo "$out" | grep -q "krbtgt/LIBGSS.TEST@LIBGSS.TEST" || status=1
  [ $status -eq 0 ] && echo "PASS: klist lists the stored credential" \
    || echo "FAIL: klist does not list the stored credential"

  # A new process, with nothing but the stored cache.
  kdestroy -q -c "$KRB5CCNAME" 2>/dev/null
  peer=$builddir/tests/interop/peer-ours
  if [ -x "$peer" ]; then
    log=$REALM_DIR/second.log
    if KRB5CCNAME=$EXT_STORED "$srcdir/tests/interop/pair.sh" -t 60 \
         ${VALGRIND_RUN:-} "$peer" --initiate --service host@localhost \
         --mutual --log "$log" -- ${VALGRIND_RUN:-} "$peer" --accept \
         --log "$log" >/dev/null 2>&1 \
       && grep -q "initiator: established.*src=user@LIBGSS.TEST" "$log"; then
      echo "PASS: a second process initiates with the stored credential"
    else
      echo "FAIL: a second process cannot initiate with the stored credential"
      cat "$log"
      status=1
    fi
  else
    echo "FAIL: $peer not built"
    status=1
  fi
  exit $status
'
