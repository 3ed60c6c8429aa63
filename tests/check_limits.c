/* check_limits.c - per-message calls at the limits of their numbers, in
   a throwaway realm (tests/limits.sh runs it once per token family):
   messages and tokens too long for libkrb5 refused before any octet is
   read, gss_wrap_size_limit never above what gss_wrap takes, sequence
   numbers across 2^32 (RFC 1964 / RFC 4757) and 2^64 (RFC 4121), and
   the thread-safety promise of gss_wrap_size_limit.  Real round trips
   past 2^31 and 2^32 octets need gigabytes: tests/large.c does those.

   The long buffers below claim lengths of gigabytes but point at a few
   octets: a call that read or copied them would crash or make memcheck
   report, so each refusal is known to come before the data is used. */
#include "realm-pair.h"
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

static OM_uint32 minor;

static const char *
enctype (void)
{
  const char *e = getenv ("REALM_ENCTYPE");
  return e ? e : "";
}

/* Session keys whose per-message cryptography is libkrb5's. */
static bool
libkrb5_path (void)
{
  return strncmp (enctype (), "camellia", 8) == 0
    || strncmp (enctype (), "des3-", 5) == 0
    || strncmp (enctype (), "arcfour-", 8) == 0;
}

static bool
v1_tokens (void)
{
  return strncmp (enctype (), "des3-", 5) == 0
    || strncmp (enctype (), "arcfour-", 8) == 0;
}

#define GiB2 ((size_t) 1 << 31)
#define GiB4 ((size_t) 1 << 32)

/* Lengths no libkrb5 path takes, and lengths no size_t sum can hold. */
static const size_t too_long_libkrb5[] = {
  GiB2 - 1, GiB2, GiB2 + 1, GiB4 - 1, GiB4, GiB4 + 17, SIZE_MAX
};
/* Tokens longer than any a libkrb5 path makes. */
static const size_t token_too_long[] = {
  GiB2, GiB2 + 1, GiB4 - 1, GiB4, GiB4 + 17, (size_t) PTRDIFF_MAX + 1, SIZE_MAX
};
static const size_t too_long_anywhere[] = { SIZE_MAX, SIZE_MAX - 16, SIZE_MAX - 100 };

static unsigned char few[64];

static void
refuse_message (struct pair *p, size_t len)
{
  gss_buffer_desc m = { len, few }, tok = { 5, few };
  gss_buffer_desc mic = GSS_C_EMPTY_BUFFER, small = { 3, few };
  int conf, conf_state = 7;

  /* Refused by the length check itself (GSS_KRB5_S_G_WRONG_SIZE), not
     by a later failure that would merely happen to say GSS_S_FAILURE. */
  for (conf = 0; conf < 2; conf++)
    {
      ck_assert_msg (gss_wrap (&minor, p->init, conf, 0, &m, &conf_state, &tok) == GSS_S_FAILURE,
		     "gss_wrap conf=%d of %zu octets not refused", conf, len);
      ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
      ck_assert_uint_eq (tok.length, 0);
      ck_assert_ptr_null (tok.value);
    }
  ck_assert_msg (gss_get_mic (&minor, p->init, 0, &m, &tok) == GSS_S_FAILURE,
		 "gss_get_mic of %zu octets not refused", len);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
  /* A genuine MIC over a short message, presented with the long one:
     the caller's message is what is wrong. */
  ck_assert_uint_eq (gss_get_mic (&minor, p->init, 0, &small, &mic), GSS_S_COMPLETE);
  ck_assert_msg (gss_verify_mic (&minor, p->accept, &m, &mic, NULL) == GSS_S_FAILURE,
		 "gss_verify_mic over %zu octets not refused", len);
  ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
  gss_release_buffer (&minor, &mic);
}

/* Messages longer than the path takes are refused with GSS_S_FAILURE
   and nothing read. */
START_TEST (test_long_messages_refused)
{
  struct pair p = pair_establish (0);
  size_t i;

  if (libkrb5_path ())
    for (i = 0; i < sizeof too_long_libkrb5 / sizeof too_long_libkrb5[0]; i++)
      refuse_message (&p, too_long_libkrb5[i]);
  for (i = 0; i < sizeof too_long_anywhere / sizeof too_long_anywhere[0]; i++)
    {
      gss_buffer_desc m = { too_long_anywhere[i], few }, tok;
      int conf;

      for (conf = 0; conf < 2; conf++)
	{
	  ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok), GSS_S_FAILURE);
	  ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
	}
      if (libkrb5_path ())
	{
	  ck_assert_uint_eq (gss_get_mic (&minor, p.init, 0, &m, &tok), GSS_S_FAILURE);
	  ck_assert_uint_eq (minor, GSS_KRB5_S_G_WRONG_SIZE);
	}
    }
  pair_free (&p);
}
END_TEST

/* A peer's token longer than any token of the path (or than any
   object): a defective token,
   refused before its body is copied or decrypted. */
START_TEST (test_long_tokens_refused)
{
  struct pair p = pair_establish (0);
  gss_buffer_desc m = { 10, few }, tok, big, out;
  unsigned char *copy;
  size_t i;
  int conf;
  OM_uint32 major;

  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof token_too_long / sizeof token_too_long[0]; i++)
      {
	/* libcrypto's path takes any length an object can have. */
	if (!libkrb5_path () && token_too_long[i] <= PTRDIFF_MAX)
	  continue;
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	/* The genuine header, a claimed length of gigabytes. */
	copy = malloc (tok.length);
	memcpy (copy, tok.value, tok.length);
	big.value = copy;
	big.length = token_too_long[i];
	major = gss_unwrap (&minor, p.accept, &big, &out, NULL, NULL);
	ck_assert_msg (major == GSS_S_DEFECTIVE_TOKEN,
		       "unwrap of a %zu-octet token: 0x%x", big.length, major);
	ck_assert_uint_eq (out.length, 0);
	free (copy);
	gss_release_buffer (&minor, &tok);
      }
  pair_free (&p);
}
END_TEST

/* gss_wrap takes whatever gss_wrap_size_limit allows, up to the most
   a token may carry (OM_uint32 sizes), and refuses one octet more where
   the path has a bound of its own. */
START_TEST (test_size_limit_matches_wrap)
{
  struct pair p = pair_establish (0);
  int conf;

  for (conf = 0; conf < 2; conf++)
    {
      OM_uint32 max = 0;
      gss_buffer_desc m = { 0, few }, tok;

      ck_assert_uint_eq (gss_wrap_size_limit (&minor, p.init, conf, 0, UINT32_MAX, &max),
			 GSS_S_COMPLETE);
      if (!libkrb5_path ())
	{
	  /* libcrypto's path has no bound below the request. */
	  ck_assert_uint_gt (max, UINT32_MAX - 100);
	  continue;
	}
      /* Below 2^31, and the next octet is refused before any is read. */
      ck_assert_uint_lt (max, GiB2);
      ck_assert_uint_gt (max, GiB2 - 100);
      /* Its token fits in 2^31 - 1 octets: the limit for that request
	 is the same. */
      {
	OM_uint32 within = 0;

	ck_assert_uint_eq (gss_wrap_size_limit (&minor, p.init, conf, 0, INT32_MAX, &within),
			   GSS_S_COMPLETE);
	ck_assert_uint_eq (within, max);
      }
      m.length = (size_t) max + 1;
      ck_assert_msg (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok) == GSS_S_FAILURE,
		     "gss_wrap conf=%d takes %zu, one past the limit", conf, m.length);
    }
  pair_free (&p);
}
END_TEST

/* The exported blob of a context: "LGK5", version and role (2), flags
   (4), end time (4), then send_seq, recv_seq, window next and seen, 8
   octets each (mech/krb5/export.c). */
static unsigned char *
blob_field (gss_buffer_t blob, size_t at)
{
  unsigned char *magic = memmem (blob->value, blob->length, "LGK5", 4);

  ck_assert_ptr_nonnull (magic);
  return magic + 14 + at;
}

static void
put_be64 (unsigned char *p, uint64_t v)
{
  int i;
  for (i = 7; i >= 0; i--, v >>= 8)
    p[i] = (unsigned char) v;
}

#define SEND_SEQ 0
#define WINDOW_NEXT 16
#define WINDOW_SEEN 24

/* A context pair whose initiator sends FIRST next and whose acceptor
   expects it, by way of export and import. */
static struct pair
pair_at (uint64_t first)
{
  struct pair p = pair_establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
  gss_buffer_desc bi, ba;

  ck_assert_uint_eq (gss_export_sec_context (&minor, &p.init, &bi), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_export_sec_context (&minor, &p.accept, &ba), GSS_S_COMPLETE);
  put_be64 (blob_field (&bi, SEND_SEQ), first);
  put_be64 (blob_field (&ba, WINDOW_NEXT), first);
  put_be64 (blob_field (&ba, WINDOW_SEEN), 0);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &bi, &p.init), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &ba, &p.accept), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &bi);
  gss_release_buffer (&minor, &ba);
  return p;
}

/* Sequence numbers wrap where the token field does: 2^32 for RFC 1964
   and RFC 4757, 2^64 for RFC 4121.  Across the wrap, in-order tokens are
   in order, a replay is a duplicate and a late one is out of order. */
START_TEST (test_sequence_wrap)
{
  uint64_t last = v1_tokens () ? UINT32_MAX : UINT64_MAX;
  struct pair p = pair_at (last - 2);
  gss_buffer_desc m = { 4, few }, t[8];
  int i;

  /* Numbers last - 2, last - 1, last, 0, 1, 2, 3, 4. */
  for (i = 0; i < 8; i++)
    ck_assert_uint_eq (gss_wrap (&minor, p.init, 0, 0, &m, NULL, &t[i]), GSS_S_COMPLETE);
  for (i = 0; i < 4; i++)
    ck_assert_msg (unwrap_status (p.accept, &t[i]) == GSS_S_COMPLETE,
		   "token %d of the wrap not in order", i);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[5]), GSS_S_GAP_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[6]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[7]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[3]), GSS_S_DUPLICATE_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[1]), GSS_S_DUPLICATE_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[4]), GSS_S_UNSEQ_TOKEN);
  for (i = 0; i < 8; i++)
    gss_release_buffer (&minor, &t[i]);
  pair_free (&p);

  /* Jumping across the wrap: a gap, then the skipped ones out of
     order, then the rest in order. */
  p = pair_at (last - 2);
  for (i = 0; i < 8; i++)
    ck_assert_uint_eq (gss_wrap (&minor, p.init, 0, 0, &m, NULL, &t[i]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[0]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[4]), GSS_S_GAP_TOKEN);
  for (i = 1; i < 4; i++)
    ck_assert_msg (unwrap_status (p.accept, &t[i]) == GSS_S_UNSEQ_TOKEN,
		   "token %d, late across the wrap", i);
  for (i = 5; i < 8; i++)
    ck_assert_uint_eq (unwrap_status (p.accept, &t[i]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[2]), GSS_S_DUPLICATE_TOKEN);
  for (i = 0; i < 8; i++)
    gss_release_buffer (&minor, &t[i]);
  pair_free (&p);
}
END_TEST

/* An imported RFC 1964 / RFC 4757 context cannot claim a number past
   32 bits. */
START_TEST (test_import_seq_bounds)
{
  struct pair p = pair_establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
  gss_buffer_desc bi;
  gss_ctx_id_t c = GSS_C_NO_CONTEXT;

  ck_assert_uint_eq (gss_export_sec_context (&minor, &p.init, &bi), GSS_S_COMPLETE);
  put_be64 (blob_field (&bi, SEND_SEQ), (uint64_t) UINT32_MAX + 1);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &bi, &c),
		     v1_tokens () ? GSS_S_DEFECTIVE_TOKEN : GSS_S_COMPLETE);
  gss_delete_sec_context (&minor, &c, GSS_C_NO_BUFFER);
  gss_release_buffer (&minor, &bi);
  pair_free (&p);
}
END_TEST

/* gss_wrap_size_limit only reads the context, so it may run while
   another thread wraps with it; helgrind (tests/limits.sh) watches. */
struct shared
{
  gss_ctx_id_t ctx;
  int rounds;
};

static void *
wrapper (void *arg)
{
  struct shared *s = arg;
  gss_buffer_desc m = { 16, few }, tok;
  OM_uint32 mn;
  int i;

  for (i = 0; i < s->rounds; i++)
    {
      if (gss_wrap (&mn, s->ctx, 1, 0, &m, NULL, &tok) != GSS_S_COMPLETE)
	return (void *) 1;
      gss_release_buffer (&mn, &tok);
    }
  return NULL;
}

START_TEST (test_size_limit_alongside_wrap)
{
  struct pair p = pair_establish (0);
  struct shared s = { p.init, 50 };
  pthread_t t;
  void *result;
  OM_uint32 mn, max, first = 0;
  int i;

  /* A fresh context: no key derived yet, as in the race this guards. */
  ck_assert_int_eq (pthread_create (&t, NULL, wrapper, &s), 0);
  for (i = 0; i < 50; i++)
    {
      ck_assert_uint_eq (gss_wrap_size_limit (&mn, p.init, 1, 0, 1000, &max), GSS_S_COMPLETE);
      if (i == 0)
	first = max;
      ck_assert_uint_eq (max, first);
    }
  ck_assert_int_eq (pthread_join (t, &result), 0);
  ck_assert_ptr_null (result);
  pair_free (&p);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("limits");
  TCase *tc = tcase_create ("limits");

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_limits: run through tests/kdc/realm.sh run\n");
      exit (77);
    }
  tcase_set_timeout (tc, 120);
  if (getenv ("LIMITS_THREADS_ONLY"))
    tcase_add_test (tc, test_size_limit_alongside_wrap);
  else
    {
      tcase_add_test (tc, test_long_messages_refused);
      tcase_add_test (tc, test_long_tokens_refused);
      tcase_add_test (tc, test_size_limit_matches_wrap);
      tcase_add_test (tc, test_sequence_wrap);
      tcase_add_test (tc, test_import_seq_bounds);
    }
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
