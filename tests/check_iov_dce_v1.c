/* check_iov_dce_v1.c - gss_wrap_iov, gss_unwrap_iov and
   gss_wrap_iov_length in GSS_C_DCE_STYLE contexts whose tokens are
   those of RFC 1964 (des3-cbc-sha1) and RFC 4757 (arcfour-hmac), laid
   out as MIT lays them for DCE/RPC: no padding added (the caller pads
   its stub), a PADDING buffer optional, no trailer, and the RFC 2743
   framing counting the HEADER alone.  Runs in the triple-DES and
   arcfour realms (tests/iov-dce-v1.sh); elsewhere it skips. */
#include "realm-pair.h"

#define KRB5_BAD_MSIZE_CODE ((OM_uint32) -1765328194L)

static OM_uint32 minor;

static bool
arcfour (void)
{
  return strncmp (getenv ("REALM_ENCTYPE"), "arcfour-", 8) == 0;
}

/* The HEADER of a DCE-style v1 token: the framing (0x60, one length
   octet, the OID), TOK_ID, SGN_ALG to SND_SEQ, the checksum, the
   confounder. */
static size_t
dce_header_len (void)
{
  return 2 + 11 + 2 + 14 + (arcfour () ? 8 : 20) + 8;
}

/* The three legs of a DCE-style exchange (check_iov.c checks the
   tokens themselves). */
static struct pair
dce_establish (void)
{
  struct pair p = { GSS_C_NO_CONTEXT, GSS_C_NO_CONTEXT };
  gss_buffer_desc name = unit_buf ("host@localhost"), first, reply, last, none;
  gss_name_t target;
  OM_uint32 flags = 0, aflags = 0, req = GSS_C_DCE_STYLE | GSS_C_REPLAY_FLAG
    | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					   req, 0, NULL, NULL, NULL, &first, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &first, NULL,
					     NULL, NULL, &reply, NULL, NULL, NULL), GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					   req, 0, NULL, &reply, NULL, &last, &flags, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &last, NULL,
					     NULL, NULL, &none, &aflags, NULL, NULL), GSS_S_COMPLETE);
  ck_assert ((flags & aflags & GSS_C_DCE_STYLE) != 0);
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &last);
  gss_release_buffer (&minor, &none);
  gss_release_name (&minor, &target);
  return p;
}

static unsigned char *
message (size_t len, unsigned seed)
{
  unsigned char *m = malloc (len + 1);
  size_t i;

  for (i = 0; i < len; i++)
    m[i] = (unsigned char) (i * 11 + seed);
  return m;
}

static void
set (gss_iov_buffer_desc *b, OM_uint32 type, void *value, size_t length)
{
  b->type = type;
  b->buffer.value = value;
  b->buffer.length = length;
}

/* HEADER/PADDING/TRAILER: the header's length whatever the message's,
   the others 0; the PADDING may be left out. */
START_TEST (test_lengths)
{
  static const size_t lens[] = { 0, 8, 1000, 65536 };
  struct pair p = dce_establish ();
  gss_iov_buffer_desc iov[5];
  size_t i;
  int conf, state;

  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
      {
	set (&iov[0], GSS_IOV_BUFFER_TYPE_HEADER, NULL, 99);
	set (&iov[1], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, NULL, 7);
	set (&iov[2], GSS_IOV_BUFFER_TYPE_DATA, NULL, lens[i]);
	set (&iov[3], GSS_IOV_BUFFER_TYPE_PADDING, NULL, 99);
	set (&iov[4], GSS_IOV_BUFFER_TYPE_TRAILER, NULL, 99);
	state = -1;
	ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, conf, 0, &state, iov, 5), GSS_S_COMPLETE);
	ck_assert_int_eq (state, conf);
	ck_assert_uint_eq (iov[0].buffer.length, dce_header_len ());
	ck_assert_uint_eq (iov[3].buffer.length, 0);
	ck_assert_uint_eq (iov[4].buffer.length, 0);
	/* HEADER DATA only. */
	set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, NULL, lens[i]);
	iov[0].buffer.length = 0;
	ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.accept, conf, 0, NULL, iov, 2), GSS_S_COMPLETE);
	ck_assert_uint_eq (iov[0].buffer.length, dce_header_len ());
      }
  pair_free (&p);
}
END_TEST

/* Layouts of a wrap: HEADER DATA; HEADER DATA PADDING TRAILER;
   HEADER SIGN DATA SIGN DATA PADDING; HEADER and PADDING to allocate
   (the PADDING, empty, is not). */
enum { L_BARE, L_FULL, L_SIGN, L_ALLOC, L_COUNT };

struct wrapped
{
  gss_iov_buffer_desc iov[7];
  int n;
  unsigned char header[100], pad[8], trailer[8];
  unsigned char assoc1[3], assoc2[21];
};

static void
build (struct wrapped *w, int layout, unsigned char *m, size_t len)
{
  size_t a = len / 3;
  int n = 0;

  memset (w, 0, sizeof *w);
  memcpy (w->assoc1, "RPC", 3);
  memset (w->assoc2, 0x5a, sizeof w->assoc2);
  if (layout == L_ALLOC)
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  else
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_HEADER, w->header, sizeof w->header);
  if (layout == L_SIGN)
    {
      set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, w->assoc1, sizeof w->assoc1);
      set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, a);
      set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, w->assoc2, sizeof w->assoc2);
      set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m + a, len - a);
    }
  else
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, len);
  if (layout == L_FULL || layout == L_SIGN)
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_PADDING, w->pad, sizeof w->pad);
  if (layout == L_FULL)
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_TRAILER, w->trailer, sizeof w->trailer);
  if (layout == L_ALLOC)
    set (&w->iov[n++], GSS_IOV_BUFFER_TYPE_PADDING | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  w->n = n;
}

static gss_iov_buffer_desc *
find (struct wrapped *w, OM_uint32 type)
{
  int i;

  for (i = 0; i < w->n; i++)
    if (GSS_IOV_BUFFER_TYPE (w->iov[i].type) == type)
      return &w->iov[i];
  return NULL;
}

START_TEST (test_round_trips)
{
  static const size_t lens[] = { 0, 1, 8, 15, 16, 17, 1000, 65536 };
  struct pair p = dce_establish ();
  size_t i;
  int dir, conf, layout;

  for (dir = 0; dir < 2; dir++)
    for (conf = 0; conf < 2; conf++)
      for (layout = 0; layout < L_COUNT; layout++)
	for (i = 0; i < sizeof lens / sizeof lens[0]; i++)
	  {
	    gss_ctx_id_t from = dir ? p.accept : p.init, to = dir ? p.init : p.accept;
	    size_t len = lens[i];
	    unsigned char *m = message (len, 1), *orig = message (len, 1), *h;
	    gss_iov_buffer_desc *hd, *pd, *td;
	    struct wrapped w;
	    int state = -1;
	    gss_qop_t qop = 7;

	    /* Triple DES: the caller pads to whole blocks. */
	    if (!arcfour () && len % 8 != 0)
	      {
		free (m);
		free (orig);
		continue;
	      }
	    build (&w, layout, m, len);
	    ck_assert_msg (gss_wrap_iov (&minor, from, conf, 0, &state, w.iov, w.n) == GSS_S_COMPLETE,
			   "wrap_iov layout %d conf %d len %zu: minor %u", layout, conf, len, minor);
	    ck_assert_int_eq (state, conf);
	    hd = find (&w, GSS_IOV_BUFFER_TYPE_HEADER);
	    pd = find (&w, GSS_IOV_BUFFER_TYPE_PADDING);
	    td = find (&w, GSS_IOV_BUFFER_TYPE_TRAILER);
	    ck_assert_uint_eq (hd->buffer.length, dce_header_len ());
	    ck_assert (pd == NULL || pd->buffer.length == 0);
	    ck_assert (td == NULL || td->buffer.length == 0);
	    if (layout == L_ALLOC)
	      {
		ck_assert (hd->type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
		ck_assert (!(pd->type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
	      }
	    /* The framing counts the header only; TOK_ID 02 01; SEAL_ALG
	       ffff when not sealed. */
	    h = hd->buffer.value;
	    ck_assert_uint_eq (h[0], 0x60);
	    ck_assert_uint_eq (h[1], dce_header_len () - 2);
	    ck_assert (h[13] == 0x02 && h[14] == 0x01);
	    ck_assert_int_eq (h[17] == 0xff && h[18] == 0xff, !conf);
	    if (conf && len >= 8)
	      ck_assert (memcmp (m, orig, len) != 0);
	    if (!conf)
	      ck_assert (len == 0 || memcmp (m, orig, len) == 0);
	    ck_assert_msg (gss_unwrap_iov (&minor, to, &state, &qop, w.iov, w.n) == GSS_S_COMPLETE,
			   "unwrap_iov layout %d conf %d len %zu: minor %u", layout, conf, len, minor);
	    ck_assert_int_eq (state, conf);
	    ck_assert_uint_eq (qop, GSS_C_QOP_DEFAULT);
	    /* Nothing is taken off the DATA: there is no padding. */
	    if (layout == L_SIGN)
	      ck_assert_uint_eq (w.iov[2].buffer.length + w.iov[4].buffer.length, len);
	    else
	      ck_assert_uint_eq (w.iov[1].buffer.length, len);
	    ck_assert (len == 0 || memcmp (m, orig, len) == 0);
	    gss_release_iov_buffer (&minor, w.iov, w.n);
	    free (m);
	    free (orig);
	  }
  pair_free (&p);
}
END_TEST

/* Triple DES: DATA that does not fill whole blocks is refused before
   anything is allocated or encrypted (MIT: KRB5_BAD_MSIZE). */
START_TEST (test_unpadded)
{
  struct pair p;
  unsigned char m[15], pad[8];
  gss_iov_buffer_desc iov[3];

  if (arcfour ())
    return;
  p = dce_establish ();
  memcpy (m, "fifteen octets.", 15);
  set (&iov[0], GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_PADDING, pad, sizeof pad);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_FAILURE);
  ck_assert_uint_eq (minor, KRB5_BAD_MSIZE_CODE);
  ck_assert (!(iov[0].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  ck_assert (memcmp (m, "fifteen octets.", 15) == 0);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 0, 0, NULL, iov, 2), GSS_S_FAILURE);
  pair_free (&p);
}
END_TEST

/* A sealed token of 16 octets with a SIGN_ONLY, from P.INIT, into W
   (HEADER SIGN DATA). */
static void
wrap16 (struct pair *p, struct wrapped *w, unsigned char *m)
{
  memcpy (m, "sixteen octets!!", 16);
  memset (w, 0, sizeof *w);
  memcpy (w->assoc1, "RPC", 3);
  set (&w->iov[0], GSS_IOV_BUFFER_TYPE_HEADER, w->header, sizeof w->header);
  set (&w->iov[1], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, w->assoc1, sizeof w->assoc1);
  set (&w->iov[2], GSS_IOV_BUFFER_TYPE_DATA, m, 16);
  w->n = 3;
  ck_assert_uint_eq (gss_wrap_iov (&minor, p->init, 1, 0, NULL, w->iov, w->n), GSS_S_COMPLETE);
}

START_TEST (test_tampering)
{
  struct pair p = dce_establish ();
  struct wrapped w;
  unsigned char m[16], copy[100], *h;
  gss_iov_buffer_desc iov[4];
  gss_buffer_desc tok, out;
  size_t hl = dce_header_len ();

  h = w.header;
  /* A changed octet of DATA, of a SIGN_ONLY, of the checksum. */
  wrap16 (&p, &w, m);
  m[5] ^= 1;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_BAD_SIG);
  wrap16 (&p, &w, m);
  w.assoc1[0] ^= 1;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_BAD_SIG);
  wrap16 (&p, &w, m);
  h[hl - 9] ^= 0x80;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_BAD_SIG);

  /* A HEADER one octet short, or its framing counting the message as
     a gss_wrap token's would: defective. */
  wrap16 (&p, &w, m);
  memcpy (copy, h, hl);
  w.iov[0].buffer.length = hl - 1;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_DEFECTIVE_TOKEN);
  w.iov[0].buffer.length = hl;
  h[1] = (unsigned char) (hl - 2 + 16);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_DEFECTIVE_TOKEN);
  /* A TRAILER with octets: defective.  A STREAM: refused, as by MIT. */
  memcpy (h, copy, hl);
  set (&w.iov[3], GSS_IOV_BUFFER_TYPE_TRAILER, w.trailer, 1);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, 4), GSS_S_DEFECTIVE_TOKEN);
  /* Neither MIT nor we take the HEADER and DATA put end to end with
     gss_unwrap: the framing does not count the message. */
  tok.length = hl + 16;
  tok.value = malloc (tok.length);
  memcpy (tok.value, h, hl);
  memcpy ((unsigned char *) tok.value + hl, m, 16);
  ck_assert_uint_eq (gss_unwrap (&minor, p.accept, &tok, &out, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  set (&iov[0], GSS_IOV_BUFFER_TYPE_STREAM, tok.value, tok.length);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, NULL, 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_FAILURE);
  free (tok.value);
  /* Untouched, it is fine (the first taken, after three refused);
     again, a duplicate. */
  memcpy (copy + hl, m, 16);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_GAP_TOKEN);
  ck_assert (memcmp (m, "sixteen octets!!", 16) == 0);
  memcpy (h, copy, hl);		/* the confounder, decrypted in place */
  memcpy (m, copy + hl, 16);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n), GSS_S_DUPLICATE_TOKEN);
  pair_free (&p);
}
END_TEST

/* The receiver's PADDING is more message, left as it is (MIT's too);
   a gss_wrap token, framed over its message, is no DCE-style IOV
   token; gss_wrap and gss_unwrap still work in such a context. */
START_TEST (test_receiver_layouts)
{
  struct pair p = dce_establish ();
  unsigned char m[16], orig[16], hb[100];
  gss_iov_buffer_desc iov[3];
  gss_buffer_desc in = { 16, orig }, tok, out;
  size_t hl = dce_header_len ();
  int conf;

  for (conf = 0; conf < 2; conf++)
    {
      memcpy (orig, "0123456789abcdef", 16);
      memcpy (m, orig, 16);
      set (&iov[0], GSS_IOV_BUFFER_TYPE_HEADER, hb, sizeof hb);
      set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, m, 16);
      ck_assert_uint_eq (gss_wrap_iov (&minor, p.accept, conf, 0, NULL, iov, 2), GSS_S_COMPLETE);
      set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, m, 8);
      set (&iov[2], GSS_IOV_BUFFER_TYPE_PADDING, m + 8, 8);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.init, NULL, NULL, iov, 3), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, 8);
      ck_assert_uint_eq (iov[2].buffer.length, 8);
      ck_assert (memcmp (m, orig, 16) == 0);

      ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
      ck_assert_uint_gt (tok.length, hl + 16);
      set (&iov[0], GSS_IOV_BUFFER_TYPE_HEADER, tok.value, hl);
      set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, (unsigned char *) tok.value + hl, tok.length - hl);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_DEFECTIVE_TOKEN);
      ck_assert_uint_eq (gss_unwrap (&minor, p.accept, &tok, &out, NULL, NULL), GSS_S_COMPLETE);
      ck_assert (out.length == 16 && memcmp (out.value, orig, 16) == 0);
      gss_release_buffer (&minor, &out);
      gss_release_buffer (&minor, &tok);
    }
  pair_free (&p);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("iov_dce_v1");
  TCase *tc = tcase_create ("iov_dce_v1");
  const char *e = getenv ("REALM_ENCTYPE");

  if (getenv ("REALM_USER") == NULL || e == NULL
      || (strncmp (e, "des3-", 5) != 0 && strncmp (e, "arcfour-", 8) != 0))
    {
      fprintf (stderr, "check_iov_dce_v1: run through tests/kdc/realm.sh run"
	       " -e des3-cbc-sha1 (or arcfour-hmac)\n");
      exit (77);
    }
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_lengths);
  tcase_add_test (tc, test_round_trips);
  tcase_add_test (tc, test_unpadded);
  tcase_add_test (tc, test_tampering);
  tcase_add_test (tc, test_receiver_layouts);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
