#!/bin/sh
# The translations are used: under LANGUAGE=de (and sv), the texts of
# gss_display_status, of the Kerberos mechanism and of the gss tool
# (--help, -m) are the msgstr of po/LANG.po for the English text the
# same call gives in the C locale.  i18n-status runs under memcheck when
# make check does (VALGRIND_RUN); the gss tool, with its preloaded shim,
# does not (tests/gss-tool.sh runs it under memcheck).
set -u
builddir=${top_builddir:-.}
srcdir=${top_srcdir:-${srcdir:-.}}
tmp=${TMPDIR:-/tmp}/i18n-catalogues.$$
passed=0 failed=0

check () {
  if eval "$2"; then
    passed=$((passed + 1)); echo "PASS: $1"
  else
    failed=$((failed + 1)); echo "FAIL: $1"
  fi
}

# gettext ignores LANGUAGE in the C locale; C.UTF-8 is not C.
utf8=$(locale -a 2>/dev/null | grep -i -x -m 1 'C\.utf-*8')
[ -n "$utf8" ] || { echo "SKIP: no C.UTF-8 locale"; exit 77; }
tree=$(cd "$builddir/tests/locale" 2>/dev/null && pwd) \
  || { echo "FAIL: $builddir/tests/locale is missing (make check builds it)"; exit 1; }
shim=$(cd "$builddir/tests/.libs" 2>/dev/null && pwd)/i18n-shim.so
[ -f "$shim" ] || { echo "FAIL: $shim is missing"; exit 1; }
status=$builddir/tests/i18n-status
gss=$builddir/src/gss

# A library built with --enable-sanitizers needs their runtimes loaded
# before the shim.
sanitizers=$(ldd "$builddir/lib/.libs/libgss.so.3" 2>/dev/null \
  | awk '/lib(asan|ubsan)\.so/ { printf "%s:", $3 }')

mkdir "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT

english () {
  LC_ALL=C LANGUAGE= "$@"
}
# i18n-status binds the catalogue itself; the gss tool gets the shim.
translated () {
  lang=$1; shift
  LC_ALL=$utf8 LANGUAGE=$lang "$@"
}
translated_tool () {
  lang=$1; shift
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
    LD_PRELOAD=$sanitizers$shim I18N_SHIM_LOCALEDIR=$tree \
    LC_ALL=$utf8 LANGUAGE=$lang "$gss" "$@"
}

# The translation table of a PO file (fuzzy entries left out) is read
# first; then, with MODE=lines, each line of the next file (English) is
# replaced by its msgstr, or flagged when it has none; with MODE=texts,
# each msgid that is a whole text of the next file (English, after %s
# is replaced by "gss") must appear the same way, translated, in the
# third file: the count of those checked is printed, each missing one
# is flagged.
po_awk='
function unquote(s,   out, i, c) {
  sub(/^[^"]*"/, "", s); sub(/"[ \t]*$/, "", s)
  out = ""
  for (i = 1; i <= length(s); i++) {
    c = substr(s, i, 1)
    if (c == "\\") {
      c = substr(s, ++i, 1)
      if (c == "n") c = "\n"; else if (c == "t") c = "\t"
    }
    out = out c
  }
  return out
}
function keep() {
  if (id != "" && !fuzzy) tr[id] = str
  part = ""; fuzzy = 0
}
function whole(hay, s,   p, before, after) {
  p = index(hay, s)
  if (p == 0) return 0
  before = substr(hay, p - 1, 1)
  after = substr(s, length(s), 1) == "\n" ? "\n" : substr(hay, p + length(s), 1)
  return (before == "\n" || before == " ") && after == "\n"
}
FILENAME == ARGV[1] {
  if (part == "str" && !/^"/) keep()
  if (/^#,.*fuzzy/) fuzzy = 1
  else if (/^msgid /) { part = "id"; id = unquote($0) }
  else if (/^msgstr /) { part = "str"; str = unquote($0) }
  else if (/^"/ && part == "id") id = id unquote($0)
  else if (/^"/ && part == "str") str = str unquote($0)
  next
}
FILENAME == ARGV[2] && FNR == 1 && part == "str" { keep() }
FILENAME == ARGV[2] && mode == "lines" {
  if (($0 in tr) && tr[$0] != "" && tr[$0] != $0) print tr[$0]
  else print "(no translation of: " $0 ")"
  next
}
FILENAME == ARGV[2] { en = en $0 "\n"; next }
FILENAME == ARGV[3] { out = out $0 "\n"; next }
END {
  if (mode != "texts") exit
  en = "\n" en; out = "\n" out; n = 0
  for (id in tr) {
    s = id; t = tr[id]
    if (s == t || t == "") continue
    gsub(/%s/, "gss", s); gsub(/%s/, "gss", t)
    if (index(s, "%") || !whole(en, s)) continue
    n++
    if (!whole(out, t)) { gsub(/\n/, "\\n", t); print "missing: " t }
  }
  print n " texts"
}'

for lang in de sv; do
  po=$srcdir/po/$lang.po

  # gss_display_status and the mechanism's description.
  english ${VALGRIND_RUN:-} "$status" "$tree" > "$tmp/status.en"; rc=$?
  [ $rc -eq 77 ] && { echo "SKIP: $(english "$status" "$tree" 2>&1 >/dev/null)"; exit 77; }
  check "$lang: i18n-status runs in the C locale" '[ $rc -eq 0 ]'
  translated "$lang" ${VALGRIND_RUN:-} "$status" "$tree" > "$tmp/status.$lang"; rc=$?
  check "$lang: i18n-status runs under LANGUAGE=$lang" '[ $rc -eq 0 ]'
  awk -v mode=lines "$po_awk" "$po" "$tmp/status.en" > "$tmp/status.expected"
  check "$lang: gss_display_status gives the texts of $lang.po" \
    'diff "$tmp/status.expected" "$tmp/status.$lang"'
  check "$lang: more than a couple of texts were compared" \
    '[ "$(wc -l < "$tmp/status.expected")" -ge 8 ]'

  # The gss tool: --help, and -m with a routine and calling error and a
  # supplementary bit.
  { english "$gss" --help; english "$gss" -m 0x1090001; } > "$tmp/tool.en"
  { translated_tool "$lang" --help; translated_tool "$lang" -m 0x1090001; } \
    > "$tmp/tool.$lang"
  awk -v mode=texts "$po_awk" "$po" "$tmp/tool.en" "$tmp/tool.$lang" \
    > "$tmp/tool.report"
  sed 's/^/    /' "$tmp/tool.report"
  check "$lang: gss --help and gss -m print the texts of $lang.po" \
    '! grep -q "^missing: " "$tmp/tool.report"'
  check "$lang: the usage, options and status texts were among them" \
    '[ "$(sed -n "s/ texts\$//p" "$tmp/tool.report")" -ge 8 ]'
  check "$lang: the first line of --help is translated" \
    '[ "$(translated_tool "$lang" --help | head -n 1)" != "Usage: gss OPTIONS..." ]'
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
