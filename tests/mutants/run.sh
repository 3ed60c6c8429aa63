#!/bin/sh
# run.sh - mutation testing: every mutant of tests/mutants/mutants.txt is
# applied, one at a time, to a scratch build made from the distribution
# tarball; the changed file is rebuilt (only its object and what links
# it) and the tests the list names for the mutant are run, in order,
# until one fails.  A mutant is killed when a test fails (a crash, a
# timeout or a memory error counts), survives when all pass.  Before any
# mutant, each test named anywhere in the list must pass on the unchanged
# build, so that a test that fails anyway kills nothing.
#
# Usage: tests/mutants/run.sh [-t TARBALL] [-k] [ID...]
#   -t TARBALL  build from this libgss-*.tar.gz (default: the newest one
#               in the current directory, else `make dist` makes one)
#   -k          keep the scratch directory
#   ID...       only these mutants
#
# Tests a mutant may name (TESTS, run in the order given):
#   unit/NAME            tests/check_NAME, no KDC
#   realm/NAME[:ENCTYPE] tests/check_NAME in a throwaway realm whose
#                        session keys are ENCTYPE (default
#                        aes256-cts-hmac-sha1-96)
#   interop/CASE[:ENCTYPE]  the case of tests/interop/cases.sh between
#                        libgss and MIT's library, both directions
#   script/NAME          tests/NAME.sh (gss-tool, examples)
#
# Prints one line per mutant (KILLED by which test, or SURVIVED), then the
# survivors and the time taken.  Exits 0 when every mutant was killed, 1
# when one survived, a pattern no longer matches exactly once, a test
# fails on the unchanged build, or a mutant does not build; 77 when the
# KDC tools the realm tests need are missing.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
list=$here/mutants.txt
tool="perl $here/mutants.pl $list"
tarball= keep=
while getopts t:k opt; do
  case $opt in
    t) tarball=$(cd "$(dirname "$OPTARG")" && pwd)/$(basename "$OPTARG") ;;
    k) keep=1 ;;
    *) sed -n '11,15p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
start=$(date +%s)
jobs=$(nproc 2>/dev/null || echo 2)

# Every pattern must still match its file exactly once: a change merged
# since the list was written shows here, before anything is built.
$tool check "$top" || { echo "FAIL: re-target the mutants above in $list"; exit 1; }

if [ -z "$tarball" ]; then
  tarball=$(ls -t libgss-*.tar.gz 2>/dev/null | head -n 1)
  if [ -z "$tarball" ]; then
    make dist --no-print-directory >/dev/null || { echo "FAIL: make dist"; exit 1; }
    tarball=$(ls -t libgss-*.tar.gz | head -n 1)
  fi
  tarball=$(pwd)/$tarball
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/libgss-mutants.XXXXXX") || exit 1
cleanup () {
  if [ -n "$keep" ]; then echo "scratch kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== scratch build from $(basename "$tarball")"
tar -xzf "$tarball" -C "$work" || exit 1
S=$(echo "$work"/libgss-*)
# The list must match the tarball too: it is what gets mutated.
$tool check "$S" || { echo "FAIL: $tarball is older than $list"; exit 1; }
(cd "$S" && ./configure --quiet --disable-valgrind-tests >"$work/build.log" 2>&1 \
  && make -j"$jobs" >>"$work/build.log" 2>&1 \
  && make -j"$jobs" check TESTS= >>"$work/build.log" 2>&1) \
  || { tail -n 30 "$work/build.log"; echo "FAIL: the scratch build"; exit 1; }
echo "built in $(( $(date +%s) - start ))s"

# run_test SPEC: runs one test of the list on the scratch build; its
# output goes to $work/test.log.
run_test () {
  what=$1
  enctype=aes256-cts-hmac-sha1-96
  case $what in *:*) enctype=${what#*:}; what=${what%%:*} ;; esac
  name=${what#*/}
  (
    cd "$S" || exit 99
    export srcdir=. top_srcdir=. top_builddir=.
    case $what in
      unit/*) timeout 600 "./tests/check_$name" ;;
      realm/*) REALM_EXPIRED=1 timeout 900 ./tests/kdc/realm.sh run -e "$enctype" \
	"./tests/check_$name" ;;
      interop/*)
	CASES=$name ENCTYPES=$enctype timeout 900 ./tests/interop/cases.sh \
	  tests/interop/peer-ours tests/interop/peer-mit \
	&& CASES=$name ENCTYPES=$enctype timeout 900 ./tests/interop/cases.sh \
	  tests/interop/peer-mit tests/interop/peer-ours ;;
      script/*) timeout 900 "./tests/$name.sh" ;;
      *) echo "unknown test $1"; exit 99 ;;
    esac
  ) >"$work/test.log" 2>&1
}

ids=${*:-$($tool list | cut -d' ' -f1)}
for id in $ids; do
  $tool list | grep -q "^$id " || { echo "FAIL: no mutant $id"; exit 1; }
done

echo "== each test on the unchanged build"
specs=$(for id in $ids; do $tool list | sed -n "s/^$id [^ ]* //p"; done \
  | tr ' ' '\n' | sort -u)
for spec in $specs; do
  t0=$(date +%s)
  run_test "$spec"
  rc=$?
  case $rc in
    0) echo "ok $spec ($(( $(date +%s) - t0 ))s)" ;;
    77) cat "$work/test.log"; echo "SKIP: $spec cannot run here"; exit 77 ;;
    *) cat "$work/test.log"; echo "FAIL: $spec fails without any mutant (exit $rc)"; exit 1 ;;
  esac
done

echo "== mutants"
survivors= broken= n=0
for id in $ids; do
  n=$((n + 1))
  set -- $($tool list | grep "^$id ")
  file=$2
  shift 2
  t0=$(date +%s)
  cp -p "$S/$file" "$work/original" || exit 1
  if ! $tool apply "$S" "$id"; then
    broken="$broken $id"
    continue
  fi
  # Only what the changed file goes into: the library, and the unit test
  # that compiles the cryptography in.
  if ! (cd "$S" && make -j"$jobs" lib/libgss.la tests/check_crypto >"$work/make.log" 2>&1); then
    tail -n 20 "$work/make.log"
    echo "BROKEN $id: does not build"
    broken="$broken $id"
  else
    killer=
    for spec in "$@"; do
      run_test "$spec"
      rc=$?
      if [ $rc -eq 77 ]; then
	killer="?"; echo "BROKEN $id: $spec skipped"; broken="$broken $id"; break
      elif [ $rc -ne 0 ]; then
	killer=$spec; break
      fi
    done
    if [ -z "$killer" ]; then
      echo "SURVIVED $id ($(( $(date +%s) - t0 ))s)"
      $tool show "$id" | sed 's/^/    /'
      survivors="$survivors $id"
    elif [ "$killer" != "?" ]; then
      echo "KILLED $id by $killer ($(( $(date +%s) - t0 ))s)"
    fi
  fi
  # The original back, newer than the mutant's object.
  cp "$work/original" "$S/$file" && touch "$S/$file" || exit 1
done

echo "== $n mutants in $(( $(date +%s) - start ))s"
status=0
if [ -n "$survivors" ]; then
  echo "FAIL: survivors:$survivors"
  status=1
fi
if [ -n "$broken" ]; then
  echo "FAIL: mutants that did not apply, build or run:$broken"
  status=1
fi
[ $status -eq 0 ] && echo "every mutant was killed"
exit $status
