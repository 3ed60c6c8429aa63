/* check_iov.c - gss_wrap_iov, gss_unwrap_iov, gss_wrap_iov_length,
   gss_release_iov_buffer, gss_wrap_aead and gss_unwrap_aead between two
   of our own contexts in a throwaway realm (tests/realm-checks.sh):
   round trips over every layout (pieces that split cipher blocks,
   SIGN_ONLY, trailer rotated into the header, allocated parts), IOV
   tokens against gss_unwrap and gss_wrap tokens against gss_unwrap_iov,
   tampering, and the calling errors and malformed arrays.  In the
   triple-DES and arcfour realms the same round trips run with RFC 1964
   / RFC 4757 tokens, whose padding goes into a PADDING buffer. */
#include "realm-pair.h"
#include <sys/wait.h>
#include <unistd.h>

static OM_uint32 minor;

static bool
legacy_tokens (void)
{
  const char *e = getenv ("REALM_ENCTYPE");

  return e && (strncmp (e, "des3-", 5) == 0 || strncmp (e, "arcfour-", 8) == 0);
}

static struct pair
establish (void)
{
  return pair_establish (GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
			 | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG
			 | GSS_C_INTEG_FLAG);
}

static unsigned char *
message (size_t len, unsigned seed)
{
  unsigned char *m = malloc (len + 1);
  size_t i;

  for (i = 0; i < len; i++)
    m[i] = (unsigned char) (i * 7 + seed);
  return m;
}

static const size_t sizes[] = { 0, 1, 15, 16, 17, 31, 33, 1000, 65536 };

/* Layouts of a wrap: DATA in up to three pieces, SIGN_ONLY around them,
   a TRAILER or not, parts allocated by the library or not. */
enum
{
  L_PLAIN,			/* HEADER DATA TRAILER */
  L_SPLIT,			/* HEADER DATA DATA DATA TRAILER (odd cuts) */
  L_SIGN,			/* HEADER SIGN DATA SIGN DATA TRAILER */
  L_ROTATED,			/* HEADER DATA (trailer in the header) */
  L_ALLOC,			/* HEADER|ALLOCATE DATA TRAILER|ALLOCATE PADDING */
  L_COUNT
};

struct wrapped
{
  gss_iov_buffer_desc iov[8];
  int n;
  unsigned char *store;		/* the application's header and trailer room */
  unsigned char *msg;		/* the DATA octets, encrypted in place */
  unsigned char assoc1[5], assoc2[40];
  unsigned char pad[16];	/* the application's PADDING room */
};

static void
build (struct wrapped *w, int layout, unsigned char *msg, size_t len)
{
  size_t a = len / 3, b = len / 3 + (len > 0 ? 1 : 0);
  int n = 0;

  memset (w, 0, sizeof *w);
  w->msg = msg;
  w->store = calloc (1, 512);
  memcpy (w->assoc1, "assoc", 5);
  memset (w->assoc2, 0xa5, sizeof w->assoc2);
  if (b > len - a)
    b = len - a;
  w->iov[n].type = GSS_IOV_BUFFER_TYPE_HEADER;
  if (layout == L_ALLOC)
    w->iov[n].type |= GSS_IOV_BUFFER_FLAG_ALLOCATE;
  else
    {
      w->iov[n].buffer.value = w->store;
      w->iov[n].buffer.length = 256;
    }
  n++;
  if (layout == L_SIGN)
    {
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
      w->iov[n].buffer.value = w->assoc1;
      w->iov[n++].buffer.length = sizeof w->assoc1;
    }
  if (layout == L_SPLIT || layout == L_SIGN)
    {
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
      w->iov[n].buffer.value = msg;
      w->iov[n++].buffer.length = a;
      if (layout == L_SIGN)
	{
	  w->iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
	  w->iov[n].buffer.value = w->assoc2;
	  w->iov[n++].buffer.length = sizeof w->assoc2;
	}
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
      w->iov[n].buffer.value = msg + a;
      w->iov[n++].buffer.length = b;
      if (layout == L_SPLIT)
	{
	  w->iov[n].type = GSS_IOV_BUFFER_TYPE_EMPTY;
	  w->iov[n++].buffer.length = 0;
	}
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
      w->iov[n].buffer.value = msg + a + b;
      w->iov[n++].buffer.length = len - a - b;
    }
  else
    {
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
      w->iov[n].buffer.value = msg;
      w->iov[n++].buffer.length = len;
    }
  if (layout != L_ROTATED)
    {
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_TRAILER;
      if (layout == L_ALLOC)
	w->iov[n].type |= GSS_IOV_BUFFER_FLAG_ALLOCATE;
      else
	{
	  w->iov[n].buffer.value = w->store + 256;
	  w->iov[n].buffer.length = 256;
	}
      n++;
    }
  if (layout == L_ALLOC)
    {
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_PADDING | GSS_IOV_BUFFER_FLAG_ALLOCATE;
      n++;
    }
  else if (legacy_tokens ())
    {
      /* RFC 1964 / RFC 4757 tokens end in 1 to 8 octets of padding. */
      w->iov[n].type = GSS_IOV_BUFFER_TYPE_PADDING;
      w->iov[n].buffer.value = w->pad;
      w->iov[n++].buffer.length = sizeof w->pad;
    }
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

/* HEADER, the message, PADDING, TRAILER end to end: the token
   gss_unwrap takes. */
static gss_buffer_desc
concat (struct wrapped *w, size_t len)
{
  gss_iov_buffer_desc *h = find (w, GSS_IOV_BUFFER_TYPE_HEADER),
    *pd = find (w, GSS_IOV_BUFFER_TYPE_PADDING),
    *t = find (w, GSS_IOV_BUFFER_TYPE_TRAILER);
  size_t tl = t ? t->buffer.length : 0, pl = pd ? pd->buffer.length : 0;
  gss_buffer_desc tok = { h->buffer.length + len + pl + tl, NULL };
  unsigned char *p = malloc (tok.length + 1);

  tok.value = p;
  memcpy (p, h->buffer.value, h->buffer.length);
  if (len)
    memcpy (p + h->buffer.length, w->msg, len);
  if (pl)
    memcpy (p + h->buffer.length + len, pd->buffer.value, pl);
  if (tl)
    memcpy (p + h->buffer.length + len + pl, t->buffer.value, tl);
  return tok;
}

static void
done (struct wrapped *w)
{
  gss_release_iov_buffer (&minor, w->iov, w->n);
  free (w->store);
}

START_TEST (test_round_trips)
{
  struct pair p;
  size_t i;
  int dir, conf, layout;

  p = establish ();
  for (dir = 0; dir < 2; dir++)
    for (conf = 0; conf < 2; conf++)
      for (layout = 0; layout < L_COUNT; layout++)
	for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
	  {
	    gss_ctx_id_t from = dir ? p.accept : p.init, to = dir ? p.init : p.accept;
	    size_t len = sizes[i];
	    unsigned char *m = message (len, 3), *orig = message (len, 3);
	    struct wrapped w;
	    gss_iov_buffer_desc *h, *t;
	    int conf_state = -1;
	    gss_qop_t qop = 9;
	    gss_buffer_desc tok, out;

	    build (&w, layout, m, len);
	    ck_assert_uint_eq (gss_wrap_iov (&minor, from, conf, GSS_C_QOP_DEFAULT, &conf_state, w.iov, w.n), GSS_S_COMPLETE);
	    ck_assert_int_eq (conf_state, conf);
	    h = find (&w, GSS_IOV_BUFFER_TYPE_HEADER);
	    t = find (&w, GSS_IOV_BUFFER_TYPE_TRAILER);
	    if (legacy_tokens ())
	      {
		/* No trailer; padding of the message's length, each octet
		   the count (arcfour: always one). */
		gss_iov_buffer_desc *pd = find (&w, GSS_IOV_BUFFER_TYPE_PADDING);
		const unsigned char *pv = pd->buffer.value;
		size_t want = strncmp (getenv ("REALM_ENCTYPE"), "arcfour-", 8) == 0 ? 1 : 8 - len % 8, k;

		ck_assert (t == NULL || t->buffer.length == 0);
		ck_assert_uint_eq (pd->buffer.length, want);
		for (k = 0; k < want && !conf; k++)
		  ck_assert_uint_eq (pv[k], want);
		if (layout == L_ALLOC)
		  {
		    ck_assert (h->type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
		    ck_assert (pd->type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
		  }
	      }
	    else if (layout == L_ALLOC)
	      {
		ck_assert (h->type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
		ck_assert (t->type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
		ck_assert_uint_eq (find (&w, GSS_IOV_BUFFER_TYPE_PADDING)->buffer.length, 0);
	      }
	    /* The message is encrypted where it lies, or left as it is. */
	    if (conf && len >= 16)
	      ck_assert (memcmp (m, orig, len) != 0);
	    if (!conf)
	      ck_assert (len == 0 || memcmp (m, orig, len) == 0);
	    /* Without SIGN_ONLY the pieces make a gss_wrap token.  Check it
	       on a copy of the receiving context's window: unwrap it with
	       gss_unwrap first, then the IOV form is a duplicate. */
	    if (layout != L_SIGN)
	      {
		tok = concat (&w, len);
		ck_assert_msg (gss_unwrap (&minor, to, &tok, &out, &conf_state, &qop) == GSS_S_COMPLETE,
			       "gss_unwrap of layout %d conf %d len %zu", layout, conf, len);
		ck_assert_int_eq (conf_state, conf);
		ck_assert_uint_eq (out.length, len);
		ck_assert (len == 0 || memcmp (out.value, orig, len) == 0);
		gss_release_buffer (&minor, &out);
		gss_release_buffer (&minor, &tok);
		ck_assert_uint_eq (gss_unwrap_iov (&minor, to, &conf_state, &qop, w.iov, w.n),
				   GSS_S_DUPLICATE_TOKEN);
	      }
	    else
	      ck_assert_msg (gss_unwrap_iov (&minor, to, &conf_state, &qop, w.iov, w.n) == GSS_S_COMPLETE,
			     "unwrap_iov of layout %d conf %d len %zu: minor %u", layout, conf, len, minor);
	    ck_assert_int_eq (conf_state, conf);
	    ck_assert_uint_eq (qop, GSS_C_QOP_DEFAULT);
	    ck_assert (len == 0 || memcmp (m, orig, len) == 0);
	    done (&w);
	    free (m);
	    free (orig);
	  }
  pair_free (&p);
}
END_TEST

/* A gss_wrap token through gss_unwrap_iov: as a STREAM (in place and
   allocated), and split by the application into its parts. */
START_TEST (test_wrap_token_to_iov)
{
  struct pair p;
  size_t i;
  int conf;

  p = establish ();
  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
      {
	size_t len = sizes[i], hl, pl, tl;
	unsigned char *m = message (len, 5), *copy;
	gss_buffer_desc in = { len, m }, tok;
	gss_iov_buffer_desc iov[4];
	int conf_state = -1;

	/* STREAM, DATA allocated: the token stays as it was. */
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
	copy = malloc (tok.length);
	memcpy (copy, tok.value, tok.length);
	iov[0].type = GSS_IOV_BUFFER_TYPE_STREAM;
	iov[0].buffer = tok;
	iov[1].type = GSS_IOV_BUFFER_TYPE_DATA | GSS_IOV_BUFFER_FLAG_ALLOCATE;
	iov[1].buffer.length = 0;
	iov[1].buffer.value = NULL;
	ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, &conf_state, NULL, iov, 2), GSS_S_COMPLETE);
	ck_assert_int_eq (conf_state, conf);
	ck_assert (iov[1].type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
	ck_assert_uint_eq (iov[1].buffer.length, len);
	ck_assert (len == 0 || memcmp (iov[1].buffer.value, m, len) == 0);
	ck_assert (memcmp (copy, tok.value, tok.length) == 0);
	gss_release_iov_buffer (&minor, iov, 2);
	ck_assert (!(iov[1].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
	ck_assert_ptr_null (iov[1].buffer.value);
	gss_release_buffer (&minor, &tok);
	free (copy);

	/* STREAM in place: DATA points into it. */
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
	iov[0].buffer = tok;
	iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
	ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_COMPLETE);
	ck_assert_uint_eq (iov[1].buffer.length, len);
	ck_assert (iov[1].buffer.value >= tok.value
		   && (unsigned char *) iov[1].buffer.value + len <= (unsigned char *) tok.value + tok.length);
	ck_assert (len == 0 || memcmp (iov[1].buffer.value, m, len) == 0);
	gss_release_buffer (&minor, &tok);

	/* Split into HEADER, DATA, PADDING, TRAILER at the lengths
	   gss_wrap_iov_length gives. */
	iov[0].type = GSS_IOV_BUFFER_TYPE_HEADER;
	iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
	iov[1].buffer.length = len;
	iov[2].type = GSS_IOV_BUFFER_TYPE_PADDING;
	iov[3].type = GSS_IOV_BUFFER_TYPE_TRAILER;
	ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, conf, 0, &conf_state, iov, 4), GSS_S_COMPLETE);
	ck_assert_int_eq (conf_state, conf);
	hl = iov[0].buffer.length;
	pl = iov[2].buffer.length;
	tl = iov[3].buffer.length;
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
	ck_assert_uint_eq (hl + len + pl + tl, tok.length);
	iov[0].buffer.value = tok.value;
	iov[1].buffer.value = (unsigned char *) tok.value + hl;
	iov[2].buffer.value = (unsigned char *) tok.value + hl + len;
	iov[3].buffer.value = (unsigned char *) tok.value + hl + len + pl;
	ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_COMPLETE);
	ck_assert_uint_eq (iov[1].buffer.length, len);
	ck_assert (len == 0 || memcmp (iov[1].buffer.value, m, len) == 0);
	gss_release_buffer (&minor, &tok);
	free (m);
      }
  pair_free (&p);
}
END_TEST

/* A rotated gss_wrap token (RRC = the trailer, as DCE/RPC sends it)
   through a STREAM, in place. */
START_TEST (test_rotated_stream)
{
  struct pair p;
  int conf;

  if (legacy_tokens ())
    return;
  p = establish ();
  for (conf = 0; conf < 2; conf++)
    {
      unsigned char *m = message (100, 1);
      struct wrapped w;
      gss_buffer_desc tok;
      gss_iov_buffer_desc iov[2];

      build (&w, L_ROTATED, m, 100);
      ck_assert_uint_eq (gss_wrap_iov (&minor, p.accept, conf, 0, NULL, w.iov, w.n), GSS_S_COMPLETE);
      /* The RRC field says so. */
      ck_assert_uint_ne (((unsigned char *) w.iov[0].buffer.value)[7], 0);
      tok = concat (&w, 100);
      iov[0].type = GSS_IOV_BUFFER_TYPE_STREAM;
      iov[0].buffer = tok;
      iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
      iov[1].buffer.length = 0;
      iov[1].buffer.value = NULL;
      free (m);
      m = message (100, 1);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.init, NULL, NULL, iov, 2), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, 100);
      ck_assert (memcmp (iov[1].buffer.value, m, 100) == 0);
      gss_release_buffer (&minor, &tok);
      done (&w);
      free (m);
    }
  pair_free (&p);
}
END_TEST

/* Every change to a token, its message or its SIGN_ONLY data is
   refused, and a SIGN_ONLY buffer left out is too. */
START_TEST (test_tampering)
{
  struct pair p;
  int conf, what;

  p = establish ();
  for (conf = 0; conf < 2; conf++)
    for (what = 0; what < 7; what++)
      {
	unsigned char *m = message (64, 2);
	struct wrapped w;
	gss_iov_buffer_desc *h, *t, *s;
	OM_uint32 major;

	build (&w, L_SIGN, m, 64);
	ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, conf, 0, NULL, w.iov, w.n), GSS_S_COMPLETE);
	h = find (&w, GSS_IOV_BUFFER_TYPE_HEADER);
	t = find (&w, GSS_IOV_BUFFER_TYPE_TRAILER);
	s = find (&w, GSS_IOV_BUFFER_TYPE_SIGN_ONLY);
	switch (what)
	  {
	  case 0: w.assoc1[2] ^= 1; break;
	  case 1: w.assoc2[39] ^= 0x80; break;
	  case 2: m[63] ^= 1; break;
	  case 3:
	    /* The end of the token: the trailer, or the padding. */
	    if (legacy_tokens ())
	      t = find (&w, GSS_IOV_BUFFER_TYPE_PADDING);
	    ((unsigned char *) t->buffer.value)[t->buffer.length - 1] ^= 1;
	    break;
	  case 4:
	    /* The sequence number, or the v1 confounder. */
	    ((unsigned char *) h->buffer.value)[legacy_tokens () ? h->buffer.length - 1 : 15] ^= 1;
	    break;
	  case 5: s->type = GSS_IOV_BUFFER_TYPE_EMPTY; break;
	  case 6:
	    /* The last octet of the v1 checksum (before the confounder),
	       which triple DES's SND_SEQ does not depend on; or the first
	       of the trailer. */
	    if (legacy_tokens ())
	      ((unsigned char *) h->buffer.value)[h->buffer.length - 9] ^= 1;
	    else
	      ((unsigned char *) t->buffer.value)[0] ^= 1;
	    break;
	  }
	major = gss_unwrap_iov (&minor, p.accept, NULL, NULL, w.iov, w.n);
	ck_assert_msg (major == GSS_S_BAD_SIG, "conf %d change %d: %#x", conf, what, major);
	done (&w);
	free (m);
      }
  pair_free (&p);
}
END_TEST

START_TEST (test_aead)
{
  struct pair p;
  int conf;
  size_t i;

  p = establish ();
  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
      {
	size_t len = sizes[i];
	unsigned char *m = message (len, 4);
	gss_buffer_desc in = { len, m }, assoc = unit_buf ("RPC header"),
	  other = unit_buf ("RPC headeR"), tok, out;
	int conf_state = -1;
	gss_qop_t qop = 3;

	/* Without associated data: a gss_wrap token. */
	ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, conf, 0, GSS_C_NO_BUFFER, &in, &conf_state, &tok), GSS_S_COMPLETE);
	ck_assert_int_eq (conf_state, conf);
	ck_assert_uint_eq (gss_unwrap (&minor, p.accept, &tok, &out, &conf_state, NULL), GSS_S_COMPLETE);
	ck_assert_uint_eq (out.length, len);
	ck_assert (len == 0 || memcmp (out.value, m, len) == 0);
	gss_release_buffer (&minor, &out);
	gss_release_buffer (&minor, &tok);
	/* And a gss_wrap token through gss_unwrap_aead. */
	ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
	ck_assert_uint_eq (gss_unwrap_aead (&minor, p.accept, &tok, GSS_C_NO_BUFFER, &out, &conf_state, &qop), GSS_S_COMPLETE);
	ck_assert_int_eq (conf_state, conf);
	ck_assert_uint_eq (qop, 0);
	ck_assert_uint_eq (out.length, len);
	ck_assert (len == 0 || memcmp (out.value, m, len) == 0);
	gss_release_buffer (&minor, &out);
	gss_release_buffer (&minor, &tok);
	/* With it: the same associated data, not another nor none. */
	ck_assert_uint_eq (gss_wrap_aead (&minor, p.accept, conf, 0, &assoc, &in, NULL, &tok), GSS_S_COMPLETE);
	ck_assert_uint_eq (gss_unwrap_aead (&minor, p.init, &tok, &other, &out, NULL, NULL), GSS_S_BAD_SIG);
	ck_assert_ptr_null (out.value);
	ck_assert_uint_eq (gss_unwrap_aead (&minor, p.init, &tok, GSS_C_NO_BUFFER, &out, NULL, NULL), GSS_S_BAD_SIG);
	ck_assert_uint_eq (gss_unwrap_aead (&minor, p.init, &tok, &assoc, &out, NULL, NULL), GSS_S_COMPLETE);
	ck_assert_uint_eq (out.length, len);
	ck_assert (len == 0 || memcmp (out.value, m, len) == 0);
	gss_release_buffer (&minor, &out);
	gss_release_buffer (&minor, &tok);
	free (m);
      }
  pair_free (&p);
}
END_TEST

/* RFC 2744-style calling errors and malformed arrays. */
START_TEST (test_calling_errors)
{
  struct pair p;
  unsigned char m[40], hb[200], tb[200];
  gss_iov_buffer_desc iov[6];
  gss_buffer_desc in = { sizeof m, m }, tok, out;
  int conf_state;
  gss_qop_t qop;

  if (legacy_tokens ())
    return;
  memset (m, 1, sizeof m);
  p = establish ();
#define SET(i, t, v, l) (iov[i].type = (t), iov[i].buffer.value = (v), iov[i].buffer.length = (l))
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER, hb, sizeof hb);
  SET (1, GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  SET (2, GSS_IOV_BUFFER_TYPE_TRAILER, tb, sizeof tb);

  conf_state = 7;
  ck_assert_uint_eq (gss_wrap_iov (&minor, GSS_C_NO_CONTEXT, 1, 0, &conf_state, iov, 3), GSS_S_NO_CONTEXT);
  ck_assert_int_eq (conf_state, 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, GSS_C_NO_CONTEXT, NULL, NULL, iov, 3), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, GSS_C_NO_CONTEXT, 1, 0, NULL, iov, 3), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, GSS_C_NO_IOV_BUFFER, 3), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.init, NULL, NULL, GSS_C_NO_IOV_BUFFER, 0), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, 1, 0, NULL, GSS_C_NO_IOV_BUFFER, 1), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, -1), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.init, NULL, NULL, iov, -3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 1, NULL, iov, 3), GSS_S_BAD_QOP);
  /* No HEADER; an empty array. */
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov + 1, 2), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 0), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov + 1, 2), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, 1, 0, NULL, iov + 1, 1), GSS_S_CALL_BAD_STRUCTURE);
  /* Two HEADERs, two TRAILERs, two PADDINGs. */
  SET (3, GSS_IOV_BUFFER_TYPE_HEADER, hb, sizeof hb);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  SET (3, GSS_IOV_BUFFER_TYPE_TRAILER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert (!(iov[3].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  SET (3, GSS_IOV_BUFFER_TYPE_PADDING, NULL, 0);
  SET (4, GSS_IOV_BUFFER_TYPE_PADDING, NULL, 0);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 5), GSS_S_CALL_BAD_STRUCTURE);
  /* Unknown types: 4, 5, 6, 8, MIC_TOKEN. */
  SET (3, 5, NULL, 0);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  SET (3, GSS_IOV_BUFFER_TYPE_MIC_TOKEN, NULL, 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  /* A STREAM to wrap. */
  SET (3, GSS_IOV_BUFFER_TYPE_STREAM, hb, 10);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  /* A length without storage, for DATA, SIGN_ONLY, a HEADER that is
     not to be allocated. */
  SET (3, GSS_IOV_BUFFER_TYPE_DATA, NULL, 5);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  SET (3, GSS_IOV_BUFFER_TYPE_SIGN_ONLY, NULL, 5);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER, NULL, 100);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  /* ... which gss_wrap_iov_length does not read, nor DATA's. */
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_COMPLETE);
  SET (1, GSS_IOV_BUFFER_TYPE_DATA, NULL, sizeof m);
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_COMPLETE);
  SET (1, GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER, hb, sizeof hb);

  /* STREAM: with a HEADER, without DATA, with two DATA. */
  SET (3, GSS_IOV_BUFFER_TYPE_STREAM, hb, 60);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_CALL_BAD_STRUCTURE);
  SET (4, GSS_IOV_BUFFER_TYPE_SIGN_ONLY, m, 3);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov + 3, 2), GSS_S_CALL_BAD_STRUCTURE);
  SET (4, GSS_IOV_BUFFER_TYPE_DATA, NULL, 0);
  SET (5, GSS_IOV_BUFFER_TYPE_DATA, NULL, 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov + 3, 3), GSS_S_CALL_BAD_STRUCTURE);
  /* A STREAM too short for a header, and one of garbage. */
  SET (3, GSS_IOV_BUFFER_TYPE_STREAM, hb, 15);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov + 3, 2), GSS_S_DEFECTIVE_TOKEN);
  memset (hb, 0, sizeof hb);
  SET (3, GSS_IOV_BUFFER_TYPE_STREAM, hb, 100);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov + 3, 2), GSS_S_DEFECTIVE_TOKEN);

  /* Too short a HEADER or TRAILER of the caller's: KRB5_BAD_MSIZE,
     nothing allocated stays, the sequence number unused. */
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER, hb, 16);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_FAILURE);
  ck_assert_int_eq ((int) minor, (int) -1765328194L /* KRB5_BAD_MSIZE */);
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  SET (2, GSS_IOV_BUFFER_TYPE_TRAILER, tb, 10);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 1, 0, NULL, iov, 3), GSS_S_FAILURE);
  ck_assert (!(iov[0].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  ck_assert_ptr_null (iov[0].buffer.value);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, 0, 0, NULL, iov, 3), GSS_S_FAILURE);
  ck_assert (!(iov[0].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));

  /* minor_status may be NULL; the outputs are set. */
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER, hb, sizeof hb);
  SET (2, GSS_IOV_BUFFER_TYPE_TRAILER, tb, sizeof tb);
  ck_assert_uint_eq (gss_wrap_iov (NULL, p.init, 1, 0, NULL, iov, 3), GSS_S_COMPLETE);
  /* Wrong lengths on unwrapping: a HEADER or TRAILER one octet long or
     short, PADDING that is not empty. */
  iov[0].buffer.length++;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 3), GSS_S_DEFECTIVE_TOKEN);
  iov[0].buffer.length--;
  iov[2].buffer.length--;
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 3), GSS_S_DEFECTIVE_TOKEN);
  iov[2].buffer.length++;
  SET (3, GSS_IOV_BUFFER_TYPE_PADDING, tb, 1);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_DEFECTIVE_TOKEN);
  /* Without its TRAILER the token is not rotated as it claims. */
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_DEFECTIVE_TOKEN);
  /* Refusals used no sequence number: the token is still good. */
  conf_state = -1;
  qop = 5;
  ck_assert_uint_eq (gss_unwrap_iov (NULL, p.accept, &conf_state, &qop, iov, 3), GSS_S_COMPLETE);
  ck_assert_int_eq (conf_state, 1);
  ck_assert_uint_eq (qop, 0);
  /* The initiator's token is refused by the initiator. */
  ck_assert_uint_eq (gss_wrap_iov (NULL, p.init, 1, 0, NULL, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.init, NULL, NULL, iov, 3), GSS_S_DEFECTIVE_TOKEN);

  /* AEAD. */
  tok.value = m;
  ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, 1, 0, NULL, GSS_C_NO_BUFFER, NULL, &tok), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_ptr_null (tok.value);
  ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, 1, 0, NULL, &in, NULL, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  in.value = NULL;
  ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, 1, 0, NULL, &in, NULL, &tok), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, 1, 0, &in, &tok, NULL, &out), GSS_S_CALL_INACCESSIBLE_READ);
  in.value = m;
  ck_assert_uint_eq (gss_wrap_aead (&minor, GSS_C_NO_CONTEXT, 1, 0, NULL, &in, NULL, &tok), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap_aead (&minor, p.init, 1, 4, NULL, &in, NULL, &tok), GSS_S_BAD_QOP);
  ck_assert_ptr_null (tok.value);
  ck_assert_uint_eq (gss_unwrap_aead (&minor, p.accept, GSS_C_NO_BUFFER, NULL, &out, NULL, NULL), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_unwrap_aead (&minor, p.accept, &in, NULL, NULL, NULL, NULL), GSS_S_CALL_INACCESSIBLE_WRITE);
  ck_assert_uint_eq (gss_unwrap_aead (&minor, GSS_C_NO_CONTEXT, &in, NULL, &out, NULL, NULL), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_unwrap_aead (&minor, p.accept, &in, NULL, &out, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  ck_assert_ptr_null (out.value);

  /* gss_release_iov_buffer: nothing, and buffers not its own. */
  ck_assert_uint_eq (gss_release_iov_buffer (NULL, GSS_C_NO_IOV_BUFFER, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_iov_buffer (&minor, iov, 3), GSS_S_COMPLETE);
  ck_assert_ptr_eq (iov[0].buffer.value, hb);
#undef SET
  pair_free (&p);
}
END_TEST

/* Before the context is complete: no tokens. */
START_TEST (test_incomplete_context)
{
  gss_buffer_desc name = unit_buf ("host@localhost"), first;
  gss_name_t target;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  unsigned char hb[100], m[4] = "abcd";
  gss_iov_buffer_desc iov[2] = { { GSS_IOV_BUFFER_TYPE_HEADER, { sizeof hb, hb } },
				 { GSS_IOV_BUFFER_TYPE_DATA, { sizeof m, m } } };

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &first, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_wrap_iov (&minor, ctx, 1, 0, NULL, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (minor, GSS_KRB5_S_KG_CTX_INCOMPLETE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, ctx, NULL, NULL, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_wrap_iov_length (&minor, ctx, 1, 0, NULL, iov, 2), GSS_S_NO_CONTEXT);
  gss_release_buffer (&minor, &first);
  gss_release_name (&minor, &target);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
}
END_TEST

/* The DCE-style exchange (MS-KILE, as MIT does it): bare tokens, three
   legs, the initiator's AP-REP last; then IOV tokens with the trailer
   in the header, EC 16 and RRC leaving it out, both ways. */
static struct pair
dce_establish (void)
{
  struct pair p = { GSS_C_NO_CONTEXT, GSS_C_NO_CONTEXT };
  gss_buffer_desc name = unit_buf ("host@localhost"), first, reply, last, none;
  gss_name_t target, src = GSS_C_NO_NAME;
  OM_uint32 flags = 0, aflags = 0;

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					   GSS_C_DCE_STYLE | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG,
					   0, NULL, NULL, NULL, &first, &flags, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert (flags & GSS_C_MUTUAL_FLAG);
  ck_assert (flags & GSS_C_DCE_STYLE);
  /* Bare: an AP-REQ, no RFC 2743 header. */
  ck_assert_uint_eq (((unsigned char *) first.value)[0], 0x6e);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &first, NULL,
					     NULL, NULL, &reply, &aflags, NULL, NULL), GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (((unsigned char *) reply.value)[0], 0x6f);
  ck_assert (!(aflags & GSS_C_PROT_READY_FLAG));
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					   GSS_C_DCE_STYLE, 0, NULL, &reply, NULL, &last, &flags, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (((unsigned char *) last.value)[0], 0x6f);
  ck_assert (flags & GSS_C_PROT_READY_FLAG);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &last, NULL,
					     &src, NULL, &none, &aflags, NULL, NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (none.length, 0);
  ck_assert (aflags & GSS_C_DCE_STYLE);
  ck_assert (aflags & GSS_C_MUTUAL_FLAG);
  ck_assert (aflags & GSS_C_PROT_READY_FLAG);
  ck_assert_ptr_nonnull (src);
  /* A fourth leg is refused. */
  ck_assert (GSS_ERROR (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &last, NULL,
						NULL, NULL, &none, NULL, NULL, NULL)));
  gss_release_name (&minor, &src);
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &last);
  gss_release_name (&minor, &target);
  return p;
}

START_TEST (test_dce_style)
{
  struct pair p;
  int dir, conf, layout;

  if (legacy_tokens ())
    return;
  p = dce_establish ();
  for (dir = 0; dir < 2; dir++)
    for (conf = 0; conf < 2; conf++)
      for (layout = 0; layout < L_COUNT; layout++)
	{
	  gss_ctx_id_t from = dir ? p.accept : p.init, to = dir ? p.init : p.accept;
	  unsigned char *m = message (100, 9), *orig = message (100, 9), *h;
	  struct wrapped w;
	  size_t hl;

	  build (&w, layout, m, 100);
	  ck_assert_uint_eq (gss_wrap_iov (&minor, from, conf, 0, NULL, w.iov, w.n), GSS_S_COMPLETE);
	  h = w.iov[0].buffer.value;
	  hl = w.iov[0].buffer.length;
	  if (layout == L_ROTATED && conf)
	    {
	      /* EC one block; RRC = E(header) + the trailer, EC left out:
		 the header, EC and the confounder are the rest. */
	      ck_assert_uint_eq (h[4] << 8 | h[5], 16);
	      ck_assert_uint_eq (h[6] << 8 | h[7], hl - 16 - 16 - 16);
	    }
	  ck_assert_msg (gss_unwrap_iov (&minor, to, NULL, NULL, w.iov, w.n) == GSS_S_COMPLETE,
			 "dir %d conf %d layout %d", dir, conf, layout);
	  ck_assert (memcmp (m, orig, 100) == 0);
	  done (&w);
	  free (m);
	  free (orig);
	}
  /* gss_wrap and gss_unwrap still work there; a STREAM is refused. */
  {
    unsigned char *m = message (50, 1);
    gss_buffer_desc in = { 50, m }, tok, out;
    gss_iov_buffer_desc iov[2];

    ck_assert_uint_eq (gss_wrap (&minor, p.init, 1, 0, &in, NULL, &tok), GSS_S_COMPLETE);
    iov[0].type = GSS_IOV_BUFFER_TYPE_STREAM;
    iov[0].buffer = tok;
    iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
    iov[1].buffer.length = 0;
    iov[1].buffer.value = NULL;
    ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_FAILURE);
    ck_assert_uint_eq (gss_unwrap (&minor, p.accept, &tok, &out, NULL, NULL), GSS_S_COMPLETE);
    ck_assert (out.length == 50 && memcmp (out.value, m, 50) == 0);
    gss_release_buffer (&minor, &out);
    gss_release_buffer (&minor, &tok);
    free (m);
  }
  pair_free (&p);
}
END_TEST

/* A bare AP-REQ without GSS_C_DCE_STYLE, and a framed one with it, are
   refused; so is a bare token that is no AP-REQ at all. */
START_TEST (test_dce_mismatch)
{
  gss_buffer_desc name = unit_buf ("host@localhost"), tok, out, bare;
  gss_name_t target;
  gss_ctx_id_t i = GSS_C_NO_CONTEXT, a = GSS_C_NO_CONTEXT;
  unsigned char junk[20];
  unsigned char *body;

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  /* Framed, mutual: strip the framing (header, OID, TOK_ID). */
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &i, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  body = memchr (tok.value, 0x6e, tok.length);
  ck_assert_ptr_nonnull (body);
  bare.value = body;
  bare.length = tok.length - (size_t) (body - (unsigned char *) tok.value);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a, GSS_C_NO_CREDENTIAL, &bare, NULL,
					     NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  ck_assert_ptr_eq (a, GSS_C_NO_CONTEXT);
  gss_release_buffer (&minor, &out);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &i, GSS_C_NO_BUFFER);
  /* DCE style, framed by the application. */
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &i, target, GSS_KRB5,
					   GSS_C_DCE_STYLE, 0, NULL, NULL, NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  {
    unsigned char *framed_body = malloc (tok.length + 2);
    gss_buffer_desc inner = { tok.length + 2, framed_body }, framed;

    framed_body[0] = 1;
    framed_body[1] = 0;
    memcpy (framed_body + 2, tok.value, tok.length);
    ck_assert_uint_eq (gss_encapsulate_token (&inner, GSS_KRB5, &framed), GSS_S_COMPLETE);
    ck_assert_uint_eq (gss_accept_sec_context (&minor, &a, GSS_C_NO_CREDENTIAL, &framed, NULL,
					       NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
    ck_assert_ptr_eq (a, GSS_C_NO_CONTEXT);
    gss_release_buffer (&minor, &out);
    gss_release_buffer (&minor, &framed);
    free (framed_body);
  }
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &i, GSS_C_NO_BUFFER);
  /* Bare garbage. */
  memset (junk, 0x30, sizeof junk);
  bare.value = junk;
  bare.length = sizeof junk;
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a, GSS_C_NO_CREDENTIAL, &bare, NULL,
					     NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  junk[0] = 0x6e;
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a, GSS_C_NO_CREDENTIAL, &bare, NULL,
					     NULL, NULL, &out, NULL, NULL, NULL), GSS_S_DEFECTIVE_TOKEN);
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &target);
}
END_TEST

/* Confounders after a fork: parent and child sealing the same message
   with the same sequence number must still make different tokens (the
   random octets drawn ahead are not shared across fork). */
START_TEST (test_fork_confounders)
{
  struct pair p;
  unsigned char m[64];
  gss_buffer_desc in = { sizeof m, m }, tok, mine;
  unsigned char theirs[256];
  int fds[2], status;
  ssize_t got = 0, n;
  pid_t pid;

  if (legacy_tokens ())
    return;
  memset (m, 0x42, sizeof m);
  p = establish ();
  /* The first token draws the random octets. */
  ck_assert_uint_eq (gss_wrap (&minor, p.init, 1, 0, &in, NULL, &tok), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &tok);
  ck_assert_int_eq (pipe (fds), 0);
  pid = fork ();
  ck_assert_int_ge (pid, 0);
  if (pid == 0)
    {
      close (fds[0]);
      if (gss_wrap (&minor, p.init, 1, 0, &in, NULL, &tok) != GSS_S_COMPLETE
	  || tok.length > sizeof theirs
	  || write (fds[1], tok.value, tok.length) != (ssize_t) tok.length)
	_exit (1);
      _exit (0);
    }
  close (fds[1]);
  while ((n = read (fds[0], theirs + got, sizeof theirs - (size_t) got)) > 0)
    got += n;
  close (fds[0]);
  ck_assert_int_eq (waitpid (pid, &status, 0), pid);
  ck_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  ck_assert_uint_eq (gss_wrap (&minor, p.init, 1, 0, &in, NULL, &mine), GSS_S_COMPLETE);
  ck_assert_uint_eq ((size_t) got, mine.length);
  ck_assert_msg (memcmp (theirs, mine.value, mine.length) != 0,
		 "parent and child made the same token: shared confounder");
  gss_release_buffer (&minor, &mine);
  pair_free (&p);
}
END_TEST

/* RFC 1964 / RFC 4757 tokens: the PADDING is required, there is no
   trailer, the HEADER is the RFC 2743 framing to the confounder; a
   token split as MIT splits a STREAM (one octet of PADDING) or with no
   PADDING at all (the padding left in DATA, for the caller) unwraps.
   DCE-style contexts: check_iov_dce_v1.c. */
START_TEST (test_legacy_layout)
{
  struct pair p;
  unsigned char m[10], pb[8], tb[8], *t;
  gss_buffer_desc in = { sizeof m, m }, tok;
  gss_iov_buffer_desc iov[4];
  size_t hl, pl;
  int conf;

  if (!legacy_tokens ())
    return;
#define SET(i, t, v, l) (iov[i].type = (t), iov[i].buffer.value = (v), iov[i].buffer.length = (l))
  p = establish ();
  for (conf = 0; conf < 2; conf++)
    {
      memcpy (m, "0123456789", 10);
      SET (0, GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
      SET (2, GSS_IOV_BUFFER_TYPE_TRAILER, tb, sizeof tb);
      /* No PADDING, or one too short: refused, nothing allocated. */
      ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, conf, 0, NULL, iov, 3), GSS_S_FAILURE);
      ck_assert (!(iov[0].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
      ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, conf, 0, NULL, iov, 3), GSS_S_FAILURE);
      SET (3, GSS_IOV_BUFFER_TYPE_PADDING, pb, 0);
      ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, conf, 0, NULL, iov, 4), GSS_S_FAILURE);
      ck_assert (!(iov[0].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
      ck_assert (memcmp (m, "0123456789", 10) == 0);
      SET (3, GSS_IOV_BUFFER_TYPE_PADDING, pb, sizeof pb);
      ck_assert_uint_eq (gss_wrap_iov_length (&minor, p.init, conf, 0, NULL, iov, 4), GSS_S_COMPLETE);
      hl = iov[0].buffer.length;
      pl = iov[3].buffer.length;
      ck_assert_uint_eq (iov[2].buffer.length, 0);
      iov[2].buffer.length = sizeof tb;
      ck_assert_uint_eq (gss_wrap_iov (&minor, p.init, conf, 0, NULL, iov, 4), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[0].buffer.length, hl);
      ck_assert_uint_eq (iov[3].buffer.length, pl);
      ck_assert_uint_eq (iov[2].buffer.length, 0);
      /* 0x60, length, the OID's tag, length and nine octets, then
	 TOK_ID 02 01, SGN_ALG and SEAL_ALG, ffff when not sealed. */
      t = iov[0].buffer.value;
      ck_assert_uint_eq (t[0], 0x60);
      ck_assert_uint_eq (t[1], hl + sizeof m + pl - 2);
      ck_assert (t[13] == 0x02 && t[14] == 0x01);
      ck_assert_int_eq (t[17] == 0xff && t[18] == 0xff, !conf);
      ck_assert_int_eq (memcmp (m, "0123456789", 10) != 0, conf);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 4), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, sizeof m);
      ck_assert (memcmp (m, "0123456789", 10) == 0);
      gss_release_iov_buffer (&minor, iov, 4);

      /* A gss_wrap token split as MIT splits a STREAM: DATA up to the
	 last octet, which is the PADDING. */
      memcpy (m, "0123456789", 10);
      ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
      ck_assert_uint_eq (tok.length, hl + sizeof m + pl);
      SET (0, GSS_IOV_BUFFER_TYPE_HEADER, tok.value, hl);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, (unsigned char *) tok.value + hl, sizeof m + pl - 1);
      SET (2, GSS_IOV_BUFFER_TYPE_PADDING, (unsigned char *) tok.value + tok.length - 1, 1);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 3), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, sizeof m);
      ck_assert_uint_eq (iov[2].buffer.length, 0);
      ck_assert (memcmp (iov[1].buffer.value, m, sizeof m) == 0);
      gss_release_buffer (&minor, &tok);

      /* Without PADDING the padding stays in DATA, as with MIT. */
      ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
      SET (0, GSS_IOV_BUFFER_TYPE_HEADER, tok.value, hl);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, (unsigned char *) tok.value + hl, sizeof m + pl);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, sizeof m + pl);
      ck_assert (memcmp (iov[1].buffer.value, m, sizeof m) == 0);
      ck_assert_uint_eq (((unsigned char *) iov[1].buffer.value)[sizeof m + pl - 1], pl);
      /* A HEADER one octet off, a TRAILER with octets: defective. */
      gss_release_buffer (&minor, &tok);
      ck_assert_uint_eq (gss_wrap (&minor, p.init, conf, 0, &in, NULL, &tok), GSS_S_COMPLETE);
      SET (0, GSS_IOV_BUFFER_TYPE_HEADER, tok.value, hl - 1);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, (unsigned char *) tok.value + hl - 1, sizeof m + pl + 1);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_DEFECTIVE_TOKEN);
      SET (0, GSS_IOV_BUFFER_TYPE_HEADER, tok.value, hl);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, (unsigned char *) tok.value + hl, sizeof m);
      SET (2, GSS_IOV_BUFFER_TYPE_TRAILER, (unsigned char *) tok.value + hl + sizeof m, pl);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 3), GSS_S_DEFECTIVE_TOKEN);
      /* Taken as a whole, it is fine (and the next one is in order). */
      SET (0, GSS_IOV_BUFFER_TYPE_STREAM, tok.value, tok.length);
      SET (1, GSS_IOV_BUFFER_TYPE_DATA, NULL, 0);
      ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 2), GSS_S_COMPLETE);
      ck_assert_uint_eq (iov[1].buffer.length, sizeof m);
      ck_assert (memcmp (iov[1].buffer.value, m, sizeof m) == 0);
      gss_release_buffer (&minor, &tok);
    }
  /* A token reflected back to its sender is refused. */
  memcpy (m, "0123456789", 10);
  SET (0, GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  SET (1, GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  SET (2, GSS_IOV_BUFFER_TYPE_PADDING, pb, sizeof pb);
  ck_assert_uint_eq (gss_wrap_iov (&minor, p.accept, 1, 0, NULL, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, p.accept, NULL, NULL, iov, 3), GSS_S_BAD_SIG);
  gss_release_iov_buffer (&minor, iov, 3);
#undef SET
  pair_free (&p);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("iov");
  TCase *tc = tcase_create ("iov");

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_iov: run through tests/kdc/realm.sh run\n");
      exit (77);
    }
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_round_trips);
  tcase_add_test (tc, test_wrap_token_to_iov);
  tcase_add_test (tc, test_rotated_stream);
  tcase_add_test (tc, test_tampering);
  tcase_add_test (tc, test_aead);
  tcase_add_test (tc, test_legacy_layout);
  tcase_add_test (tc, test_calling_errors);
  tcase_add_test (tc, test_incomplete_context);
  tcase_add_test (tc, test_dce_style);
  tcase_add_test (tc, test_dce_mismatch);
  tcase_add_test (tc, test_fork_confounders);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
