## make bench: libgss against MIT's GSS-API library, side by side.
EXTRA_PROGRAMS += bench/bench-ours bench/bench-mit
bench_bench_ours_SOURCES = bench/bench.c
bench_bench_ours_CFLAGS = $(AM_CFLAGS) -O2 $(CRYPTO_CFLAGS)
bench_bench_ours_LDADD = lib/libgss.la $(CRYPTO_LIBS)
bench_bench_mit_SOURCES = bench/bench.c
bench_bench_mit_CPPFLAGS = -DBENCH_MIT $(MITGSS_CFLAGS)
bench_bench_mit_CFLAGS = -O2 $(WARN_CFLAGS)
bench_bench_mit_LDFLAGS =
bench_bench_mit_LDADD = $(MITGSS_LIBS)
EXTRA_DIST += bench/run.sh
CLEANFILES += $(EXTRA_PROGRAMS)

bench: bench/bench-ours$(EXEEXT) bench/bench-mit$(EXEEXT)
	$(srcdir)/bench/run.sh ./bench/bench-ours$(EXEEXT) ./bench/bench-mit$(EXEEXT) \
	  $(BENCH_ROUNDS) $(BENCH_SECONDS)
BENCH_ROUNDS = 5
BENCH_SECONDS = 0.5
.PHONY: bench
