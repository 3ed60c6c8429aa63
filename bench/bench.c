/* bench.c - per-message and context-establishment speed of a GSS-API
 * library, built once against libgss and once against MIT's
 * libgssapi_krb5 (BENCH_MIT) from this one source.
 *
 * Runs in the environment of a throwaway realm (tests/kdc/realm.sh):
 * establishes a context in-process with the service named on the
 * command line, then prints one line per measurement (the last two:
 * Kerberos and SPNEGO establishments, mutual, per second):
 *   <what> <message size> <value> <unit>
 * The raw libcrypto ceiling (AES-CBC plus HMAC over the same sizes,
 * everything keyed once) is measured by the libgss build only, in two
 * forms: the two primitives called one after the other ("ceiling"),
 * and, where the MAC covers the plaintext (SHA-1), with the plaintext
 * hashed 128 octets at a time just before each step is encrypted, as
 * libgss does ("ceiling-interleaved").
 */
#ifdef BENCH_MIT
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <gssapi/gssapi_ext.h>
#define MECH ((gss_OID) gss_mech_krb5)
#else
#include <gss.h>
/* The SHA block functions: the cheapest HMAC libcrypto offers. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdbool.h>
#define MECH GSS_KRB5
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The process's CPU time, not the wall clock: on a machine shared with
   other work the wall clock counts their time slices too, and the
   figures of one run scatter by a third.  Everything measured here is
   computation in this process (the service ticket is in the cache after
   the first establishment). */
static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
die (const char *what, OM_uint32 major, OM_uint32 minor)
{
  fprintf (stderr, "bench: %s failed: major %#x minor %u\n", what,
	   (unsigned) major, (unsigned) minor);
  exit (1);
}

static gss_name_t
service_name (const char *service)
{
  gss_buffer_desc buf = { strlen (service), (void *) service };
  gss_name_t name;
  OM_uint32 major, minor;

  major = gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &name);
  if (major)
    die ("import_name", major, minor);
  return name;
}

/* SPNEGO (RFC 4178) by its OID, which both libraries know; spelled out
   so that the one source builds against both.  */
static gss_OID_desc spnego = { 6, (void *) "\x2b\x06\x01\x05\x05\x02" };

/* A context through MECH in as many legs as it takes, both ends in this
   process, mutual authentication asked.  Returns 0, or -1 when the
   library does not offer MECH.  */
static int
establish_mech (gss_OID mech, gss_name_t target, gss_ctx_id_t *ictx,
		gss_ctx_id_t *actx)
{
  gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor, tmp, amajor = GSS_S_CONTINUE_NEEDED;
  OM_uint32 flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG
    | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;

  *ictx = *actx = GSS_C_NO_CONTEXT;
  for (;;)
    {
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, ictx, target,
				    mech, flags, 0, GSS_C_NO_CHANNEL_BINDINGS,
				    &in, NULL, &out, NULL, NULL);
      gss_release_buffer (&tmp, &in);
      if (major == GSS_S_BAD_MECH && *ictx == GSS_C_NO_CONTEXT)
	return -1;
      if (GSS_ERROR (major))
	die ("init_sec_context", major, minor);
      if (out.length == 0)
	break;
      amajor = gss_accept_sec_context (&minor, actx, GSS_C_NO_CREDENTIAL,
				       &out, GSS_C_NO_CHANNEL_BINDINGS, NULL,
				       NULL, &in, NULL, NULL, NULL);
      gss_release_buffer (&tmp, &out);
      if (GSS_ERROR (amajor))
	die ("accept_sec_context", amajor, minor);
      if (major == GSS_S_COMPLETE || in.length == 0)
	break;
    }
  gss_release_buffer (&tmp, &in);
  if (major != GSS_S_COMPLETE || amajor != GSS_S_COMPLETE)
    die ("establishment (incomplete)", major | amajor, 0);
  return 0;
}

static void
establish (gss_name_t target, gss_ctx_id_t *ictx, gss_ctx_id_t *actx)
{
  gss_buffer_desc first = GSS_C_EMPTY_BUFFER, reply = GSS_C_EMPTY_BUFFER,
    last = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor, tmp;
  OM_uint32 flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG
    | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;

  *ictx = *actx = GSS_C_NO_CONTEXT;
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, ictx, target, MECH,
				flags, 0, GSS_C_NO_CHANNEL_BINDINGS,
				GSS_C_NO_BUFFER, NULL, &first, NULL, NULL);
  if (major != GSS_S_CONTINUE_NEEDED)
    die ("init_sec_context", major, minor);
  major = gss_accept_sec_context (&minor, actx, GSS_C_NO_CREDENTIAL, &first,
				  GSS_C_NO_CHANNEL_BINDINGS, NULL, NULL, &reply,
				  NULL, NULL, NULL);
  if (major)
    die ("accept_sec_context", major, minor);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, ictx, target, MECH,
				flags, 0, GSS_C_NO_CHANNEL_BINDINGS, &reply,
				NULL, &last, NULL, NULL);
  if (major)
    die ("init_sec_context (reply)", major, minor);
  gss_release_buffer (&tmp, &first);
  gss_release_buffer (&tmp, &reply);
  gss_release_buffer (&tmp, &last);
}

/* Runs FN over SIZE-octet messages for about SECONDS; returns MB/s of
   message data (one wrap plus one unwrap counts the message once). */
typedef void (*round_fn) (gss_ctx_id_t, gss_ctx_id_t, gss_buffer_t);

static void
wrap_round (gss_ctx_id_t i, gss_ctx_id_t a, gss_buffer_t msg)
{
  gss_buffer_desc tok, out;
  OM_uint32 major, minor;
  int conf;

  major = gss_wrap (&minor, i, 1, GSS_C_QOP_DEFAULT, msg, &conf, &tok);
  if (major)
    die ("wrap", major, minor);
  major = gss_unwrap (&minor, a, &tok, &out, &conf, NULL);
  if (major)
    die ("unwrap", major, minor);
  gss_release_buffer (&minor, &tok);
  gss_release_buffer (&minor, &out);
}

/* gss_wrap_iov and gss_unwrap_iov in the application's buffers: HEADER
   and TRAILER beside the message, which is encrypted and decrypted
   where it lies (the room is made once, as a protocol stack would). */
static void
iov_round (gss_ctx_id_t i, gss_ctx_id_t a, gss_buffer_t msg)
{
  static unsigned char header[256], trailer[256];
  gss_iov_buffer_desc iov[3];
  OM_uint32 major, minor;
  int conf;

  iov[0].type = GSS_IOV_BUFFER_TYPE_HEADER;
  iov[0].buffer.value = header;
  iov[0].buffer.length = sizeof header;
  iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[1].buffer = *msg;
  iov[2].type = GSS_IOV_BUFFER_TYPE_TRAILER;
  iov[2].buffer.value = trailer;
  iov[2].buffer.length = sizeof trailer;
  major = gss_wrap_iov (&minor, i, 1, GSS_C_QOP_DEFAULT, &conf, iov, 3);
  if (major)
    die ("wrap_iov", major, minor);
  major = gss_unwrap_iov (&minor, a, &conf, NULL, iov, 3);
  if (major)
    die ("unwrap_iov", major, minor);
}

static void
mic_round (gss_ctx_id_t i, gss_ctx_id_t a, gss_buffer_t msg)
{
  gss_buffer_desc tok;
  OM_uint32 major, minor;

  major = gss_get_mic (&minor, i, GSS_C_QOP_DEFAULT, msg, &tok);
  if (major)
    die ("get_mic", major, minor);
  major = gss_verify_mic (&minor, a, msg, &tok, NULL);
  if (major)
    die ("verify_mic", major, minor);
  gss_release_buffer (&minor, &tok);
}

static double
throughput (round_fn fn, gss_ctx_id_t i, gss_ctx_id_t a, size_t size,
	    double seconds)
{
  gss_buffer_desc msg = { size, malloc (size) };
  double start, elapsed;
  long rounds = 0;

  memset (msg.value, 0x5a, size);
  start = now ();
  do
    {
      int k;
      for (k = 0; k < 16; k++)
	fn (i, a, &msg);
      rounds += 16;
      elapsed = now () - start;
    }
  while (elapsed < seconds);
  free (msg.value);
  return (double) rounds * size / elapsed / 1e6;
}

#ifndef BENCH_MIT
/* HMAC with its two keyed hash states made once, as a tuned caller of
   libcrypto keeps them: per message only the two hash passes. */
union hash_state
{
  SHA_CTX sha1;
  SHA512_CTX sha512;
};
struct fast_hmac
{
  bool sha1;
  union hash_state inner, outer;
};

static void
hash_init (bool sha1, union hash_state *h)
{
  if (sha1)
    SHA1_Init (&h->sha1);
  else
    SHA384_Init (&h->sha512);
}

static void
hash_update (bool sha1, union hash_state *h, const void *p, size_t n)
{
  if (sha1)
    SHA1_Update (&h->sha1, p, n);
  else
    SHA384_Update (&h->sha512, p, n);
}

static void
hash_final (bool sha1, union hash_state *h, unsigned char *out)
{
  if (sha1)
    SHA1_Final (out, &h->sha1);
  else
    SHA384_Final (out, &h->sha512);
}

static void
fast_hmac_key (struct fast_hmac *m, bool sha1, const unsigned char *key,
	       size_t keylen)
{
  unsigned char pad[128];
  size_t block = sha1 ? 64 : 128, i;

  m->sha1 = sha1;
  for (i = 0; i < block; i++)
    pad[i] = (unsigned char) ((i < keylen ? key[i] : 0) ^ 0x36);
  hash_init (sha1, &m->inner);
  hash_update (sha1, &m->inner, pad, block);
  for (i = 0; i < block; i++)
    pad[i] = (unsigned char) ((i < keylen ? key[i] : 0) ^ 0x5c);
  hash_init (sha1, &m->outer);
  hash_update (sha1, &m->outer, pad, block);
}

static void
fast_hmac (const struct fast_hmac *m, const void *p, size_t n,
	   unsigned char *out)
{
  union hash_state h = m->inner;
  unsigned char inner[64];

  hash_update (m->sha1, &h, p, n);
  hash_final (m->sha1, &h, inner);
  h = m->outer;
  hash_update (m->sha1, &h, inner, m->sha1 ? 20 : 48);
  hash_final (m->sha1, &h, out);
}

/* HMAC over the first SIZE octets of BUF, each 128-octet step hashed
   just before it is CBC-encrypted in place (PADDED octets in all). */
static void
interleaved (const struct fast_hmac *m, EVP_CIPHER_CTX *enc,
	     unsigned char *buf, size_t size, size_t padded,
	     unsigned char *out)
{
  union hash_state h = m->inner;
  unsigned char inner[64];
  size_t off, n;
  int outl;

  for (off = 0; off < padded; off += n)
    {
      n = padded - off < 128 ? padded - off : 128;
      if (off < size)
	hash_update (m->sha1, &h, buf + off, size - off < n ? size - off : n);
      EVP_EncryptUpdate (enc, buf + off, &outl, buf + off, (int) n);
    }
  hash_final (m->sha1, &h, inner);
  h = m->outer;
  hash_update (m->sha1, &h, inner, m->sha1 ? 20 : 48);
  hash_final (m->sha1, &h, out);
}

/* What libcrypto alone does for one wrap and unwrap of the message's
   octets: AES-CBC encrypt and HMAC, then AES-CBC decrypt and HMAC, with
   the cipher contexts and HMAC states prepared once and never reset,
   as in a tuned caller.  No confounder, header copy, token header or allocation:
   the cost of the message alone.  With INTERLEAVE, the encryption side
   hashes each 128-octet step just before encrypting it, which lets
   SHA-1 run while the CBC chain waits on AES (the MAC must cover the
   plaintext, as with SHA-1's enctypes). */
static double
ceiling (const char *cipher_name, const char *digest_name, size_t size,
	 double seconds, bool interleave)
{
  EVP_CIPHER *cipher = EVP_CIPHER_fetch (NULL, cipher_name, NULL);
  EVP_CIPHER_CTX *enc = EVP_CIPHER_CTX_new (), *dec = EVP_CIPHER_CTX_new ();
  unsigned char key[32] = { 1 }, iv[16] = { 0 }, mac[64];
  size_t padded = (size + 15) / 16 * 16;
  unsigned char *buf = calloc (1, padded + 16);
  struct fast_hmac m;
  double start, elapsed = 0;
  long rounds = 0;
  int outl;

  fast_hmac_key (&m, strcmp (digest_name, "SHA1") == 0, key, 32);
  EVP_EncryptInit_ex (enc, cipher, NULL, key, iv);
  EVP_CIPHER_CTX_set_padding (enc, 0);
  EVP_DecryptInit_ex (dec, cipher, NULL, key, iv);
  EVP_CIPHER_CTX_set_padding (dec, 0);
  start = now ();
  do
    {
      /* No IV reset: the chaining carries on from the last message,
	 which costs nothing (libgss starts each message from a zero IV
	 without a reset too, crypto.c says how). */
      if (interleave)
	interleaved (&m, enc, buf, size, padded, mac);
      else
	{
	  EVP_EncryptUpdate (enc, buf, &outl, buf, (int) padded);
	  fast_hmac (&m, buf, size, mac);
	}
      EVP_DecryptUpdate (dec, buf, &outl, buf, (int) padded);
      fast_hmac (&m, buf, size, mac);
      /* The clock is read as seldom as in throughput (): a read of the
	 CPU clock is a system call. */
      if (++rounds % 16 == 0)
	elapsed = now () - start;
    }
  while (rounds % 16 != 0 || elapsed < seconds);
  free (buf);
  EVP_CIPHER_CTX_free (enc);
  EVP_CIPHER_CTX_free (dec);
  EVP_CIPHER_free (cipher);
  return (double) rounds * size / elapsed / 1e6;
}
#endif

int
main (int argc, char **argv)
{
  static const size_t sizes[] = { 16, 1024, 65536 };
  const char *service = argc > 1 ? argv[1] : "host@localhost";
  double seconds = argc > 2 ? atof (argv[2]) : 0.5;
  gss_name_t target = service_name (service);
  gss_ctx_id_t ictx, actx;
  OM_uint32 minor;
  double start, elapsed;
  long n = 0;
  size_t s;

  establish (target, &ictx, &actx);
  for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
    {
      /* BENCH_SIZE=N measures messages of N octets only (to profile
	 one size). */
      if (getenv ("BENCH_SIZE") && (size_t) atol (getenv ("BENCH_SIZE")) != sizes[s])
	continue;
      printf ("wrap+unwrap %zu %.1f MB/s\n", sizes[s],
	      throughput (wrap_round, ictx, actx, sizes[s], seconds));
      printf ("wrap_iov+unwrap_iov %zu %.1f MB/s\n", sizes[s],
	      throughput (iov_round, ictx, actx, sizes[s], seconds));
      printf ("get_mic+verify_mic %zu %.1f MB/s\n", sizes[s],
	      throughput (mic_round, ictx, actx, sizes[s], seconds));
#ifndef BENCH_MIT
      if (argc > 3)
	printf ("ceiling %zu %.1f MB/s\n", sizes[s],
		ceiling (argv[3], argv[4], sizes[s], seconds, false));
      if (argc > 3 && strcmp (argv[4], "SHA1") == 0)
	printf ("ceiling-interleaved %zu %.1f MB/s\n", sizes[s],
		ceiling (argv[3], argv[4], sizes[s], seconds, true));
#endif
    }
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);

  start = now ();
  do
    {
      establish (target, &ictx, &actx);
      gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
      gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);
      n++;
      elapsed = now () - start;
    }
  while (elapsed < seconds);
  printf ("establish 0 %.1f ctx/s\n", n / elapsed);

  /* The same through SPNEGO, as HTTP Negotiate establishes them.  */
  n = 0;
  start = now ();
  do
    {
      if (establish_mech (&spnego, target, &ictx, &actx) != 0)
	{
	  fprintf (stderr, "bench: SPNEGO is not available\n");
	  break;
	}
      gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
      gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);
      n++;
      elapsed = now () - start;
    }
  while (elapsed < seconds);
  if (n > 0)
    printf ("establish-spnego 0 %.1f ctx/s\n", n / elapsed);
  gss_release_name (&minor, &target);
  return 0;
}
