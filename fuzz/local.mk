## libFuzzer targets: `make fuzz` builds them with clang in fuzz/out,
## fuzz/run.sh runs them on seeds made from real tokens.
EXTRA_DIST += fuzz/fuzz.h fuzz/decapsulate.c fuzz/import_name.c \
	fuzz/import_context.c fuzz/accept.c fuzz/init_reply.c fuzz/unwrap.c \
	fuzz/seeds.c fuzz/build.sh fuzz/run.sh \
	fuzz/spnego_accept.c fuzz/spnego_init_reply.c

# The clang build configures a copy of the distributed sources: a source
# tree configured in place cannot host another build.
.PHONY: fuzz fuzz-clean
fuzz:
	rm -rf fuzz/out/src && $(MKDIR_P) fuzz/out
	$(MAKE) $(AM_MAKEFLAGS) distdir distdir=fuzz/out/src
	$(SHELL) $(srcdir)/fuzz/build.sh $(abs_top_builddir)/fuzz/out/src \
	  $(abs_top_builddir)/fuzz/out

fuzz-clean:
	rm -rf fuzz/out
clean-local: fuzz-clean
