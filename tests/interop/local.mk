## Interoperability with MIT krb5.  peer.c is one side of a conversation,
## built against MIT's GSS-API library as peer-mit; its per-target
## CPPFLAGS replace AM_CPPFLAGS so that it never sees our include/, and it
## links MIT's library only.  The sanitizer flags stay off: MIT's library
## is not built for them.
check_PROGRAMS += tests/interop/peer-mit
tests_interop_peer_mit_SOURCES = tests/interop/peer.c
tests_interop_peer_mit_CPPFLAGS = -DPEER_MIT $(MITGSS_CFLAGS)
tests_interop_peer_mit_CFLAGS = $(WARN_CFLAGS)
tests_interop_peer_mit_LDFLAGS =
tests_interop_peer_mit_LDADD = $(MITGSS_LIBS)

## Every case of cases.sh with MIT on both sides: the expected behaviour.
TESTS += tests/interop/mit-mit.sh
EXTRA_DIST += tests/interop/mit-mit.sh tests/interop/cases.sh \
	tests/interop/pair.sh tests/interop/README.md

## The same peer on libgss, and every case between the two libraries in
## both directions and with libgss on both sides.
check_PROGRAMS += tests/interop/peer-ours
tests_interop_peer_ours_SOURCES = tests/interop/peer.c
# Our headers, and none of gnulib's: the peer is an ordinary program.
tests_interop_peer_ours_CPPFLAGS = -I$(top_builddir)/include -I$(top_srcdir)/include
tests_interop_peer_ours_LDADD = lib/libgss.la
interop_tests = tests/interop/ours-mit.sh tests/interop/mit-ours.sh \
	tests/interop/ours-ours.sh tests/interop/enctypes.sh
TESTS += $(interop_tests)
EXTRA_DIST += $(interop_tests) tests/interop/README.md

## Heimdal's GSS-API library as a third peer, when heimdal-multidev is
## installed: peer-heimdal links Heimdal's libgssapi only, found through
## heimdal-gssapi.pc, and, as for peer-mit, never sees our include/.
## The scripts skip (77) when it was not built.
if HAVE_HEIMDAL_GSS
check_PROGRAMS += tests/interop/peer-heimdal
endif
tests_interop_peer_heimdal_SOURCES = tests/interop/peer.c
tests_interop_peer_heimdal_CPPFLAGS = -DPEER_HEIMDAL $(HEIMDALGSS_CFLAGS)
tests_interop_peer_heimdal_CFLAGS = $(WARN_CFLAGS)
tests_interop_peer_heimdal_LDFLAGS =
tests_interop_peer_heimdal_LDADD = $(HEIMDALGSS_LIBS)
heimdal_tests = tests/interop/heimdal-heimdal.sh \
	tests/interop/heimdal-ours.sh tests/interop/ours-heimdal.sh
TESTS += $(heimdal_tests)
EXTRA_DIST += $(heimdal_tests) tests/interop/heimdal.sh

## SPNEGO (tests/interop/spnego.sh, cases in spnego-cases.sh): libgss
## against MIT's and Heimdal's SPNEGO each way, with itself, and MIT's
## with itself for the expected behaviour.
spnego_interop_tests = tests/interop/spnego-ours-mit.sh \
	tests/interop/spnego-mit-ours.sh tests/interop/spnego-ours-ours.sh \
	tests/interop/spnego-mit-mit.sh tests/interop/spnego-ours-heimdal.sh \
	tests/interop/spnego-heimdal-ours.sh
TESTS += $(spnego_interop_tests)
EXTRA_DIST += $(spnego_interop_tests) tests/interop/spnego.sh \
	tests/interop/spnego-cases.sh
