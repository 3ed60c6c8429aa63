#!/bin/sh
# session-enctype.sh ENCTYPE - inside a throwaway realm (realm.sh run),
# after the suites ran: the ccache holds a service ticket for
# host/localhost whose session key and ticket are both of ENCTYPE, so
# the suites really exercised the token format they were run for.
set -u
want=$1
PATH=$PATH:/usr/sbin:/sbin
out=$(klist -e 2>&1) || { echo "klist -e failed: $out"; exit 1; }
echo "$out" | awk -v want="$want" '
  /host\/localhost@/ { seen = 1; next }
  seen && /Etype \(skey, tkt\)/ {
    sub(/.*Etype \(skey, tkt\): */, "")
    gsub(/ /, "")
    # klist marks des3 and RC4 keys as deprecated.
    gsub(/DEPRECATED:/, "")
    print "host/localhost ticket (skey,tkt): " $0
    ok = ($0 == want "," want)
    exit
  }
  END { exit ok ? 0 : 1 }' && exit 0
echo "FAIL: no host/localhost ticket with session key $want:"
echo "$out" | sed 's/^/  /'
exit 1
