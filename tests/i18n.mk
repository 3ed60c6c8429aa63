## Tests of the translations (issue 6).
##
## The library and the tool look for their message catalogue under the
## installation prefix; the test runs the uninstalled build, so it copies
## the catalogues po/ builds (po/LANG.gmo) into a locale tree of its own
## and points the "gss" domain there: tests/i18n-status binds it itself,
## and the gss tool is run with tests/i18n-shim.la preloaded.
TESTS += tests/i18n-catalogues.sh
EXTRA_DIST += tests/i18n-catalogues.sh

check_PROGRAMS += tests/i18n-status
tests_i18n_status_SOURCES = tests/i18n-status.c
tests_i18n_status_LDADD = lib/libgss.la $(LTLIBINTL)

# A shared object only for LD_PRELOAD, never installed (the -rpath only
# makes libtool build it shared).  It is built without the sanitizers:
# it is also preloaded into the shell of the libtool wrapper scripts.
check_LTLIBRARIES += tests/i18n-shim.la
tests_i18n_shim_la_SOURCES = tests/i18n-shim.c
tests_i18n_shim_la_CFLAGS = $(WARN_CFLAGS)
tests_i18n_shim_la_LDFLAGS = -module -avoid-version -shared \
	-rpath $(abs_builddir)/tests

i18n_languages = de sv
i18n_catalogues = tests/locale/de/LC_MESSAGES/gss.mo \
	tests/locale/sv/LC_MESSAGES/gss.mo
check_DATA = tests/locale/stamp
CLEANFILES += tests/locale/stamp $(i18n_catalogues)

# po/ only remakes a .gmo when gss.pot changes; update-gmo also catches
# a .po edited since.
tests/locale/stamp: $(top_srcdir)/po/de.po $(top_srcdir)/po/sv.po
	$(AM_V_GEN)(cd po && $(MAKE) $(AM_MAKEFLAGS) update-gmo) >/dev/null && \
	for lang in $(i18n_languages); do \
	  $(MKDIR_P) tests/locale/$$lang/LC_MESSAGES && \
	  cp $(top_srcdir)/po/$$lang.gmo tests/locale/$$lang/LC_MESSAGES/gss.mo \
	  || exit 1; \
	done && \
	echo timestamp > $@
