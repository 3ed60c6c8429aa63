## Tests of MIT's gssapi_ext.h extensions (lib/ext.mk).
## The session key against MIT's library, both directions.
TESTS += tests/interop/session-key.sh
EXTRA_DIST += tests/interop/session-key.sh
