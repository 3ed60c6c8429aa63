/* check_msg.c - per-message tokens between two of our own contexts in
   a throwaway realm (tests/realm-checks.sh), RFC 4121 ones or, for
   des3 and arcfour session keys, RFC 1964 / RFC 4757 ones: round
   trips, every change (each bit; each value of a header octet) and
   truncation refused, replay and
   sequence detection, QOP, exact wrap_size_limit, RRC, transfer. */
#include "realm-pair.h"

static OM_uint32 minor;

/* The realm's forced enctype, when it makes pre-RFC 4121 tokens. */
static bool
legacy_tokens (void)
{
  const char *e = getenv ("REALM_ENCTYPE");

  return e && (strncmp (e, "des3-", 5) == 0 || strncmp (e, "arcfour-", 8) == 0);
}

/* Where an RFC 4757 token's sequence number sits: after the framing
   (13 octets for tokens this short), TOK_ID and the 6 octets of
   algorithms and filler; its first four octets are the number. */
static bool
rc4_seq_number_octet (size_t i)
{
  const char *e = getenv ("REALM_ENCTYPE");

  return e && strncmp (e, "arcfour-", 8) == 0 && i >= 21 && i < 25;
}

static struct pair
establish (OM_uint32 flags)
{
  return pair_establish (flags | GSS_C_MUTUAL_FLAG);
}

static gss_buffer_desc
message (size_t len)
{
  gss_buffer_desc m = { len, malloc (len + 1) };
  size_t i;

  for (i = 0; i < len; i++)
    ((unsigned char *) m.value)[i] = (unsigned char) (i * 7 + 3);
  return m;
}

static const size_t sizes[] = { 0, 1, 15, 16, 17, 1000, 65536 };

START_TEST (test_round_trips)
{
  struct pair p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
  size_t i;
  int conf, dir;

  for (dir = 0; dir < 2; dir++)
    for (conf = 0; conf < 2; conf++)
      for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
	{
	  gss_ctx_id_t from = dir ? p.accept : p.init, to = dir ? p.init : p.accept;
	  gss_buffer_desc m = message (sizes[i]), tok, out;
	  int conf_state = -1;
	  gss_qop_t qop = 7;

	  ck_assert_uint_eq (gss_wrap (&minor, from, conf, GSS_C_QOP_DEFAULT, &m, &conf_state, &tok), GSS_S_COMPLETE);
	  ck_assert_int_eq (conf_state, conf);
	  conf_state = -1;
	  ck_assert_uint_eq (gss_unwrap (&minor, to, &tok, &out, &conf_state, &qop), GSS_S_COMPLETE);
	  ck_assert_int_eq (conf_state, conf);
	  ck_assert_uint_eq (qop, GSS_C_QOP_DEFAULT);
	  ck_assert_uint_eq (out.length, m.length);
	  ck_assert (m.length == 0 || memcmp (out.value, m.value, m.length) == 0);
	  /* A sealed token does not show its message. */
	  if (conf && m.length >= 16)
	    ck_assert (memmem (tok.value, tok.length, m.value, 16) == NULL);
	  gss_release_buffer (&minor, &tok);
	  gss_release_buffer (&minor, &out);

	  ck_assert_uint_eq (gss_get_mic (&minor, from, GSS_C_QOP_DEFAULT, &m, &tok), GSS_S_COMPLETE);
	  ck_assert_uint_eq (gss_verify_mic (&minor, to, &m, &tok, &qop), GSS_S_COMPLETE);
	  gss_release_buffer (&minor, &tok);
	  free (m.value);
	}
  pair_free (&p);
}
END_TEST

static gss_buffer_desc
token_of (struct pair *p, int kind, gss_buffer_t m)
{
  gss_buffer_desc tok;

  if (kind == 2)
    ck_assert_uint_eq (gss_get_mic (&minor, p->init, 0, m, &tok), GSS_S_COMPLETE);
  else
    ck_assert_uint_eq (gss_wrap (&minor, p->init, kind, 0, m, NULL, &tok), GSS_S_COMPLETE);
  return tok;
}

/* Where a per-message token's header ends: the 16 octets of RFC 4121;
   the framing (13 octets for short tokens), TOK_ID, SGN_ALG, SEAL_ALG,
   filler, SND_SEQ and SGN_CKSUM of RFC 1964 and RFC 4757. */
static size_t
header_length (void)
{
  return legacy_tokens () ? 13 + 24 : 16;
}

/* The framing of a legacy token: 0x60, its length, the 11 octets of
   the mechanism OID. */
static size_t
framing_length (const gss_buffer_desc *tok)
{
  const unsigned char *t = tok->value;

  return 2 + (t[1] < 0x80 ? 0 : (size_t) (t[1] & 0x7f)) + 11;
}

/* Whether octet I of a token of KIND lies in the RRC field of an RFC
   4121 Wrap token, which nothing protects (RFC 4121 section 4.2.5). */
static bool
rrc_octet (int kind, size_t i)
{
  return !legacy_tokens () && kind != 2 && (i == 6 || i == 7);
}

/* Every change of a token is refused, and the context stays usable
   afterwards: every value of each RFC 4121 header octet (TOK_ID, the
   flags Sealed, SentByAcceptor and AcceptorSubkey, filler, EC, RRC,
   SND_SEQ), every bit of every other octet; then every truncation.  A
   changed RRC may only rotate the token by its whole length. */
static void
check_tampering (struct pair *p, int kind)
{
  gss_buffer_desc m = message (40), tok, out, bad;
  unsigned char *copy;
  size_t i;
  unsigned v;
  OM_uint32 major;
  gss_qop_t qop;

  tok = token_of (p, kind, &m);
  copy = malloc (tok.length);
  for (i = 0; i < tok.length; i++)
    for (v = 1; v < 256; v++)
      {
	/* Every value in an RFC 4121 header, every bit elsewhere; one
	   change of an RFC 4757 sequence number (each costs a context). */
	if ((legacy_tokens () || i >= header_length ()) && (v & (v - 1)) != 0)
	  continue;
	if (rc4_seq_number_octet (i) && v != 1)
	  continue;
	memcpy (copy, tok.value, tok.length);
	copy[i] ^= (unsigned char) v;
	bad.value = copy;
	bad.length = tok.length;
	major = kind == 2 ? gss_verify_mic (&minor, p->accept, &m, &bad, &qop)
	  : gss_unwrap (&minor, p->accept, &bad, &out, NULL, NULL);
	/* RFC 4757 encrypts the sequence number with a stream cipher and
	   nothing authenticates it: a changed number is only caught by
	   sequence checking, as a token out of order.  (Sealed, the
	   message key depends on it and the checksum fails.) */
	if (!GSS_ERROR (major) && rc4_seq_number_octet (i) && kind != 1)
	  {
	    ck_assert_msg (major & (GSS_S_GAP_TOKEN | GSS_S_OLD_TOKEN | GSS_S_UNSEQ_TOKEN),
			   "octet %zu: major %#x", i, major);
	    if (kind == 0)
	      gss_release_buffer (&minor, &out);
	    /* The window moved: go on with a new pair and token. */
	    pair_free (p);
	    *p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
	    gss_release_buffer (&minor, &tok);
	    tok = token_of (p, kind, &m);
	    continue;
	  }
	if (!GSS_ERROR (major) && rrc_octet (kind, i))
	  {
	    /* The same message, and the window moved: a new pair. */
	    ck_assert_msg (out.length == m.length && memcmp (out.value, m.value, m.length) == 0,
			   "RRC octet %zu xor %#x: another message", i, v);
	    gss_release_buffer (&minor, &out);
	    pair_free (p);
	    *p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
	    gss_release_buffer (&minor, &tok);
	    tok = token_of (p, kind, &m);
	    continue;
	  }
	if (!GSS_ERROR (major))
	  ck_abort_msg ("octet %zu xor %#x was accepted (kind %d): major %#x", i, v, kind, major);
	if (GSS_ROUTINE_ERROR (major) != GSS_S_BAD_SIG
	    && GSS_ROUTINE_ERROR (major) != GSS_S_DEFECTIVE_TOKEN)
	  ck_abort_msg ("octet %zu xor %#x: major %#x", i, v, major);
	/* The header is checked before the checksum: a TOK_ID, a defined
	   flag (SentByAcceptor, Sealed, AcceptorSubkey), a filler or (no
	   confidentiality) an EC that does not fit the context makes a
	   defective token; so do an RFC 1964 / 4757 TOK_ID, SGN_ALG,
	   SEAL_ALG or filler. */
	if ((legacy_tokens ()
	     ? i >= framing_length (&tok) && i < framing_length (&tok) + 8
	     : (i < 2 || (i == 2 && (v & 0x07) != 0) || (i == 3 && kind != 2)
		|| (i >= 3 && i < 8 && kind == 2) || ((i == 4 || i == 5) && kind == 0)))
	    && major != GSS_S_DEFECTIVE_TOKEN)
	  ck_abort_msg ("header octet %zu xor %#x (kind %d): major %#x, not DEFECTIVE_TOKEN", i,
			v, kind, major);
      }
  for (i = 0; i < tok.length; i++)
    {
      bad.value = tok.value;
      bad.length = i;
      major = kind == 2 ? gss_verify_mic (&minor, p->accept, &m, &bad, &qop)
	: gss_unwrap (&minor, p->accept, &bad, &out, NULL, NULL);
      ck_assert_msg (GSS_ERROR (major), "truncation to %zu accepted", i);
    }
  /* Nor is one octet more, whatever it is. */
  copy = realloc (copy, tok.length + 1);
  memcpy (copy, tok.value, tok.length);
  bad.value = copy;
  bad.length = tok.length + 1;
  for (v = 0; v < 256; v += 85)
    {
      copy[tok.length] = (unsigned char) v;
      major = kind == 2 ? gss_verify_mic (&minor, p->accept, &m, &bad, &qop)
	: gss_unwrap (&minor, p->accept, &bad, &out, NULL, NULL);
      ck_assert_msg (GSS_ERROR (major), "one octet %#x appended was accepted (kind %d)", v, kind);
    }
  /* The genuine token still goes through: nothing above moved the
     sequence window. */
  major = kind == 2 ? gss_verify_mic (&minor, p->accept, &m, &tok, &qop)
    : gss_unwrap (&minor, p->accept, &tok, &out, NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_COMPLETE);
  if (kind != 2)
    gss_release_buffer (&minor, &out);
  /* A changed message fails a MIC. */
  if (kind == 2)
    {
      ((unsigned char *) m.value)[3] ^= 0x80;
      ck_assert_uint_eq (gss_verify_mic (&minor, p->accept, &m, &tok, &qop), GSS_S_BAD_SIG);
    }
  free (copy);
  free (m.value);
  gss_release_buffer (&minor, &tok);
}

START_TEST (test_tampering)
{
  struct pair p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);

  check_tampering (&p, 0);
  check_tampering (&p, 1);
  check_tampering (&p, 2);
  pair_free (&p);
}
END_TEST

START_TEST (test_wrong_direction)
{
  struct pair p = establish (0);
  gss_buffer_desc m = message (5), tok, out;

  ck_assert_uint_eq (gss_wrap (&minor, p.init, 1, 0, &m, NULL, &tok), GSS_S_COMPLETE);
  /* RFC 4121 headers say who sent them; RFC 1964 ones hide it in the
     encrypted sequence number, found only once the checksum passed. */
  if (legacy_tokens ())
    {
      ck_assert_uint_eq (gss_unwrap (&minor, p.init, &tok, &out, NULL, NULL), GSS_S_BAD_SIG);
      ck_assert_uint_eq (minor, 19);
    }
  else
    ck_assert_uint_eq (gss_unwrap (&minor, p.init, &tok, &out, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  gss_release_buffer (&minor, &tok);
  free (m.value);
  pair_free (&p);
}
END_TEST

static gss_buffer_desc
wrap_n (gss_ctx_id_t ctx, int n)
{
  gss_buffer_desc m = message ((size_t) n), tok;

  ck_assert_uint_eq (gss_wrap (&minor, ctx, 0, 0, &m, NULL, &tok), GSS_S_COMPLETE);
  free (m.value);
  return tok;
}

START_TEST (test_sequence)
{
  struct pair p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
  gss_buffer_desc t[70];
  int i;

  for (i = 0; i < 70; i++)
    t[i] = wrap_n (p.init, i);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[0]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[0]), GSS_S_DUPLICATE_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[2]), GSS_S_GAP_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[1]), GSS_S_UNSEQ_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[3]), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[69]), GSS_S_GAP_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[4]), GSS_S_OLD_TOKEN);
  /* The window's edge: 64 behind the newest is too old, 63 is not. */
  ck_assert_uint_eq (unwrap_status (p.accept, &t[5]), GSS_S_OLD_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[6]), GSS_S_UNSEQ_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[68]), GSS_S_UNSEQ_TOKEN);
  ck_assert_uint_eq (unwrap_status (p.accept, &t[68]), GSS_S_DUPLICATE_TOKEN);
  for (i = 0; i < 70; i++)
    gss_release_buffer (&minor, &t[i]);
  pair_free (&p);
}
END_TEST

START_TEST (test_replay_only_and_none)
{
  struct pair replay = establish (GSS_C_REPLAY_FLAG);
  struct pair none = establish (0);
  gss_buffer_desc a = wrap_n (replay.init, 1), b = wrap_n (replay.init, 2);
  gss_buffer_desc c = wrap_n (none.init, 1), d = wrap_n (none.init, 2);

  /* Replay detection alone reports duplicates, not order. */
  ck_assert_uint_eq (unwrap_status (replay.accept, &b), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (replay.accept, &a), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (replay.accept, &a), GSS_S_DUPLICATE_TOKEN);
  /* Neither: anything goes. */
  ck_assert_uint_eq (unwrap_status (none.accept, &d), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (none.accept, &c), GSS_S_COMPLETE);
  ck_assert_uint_eq (unwrap_status (none.accept, &c), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &a);
  gss_release_buffer (&minor, &b);
  gss_release_buffer (&minor, &c);
  gss_release_buffer (&minor, &d);
  pair_free (&replay);
  pair_free (&none);
}
END_TEST

START_TEST (test_qop)
{
  struct pair p = establish (0);
  gss_buffer_desc m = message (4), tok;
  OM_uint32 max;

  ck_assert_uint_eq (gss_wrap (&minor, p.init, 1, 1, &m, NULL, &tok), GSS_S_BAD_QOP);
  ck_assert_uint_eq (gss_get_mic (&minor, p.init, 5, &m, &tok), GSS_S_BAD_QOP);
  ck_assert_uint_eq (gss_wrap_size_limit (&minor, p.init, 1, 3, 100, &max), GSS_S_BAD_QOP);
  free (m.value);
  pair_free (&p);
}
END_TEST

START_TEST (test_wrap_size_limit)
{
  struct pair p = establish (0);
  /* 62 to 77: every remainder of the legacy tokens' 8-octet steps. */
  static const OM_uint32 requests[] = { 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73,
    74, 75, 76, 77, 100, 1000, 1500, 4096, 65535
  };
  size_t i;
  int conf;

  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof requests / sizeof requests[0]; i++)
      {
	OM_uint32 max;
	gss_buffer_desc m, tok;
	size_t empty;

	m = message (0);
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	empty = tok.length;
	gss_release_buffer (&minor, &tok);
	free (m.value);
	ck_assert_uint_eq (gss_wrap_size_limit (&minor, p.init, conf, 0, requests[i], &max), GSS_S_COMPLETE);
	m = message (max);
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	/* When not even an empty message fits, the limit is 0. */
	if (empty <= requests[i])
	  ck_assert_uint_le (tok.length, requests[i]);
	else
	  ck_assert_uint_eq (max, 0);
	gss_release_buffer (&minor, &tok);
	free (m.value);
	m = message (max + 1);
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	ck_assert_uint_gt (tok.length, requests[i]);
	gss_release_buffer (&minor, &tok);
	free (m.value);
      }
  pair_free (&p);
}
END_TEST

/* A peer may rotate the token body (RRC, RFC 4121 section 4.2.5);
   Windows sends 28. */
START_TEST (test_rrc_accepted)
{
  struct pair p;
  static const size_t rotations[] = { 28, 12, 1, 60 };
  size_t r;
  int conf;

  /* Only RFC 4121 tokens rotate. */
  if (legacy_tokens ())
    return;
  p = establish (GSS_C_SEQUENCE_FLAG);

  for (conf = 0; conf < 2; conf++)
    for (r = 0; r < sizeof rotations / sizeof rotations[0]; r++)
      {
	gss_buffer_desc m = message (50), tok, out;
	unsigned char *t, *rotated;
	size_t body, rrc = rotations[r];

	ck_assert_uint_eq (gss_wrap (&minor, p.accept, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	t = tok.value;
	body = tok.length - 16;
	rotated = malloc (body);
	/* Rotate right by rrc: the last rrc octets come first. */
	memcpy (rotated, t + 16 + body - rrc, rrc);
	memcpy (rotated + rrc, t + 16, body - rrc);
	memcpy (t + 16, rotated, body);
	t[6] = (unsigned char) (rrc >> 8);
	t[7] = (unsigned char) rrc;
	ck_assert_msg (gss_unwrap (&minor, p.init, &tok, &out, NULL, NULL) == GSS_S_COMPLETE,
		       "conf %d rrc %zu body %zu", conf, rrc, body);
	ck_assert_uint_eq (out.length, 50);
	ck_assert (memcmp (out.value, m.value, 50) == 0);
	gss_release_buffer (&minor, &out);
	gss_release_buffer (&minor, &tok);
	free (rotated);
	free (m.value);
      }
  pair_free (&p);
}
END_TEST

/* RRC may exceed the body: the receiver undoes the count modulo the
   body length (Heimdal 7.8 rotates an empty integrity-only body by the
   body's own length).  The rotation here is computed octet by octet
   from the count, not as the library undoes it. */
static void
rotate_token (gss_buffer_t tok, size_t rrc)
{
  unsigned char *t = tok->value, *rotated;
  size_t body = tok->length - 16, i;

  rotated = malloc (body + 1);
  for (i = 0; i < body; i++)
    rotated[(i + rrc) % body] = t[16 + i];
  memcpy (t + 16, rotated, body);
  t[6] = (unsigned char) (rrc >> 8);
  t[7] = (unsigned char) rrc;
  free (rotated);
}

START_TEST (test_rrc_any_count)
{
  static const size_t lengths[] = { 0, 1, 17 };
  struct pair p;
  size_t l, k, r, tried = 0;
  int conf;

  if (legacy_tokens ())
    return;
  p = establish (0);
  for (conf = 0; conf < 2; conf++)
    for (l = 0; l < sizeof lengths / sizeof lengths[0]; l++)
      for (k = 0; k < 5; k++)
	for (r = 0; r < 3; r++)
	  {
	    gss_buffer_desc m = message (lengths[l]), tok, out;
	    size_t body, rrc;
	    int conf_state = -1;

	    ck_assert_uint_eq (gss_wrap (&minor, p.accept, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	    body = tok.length - 16;
	    /* k 0 to 3, then the largest multiple that fits 16 bits; r
	       0, 1 and body - 1. */
	    rrc = (k < 4 ? k : 65535 / body - 1) * body
	      + (r == 0 ? 0 : r == 1 ? 1 : body - 1);
	    rotate_token (&tok, rrc);
	    ck_assert_msg (gss_unwrap (&minor, p.init, &tok, &out, &conf_state, NULL) == GSS_S_COMPLETE,
			   "conf %d length %zu body %zu rrc %zu refused", conf, lengths[l], body, rrc);
	    ck_assert_int_eq (conf_state, conf);
	    ck_assert_uint_eq (out.length, m.length);
	    ck_assert (m.length == 0 || memcmp (out.value, m.value, m.length) == 0);
	    gss_release_buffer (&minor, &out);
	    gss_release_buffer (&minor, &tok);
	    free (m.value);
	    tried++;
	  }
  ck_assert_uint_eq (tried, 2 * 3 * 5 * 3);

  /* A header and no body: nothing to rotate, and still no token. */
  for (conf = 0; conf < 2; conf++)
    for (r = 0; r < 3; r++)
      {
	gss_buffer_desc m = message (0), tok, out = GSS_C_EMPTY_BUFFER;
	unsigned char *t;

	ck_assert_uint_eq (gss_wrap (&minor, p.accept, conf, 0, &m, NULL, &tok), GSS_S_COMPLETE);
	t = tok.value;
	t[6] = (unsigned char) ((r * 40000) >> 8);
	t[7] = (unsigned char) (r * 40000 + r);
	tok.length = 16;
	ck_assert_uint_eq (gss_unwrap (&minor, p.init, &tok, &out, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
	ck_assert_uint_eq (out.length, 0);
	gss_release_buffer (&minor, &tok);
	free (m.value);
      }
  pair_free (&p);
}
END_TEST

START_TEST (test_incomplete_context)
{
  gss_buffer_desc name = unit_buf ("host@localhost"), first, m = message (3), tok;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_name_t target;

  gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &first, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_get_mic (&minor, ctx, 0, &m, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (minor, GSS_KRB5_S_KG_CTX_INCOMPLETE);
  ck_assert_uint_eq (gss_wrap (&minor, ctx, 1, 0, &m, NULL, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_export_sec_context (&minor, &ctx, &tok), GSS_S_UNAVAILABLE);
  ck_assert_ptr_ne (ctx, GSS_C_NO_CONTEXT);
  gss_delete_sec_context (&minor, &ctx, NULL);
  gss_release_buffer (&minor, &first);
  gss_release_name (&minor, &target);
  free (m.value);
}
END_TEST

START_TEST (test_transfer_in_process)
{
  struct pair p = establish (GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG);
  gss_buffer_desc blob, t1 = wrap_n (p.init, 10), t2, damaged;
  OM_uint32 flags;
  unsigned char *copy;
  size_t i;

  ck_assert_uint_eq (gss_inquire_context (&minor, p.accept, NULL, NULL, NULL, NULL, &flags, NULL, NULL),
		     GSS_S_COMPLETE);
  ck_assert (flags & GSS_C_TRANS_FLAG);
  ck_assert_uint_eq (unwrap_status (p.accept, &t1), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_export_sec_context (&minor, &p.accept, &blob), GSS_S_COMPLETE);
  ck_assert_ptr_eq (p.accept, GSS_C_NO_CONTEXT);

  /* Damaged copies are refused without a crash. */
  copy = malloc (blob.length);
  for (i = 0; i < blob.length; i++)
    {
      gss_ctx_id_t c = GSS_C_NO_CONTEXT;
      damaged.value = blob.value;
      damaged.length = i;
      ck_assert (GSS_ERROR (gss_import_sec_context (&minor, &damaged, &c)));
      ck_assert_ptr_eq (c, GSS_C_NO_CONTEXT);
    }
  memcpy (copy, blob.value, blob.length);
  copy[4] ^= 0xff;
  damaged.value = copy;
  damaged.length = blob.length;
  ck_assert (GSS_ERROR (gss_import_sec_context (&minor, &damaged, &p.accept)));
  free (copy);
  /* The Kerberos mechanism's own part ("LGK5", a format version, a
     role): another version, or a role bit it does not define. */
  {
    const unsigned char *magic = memmem (blob.value, blob.length, "LGK5", 4);
    size_t at, k;

    ck_assert_ptr_nonnull (magic);
    at = (size_t) (magic - (const unsigned char *) blob.value);
    ck_assert_uint_ge (blob.length, at + 6);
    for (k = 4; k < 6; k++)
      {
	copy = malloc (blob.length);
	memcpy (copy, blob.value, blob.length);
	copy[at + k] ^= 0x80;
	damaged.value = copy;
	damaged.length = blob.length;
	ck_assert_msg (GSS_ERROR (gss_import_sec_context (&minor, &damaged, &p.accept)),
		       "octet %zu of the blob changed was imported", k);
	ck_assert_ptr_eq (p.accept, GSS_C_NO_CONTEXT);
	free (copy);
      }
  }
  /* One octet more than the context is refused too. */
  copy = malloc (blob.length + 1);
  memcpy (copy, blob.value, blob.length);
  copy[blob.length] = 0;
  damaged.value = copy;
  damaged.length = blob.length + 1;
  ck_assert (GSS_ERROR (gss_import_sec_context (&minor, &damaged, &p.accept)));
  ck_assert_ptr_eq (p.accept, GSS_C_NO_CONTEXT);
  free (copy);

  ck_assert_uint_eq (gss_import_sec_context (&minor, &blob, &p.accept), GSS_S_COMPLETE);
  /* Sequence state came along: the old token is a duplicate. */
  ck_assert_uint_eq (unwrap_status (p.accept, &t1), GSS_S_DUPLICATE_TOKEN);
  t2 = wrap_n (p.init, 20);
  ck_assert_uint_eq (unwrap_status (p.accept, &t2), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &t2);
  t2 = wrap_n (p.accept, 30);
  ck_assert_uint_eq (unwrap_status (p.init, &t2), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &t2);
  gss_release_buffer (&minor, &t1);
  gss_release_buffer (&minor, &blob);
  pair_free (&p);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("msg");
  TCase *tc = tcase_create ("per-message");

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_msg: run through tests/kdc/realm.sh run\n");
      exit (77);
    }
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_round_trips);
  tcase_add_test (tc, test_tampering);
  tcase_add_test (tc, test_wrong_direction);
  tcase_add_test (tc, test_sequence);
  tcase_add_test (tc, test_replay_only_and_none);
  tcase_add_test (tc, test_qop);
  tcase_add_test (tc, test_wrap_size_limit);
  tcase_add_test (tc, test_rrc_accepted);
  tcase_add_test (tc, test_rrc_any_count);
  tcase_add_test (tc, test_incomplete_context);
  tcase_add_test (tc, test_transfer_in_process);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
