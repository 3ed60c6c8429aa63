#!/bin/sh
# The man3 pages of the API: one per exported function of the reference
# symbol list, free of groff warnings, with the sections a reader looks
# for; and the comments in lib/*.c they come from complete and in step
# with the code (doc/mkman --strict).
set -u
srcdir=${srcdir:-.}
top_builddir=${top_builddir:-.}
symbols=$srcdir/tests/abi/libgss-1.0.4-symbols.txt
pages=$top_builddir/doc/man

if ! command -v groff >/dev/null 2>&1; then
  echo "SKIP: groff is not installed (Debian package groff-base)"
  exit 77
fi
if [ ! -r "$symbols" ]; then
  echo "FAIL: no symbol list $symbols"
  exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0 failed=0
pass () { passed=$((passed + 1)); }
fail () { failed=$((failed + 1)); echo "FAIL: $*"; }

# The comments themselves: every public function has one, each lists
# the real parameters and the codes its body returns.
if perl "$srcdir/doc/mkman" --strict --list "$srcdir"/lib/*.c \
     >"$tmp/documented" 2>"$tmp/mkman.err"; then
  pass
  mkman_ok=1
else
  mkman_ok=0
  fail "doc/mkman --strict refuses the comments of lib/*.c:"
  sed 's/^/  /' "$tmp/mkman.err"
fi

# The text of section NAME of page $1, request lines left out, on one
# line; empty when the section is missing or says nothing.
section () {
  awk -v want="$2" '
    /^\.SH / { s = substr ($0, 5); gsub (/"/, "", s); in_s = (s == want); next }
    in_s && /^\.(PP|TP|IP|nf|fi|RS|RE|sp|br)( |$)/ { next }
    in_s && /^\.\\"/ { next }
    in_s { sub (/^\.[A-Z]+ */, ""); printf "%s ", $0 }
  ' "$1"
}

# The functions libgss adds (LIBGSS_1.1) have their pages too.
symbols11=$srcdir/tests/abi/libgss-1.1-symbols.txt
count=$(sed -n 's/^T //p' "$symbols" | wc -l)
for f in $(sed -n 's/^T //p' "$symbols" "$symbols11"); do
  page=$pages/$f.3
  if [ ! -f "$page" ]; then
    fail "$f: no page $page"
    continue
  fi
  [ "$mkman_ok" -eq 0 ] || grep -qx "$f" "$tmp/documented" || fail "$f: doc/mkman finds no comment for it"
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  if [ -n "$warnings" ]; then
    fail "$f: groff warns:"
    echo "$warnings" | sed 's/^/  /'
  else
    pass
  fi
  for s in NAME SYNOPSIS DESCRIPTION "RETURN VALUE"; do
    text=$(section "$page" "$s")
    if ! printf '%s\n' "$text" | grep -q '[A-Za-z0-9]'; then
      fail "$f: section $s is missing or empty"
    else
      pass
    fi
  done
  section "$page" NAME | grep -q "^$f \\\\- [A-Za-z]" \
    || fail "$f: NAME does not read \"$f - summary\""
  syn=$(section "$page" SYNOPSIS)
  case $syn in
    *"#include <gss.h>"*"$f("*) pass ;;
    *) fail "$f: SYNOPSIS lacks #include <gss.h> or the prototype" ;;
  esac
done

if [ "$count" -ne 45 ]; then
  fail "the symbol list names $count functions, not 45"
fi
echo "man-pages: $passed checks passed, $failed failed ($count functions)"
[ "$failed" -eq 0 ]
