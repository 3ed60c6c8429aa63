#!/bin/sh
# The gss tool's options: -l, -m, -q, --help, --version, bad options.
# The tool runs under memcheck when make check does (VALGRIND_RUN); a
# refusal must be the tool's own exit status 1, never a crash, a signal
# or a memcheck error (99).
set -u
gss=${top_builddir:-.}/src/gss
run=${VALGRIND_RUN:-}
passed=0 failed=0
check () {
  if eval "$2"; then
    passed=$((passed + 1)); echo "PASS: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1"
  fi
}
# The tool under memcheck.
tool () {
  $run "$gss" "$@"
}
# ran ARGS...: the tool exits 0; its output is left in $out.
ran () {
  out=$(tool "$@" </dev/null 2>"$errfile")
  rc=$?
  [ $rc -eq 0 ] && return 0
  echo "  gss $*: exit status $rc, not 0:"; sed 's/^/    /' "$errfile"
  return 1
}
# refused ARGS...: the tool exits 1 (with standard input empty).
refused () {
  tool "$@" </dev/null >/dev/null 2>"$errfile"
  rc=$?
  [ $rc -eq 1 ] && return 0
  echo "  gss $*: exit status $rc, not 1:"; sed 's/^/    /' "$errfile"
  return 1
}
errfile=$(mktemp "${TMPDIR:-/tmp}/gss-tool.XXXXXX") || exit 99
trap 'rm -f "$errfile"' EXIT

check "-l lists Kerberos V5 with its SASL name" \
  'ran -l && echo "$out" | grep -q "SASL Mechanism name: GS2-KRB5"'
check "--list-mechanisms counts them" \
  'ran --list-mechanisms && echo "$out" | grep -q "^Found 2 supported mechanisms."'
check "-l lists SPNEGO, without a SASL name" \
  'ran -l && echo "$out" | grep -q "Mechanism name: SPNEGO" \
     && echo "$out" | grep -q "SASL Mechanism name: (none)"'
check "-m 0x1090001 runs" 'ran -m 0x1090001'
check "-m shows the bits of each field" \
  'echo "$out" | grep -q "| 0 0 0 0 0 0 0 1 | 0 0 0 0 1 0 0 1 | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 |"'
check "-m explains the routine error" 'echo "$out" | grep -q "^A token was invalid$"'
check "-m explains the calling error" \
  'echo "$out" | grep -q "^A required input parameter could not be read$"'
check "-m explains the supplementary bit" \
  'echo "$out" | grep -q "^The routine must be called again to complete its function$"'
check "--major=0 says no error" 'ran --major=0 && echo "$out" | grep -q "^No error$"'
check "-q -m gives the texts alone" 'ran -q -m 0x90000 && [ "$out" = "A token was invalid" ]'
check "-m of an undefined routine error says so" \
  'ran -m 0x7f0000 && echo "$out" | grep -q "not a defined status code"'
check "-m refuses what is not a number" 'refused -m twelve'
check "--help starts with a usage line" 'ran --help && echo "$out" | head -n 1 | grep -q "^Usage: gss OPTIONS"'
check "--help names the bug address" 'ran --help && echo "$out" | grep -q "^Report bugs to: "'
check "--version names the package" 'ran --version && echo "$out" | head -n 1 | grep -q "^gss (libgss) "'
check "an unknown option fails" 'refused --no-such-option'
check "-i without a server name fails" 'refused -i GS2-KRB5'
check "-i with an unknown mechanism fails" 'refused -i NO-SUCH-MECH -n host@localhost'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
