#!/bin/sh
# Every dynamic symbol GNU GSS 1.0.4's libgss.so.3 exports must be
# exported by ours at version node GSS_1.0.0, nothing else may be at that
# node, and what libgss adds is exactly libgss-1.1-symbols.txt, at
# LIBGSS_1.1.
set -u
srcdir=${srcdir:-.}
lib=${top_builddir:-.}/lib/.libs/libgss.so.3
ref=$srcdir/tests/abi/libgss-1.0.4-symbols.txt
ours=$srcdir/tests/abi/libgss-1.1-symbols.txt

command -v nm >/dev/null 2>&1 || { echo "SKIP: nm not found"; exit 77; }
[ -f "$lib" ] || { echo "FAIL: $lib not built"; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

{ grep -v '^#' "$ref" | awk 'NF == 2 { print $2 "@@GSS_1.0.0" }'
  grep -v '^#' "$ours" | awk 'NF == 2 { print $2 "@@LIBGSS_1.1" }'
} | sort > "$tmp/want"
# The version nodes' own definitions are not symbols of the API.
nm -D --defined-only "$lib" | awk '$3 !~ /^(GSS|LIBGSS)_[0-9.]+$/ { print $3 }' | sort > "$tmp/have"
# Kinds must match too: functions stay functions, data stays data.
cat "$ref" "$ours" | grep -v '^#' | awk 'NF == 2 { print $2, ($1 == "T" ? "func" : "data") }' | sort > "$tmp/want-kind"
nm -D --defined-only "$lib" | awk '$3 !~ /^(GSS|LIBGSS)_[0-9.]+$/ { sub(/@.*/, "", $3); print $3, ($2 == "T" ? "func" : "data") }' | sort > "$tmp/have-kind"

passed=0 failed=0
check () {
  if [ "$2" = ok ]; then
    passed=$((passed + 1)); echo "PASS: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1"
  fi
}

missing=$(comm -23 "$tmp/want" "$tmp/have")
extra=$(comm -13 "$tmp/want" "$tmp/have")
wrongkind=$(comm -23 "$tmp/want-kind" "$tmp/have-kind")
[ -z "$missing" ] && check "all $(wc -l < "$tmp/want") symbols exported at their nodes" ok \
  || { check "reference symbols exported" no; echo "missing: $missing"; }
[ -z "$extra" ] && check "no symbol beyond the reference list" ok \
  || { check "no extra symbols" no; echo "extra: $extra"; }
[ -z "$wrongkind" ] && check "functions and data keep their kind" ok \
  || { check "symbol kinds" no; echo "changed: $wrongkind"; }
soname=$(objdump -p "$lib" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libgss.so.3 ] && check "soname is libgss.so.3" ok \
  || { check "soname" no; echo "soname: $soname"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
