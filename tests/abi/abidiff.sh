#!/bin/sh
# abidiff of Debian's GNU GSS libgss.so.3 against ours must report no
# removed or changed function or variable (additions are allowed).
set -u
lib=${top_builddir:-.}/lib/.libs/libgss.so.3
gnu=$(ls /usr/lib/*/libgss.so.3 /usr/lib/libgss.so.3 2>/dev/null | head -n 1)

command -v abidiff >/dev/null 2>&1 || { echo "SKIP: abidiff (abigail-tools) not installed"; exit 77; }
[ -n "$gnu" ] || { echo "SKIP: GNU GSS libgss.so.3 (libgss3) not installed"; exit 77; }

abidiff "$gnu" "$lib" > abidiff.out 2>&1
status=$?
cat abidiff.out
# abidiff's exit status is a bit field: 4 = ABI change, 8 = incompatible
# change; 1 and 2 are errors of abidiff itself.
if [ $((status & 3)) -ne 0 ]; then
  echo "FAIL: abidiff could not compare (status $status)"
  echo "0 passed, 1 failed"
  exit 1
fi
if grep -Eq '(^|[^0-9])[1-9][0-9]* (Removed|Changed)' abidiff.out \
   || [ $((status & 8)) -ne 0 ]; then
  echo "FAIL: removed or changed functions or variables"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "PASS: no removed or changed function or variable against $gnu"
echo "1 passed, 0 failed"
rm -f abidiff.out
