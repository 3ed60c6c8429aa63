## HTTP Negotiate end to end (issue 12).  The example client and server
## (examples/negotiate-*.c) are built a second time against MIT's GSS-API
## library, as the reference peers: what MIT does through the same code
## is what libgss must do.  As for tests/interop/peer-mit, their
## CPPFLAGS never see our include/ and the sanitizer flags stay off.
check_PROGRAMS += tests/http/negotiate-client-mit tests/http/negotiate-server-mit
tests_http_negotiate_client_mit_SOURCES = examples/negotiate-client.c \
	examples/negotiate.c examples/negotiate.h
tests_http_negotiate_client_mit_CPPFLAGS = -DNEGOTIATE_MIT $(MITGSS_CFLAGS)
tests_http_negotiate_client_mit_CFLAGS = $(WARN_CFLAGS)
tests_http_negotiate_client_mit_LDFLAGS =
tests_http_negotiate_client_mit_LDADD = $(MITGSS_LIBS)
tests_http_negotiate_server_mit_SOURCES = examples/negotiate-server.c \
	examples/negotiate.c examples/negotiate.h
tests_http_negotiate_server_mit_CPPFLAGS = -DNEGOTIATE_MIT $(MITGSS_CFLAGS)
tests_http_negotiate_server_mit_CFLAGS = $(WARN_CFLAGS)
tests_http_negotiate_server_mit_LDFLAGS =
tests_http_negotiate_server_mit_LDADD = $(MITGSS_LIBS)

## Apache2 with mod_auth_gssapi (MIT) as the acceptor, the clients on
## libgss; our acceptor with Debian's curl and MIT's client.
http_tests = tests/http/apache.sh tests/http/server.sh
TESTS += $(http_tests)
EXTRA_DIST += $(http_tests) tests/http/common.sh tests/http/curl.sh

## make check-curl: curl 7.88.1 from Debian's source package, built once
## against libgss (curl's GNU GSS path) and cached in $(CURL_CACHE), doing
## Negotiate against Apache and examples/negotiate-server; see curl.sh.
CURL_CACHE = $(abs_top_builddir)/_curl
.PHONY: check-curl
check-curl: all examples/negotiate-server$(EXEEXT)
	srcdir=$(srcdir) top_srcdir=$(top_srcdir) top_builddir=$(top_builddir) \
	  CURL_CACHE='$(CURL_CACHE)' $(SHELL) $(srcdir)/tests/http/curl.sh
