#!/bin/sh
# The gss tool's options: -l, -m, -q, --help, --version, bad options.
set -u
gss=${top_builddir:-.}/src/gss
passed=0 failed=0
check () {
  if eval "$2"; then
    passed=$((passed + 1)); echo "PASS: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1"
  fi
}

check "-l lists Kerberos V5 with its SASL name" \
  '"$gss" -l | grep -q "SASL Mechanism name: GS2-KRB5"'
check "--list-mechanisms counts them" \
  '"$gss" --list-mechanisms | grep -q "^Found 1 supported mechanisms."'
out=$("$gss" -m 0x1090001)
check "-m shows the bits of each field" \
  'echo "$out" | grep -q "| 0 0 0 0 0 0 0 1 | 0 0 0 0 1 0 0 1 | 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 1 |"'
check "-m explains the routine error" 'echo "$out" | grep -q "^A token was invalid$"'
check "-m explains the calling error" \
  'echo "$out" | grep -q "^A required input parameter could not be read$"'
check "-m explains the supplementary bit" \
  'echo "$out" | grep -q "^The routine must be called again to complete its function$"'
check "--major=0 says no error" '"$gss" --major=0 | grep -q "^No error$"'
check "-q -m gives the texts alone" '[ "$("$gss" -q -m 0x90000)" = "A token was invalid" ]'
check "-m of an undefined routine error says so" \
  '"$gss" -m 0x7f0000 | grep -q "not a defined status code"'
check "-m refuses what is not a number" '! "$gss" -m twelve 2>/dev/null'
check "--help starts with a usage line" '"$gss" --help | head -n 1 | grep -q "^Usage: gss OPTIONS"'
check "--help names the bug address" '"$gss" --help | grep -q "^Report bugs to: "'
check "--version names the package" '"$gss" --version | head -n 1 | grep -q "^gss (libgss) "'
check "an unknown option fails" '! "$gss" --no-such-option 2>/dev/null'
check "-i without a server name fails" '! "$gss" -i GS2-KRB5 </dev/null 2>/dev/null'
check "-i with an unknown mechanism fails" \
  '! "$gss" -i NO-SUCH-MECH -n host@localhost </dev/null 2>/dev/null'

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
