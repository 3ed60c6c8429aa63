/* bench.c - per-message and context-establishment speed of a GSS-API
 * library, built once against libgss and once against MIT's
 * libgssapi_krb5 (BENCH_MIT) from this one source.
 *
 * Runs in the environment of a throwaway realm (tests/kdc/realm.sh):
 * establishes a context in-process with the service named on the
 * command line, then prints one line per measurement (the last two:
 * Kerberos and SPNEGO establishments, mutual, per second):
 *   <what> <message size> <value> <unit>
 * The raw libcrypto ceiling (AES-CBC plus HMAC over the same sizes) is
 * measured by the libgss build only.
 */
#ifdef BENCH_MIT
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#define MECH ((gss_OID) gss_mech_krb5)
#else
#include <gss.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#define MECH GSS_KRB5
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
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
/* What libcrypto alone does for one wrap and unwrap: AES-CBC encrypt
   and HMAC, then AES-CBC decrypt and HMAC, over the message. */
static double
ceiling (const char *cipher_name, const char *digest_name, size_t size,
	 double seconds)
{
  EVP_CIPHER *cipher = EVP_CIPHER_fetch (NULL, cipher_name, NULL);
  EVP_MD *md = EVP_MD_fetch (NULL, digest_name, NULL);
  EVP_CIPHER_CTX *enc = EVP_CIPHER_CTX_new (), *dec = EVP_CIPHER_CTX_new ();
  unsigned char key[32] = { 1 }, iv[16] = { 0 }, mac[64];
  size_t padded = (size + 15) / 16 * 16;
  unsigned char *buf = calloc (1, padded + 16);
  unsigned int maclen;
  double start, elapsed;
  long rounds = 0;
  int outl;

  EVP_EncryptInit_ex (enc, cipher, NULL, key, iv);
  EVP_CIPHER_CTX_set_padding (enc, 0);
  EVP_DecryptInit_ex (dec, cipher, NULL, key, iv);
  EVP_CIPHER_CTX_set_padding (dec, 0);
  start = now ();
  do
    {
      EVP_EncryptInit_ex (enc, NULL, NULL, NULL, iv);
      EVP_EncryptUpdate (enc, buf, &outl, buf, (int) padded);
      HMAC (md, key, 32, buf, size, mac, &maclen);
      EVP_DecryptInit_ex (dec, NULL, NULL, NULL, iv);
      EVP_DecryptUpdate (dec, buf, &outl, buf, (int) padded);
      HMAC (md, key, 32, buf, size, mac, &maclen);
      rounds++;
      elapsed = now () - start;
    }
  while (elapsed < seconds);
  free (buf);
  EVP_CIPHER_CTX_free (enc);
  EVP_CIPHER_CTX_free (dec);
  EVP_CIPHER_free (cipher);
  EVP_MD_free (md);
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
      printf ("wrap+unwrap %zu %.1f MB/s\n", sizes[s],
	      throughput (wrap_round, ictx, actx, sizes[s], seconds));
      printf ("get_mic+verify_mic %zu %.1f MB/s\n", sizes[s],
	      throughput (mic_round, ictx, actx, sizes[s], seconds));
#ifndef BENCH_MIT
      if (argc > 3)
	printf ("ceiling %zu %.1f MB/s\n", sizes[s],
		ceiling (argv[3], argv[4], sizes[s], seconds));
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
