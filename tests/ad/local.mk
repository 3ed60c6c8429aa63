## An Active Directory domain controller (Samba's AD DC, provisioned by
## the test in a temporary folder, on 127.0.0.2) against libgss and MIT
## in both directions: 10-30 s, 70-100 s under memcheck, so part of make
## check.  It needs root and the samba, samba-ad-dc and
## samba-ad-provision packages (scripts/install-deps installs them); it
## skips (77) without them.
## `make check-ad' runs it alone.
TESTS += tests/ad/ad-realm.sh
EXTRA_DIST += tests/ad/ad-realm.sh tests/ad/README.md
check-ad: tests/interop/peer-ours$(EXEEXT) tests/interop/peer-mit$(EXEEXT)
	srcdir=$(srcdir) top_builddir=$(top_builddir) VALGRIND_RUN='$(VALGRIND_RUN)' \
	  $(SHELL) $(srcdir)/tests/ad/ad-realm.sh
.PHONY: check-ad
