/* check_miciov.c - gss_get_mic_iov, gss_get_mic_iov_length and
   gss_verify_mic_iov between two of our own contexts in a throwaway
   realm (tests/realm-checks.sh, every session-key enctype): the token is
   byte for byte gss_get_mic's over the DATA and SIGN_ONLY buffers put
   end to end, each call takes the other's tokens, the MIC_TOKEN is
   allocated or sized on request, a changed octet anywhere is refused,
   and the calling errors and malformed arrays. */
#include "realm-pair.h"

static OM_uint32 minor;

#define KRB5_BAD_MSIZE_CODE ((OM_uint32) -1765328194L)

static struct pair
establish (void)
{
  return pair_establish (GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
			 | GSS_C_SEQUENCE_FLAG | GSS_C_INTEG_FLAG);
}

static void
set (gss_iov_buffer_desc *b, OM_uint32 type, void *value, size_t length)
{
  b->type = type;
  b->buffer.value = value;
  b->buffer.length = length;
}

/* Layouts of a message of LEN octets at M, with associated data A
   (ALEN octets): the MIC_TOKEN comes last, at iov[*n - 1]. */
enum
{
  L_ONE,			/* DATA */
  L_SPLIT,			/* DATA DATA EMPTY DATA, cut unevenly */
  L_MIXED,			/* SIGN DATA SIGN DATA */
  L_FIRST,			/* MIC_TOKEN first, SIGN_ONLY alone, HEADER ignored */
  L_COUNT
};

static int
build (gss_iov_buffer_desc *iov, int layout, unsigned char *m, size_t len,
       unsigned char *a, size_t alen, unsigned char *tok, size_t toklen,
       int *tok_at)
{
  size_t cut = len / 3, cut2 = len - len / 4;
  int n = 0;

  if (layout == L_FIRST)
    {
      *tok_at = n;
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, toklen);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_HEADER, NULL, 0);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a, alen);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, len);
      return n;
    }
  switch (layout)
    {
    case L_ONE:
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, len);
      break;
    case L_SPLIT:
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, cut);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m + cut, cut2 - cut);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_EMPTY, NULL, 0);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m + cut2, len - cut2);
      break;
    default:
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a, alen / 2);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m, cut);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a + alen / 2,
	   alen - alen / 2);
      set (&iov[n++], GSS_IOV_BUFFER_TYPE_DATA, m + cut, len - cut);
      break;
    }
  *tok_at = n;
  set (&iov[n++], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, toklen);
  return n;
}

/* The DATA and SIGN_ONLY buffers end to end, as gss_get_mic sees them. */
static gss_buffer_desc
concat (const gss_iov_buffer_desc *iov, int n)
{
  gss_buffer_desc out;
  unsigned char *p;
  size_t len = 0;
  int i;

  for (i = 0; i < n; i++)
    if (GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_DATA
	|| GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
      len += iov[i].buffer.length;
  p = malloc (len + 1);
  out.value = p;
  out.length = len;
  for (i = 0; i < n; i++)
    if ((GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_DATA
	 || GSS_IOV_BUFFER_TYPE (iov[i].type) == GSS_IOV_BUFFER_TYPE_SIGN_ONLY)
	&& iov[i].buffer.length)
      {
	memcpy (p, iov[i].buffer.value, iov[i].buffer.length);
	p += iov[i].buffer.length;
      }
  return out;
}

/* Two copies of *CTX, at the same sequence number: the export token
   imported twice (*CTX is gone after the export). */
static void
twins (gss_ctx_id_t *ctx, gss_ctx_id_t *a, gss_ctx_id_t *b)
{
  gss_buffer_desc token;

  ck_assert_uint_eq (gss_export_sec_context (&minor, ctx, &token), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &token, a), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_import_sec_context (&minor, &token, b), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &token);
}

static const size_t sizes[] = { 0, 1, 15, 16, 17, 100, 4099, 65536 };

/* gss_get_mic_iov's token is gss_get_mic's over the concatenation, in
   both directions and every layout; gss_verify_mic takes the first,
   gss_verify_mic_iov the second. */
START_TEST (test_same_as_get_mic)
{
  struct pair p = establish ();
  unsigned char a[23], tok[128];
  size_t s;
  int layout, dir;

  memset (a, 0x5a, sizeof a);
  a[0] = 'A';
  for (dir = 0; dir < 2; dir++)
    {
      gss_ctx_id_t *send = dir ? &p.accept : &p.init;
      gss_ctx_id_t recv = dir ? p.init : p.accept;

      for (s = 0; s < sizeof sizes / sizeof *sizes; s++)
	for (layout = 0; layout < L_COUNT; layout++)
	  {
	    size_t len = sizes[s], i;
	    unsigned char *m = malloc (len + 1);
	    gss_iov_buffer_desc iov[8];
	    gss_buffer_desc whole, plain, tok_buf;
	    gss_ctx_id_t one, other;
	    gss_qop_t qop = 9;
	    int n, at;

	    for (i = 0; i < len; i++)
	      m[i] = (unsigned char) (i * 13 + layout + s);
	    n = build (iov, layout, m, len, a, sizeof a, tok, sizeof tok, &at);
	    whole = concat (iov, n);
	    twins (send, &one, &other);
	    ck_assert_uint_eq (gss_get_mic_iov (&minor, one, 0, iov, n), GSS_S_COMPLETE);
	    ck_assert_uint_eq (gss_get_mic (&minor, other, 0, &whole, &plain), GSS_S_COMPLETE);
	    ck_assert_uint_eq (iov[at].buffer.length, plain.length);
	    ck_assert_ptr_eq (iov[at].buffer.value, tok);
	    ck_assert_mem_eq (tok, plain.value, plain.length);
	    /* The IOV token by gss_verify_mic ... */
	    tok_buf = iov[at].buffer;
	    ck_assert_uint_eq (gss_verify_mic (&minor, recv, &whole, &tok_buf, &qop), GSS_S_COMPLETE);
	    ck_assert_uint_eq (qop, 0);
	    /* ... and gss_get_mic's next one by gss_verify_mic_iov. */
	    gss_release_buffer (&minor, &plain);
	    ck_assert_uint_eq (gss_get_mic (&minor, other, 0, &whole, &plain), GSS_S_COMPLETE);
	    iov[at].buffer = plain;
	    qop = 9;
	    ck_assert_uint_eq (gss_verify_mic_iov (&minor, recv, &qop, iov, n), GSS_S_COMPLETE);
	    ck_assert_uint_eq (qop, 0);
	    /* OTHER is the twin past both numbers RECV has seen. */
	    gss_release_buffer (&minor, &plain);
	    gss_delete_sec_context (&minor, &one, GSS_C_NO_BUFFER);
	    *send = other;
	    gss_release_buffer (&minor, &whole);
	    free (m);
	  }
    }
  pair_free (&p);
}
END_TEST

/* The MIC_TOKEN sized by gss_get_mic_iov_length, or allocated. */
START_TEST (test_length_and_allocate)
{
  struct pair p = establish ();
  unsigned char m[300], a[7] = "assoc!", big[200];
  gss_iov_buffer_desc iov[4];
  gss_buffer_desc whole = { sizeof m, m }, plain;
  size_t want;

  memset (m, 0x33, sizeof m);
  ck_assert_uint_eq (gss_get_mic (&minor, p.init, 0, &whole, &plain), GSS_S_COMPLETE);
  want = plain.length;
  ck_assert_uint_eq (gss_verify_mic (&minor, p.accept, &whole, &plain, NULL), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &plain);

  /* The length, whatever the message and the buffer's storage. */
  set (&iov[0], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a, sizeof a);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, NULL, 12345);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 0, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (iov[2].buffer.length, want);
  ck_assert_uint_eq (iov[1].buffer.length, 12345);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_MIC_TOKEN | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov_length (NULL, p.accept, 0, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (iov[2].buffer.length, want);
  ck_assert (!(iov[2].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));

  /* A buffer longer than needed gets the token's length. */
  set (&iov[1], GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, big, sizeof big);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (iov[2].buffer.length, want);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_COMPLETE);
  /* Allocated: marked, released by gss_release_iov_buffer. */
  set (&iov[2], GSS_IOV_BUFFER_TYPE_MIC_TOKEN | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_COMPLETE);
  ck_assert (iov[2].type & GSS_IOV_BUFFER_FLAG_ALLOCATED);
  ck_assert_ptr_nonnull (iov[2].buffer.value);
  ck_assert_uint_eq (iov[2].buffer.length, want);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_release_iov_buffer (&minor, iov, 3), GSS_S_COMPLETE);
  ck_assert (!(iov[2].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  ck_assert_ptr_null (iov[2].buffer.value);
  ck_assert_ptr_eq (iov[1].buffer.value, m);
  pair_free (&p);
}
END_TEST

/* A changed octet in DATA, in SIGN_ONLY, in the checksum: GSS_S_BAD_SIG;
   in the token's header or its length: GSS_S_DEFECTIVE_TOKEN (or
   BAD_SIG where RFC 1964 tokens only have the checksum to tell); the
   buffers in another order: BAD_SIG.  None of it uses up the token. */
START_TEST (test_tampering)
{
  struct pair p = establish ();
  unsigned char m[100], a[40], tok[128];
  gss_iov_buffer_desc iov[8];
  OM_uint32 major;
  size_t toklen;
  int n, at, i;

  for (i = 0; i < (int) sizeof m; i++)
    m[i] = (unsigned char) i;
  memset (a, 0xa5, sizeof a);
  n = build (iov, L_MIXED, m, sizeof m, a, sizeof a, tok, sizeof tok, &at);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, n), GSS_S_COMPLETE);
  toklen = iov[at].buffer.length;

  m[50] ^= 1;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_BAD_SIG);
  m[50] ^= 1;
  a[3] ^= 0x80;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_BAD_SIG);
  a[39] ^= 0x80;
  a[3] ^= 0x80;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_BAD_SIG);
  a[39] ^= 0x80;
  tok[toklen - 1] ^= 1;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_BAD_SIG);
  tok[toklen - 1] ^= 1;
  /* The first octets: TOK_ID (or the RFC 2743 framing). */
  tok[0] ^= 0x40;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_DEFECTIVE_TOKEN);
  tok[0] ^= 0x40;
  iov[at].buffer.length = toklen - 1;
  major = gss_verify_mic_iov (&minor, p.accept, NULL, iov, n);
  ck_assert (major == GSS_S_DEFECTIVE_TOKEN || major == GSS_S_BAD_SIG);
  iov[at].buffer.length = 0;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_DEFECTIVE_TOKEN);
  iov[at].buffer.length = toklen;
  /* The message is a[0..20) m[0..33) a[20..40) m[33..100).  In another
     order it is another message ... */
  {
    gss_iov_buffer_desc re[8];

    set (&re[0], GSS_IOV_BUFFER_TYPE_DATA, m, 33);
    set (&re[1], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a, 20);
    set (&re[2], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a + 20, 20);
    set (&re[3], GSS_IOV_BUFFER_TYPE_DATA, m + 33, 67);
    set (&re[4], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, toklen);
    ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, re, 5), GSS_S_BAD_SIG);
    /* ... cut elsewhere, and DATA and SIGN_ONLY swapped, the same one.
       The refusals used nothing up: the token is good, once. */
    set (&re[0], GSS_IOV_BUFFER_TYPE_DATA, a, 1);
    set (&re[1], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, a + 1, 19);
    set (&re[2], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, m, 10);
    set (&re[3], GSS_IOV_BUFFER_TYPE_DATA, m + 10, 23);
    set (&re[4], GSS_IOV_BUFFER_TYPE_DATA, a + 20, 20);
    set (&re[5], GSS_IOV_BUFFER_TYPE_EMPTY, NULL, 0);
    set (&re[6], GSS_IOV_BUFFER_TYPE_DATA, m + 33, 67);
    set (&re[7], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, toklen);
    ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, re, 8), GSS_S_COMPLETE);
    ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, re, 8), GSS_S_DUPLICATE_TOKEN);
  }
  /* A token sent back to its sender. */
  n = build (iov, L_ONE, m, sizeof m, a, sizeof a, tok, sizeof tok, &at);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, n), GSS_S_COMPLETE);
  major = gss_verify_mic_iov (&minor, p.init, NULL, iov, n);
  ck_assert (major == GSS_S_DEFECTIVE_TOKEN || major == GSS_S_BAD_SIG);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, n), GSS_S_COMPLETE);
  pair_free (&p);
}
END_TEST

/* RFC 2744-style calling errors and malformed arrays. */
START_TEST (test_calling_errors)
{
  struct pair p = establish ();
  unsigned char m[40], tok[128];
  gss_iov_buffer_desc iov[5];
  gss_qop_t qop;

  memset (m, 7, sizeof m);
  set (&iov[0], GSS_IOV_BUFFER_TYPE_DATA, m, sizeof m);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, sizeof tok);

  /* No context. */
  ck_assert_uint_eq (gss_get_mic_iov (&minor, GSS_C_NO_CONTEXT, 0, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, GSS_C_NO_CONTEXT, 0, iov, 2), GSS_S_NO_CONTEXT);
  qop = 5;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, GSS_C_NO_CONTEXT, &qop, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (qop, 0);
  /* No array, with a count; a negative count. */
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, GSS_C_NO_IOV_BUFFER, 2), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 0, GSS_C_NO_IOV_BUFFER, 1), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, GSS_C_NO_IOV_BUFFER, 2), GSS_S_CALL_INACCESSIBLE_READ);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, -1), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, -2), GSS_S_CALL_BAD_STRUCTURE);
  /* No MIC_TOKEN; an empty array. */
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 1), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 0, iov, 1), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 1), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 0), GSS_S_CALL_BAD_STRUCTURE);
  /* Two MIC_TOKENs, one of them to be allocated: nothing allocated. */
  set (&iov[2], GSS_IOV_BUFFER_TYPE_MIC_TOKEN | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert (!(iov[2].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  /* Unknown types, and a STREAM. */
  set (&iov[2], 5, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  set (&iov[2], 13, NULL, 0);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_STREAM, m, 10);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  /* A length without storage: DATA, SIGN_ONLY, a MIC_TOKEN not to be
     allocated; the length call reads none of them. */
  set (&iov[2], GSS_IOV_BUFFER_TYPE_SIGN_ONLY, NULL, 3);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 0, iov, 3), GSS_S_COMPLETE);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_DATA, NULL, 3);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 3), GSS_S_CALL_BAD_STRUCTURE);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, NULL, 60);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 2), GSS_S_CALL_BAD_STRUCTURE);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, p.accept, NULL, iov, 2), GSS_S_CALL_BAD_STRUCTURE);
  /* A QOP Kerberos does not have. */
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, sizeof tok);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 1, iov, 2), GSS_S_BAD_QOP);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, p.init, 1, iov, 2), GSS_S_BAD_QOP);
  /* A MIC_TOKEN of the caller's too short: KRB5_BAD_MSIZE; one to be
     allocated, refused later (wrong QOP), stays unallocated. */
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, 10);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 0, iov, 2), GSS_S_FAILURE);
  ck_assert_uint_eq (minor, KRB5_BAD_MSIZE_CODE);
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN | GSS_IOV_BUFFER_FLAG_ALLOCATE, NULL, 0);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, p.init, 7, iov, 2), GSS_S_BAD_QOP);
  ck_assert (!(iov[1].type & GSS_IOV_BUFFER_FLAG_ALLOCATED));
  ck_assert_ptr_null (iov[1].buffer.value);
  /* minor_status may be NULL; HEADER, TRAILER and PADDING are ignored
     and left as they are; the refusals above used no sequence number,
     so the token is the next one expected (no GAP_TOKEN). */
  set (&iov[1], GSS_IOV_BUFFER_TYPE_MIC_TOKEN, tok, sizeof tok);
  set (&iov[2], GSS_IOV_BUFFER_TYPE_HEADER, m, 5);
  set (&iov[3], GSS_IOV_BUFFER_TYPE_TRAILER, NULL, 0);
  set (&iov[4], GSS_IOV_BUFFER_TYPE_PADDING, m, 1);
  ck_assert_uint_eq (gss_get_mic_iov (NULL, p.init, 0, iov, 5), GSS_S_COMPLETE);
  ck_assert_uint_eq (iov[2].buffer.length, 5);
  ck_assert_uint_eq (iov[4].buffer.length, 1);
  qop = 3;
  ck_assert_uint_eq (gss_verify_mic_iov (NULL, p.accept, &qop, iov, 2), GSS_S_COMPLETE);
  ck_assert_uint_eq (qop, 0);
  pair_free (&p);
}
END_TEST

/* Before the context is complete: no tokens. */
START_TEST (test_incomplete_context)
{
  gss_buffer_desc name = unit_buf ("host@localhost"), first;
  gss_name_t target;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  unsigned char tok[100], m[4] = "abcd";
  gss_iov_buffer_desc iov[2] = { { GSS_IOV_BUFFER_TYPE_DATA, { sizeof m, m } },
				 { GSS_IOV_BUFFER_TYPE_MIC_TOKEN, { sizeof tok, tok } } };

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &first, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_get_mic_iov (&minor, ctx, 0, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (minor, GSS_KRB5_S_KG_CTX_INCOMPLETE);
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, ctx, 0, iov, 2), GSS_S_NO_CONTEXT);
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, ctx, NULL, iov, 2), GSS_S_NO_CONTEXT);
  gss_release_buffer (&minor, &first);
  gss_release_name (&minor, &target);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("miciov");
  TCase *tc = tcase_create ("miciov");

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_miciov: run through tests/kdc/realm.sh run\n");
      exit (77);
    }
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_same_as_get_mic);
  tcase_add_test (tc, test_length_and_allocate);
  tcase_add_test (tc, test_tampering);
  tcase_add_test (tc, test_calling_errors);
  tcase_add_test (tc, test_incomplete_context);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
