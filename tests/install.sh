#!/bin/sh
# Stage "make install" in a scratch DESTDIR and inspect the result the
# way a distributor would: the shared library under its soname with its
# links and no run path, the headers, gss.pc, the tool, the man pages,
# and whatever translations and manuals the build produced.  Then build
# and run a program against the staged copy only, and check that
# "make uninstall" takes everything away again.
set -u
srcdir=${srcdir:-.}
top_srcdir=${top_srcdir:-$srcdir}
top_builddir=${top_builddir:-.}
MAKE=${MAKE:-make}
CC=${CC:-cc}

# packaging/local.mk passes the configured directories; without them
# (the script run by hand) there is nothing to compare against.
for v in inst_prefix inst_bindir inst_libdir inst_includedir inst_mandir \
	 inst_infodir inst_localedir inst_pkgconfigdir PACKAGE_VERSION \
	 LT_CURRENT LT_REVISION LT_AGE; do
  eval "val=\${$v-}"
  [ -n "$val" ] || { echo "SKIP: $v not set (run through make check)"; exit 77; }
done
command -v readelf >/dev/null 2>&1 || { echo "SKIP: readelf not found"; exit 77; }

top_builddir=$(cd "$top_builddir" && pwd) || exit 1
top_srcdir=$(cd "$top_srcdir" && pwd) || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gss-install.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/stage
mkdir "$dest" || exit 1

passed=0 failed=0
ok () { passed=$((passed + 1)); echo "PASS: $1"; }
bad () { failed=$((failed + 1)); echo "FAIL: $1"; }
check () { if [ "$2" = yes ]; then ok "$1"; else bad "$1"; fi; }

# The test is itself run by make: the parent's jobserver is not ours to
# use, and the staging must not inherit command-line variables meant for
# the parent's compilations.
sub_make () {
  (cd "$top_builddir" && MAKEFLAGS= MFLAGS= "$MAKE" "$@" DESTDIR="$dest")
}

if sub_make install >"$tmp/install.log" 2>&1; then
  ok "make install DESTDIR=..."
else
  bad "make install DESTDIR=..."
  cat "$tmp/install.log"
  echo "$passed passed, $failed failed"
  exit 1
fi

bin=$dest$inst_bindir
lib=$dest$inst_libdir
inc=$dest$inst_includedir
man=$dest$inst_mandir
info=$dest$inst_infodir
locale=$dest$inst_localedir
pc=$dest$inst_pkgconfigdir

# --- the library ----------------------------------------------------
# libtool on ELF: soname lib.so.(CURRENT-AGE), real file
# lib.so.(CURRENT-AGE).AGE.REVISION.  The soname is the ABI promise.
major=$((LT_CURRENT - LT_AGE))
real=libgss.so.$major.$LT_AGE.$LT_REVISION
[ "$major" = 3 ] && ok "-version-info keeps the soname major at 3" \
  || bad "-version-info gives soname major $major, GNU GSS 1.0.4 has 3"
[ -f "$lib/$real" ] && [ ! -h "$lib/$real" ] && ok "$real installed" \
  || bad "$real installed in $inst_libdir"
for link in libgss.so.$major libgss.so; do
  if [ -h "$lib/$link" ]; then
    target=$(cd "$lib" && readlink -f "$link")
    [ "$target" = "$(cd "$lib" && pwd)/$real" ] && ok "$link -> $real" \
      || bad "$link resolves to $target, not $real"
  else
    bad "$link is a symbolic link"
  fi
done

if [ -f "$lib/$real" ]; then
  readelf -d "$lib/$real" >"$tmp/lib.dyn" 2>&1
  soname=$(sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p' "$tmp/lib.dyn")
  [ "$soname" = libgss.so.3 ] && ok "SONAME libgss.so.3" || bad "SONAME is '$soname'"
  grep -E '\((RPATH|RUNPATH)\)' "$tmp/lib.dyn" && bad "library has no RPATH/RUNPATH" \
    || ok "library has no RPATH/RUNPATH"
fi

if [ -f "$lib/libgss.la" ]; then
  echo "NOTE: libtool archive $inst_libdir/libgss.la installed (GNU default; distributions drop it)"
fi
if [ -f "$lib/libgss.a" ]; then
  echo "NOTE: static library $inst_libdir/libgss.a installed"
fi

# --- headers, pkg-config --------------------------------------------
for h in gss.h gss/api.h gss/ext.h gss/krb5.h gss/krb5-ext.h gss/flags.h gss/ext-mit.h gss/spnego.h; do
  [ -f "$inc/$h" ] && ok "header $h" || bad "header $h installed in $inst_includedir"
done

if [ -f "$pc/gss.pc" ]; then
  ok "gss.pc installed"
  if [ -n "${PKG_CONFIG-}" ] && command -v "$PKG_CONFIG" >/dev/null 2>&1; then
    # PKG_CONFIG_LIBDIR, not PKG_CONFIG_PATH: a system gss.pc (GNU GSS's)
    # must not be found instead of the staged one.
    pcrun () {
      PKG_CONFIG_LIBDIR=$pc PKG_CONFIG_PATH= PKG_CONFIG_SYSROOT_DIR=$dest \
	"$PKG_CONFIG" "$@" gss
    }
    v=$(pcrun --modversion 2>&1)
    [ "$v" = "$PACKAGE_VERSION" ] && ok "pkg-config --modversion gss = $v" \
      || bad "pkg-config --modversion gss gives '$v'"
    libs=$(pcrun --libs 2>&1) || libs="error: $libs"
    libs_ok=no
    for w in $libs; do
      case $w in
	-lgss) libs_ok=yes ;;
      esac
    done
    for w in $libs; do
      case $w in
	-lgss) ;;
	-L"$lib") ;;
	*) libs_ok=no ;;
      esac
    done
    check "pkg-config --libs gss: '$libs'" $libs_ok
    cflags=$(pcrun --cflags 2>&1) || cflags="error: $cflags"
    cflags_ok=yes
    for w in $cflags; do
      [ "$w" = "-I$inc" ] || cflags_ok=no
    done
    check "pkg-config --cflags gss: '$cflags'" $cflags_ok
  else
    echo "NOTE: pkg-config not found; gss.pc not queried"
  fi
else
  bad "gss.pc installed in $inst_pkgconfigdir"
fi

# --- the tool -------------------------------------------------------
if [ -x "$bin/gss" ]; then
  ok "gss program installed"
  readelf -d "$bin/gss" >"$tmp/bin.dyn" 2>&1
  # libtool gives a program the library's directory as its RUNPATH when
  # that directory is not one the dynamic linker searches anyway (as
  # with distcheck's prefix); in a system directory it must add none.
  runpath=$(sed -n 's/.*(\(RPATH\|RUNPATH\)).*\[\(.*\)\]/\2/p' "$tmp/bin.dyn")
  case $inst_libdir in
    /lib|/lib/*|/usr/lib|/usr/lib/*|/usr/local/lib|/usr/local/lib/*) system_libdir=yes ;;
    *) system_libdir=no ;;
  esac
  if [ -z "$runpath" ]; then
    ok "gss has no RPATH/RUNPATH"
  elif [ $system_libdir = no ] && [ "$runpath" = "$inst_libdir" ]; then
    ok "gss has only its own library directory $inst_libdir as RUNPATH (not a system one)"
  else
    bad "gss has no RPATH/RUNPATH (has '$runpath')"
  fi
  grep -q 'Shared library: \[libgss\.so\.3\]' "$tmp/bin.dyn" \
    && ok "gss needs libgss.so.3" || bad "gss needs libgss.so.3"
  out=$(LD_LIBRARY_PATH=$lib "$bin/gss" --version 2>&1)
  case $out in
    *"$PACKAGE_VERSION"*) ok "staged gss --version runs" ;;
    *) bad "staged gss --version: $out" ;;
  esac
else
  bad "gss program installed in $inst_bindir"
fi

# --- documentation and translations: whatever the build made --------
[ -f "$man/man1/gss.1" ] && ok "man page gss.1" || bad "gss.1 installed in $inst_mandir/man1"

# A generated file may sit in the build tree or, shipped, in the source tree.
built () {
  for d in "$top_builddir" "$top_srcdir"; do
    for f in "$d"/$1; do
      [ -f "$f" ] && echo "$f"
    done
  done | awk -F/ '!seen[$NF]++'
}

n=0 missing=
for f in $(built 'doc/man/*.3'); do
  n=$((n + 1))
  [ -f "$man/man3/${f##*/}" ] || missing="$missing ${f##*/}"
done
if [ "$n" -gt 0 ]; then
  [ -z "$missing" ] && ok "all $n man3 pages installed" \
    || bad "man3 pages not installed:$missing"
else
  echo "NOTE: no doc/man/*.3 built; man3 not checked"
fi

n=0 missing=
for f in $(built 'po/*.gmo'); do
  n=$((n + 1))
  l=${f##*/}; l=${l%.gmo}
  cmp -s "$f" "$locale/$l/LC_MESSAGES/gss.mo" || missing="$missing $l"
done
if [ "$n" -gt 0 ]; then
  [ -z "$missing" ] && ok "all $n catalogues installed as LC_MESSAGES/gss.mo" \
    || bad "catalogues not installed (or differing):$missing"
else
  echo "NOTE: no po/*.gmo built; catalogues not checked"
fi

n=0 missing=
for f in $(built 'doc/gss.info') $(built 'doc/gss.info-[0-9]*'); do
  n=$((n + 1))
  cmp -s "$f" "$info/${f##*/}" || missing="$missing ${f##*/}"
done
if [ "$n" -gt 0 ]; then
  [ -z "$missing" ] && ok "info manual installed ($n files)" \
    || bad "info files not installed (or differing):$missing"
else
  echo "NOTE: no doc/gss.info built; info manual not checked"
fi

# Nothing installed may remember where it was staged.
leaks=$(grep -rl -F "$dest" "$dest" 2>/dev/null)
[ -z "$leaks" ] && ok "no installed file mentions DESTDIR" \
  || bad "files mention the staging directory: $leaks"

# --- a program built against the staged copy alone ------------------
cat >"$tmp/prog.c" <<'EOF'
#include <gss.h>
#include <stdio.h>
#include <string.h>

int
main (void)
{
  OM_uint32 major, minor;
  gss_OID_set mechs = GSS_C_NO_OID_SET;
  const char *v = gss_check_version (NULL);

  major = gss_indicate_mechs (&minor, &mechs);
  if (GSS_ERROR (major) || mechs == GSS_C_NO_OID_SET || mechs->count == 0)
    return 2;
  gss_release_oid_set (&minor, &mechs);
  /* The header and the library loaded must be the same package.  */
  printf ("%s %s\n", GSS_VERSION, v ? v : "(null)");
  return strcmp (GSS_VERSION, v ? v : "") != 0;
}
EOF
# -I/-L name only the stage, so a system copy of GNU GSS cannot stand in.
if $CC ${SANITIZER_FLAGS-} -Wall -Werror -I"$inc" -o "$tmp/prog" "$tmp/prog.c" \
     -L"$lib" -lgss >"$tmp/cc.log" 2>&1; then
  ok "a program including <gss.h> builds with -I/-L of the stage"
  out=$(LD_LIBRARY_PATH=$lib "$tmp/prog" 2>&1)
  [ "$out" = "$PACKAGE_VERSION $PACKAGE_VERSION" ] \
    && ok "it runs on the staged library ($out)" \
    || bad "program against the staged library printed '$out'"
else
  bad "a program including <gss.h> builds with -I/-L of the stage"
  cat "$tmp/cc.log"
fi

# --- and away again -------------------------------------------------
if sub_make uninstall >"$tmp/uninstall.log" 2>&1; then
  ok "make uninstall DESTDIR=..."
  # The info directory file belongs to every manual; GNU leaves it.
  left=$(find "$dest" \( -type f -o -type l \) ! -path "$info/dir" -print)
  [ -z "$left" ] && ok "uninstall leaves no file behind" \
    || bad "left after uninstall: $left"
else
  bad "make uninstall DESTDIR=..."
  cat "$tmp/uninstall.log"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
