/* failalloc.c - loaded with LD_PRELOAD by tests/oom/sweep.sh: an
   allocator that fails on request.  Every call goes to the next
   allocator (libc's, or memcheck's or AddressSanitizer's replacement of
   it, which therefore still sees and tracks every block); once armed
   with failalloc_arm (N), the Nth allocation from then on returns NULL
   with errno ENOMEM, once.  The program under test finds the control
   functions with dlsym, so it runs unchanged, and fails nothing,
   without the shim.

   Counted: malloc, calloc, realloc, reallocarray and the aligned
   allocators, the entry points through which glibc (strdup, asprintf,
   fopen, ...), libkrb5, libcrypto and libtasn1 get memory.  free is
   interposed to recognise the bootstrap blocks below, and to keep the
   count of failalloc_track; strdup and strndup, which glibc would
   answer with its own malloc, to know who called them.

   Environment: FAILALLOC_SPARE names places whose allocations are not
   failed, the failure going to the next allocation instead (see
   spared); FAILALLOC_TRACE, when set, prints the call stack of the
   allocation failed. */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <execinfo.h>
#include <string.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The control interface, for dlsym. */
void failalloc_arm (unsigned long n);
unsigned long failalloc_disarm (void);
unsigned long failalloc_count (void);
unsigned long failalloc_fired (void);
unsigned long failalloc_spared (void);
void failalloc_track (const void *lo, const void *hi);
unsigned long failalloc_live (void);

typedef void *malloc_fn (size_t);
typedef void *calloc_fn (size_t, size_t);
typedef void *realloc_fn (void *, size_t);
typedef void *reallocarray_fn (void *, size_t, size_t);
typedef void free_fn (void *);
typedef int posix_memalign_fn (void **, size_t, size_t);
typedef void *memalign_fn (size_t, size_t);
typedef void *valloc_fn (size_t);

static malloc_fn *next_malloc;
static calloc_fn *next_calloc;
static realloc_fn *next_realloc;
static reallocarray_fn *next_reallocarray;
static free_fn *next_free;
static posix_memalign_fn *next_posix_memalign;
static memalign_fn *next_memalign, *next_aligned_alloc;
static valloc_fn *next_valloc, *next_pvalloc;

/* dlsym may allocate (glibc's keeps dlerror state in calloc'ed memory)
   before the next allocator is known: those few blocks come from here
   and are never freed. */
static _Alignas (max_align_t) unsigned char boot[4096];
static size_t boot_used;
static int resolving;

/* The blocks that code in [TRACK_LO, TRACK_HI) allocated itself while
   armed and has not freed (LIVE of them), in an open-addressing table
   with deleted slots marked GONE.  Meant for one thread (the sweep's
   children); a full table stops tracking (OVERFLOW). */
#define TRACK_SLOTS (1u << 16)
#define GONE ((void *) 1)
static uintptr_t track_lo, track_hi;
static void *tracked[TRACK_SLOTS];
static unsigned long live;
static int overflow;

/* Counting state, shared by every thread: ARMED while counting, TARGET
   the allocation to fail (0: none), FIRED how many have been failed. */
static int armed;
static unsigned long counted, target, fired, spares;

static void *
boot_alloc (size_t n)
{
  size_t a = _Alignof (max_align_t);
  size_t start = (boot_used + a - 1) / a * a;

  if (n > sizeof boot - start)
    return NULL;
  boot_used = start + n;
  return boot + start;
}

static int
is_boot (const void *p)
{
  return (const unsigned char *) p >= boot
    && (const unsigned char *) p < boot + sizeof boot;
}

static void *
next (const char *name)
{
  void *f = dlsym (RTLD_NEXT, name);

  if (f == NULL)
    {
      static const char msg[] = "failalloc: an allocator is missing\n";
      ssize_t ignored = write (2, msg, sizeof msg - 1);
      (void) ignored;
      abort ();
    }
  return f;
}

static void
resolve (void)
{
  resolving = 1;
  next_malloc = (malloc_fn *) next ("malloc");
  next_calloc = (calloc_fn *) next ("calloc");
  next_realloc = (realloc_fn *) next ("realloc");
  next_reallocarray = (reallocarray_fn *) next ("reallocarray");
  next_free = (free_fn *) next ("free");
  next_posix_memalign = (posix_memalign_fn *) next ("posix_memalign");
  next_memalign = (memalign_fn *) next ("memalign");
  next_aligned_alloc = (memalign_fn *) next ("aligned_alloc");
  next_valloc = (valloc_fn *) next ("valloc");
  next_pvalloc = (valloc_fn *) next ("pvalloc");
  resolving = 0;
}

/* Set while the shim itself runs code that may allocate (backtrace,
   dladdr): those allocations are neither counted nor failed.  In the
   static TLS block: the dynamic model calls __tls_get_addr, which the
   dynamic loader's own early allocations cannot. */
static __thread int inside __attribute__ ((tls_model ("initial-exec")));

static size_t
slot_of (const void *p)
{
  uintptr_t v = (uintptr_t) p;

  return (size_t) ((v >> 4) ^ (v >> 20)) & (TRACK_SLOTS - 1);
}

static void
track_add (void *p, const void *caller)
{
  size_t s, i;

  if (p == NULL || !armed || (uintptr_t) caller < track_lo
      || (uintptr_t) caller >= track_hi)
    return;
  for (s = slot_of (p), i = 0; i < TRACK_SLOTS; i++, s = (s + 1) & (TRACK_SLOTS - 1))
    if (tracked[s] == NULL || tracked[s] == GONE)
      {
	tracked[s] = p;
	live++;
	return;
      }
  overflow = 1;
}

static void
track_del (const void *p)
{
  size_t s, i;

  if (p == NULL || live == 0)
    return;
  for (s = slot_of (p), i = 0; i < TRACK_SLOTS && tracked[s] != NULL;
       i++, s = (s + 1) & (TRACK_SLOTS - 1))
    if (tracked[s] == p)
      {
	tracked[s] = GONE;
	live--;
	return;
      }
}

/* Whether NAME (possibly NULL: a function without a dynamic symbol)
   is PATTERN, LEN octets long: a function name, or "?" for any
   unnamed function. */
static int
name_is (const char *name, const char *pattern, size_t len)
{
  if (len == 1 && *pattern == '?')
    return name == NULL;
  return name != NULL && strlen (name) == len
    && strncmp (name, pattern, len) == 0;
}

/* Whether the allocation with the call stack FRAMES (N of them) is in
   one of the places named by FAILALLOC_SPARE, separated by spaces: NAME
   for any frame in the function NAME, CALLEE<CALLER for a frame in
   CALLEE called by CALLER, where CALLEE may be "?" (a function without
   a dynamic symbol, such as libkrb5's internal ones). */
static int
spared (void *const *frames, int n)
{
  const char *spare = getenv ("FAILALLOC_SPARE");
  const char *names[64];
  Dl_info info;
  int i;

  if (spare == NULL || *spare == '\0')
    return 0;
  for (i = 0; i < n; i++)
    names[i] = dladdr (frames[i], &info) && info.dli_sname
      ? info.dli_sname : NULL;
  while (*spare)
    {
      size_t len = strcspn (spare, " ");
      const char *lt = memchr (spare, '<', len);
      size_t callee_len = lt ? (size_t) (lt - spare) : len;

      for (i = 0; i < n; i++)
	if (name_is (names[i], spare, callee_len)
	    && (lt == NULL
		|| (i + 1 < n
		    && name_is (names[i + 1], lt + 1, len - callee_len - 1))))
	  return 1;
      spare += len;
      spare += strspn (spare, " ");
    }
  return 0;
}

/* Whether this allocation is the one to fail.  One in a spared place
   passes the failure on to the next allocation. */
static int
fail_now (void)
{
  void *frames[64];
  unsigned long n;
  int depth;

  if (inside || !__atomic_load_n (&armed, __ATOMIC_RELAXED))
    return 0;
  n = __atomic_add_fetch (&counted, 1, __ATOMIC_RELAXED);
  if (n != __atomic_load_n (&target, __ATOMIC_RELAXED))
    return 0;
  inside = 1;
  depth = backtrace (frames, 64);
  if (spared (frames, depth))
    {
      __atomic_add_fetch (&target, 1, __ATOMIC_RELAXED);
      __atomic_add_fetch (&spares, 1, __ATOMIC_RELAXED);
      inside = 0;
      return 0;
    }
  if (getenv ("FAILALLOC_TRACE"))
    {
      static const char msg[] = "failalloc: failing this allocation:\n";
      ssize_t ignored = write (2, msg, sizeof msg - 1);
      (void) ignored;
      backtrace_symbols_fd (frames, depth, 2);
    }
  inside = 0;
  __atomic_add_fetch (&fired, 1, __ATOMIC_RELAXED);
  errno = ENOMEM;
  return 1;
}

/* backtrace loads libgcc_s, which allocates, on its first call: once
   now, before anything is counted. */
static void __attribute__ ((constructor))
warm_up (void)
{
  void *frame;

  inside = 1;
  backtrace (&frame, 1);
  inside = 0;
}

/* From now on, count the blocks the code in [LO, HI) allocates itself
   (malloc, calloc, realloc, strdup, strndup called from there) and
   does not free; failalloc_live says how many there are, or ULONG_MAX
   when the table overflowed. */
void
failalloc_track (const void *lo, const void *hi)
{
  memset (tracked, 0, sizeof tracked);
  live = 0;
  overflow = 0;
  track_lo = (uintptr_t) lo;
  track_hi = (uintptr_t) hi;
}

unsigned long
failalloc_live (void)
{
  return overflow ? (unsigned long) -1 : live;
}

unsigned long
failalloc_spared (void)
{
  return __atomic_load_n (&spares, __ATOMIC_SEQ_CST);
}

void
failalloc_arm (unsigned long n)
{
  __atomic_store_n (&armed, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n (&counted, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n (&fired, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n (&spares, 0, __ATOMIC_SEQ_CST);
  __atomic_store_n (&target, n, __ATOMIC_SEQ_CST);
  __atomic_store_n (&armed, 1, __ATOMIC_SEQ_CST);
}

unsigned long
failalloc_disarm (void)
{
  __atomic_store_n (&armed, 0, __ATOMIC_SEQ_CST);
  return __atomic_load_n (&counted, __ATOMIC_SEQ_CST);
}

unsigned long
failalloc_count (void)
{
  return __atomic_load_n (&counted, __ATOMIC_SEQ_CST);
}

unsigned long
failalloc_fired (void)
{
  return __atomic_load_n (&fired, __ATOMIC_SEQ_CST);
}

static void *
malloc_from (size_t n, const void *caller)
{
  void *p;

  if (fail_now ())
    return NULL;
  p = next_malloc (n);
  track_add (p, caller);
  return p;
}

void *
malloc (size_t n)
{
  if (next_malloc == NULL)
    {
      if (resolving)
	return boot_alloc (n);
      resolve ();
    }
  return malloc_from (n, __builtin_return_address (0));
}

/* Counted as one allocation, as before, and tracked for its caller. */
char *
strdup (const char *s)
{
  size_t n = strlen (s) + 1;
  char *p;

  if (next_malloc == NULL)
    resolve ();
  p = malloc_from (n, __builtin_return_address (0));
  if (p)
    memcpy (p, s, n);
  return p;
}

char *
strndup (const char *s, size_t max)
{
  size_t n = strnlen (s, max);
  char *p;

  if (next_malloc == NULL)
    resolve ();
  p = malloc_from (n + 1, __builtin_return_address (0));
  if (p)
    {
      memcpy (p, s, n);
      p[n] = '\0';
    }
  return p;
}

void *
calloc (size_t count, size_t size)
{
  void *p;

  if (next_calloc == NULL)
    {
      /* The boot area is static, hence zeroed, and never reused. */
      if (resolving)
	return size && count > SIZE_MAX / size ? NULL
	  : boot_alloc (count * size);
      resolve ();
    }
  if (fail_now ())
    return NULL;
  p = next_calloc (count, size);
  track_add (p, __builtin_return_address (0));
  return p;
}

void *
realloc (void *p, size_t n)
{
  void *q;

  if (next_realloc == NULL)
    resolve ();
  if (is_boot (p))
    {
      /* Never happens with glibc; a copy would need the old size. */
      static const char msg[] = "failalloc: realloc of a bootstrap block\n";
      ssize_t ignored = write (2, msg, sizeof msg - 1);
      (void) ignored;
      abort ();
    }
  /* realloc (p, 0) frees: it cannot run out of memory. */
  if ((p == NULL || n != 0) && fail_now ())
    return NULL;
  q = next_realloc (p, n);
  if (q != NULL || n == 0)
    {
      track_del (p);
      track_add (q, __builtin_return_address (0));
    }
  return q;
}

void *
reallocarray (void *p, size_t count, size_t size)
{
  if (next_reallocarray == NULL)
    resolve ();
  if (fail_now ())
    return NULL;
  return next_reallocarray (p, count, size);
}

void
free (void *p)
{
  if (p == NULL || is_boot (p))
    return;
  if (next_free == NULL)
    resolve ();
  track_del (p);
  next_free (p);
}

int
posix_memalign (void **out, size_t alignment, size_t n)
{
  if (next_posix_memalign == NULL)
    resolve ();
  if (fail_now ())
    return ENOMEM;
  return next_posix_memalign (out, alignment, n);
}

void *
memalign (size_t alignment, size_t n)
{
  if (next_memalign == NULL)
    resolve ();
  if (fail_now ())
    return NULL;
  return next_memalign (alignment, n);
}

void *
aligned_alloc (size_t alignment, size_t n)
{
  if (next_aligned_alloc == NULL)
    resolve ();
  if (fail_now ())
    return NULL;
  return next_aligned_alloc (alignment, n);
}

void *
valloc (size_t n)
{
  if (next_valloc == NULL)
    resolve ();
  if (fail_now ())
    return NULL;
  return next_valloc (n);
}

void *
pvalloc (size_t n)
{
  if (next_pvalloc == NULL)
    resolve ();
  if (fail_now ())
    return NULL;
  return next_pvalloc (n);
}
