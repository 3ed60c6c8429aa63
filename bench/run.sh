#!/bin/sh
# make bench: runs bench-ours and bench-mit alternately inside a
# throwaway realm for each AES family and prints medians side by side,
# with the ratio to MIT and the share of the raw libcrypto ceiling: AES-CBC
# and HMAC called one after the other ("of ceil."), and for SHA-1 also
# interleaved as libgss does it ("of interl.", bench.c says how).
# Usage: run.sh BENCH-OURS BENCH-MIT [ROUNDS] [SECONDS-PER-MEASUREMENT]
set -eu
ours=$1
mit=$2
rounds=${3:-5}
seconds=${4:-0.5}
here=$(cd "$(dirname "$0")" && pwd)
realm=$here/../tests/kdc/realm.sh

for enctype in aes256-cts-hmac-sha1-96 aes256-cts-hmac-sha384-192; do
  case $enctype in
    *sha1*) cipher=AES-256-CBC digest=SHA1 ;;
    *) cipher=AES-256-CBC digest=SHA384 ;;
  esac
  out=$(mktemp)
  # shellcheck disable=SC2016
  "$realm" run -e "$enctype" sh -c '
    i=0
    while [ $i -lt "$1" ]; do
      "$3" host@localhost "$2" | sed "s/^/mit /"
      "$4" host@localhost "$2" "$5" "$6" | sed "s/^/ours /"
      i=$((i + 1))
    done' sh "$rounds" "$seconds" "$mit" "$ours" "$cipher" "$digest" > "$out"
  echo
  echo "Session keys: $enctype ($rounds rounds, medians)"
  awk -v OFS='\t' '
    { key = $2 " " $3; v[$1 " " key] = v[$1 " " key] " " $4; unit[key] = $5;
      if (!(key in seen)) { seen[key] = 1; order[n++] = key } }
    function median(list,   a, k, i, j, t) {
      k = split(list, a, " ")
      for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
        if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
    }
    # The ceiling of the same size, or "" (ceiling rows follow only the
    # per-message rows that wrap and unwrap).
    function ceil_of(name, op, size) {
      return ("ours " name " " size) in v && (op == "wrap+unwrap" || op == "wrap_iov+unwrap_iov") ? median(v["ours " name " " size]) : ""
    }
    END {
      printf "%-20s %7s %12s %12s %8s %12s %9s %13s\n", "operation", "size", "MIT", "libgss", "ratio", "ceiling", "of ceil.", "of interl."
      for (i = 0; i < n; i++) {
        key = order[i]; split(key, p, " ")
        if (p[1] ~ /^ceiling/) continue
        m = median(v["mit " key]); o = median(v["ours " key])
        c = ceil_of("ceiling", p[1], p[2]); ci = ceil_of("ceiling-interleaved", p[1], p[2])
        printf "%-20s %7s %9.1f %-2s %9.1f %-2s %7.2fx %12s %9s %13s\n", p[1], p[2] == 0 ? "-" : p[2], m, unit[key] == "MB/s" ? "MB" : "/s", o, unit[key] == "MB/s" ? "MB" : "/s", o / m, c == "" ? "" : sprintf("%.1f MB", c), c == "" ? "" : sprintf("%.0f%%", 100 * o / c), ci == "" ? "" : sprintf("%.0f%%", 100 * o / ci)
      }
    }' "$out"
  rm -f "$out"
done
