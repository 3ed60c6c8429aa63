## Example client and server (issue 6): built, not installed; their sources
## are shipped, and tests/examples.sh runs them in the throwaway realm.
noinst_PROGRAMS += examples/client examples/server
## Only the public headers: the examples build the way an application
## would, without config.h or gnulib.
examples_cppflags = -I$(top_builddir)/include -I$(top_srcdir)/include
examples_client_SOURCES = examples/client.c examples/common.c examples/common.h
examples_client_CPPFLAGS = $(examples_cppflags)
examples_client_LDADD = lib/libgss.la
examples_server_SOURCES = examples/server.c examples/common.c examples/common.h
examples_server_CPPFLAGS = $(examples_cppflags)
examples_server_LDADD = lib/libgss.la

TESTS += tests/examples.sh
EXTRA_DIST += tests/examples.sh

## HTTP Negotiate (RFC 4559, issue 12): a client and an acceptor over a
## plain socket; tests/http/ runs them against Apache and curl.
noinst_PROGRAMS += examples/negotiate-client examples/negotiate-server
examples_negotiate_client_SOURCES = examples/negotiate-client.c \
	examples/negotiate.c examples/negotiate.h
examples_negotiate_client_CPPFLAGS = $(examples_cppflags)
examples_negotiate_client_LDADD = lib/libgss.la
examples_negotiate_server_SOURCES = examples/negotiate-server.c \
	examples/negotiate.c examples/negotiate.h
examples_negotiate_server_CPPFLAGS = $(examples_cppflags)
examples_negotiate_server_LDADD = lib/libgss.la
