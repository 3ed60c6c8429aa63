## Documentation: gss(1) from the tool's --help and --version.
dist_man_MANS += doc/gss.1
EXTRA_DIST += doc/gss.h2m

# Generated in the source tree and shipped, so building from a tarball
# needs no help2man.  The tool is an order-only prerequisite: it must
# exist to be asked for its --help, but being rebuilt does not make the
# shipped page out of date.
$(srcdir)/doc/gss.1: $(srcdir)/src/gss.c $(srcdir)/doc/gss.h2m $(srcdir)/configure.ac | src/gss$(EXEEXT)
	$(AM_V_GEN)if test "$(HELP2MAN)" != ":"; then \
	  $(HELP2MAN) --no-info --name="Generic Security Service command-line tool" \
	    --include=$(srcdir)/doc/gss.h2m --output=$@.tmp ./src/gss$(EXEEXT) && \
	  mv $@.tmp $@; \
	else \
	  echo "help2man is missing; keeping the existing $@" >&2; touch $@; \
	fi
