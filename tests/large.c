/* large.c - messages and tokens past 2^31 and 2^32 octets, for real:
   sealed and unsealed Wrap tokens and MICs that round-trip, that hide
   every part of the message, and whose integrity covers every part of
   it; a forged multi-gigabyte token refused without a crash; on the
   libkrb5 paths, the largest message gss_wrap_size_limit allows.  It
   needs about 9 GiB of memory and takes minutes, so it is not part of
   `make check': `make check-large' runs it (tests/large.sh) in a realm
   per token family.  The session key's enctype comes from the realm
   (REALM_ENCTYPE). */
#include <config.h>
#include <gss.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static OM_uint32 minor;
static int failures;

#define CHECK(cond, ...)					\
  do {								\
    if (!(cond))						\
      {								\
	fprintf (stderr, "large: FAIL %s:%d: ", __FILE__, __LINE__);	\
	fprintf (stderr, __VA_ARGS__);				\
	fputc ('\n', stderr);					\
	failures++;						\
      }								\
  } while (0)

#define GiB ((size_t) 1 << 30)

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Anonymous zero pages: reading them costs no memory. */
static unsigned char *
pages (size_t len)
{
  void *p = mmap (NULL, len, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    {
      perror ("large: mmap");
      exit (99);
    }
  return p;
}

static const char marker[] = "LIBGSS-PLAINTEXT";	/* 16 octets */

/* A message of LEN octets, zero but for markers around 2^31 and 2^32
   and at both ends. */
static unsigned char *
message (size_t len)
{
  unsigned char *m = pages (len);
  size_t at[] = { 0, ((size_t) 1 << 31) - 8, ((size_t) 1 << 31) + 4096,
		  ((size_t) 1 << 32) - 8, ((size_t) 1 << 32) + 1, len - 16 };
  size_t i;

  for (i = 0; i < sizeof at / sizeof at[0]; i++)
    if (at[i] + 16 <= len)
      memcpy (m + at[i], marker, 16);
  return m;
}

/* The number of 4 KiB runs of zeros in BUF: a sealed token of a
   mostly-zero message has none unless part of it went unencrypted. */
static size_t
zero_runs (const unsigned char *buf, size_t len)
{
  static const unsigned char zero[4096];
  size_t i, n = 0;

  for (i = 0; i + 4096 <= len; i += 4096)
    if (buf[i] == 0 && memcmp (buf + i, zero, 4096) == 0)
      n++;
  return n;
}

struct pair
{
  gss_ctx_id_t init, accept;
};

static struct pair
establish (void)
{
  struct pair p = { GSS_C_NO_CONTEXT, GSS_C_NO_CONTEXT };
  gss_buffer_desc name = { 14, (void *) "host@localhost" }, first, reply;
  gss_name_t target;
  OM_uint32 major;

  if (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target))
    exit (99);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target,
				GSS_KRB5, 0, 0, NULL, NULL, NULL, &first,
				NULL, NULL);
  if (major == GSS_S_COMPLETE)
    major = gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL,
				    &first, NULL, NULL, NULL, &reply, NULL,
				    NULL, NULL);
  if (major != GSS_S_COMPLETE)
    {
      fprintf (stderr, "large: establishment failed: 0x%x\n", major);
      exit (99);
    }
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_name (&minor, &target);
  return p;
}

/* Wrap with and without confidentiality, unwrap, compare; then one
   changed octet past 2^32 (or near the end) must be caught. */
static void
round_trip (struct pair *p, size_t len, int conf)
{
  gss_buffer_desc m = { len, message (len) }, tok, out;
  int conf_state = -1;
  OM_uint32 major;
  double t0 = now ();
  size_t at;

  major = gss_wrap (&minor, p->init, conf, 0, &m, &conf_state, &tok);
  CHECK (major == GSS_S_COMPLETE, "wrap conf=%d %zu: 0x%x", conf, len, major);
  if (major)
    goto done;
  CHECK (conf_state == conf, "wrap conf=%d %zu: conf_state %d", conf, len,
	 conf_state);
  if (conf)
    {
      CHECK (memmem (tok.value, tok.length, marker, 16) == NULL,
	     "sealed token of %zu octets shows the message", len);
      CHECK (zero_runs (tok.value, tok.length) == 0,
	     "sealed token of %zu octets has plaintext zeros", len);
    }
  major = gss_unwrap (&minor, p->accept, &tok, &out, &conf_state, NULL);
  CHECK (major == GSS_S_COMPLETE, "unwrap conf=%d %zu: 0x%x", conf, len,
	 major);
  if (major == GSS_S_COMPLETE)
    {
      CHECK (out.length == len && memcmp (out.value, m.value, len) == 0,
	     "unwrap conf=%d %zu: another message came out", conf, len);
      gss_release_buffer (&minor, &out);
    }
  /* Change an octet of the message part past the last boundary. */
  at = tok.length - 200;
  ((unsigned char *) tok.value)[at] ^= 0x01;
  major = gss_unwrap (&minor, p->accept, &tok, &out, &conf_state, NULL);
  CHECK (major == GSS_S_BAD_SIG, "changed octet %zu of a %zu-octet token "
	 "(conf=%d): 0x%x", at, tok.length, conf, major);
  gss_release_buffer (&minor, &out);
  gss_release_buffer (&minor, &tok);
done:
  munmap (m.value, len);
  printf ("wrap+unwrap conf=%d of %zu octets: %.1f s\n", conf, len,
	  now () - t0);
}

static void
mic (struct pair *p, size_t len)
{
  gss_buffer_desc m = { len, message (len) }, tok;
  OM_uint32 major;
  double t0 = now ();

  major = gss_get_mic (&minor, p->init, 0, &m, &tok);
  CHECK (major == GSS_S_COMPLETE, "get_mic %zu: 0x%x", len, major);
  if (major == GSS_S_COMPLETE)
    {
      major = gss_verify_mic (&minor, p->accept, &m, &tok, NULL);
      CHECK (major == GSS_S_COMPLETE, "verify_mic %zu: 0x%x", len, major);
      ((unsigned char *) m.value)[len - 100] ^= 0x80;
      major = gss_verify_mic (&minor, p->accept, &m, &tok, NULL);
      CHECK (major == GSS_S_BAD_SIG, "verify_mic, octet %zu changed: 0x%x",
	     len - 100, major);
      gss_release_buffer (&minor, &tok);
    }
  munmap (m.value, len);
  printf ("MIC of %zu octets: %.1f s\n", len, now () - t0);
}

/* A sealed token of LEN octets with a genuine header and a body of
   zeros: nothing to decrypt to, so a bad signature, never a crash. */
static void
forged (struct pair *p, size_t len)
{
  gss_buffer_desc m = { 10, (void *) "0123456789" }, tok, big, out;
  OM_uint32 major;

  if (gss_wrap (&minor, p->init, 1, 0, &m, NULL, &tok) != GSS_S_COMPLETE)
    exit (99);
  big.length = len;
  big.value = pages (len);
  memcpy (big.value, tok.value, 16);
  major = gss_unwrap (&minor, p->accept, &big, &out, NULL, NULL);
  CHECK (major == GSS_S_BAD_SIG || major == GSS_S_DEFECTIVE_TOKEN,
	 "forged %zu-octet token: 0x%x", len, major);
  printf ("forged token of %zu octets: 0x%x\n", len, major);
  gss_release_buffer (&minor, &out);
  gss_release_buffer (&minor, &tok);
  munmap (big.value, len);
}

int
main (void)
{
  const char *e = getenv ("REALM_ENCTYPE");
  bool fast = e && strncmp (e, "aes", 3) == 0;
  struct pair p;
  OM_uint32 max;
  int conf;

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "large: run through tests/kdc/realm.sh run\n");
      return 77;
    }
  p = establish ();
  if (fast)
    {
      /* libcrypto: any length, fed to EVP in chunks. */
      for (conf = 1; conf >= 0; conf--)
	{
	  round_trip (&p, ((size_t) 1 << 31) + 17, conf);
	  round_trip (&p, ((size_t) 1 << 32) + 17, conf);
	}
      mic (&p, ((size_t) 1 << 32) + 17);
      forged (&p, 3 * GiB);
      forged (&p, ((size_t) 1 << 32) + 64);
    }
  else
    /* libkrb5: up to the largest message gss_wrap_size_limit allows,
       which gss_wrap takes. */
    for (conf = 1; conf >= 0; conf--)
      {
	if (gss_wrap_size_limit (&minor, p.init, conf, 0, UINT32_MAX, &max))
	  return 99;
	printf ("wrap_size_limit conf=%d: %u\n", conf, max);
	round_trip (&p, max, conf);
      }
  gss_delete_sec_context (&minor, &p.init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &p.accept, GSS_C_NO_BUFFER);
  printf ("large [%s]: %s\n", e ? e : "default",
	  failures ? "FAIL" : "PASS");
  return failures ? 1 : 0;
}
