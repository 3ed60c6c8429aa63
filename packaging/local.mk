## Distribution: Debian packaging files and the install test (issue 6).

# "make install DESTDIR=..." staged and inspected.  The test runs make
# itself and compares against the configured directories.
TESTS += tests/install.sh
EXTRA_DIST += tests/install.sh
TESTS_ENVIRONMENT += MAKE='$(MAKE)' CC='$(CC)' \
	SANITIZER_FLAGS='$(SANITIZER_FLAGS)' PKG_CONFIG='$(PKG_CONFIG)' \
	PACKAGE_VERSION='$(PACKAGE_VERSION)' LT_CURRENT='$(LT_CURRENT)' \
	LT_REVISION='$(LT_REVISION)' LT_AGE='$(LT_AGE)' \
	inst_prefix='$(prefix)' inst_bindir='$(bindir)' inst_libdir='$(libdir)' \
	inst_includedir='$(includedir)' inst_mandir='$(mandir)' \
	inst_infodir='$(infodir)' inst_localedir='$(localedir)' \
	inst_pkgconfigdir='$(pkgconfigdir)'

# Debian packaging: packaging/build-deb turns the release tarball into
# .debs, with packaging/debian as debian/.
EXTRA_DIST += packaging/build-deb \
	packaging/debian/changelog packaging/debian/control \
	packaging/debian/copyright packaging/debian/rules \
	packaging/debian/source/format packaging/debian/not-installed \
	packaging/debian/libgss3.install packaging/debian/libgss3.symbols \
	packaging/debian/libgss-dev.install packaging/debian/gss-man.install \
	packaging/debian/gss-doc.install packaging/debian/libgss3.docs
