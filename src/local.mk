## The gss command-line tool.
bin_PROGRAMS += src/gss
src_gss_SOURCES = src/gss.c src/gss-tool.h src/explain.c src/exchange.c
src_gss_CPPFLAGS = $(AM_CPPFLAGS) -DLOCALEDIR=\"$(localedir)\"
src_gss_LDADD = lib/libgss.la gl/libgnu.la $(LTLIBINTL)
