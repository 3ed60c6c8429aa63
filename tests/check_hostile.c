/* check_hostile.c - context tokens that a peer or the network changed,
   and AP-REQs an acceptor must refuse, in a throwaway realm
   (tests/realm-checks.sh): every change (every bit of each octet,
   every value of the framing's) and every truncation of an AP-REQ and
   of an AP-REP fails, but for the AP-REQ's octets nothing
   authenticates; no half-built context is left behind, and an AP-REQ for a principal missing from the keytab, from a
   skewed clock, or replayed fails with a minor status that says why. */
#include "unit.h"
#include <stdio.h>
#include <unistd.h>

static OM_uint32 minor;

static gss_name_t
target_named (const char *text)
{
  gss_buffer_desc buf = unit_buf (text);
  gss_name_t name;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &name),
		     GSS_S_COMPLETE);
  return name;
}

/* The first token of a context with FLAGS for TARGET; *CTX keeps the
   initiator's state. */
static gss_buffer_desc
first_token (gss_name_t target, OM_uint32 flags, gss_ctx_id_t *ctx)
{
  gss_buffer_desc tok;
  OM_uint32 major;

  *ctx = GSS_C_NO_CONTEXT;
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, ctx, target, GSS_KRB5, flags, 0,
				NULL, NULL, NULL, &tok, NULL, NULL);
  ck_assert_msg (!GSS_ERROR (major), "init_sec_context: %#x/%#x", major, minor);
  return tok;
}

/* Accepts TOK and returns the major status; nothing may be left. */
static OM_uint32
accept_refused (const gss_buffer_t tok, OM_uint32 *accept_minor)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_name_t src = GSS_C_NO_NAME;
  gss_buffer_desc out;
  OM_uint32 major;

  major = gss_accept_sec_context (accept_minor, &ctx, GSS_C_NO_CREDENTIAL, tok, NULL, &src, NULL,
				  &out, NULL, NULL, NULL);
  if (GSS_ERROR (major))
    {
      /* RFC 2744 section 5.1: a failed first call leaves no context. */
      ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
      ck_assert_ptr_eq (src, GSS_C_NO_NAME);
    }
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &src);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return major;
}

/* The text of a Kerberos minor status. */
static char *
minor_text (OM_uint32 code)
{
  gss_buffer_desc text;
  OM_uint32 ctx = 0, tmp;
  char *s;

  ck_assert_uint_eq (gss_display_status (&tmp, code, GSS_C_MECH_CODE, GSS_KRB5, &ctx, &text),
		     GSS_S_COMPLETE);
  s = strndup (text.value, text.length);
  gss_release_buffer (&tmp, &text);
  return s;
}

/* DER: the contents of the element at *P, which must have tag TAG and
   end by END; *P moves past the element.  NULL when it is not there. */
static const unsigned char *
der_enter (const unsigned char **p, const unsigned char *end, unsigned tag, size_t *len)
{
  const unsigned char *q = *p;
  size_t n, k;

  if (end - q < 2 || *q != tag)
    return NULL;
  q++;
  if (*q < 0x80)
    n = *q++;
  else
    {
      k = *q++ & 0x7f;
      if (k == 0 || k > 3 || (size_t) (end - q) < k)
	return NULL;
      for (n = 0; k > 0; k--)
	n = n << 8 | *q++;
    }
  if ((size_t) (end - q) < n)
    return NULL;
  *len = n;
  *p = q + n;
  return q;
}

/* The octets of an AP-REQ that nothing authenticates, as [start, end)
   offsets into the token: the ap-options, and the ticket's realm,
   server name and key version number (outside its encrypted part; a
   keytab acceptor tries its keys whatever they say). */
struct span
{
  size_t start, end;
};
enum
{ UNAUTH_SPANS = 4 };

static void
ap_req_unauthenticated (const gss_buffer_desc *tok, struct span spans[UNAUTH_SPANS])
{
  const unsigned char *base = tok->value, *end = base + tok->length, *p = base, *q, *c;
  const unsigned char *seq, *seq_end, *tkt, *tkt_end, *f, *f_end;
  size_t n;

  /* 0x60 framing, the mechanism OID, TOK_ID 01 00, then the AP-REQ. */
  c = der_enter (&p, end, 0x60, &n);
  ck_assert_ptr_nonnull (c);
  q = c;
  ck_assert_ptr_nonnull (der_enter (&q, c + n, 0x06, &n));
  q += 2;
  c = der_enter (&q, end, 0x6e, &n);
  ck_assert_ptr_nonnull (c);
  p = c;
  seq = der_enter (&p, c + n, 0x30, &n);
  ck_assert_ptr_nonnull (seq);
  seq_end = seq + n;
  p = seq;
  ck_assert_ptr_nonnull (der_enter (&p, seq_end, 0xa0, &n));	/* pvno */
  ck_assert_ptr_nonnull (der_enter (&p, seq_end, 0xa1, &n));	/* msg-type */
  c = der_enter (&p, seq_end, 0xa2, &n);	/* ap-options */
  ck_assert_ptr_nonnull (c);
  q = c;
  c = der_enter (&q, c + n, 0x03, &n);
  ck_assert_ptr_nonnull (c);
  spans[0].start = (size_t) (c - base), spans[0].end = (size_t) (c + n - base);
  c = der_enter (&p, seq_end, 0xa3, &n);	/* ticket */
  ck_assert_ptr_nonnull (c);
  q = c;
  c = der_enter (&q, c + n, 0x61, &n);
  ck_assert_ptr_nonnull (c);
  q = c;
  tkt = der_enter (&q, c + n, 0x30, &n);
  ck_assert_ptr_nonnull (tkt);
  tkt_end = tkt + n;
  q = tkt;
  ck_assert_ptr_nonnull (der_enter (&q, tkt_end, 0xa0, &n));	/* tkt-vno */
  c = der_enter (&q, tkt_end, 0xa1, &n);	/* realm */
  ck_assert_ptr_nonnull (c);
  f = c;
  c = der_enter (&f, c + n, 0x1b, &n);
  ck_assert_ptr_nonnull (c);
  spans[1].start = (size_t) (c - base), spans[1].end = (size_t) (c + n - base);
  c = der_enter (&q, tkt_end, 0xa2, &n);	/* sname, all of it */
  ck_assert_ptr_nonnull (c);
  spans[2].start = (size_t) (c - base), spans[2].end = (size_t) (c + n - base);
  c = der_enter (&q, tkt_end, 0xa3, &n);	/* enc-part */
  ck_assert_ptr_nonnull (c);
  f = c;
  f = der_enter (&f, c + n, 0x30, &n);
  ck_assert_ptr_nonnull (f);
  f_end = f + n;
  ck_assert_ptr_nonnull (der_enter (&f, f_end, 0xa0, &n));	/* etype */
  spans[3].start = spans[3].end = 0;
  c = der_enter (&f, f_end, 0xa1, &n);	/* kvno */
  if (c != NULL)
    {
      f = c;
      c = der_enter (&f, c + n, 0x02, &n);
      ck_assert_ptr_nonnull (c);
      spans[3].start = (size_t) (c - base), spans[3].end = (size_t) (c + n - base);
    }
}

static bool
in_spans (size_t i, const struct span spans[UNAUTH_SPANS])
{
  int k;

  for (k = 0; k < UNAUTH_SPANS; k++)
    if (i >= spans[k].start && i < spans[k].end)
      return true;
  return false;
}

/* The framing of a context token: 0x60, a length of one to four
   octets, the mechanism OID (11 octets), the two-octet TOK_ID. */
static size_t
framing_length (const gss_buffer_desc *tok)
{
  const unsigned char *t = tok->value;

  ck_assert_uint_ge (tok->length, 2);
  return 2 + (t[1] < 0x80 ? 0 : (size_t) (t[1] & 0x7f)) + 11 + 2;
}

/* With the replay cache off, so that only integrity and the token's
   form can refuse a changed AP-REQ: every value of each octet of the
   framing and TOK_ID, every bit of every other octet, every
   truncation.  The octets nothing authenticates may be accepted. */
START_TEST (test_ap_req_changed)
{
  gss_name_t target;
  gss_ctx_id_t ictx;
  gss_buffer_desc tok, bad;
  struct span spans[UNAUTH_SPANS];
  unsigned char *copy;
  OM_uint32 m, major;
  size_t i, head;
  unsigned v;

  setenv ("KRB5RCACHETYPE", "none", 1);
  target = target_named ("host@localhost");
  tok = first_token (target, GSS_C_MUTUAL_FLAG, &ictx);
  copy = malloc (tok.length);
  /* The same token twice: the replay cache is out of the way. */
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_COMPLETE);
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_COMPLETE);
  ap_req_unauthenticated (&tok, spans);
  head = framing_length (&tok);
  bad.value = copy;
  bad.length = tok.length;
  for (i = 0; i < tok.length; i++)
    for (v = 1; v < 256; v++)
      {
	if (i >= head && (v & (v - 1)) != 0)
	  continue;
	memcpy (copy, tok.value, tok.length);
	copy[i] ^= (unsigned char) v;
	major = accept_refused (&bad, &m);
	if (!GSS_ERROR (major) && !in_spans (i, spans))
	  ck_abort_msg ("octet %zu of %zu changed (xor %#x) was accepted", i, tok.length, v);
      }
  for (i = 0; i < tok.length; i++)
    {
      bad.value = tok.value;
      bad.length = i;
      if (!GSS_ERROR (accept_refused (&bad, &m)))
	ck_abort_msg ("truncation to %zu accepted", i);
    }
  /* An octet after the AP-REQ, inside a framing that counts it. */
  {
    gss_buffer_desc inner, longer, framed;

    ck_assert_uint_eq (gss_decapsulate_token (&tok, GSS_KRB5, &inner), GSS_S_COMPLETE);
    longer.length = inner.length + 1;
    longer.value = malloc (longer.length);
    memcpy (longer.value, inner.value, inner.length);
    ((unsigned char *) longer.value)[inner.length] = 0;
    ck_assert_uint_eq (gss_encapsulate_token (&longer, GSS_KRB5, &framed), GSS_S_COMPLETE);
    ck_assert_msg (GSS_ERROR (accept_refused (&framed, &m)), "an octet appended was accepted");
    gss_release_buffer (&minor, &framed);
    gss_release_buffer (&minor, &inner);
    free (longer.value);
  }
  free (copy);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
  /* The other tests want the replay cache (CK_FORK=no runs them in this
     process). */
  unsetenv ("KRB5RCACHETYPE");
}
END_TEST

/* Each changed AP-REP goes to an initiator waiting for exactly that
   reply, so only the change can make it fail.  CHANGE (below 256) is
   XORed into octet I (counted from the end with FROM_END), or
   (TRUNCATE) the reply is cut to I octets; the reply's length is
   returned, and nothing is changed past its end. */
static size_t
ap_rep_try (gss_name_t target, size_t i, unsigned change, int truncate, int from_end)
{
  gss_ctx_id_t ictx, actx = GSS_C_NO_CONTEXT;
  gss_buffer_desc first = first_token (target, GSS_C_MUTUAL_FLAG, &ictx), reply, out;
  OM_uint32 major;
  size_t len;

  ck_assert_uint_eq (gss_accept_sec_context (&minor, &actx, GSS_C_NO_CREDENTIAL, &first, NULL,
					     NULL, NULL, &reply, NULL, NULL, NULL),
		     GSS_S_COMPLETE);
  len = reply.length;
  if (from_end && i < len)
    i = len - 1 - i;
  if (i < len)
    {
      if (truncate)
	reply.length = i;
      else
	((unsigned char *) reply.value)[i] ^= (unsigned char) change;
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ictx, target, GSS_KRB5,
				    GSS_C_MUTUAL_FLAG, 0, NULL, &reply, NULL, &out, NULL, NULL);
      if (!GSS_ERROR (major))
	ck_abort_msg ("%s %zu (xor %#x) of %zu accepted", truncate ? "truncation to" : "octet",
		      i, change, len);
      ck_assert_uint_eq (out.length, 0);
      /* A failed later call leaves the context to the caller. */
      ck_assert_ptr_ne (ictx, GSS_C_NO_CONTEXT);
    }
  reply.length = len;
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &first);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);
  return len;
}

/* ap_rep_try until a reply is long enough to have octet I (the length
   of a reply varies with its microseconds and sequence number); false
   when none of twenty replies was. */
static bool
ap_rep_change (gss_name_t target, size_t i, unsigned change, int truncate, int from_end)
{
  int tries;

  for (tries = 0; tries < 20; tries++)
    if (i < ap_rep_try (target, i, change, truncate, from_end))
      return true;
  return false;
}

/* Every value of each octet of the framing and TOK_ID, every bit of the
   others, every truncation, as far as replies reach; and every bit of
   the last 32 octets counted from the end of each reply, so that the
   end of a longer reply is changed too. */
START_TEST (test_ap_rep_changed)
{
  gss_name_t target = target_named ("host@localhost");
  size_t i, len, head, tried = 0;
  unsigned v;
  bool reached = true;

  len = ap_rep_try (target, (size_t) -1, 0, 0, 0);	/* unchanged */
  /* 0x60, one length octet or 0x81 and one, the OID, TOK_ID 02 00. */
  head = 2 + (len - 2 > 127) + 11 + 2;
  for (i = 0; reached; i++)
    for (v = 1; v < 256 && reached; v++)
      if (i < head || (v & (v - 1)) == 0)
	reached = ap_rep_change (target, i, v, 0, 0);
  tried = i - 1;
  ck_assert_uint_ge (tried, len - 2);
  for (i = 0; i < 32; i++)
    for (v = 1; v < 256; v <<= 1)
      ck_assert (ap_rep_change (target, i, v, 0, 1));
  for (i = 0; ap_rep_change (target, i, 0, 1, 0); i++)
    ;
  ck_assert_uint_ge (i, len - 2);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (test_principal_not_in_keytab)
{
  const char *absent = getenv ("REALM_ABSENT_SERVICE");
  gss_name_t target;
  gss_ctx_id_t ictx;
  gss_buffer_desc tok;
  OM_uint32 m = 0;
  char *text;

  ck_assert_ptr_nonnull (absent);
  target = target_named (absent);
  tok = first_token (target, 0, &ictx);
  /* No key can accept it: RFC 2744's NO_CRED. */
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_NO_CRED);
  text = minor_text (m);
  /* libkrb5's words: no key of the keytab is for the ticket's server. */
  ck_assert_msg (strstr (text, "isn't for us") != NULL, "minor text: %s", text);
  free (text);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

/* libkrb5 applies the KDC time offset a ccache records (kdc_timesync)
   to every authenticator it makes: a copy of the ccache claiming the
   KDC is an hour ahead makes an initiator with a skewed clock, using
   the service ticket the genuine ccache already holds. */
static char *
skewed_ccache (long offset)
{
  const char *name = getenv ("KRB5CCNAME");
  const char *path = strncmp (name, "FILE:", 5) == 0 ? name + 5 : name;
  char *copy = malloc (strlen (path) + 16), *env;
  unsigned char head[16], *rest;
  size_t hlen, n;
  long size;
  FILE *in, *out;

  sprintf (copy, "%s.skewed", path);
  in = fopen (path, "rb");
  ck_assert_ptr_nonnull (in);
  ck_assert_int_eq (fseek (in, 0, SEEK_END), 0);
  size = ftell (in);
  rewind (in);
  rest = malloc ((size_t) size);
  n = fread (rest, 1, (size_t) size, in);
  fclose (in);
  ck_assert_uint_eq (n, (size_t) size);
  /* FILE ccache version 4: 05 04, a two-octet header length, tags. */
  ck_assert (size > 4 && rest[0] == 5 && rest[1] == 4);
  hlen = (size_t) rest[2] << 8 | rest[3];
  head[0] = 5, head[1] = 4, head[2] = 0, head[3] = 12;
  head[4] = 0, head[5] = 1, head[6] = 0, head[7] = 8;	/* DeltaTime */
  head[8] = (unsigned char) (offset >> 24), head[9] = (unsigned char) (offset >> 16);
  head[10] = (unsigned char) (offset >> 8), head[11] = (unsigned char) offset;
  memset (head + 12, 0, 4);
  out = fopen (copy, "wb");
  ck_assert_ptr_nonnull (out);
  ck_assert_uint_eq (fwrite (head, 1, 16, out), 16);
  ck_assert_uint_eq (fwrite (rest + 4 + hlen, 1, (size_t) size - 4 - hlen, out),
		     (size_t) size - 4 - hlen);
  ck_assert_int_eq (fclose (out), 0);
  free (rest);
  env = malloc (strlen (copy) + 6);
  sprintf (env, "FILE:%s", copy);
  free (copy);
  return env;
}

START_TEST (test_skewed_clock)
{
  gss_name_t target = target_named ("host@localhost");
  char *saved = strdup (getenv ("KRB5CCNAME")), *skewed, *text;
  gss_ctx_id_t ictx;
  gss_buffer_desc tok;
  OM_uint32 m = 0;

  /* Puts the service ticket in the genuine ccache. */
  tok = first_token (target, 0, &ictx);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);

  skewed = skewed_ccache (3600);
  setenv ("KRB5CCNAME", skewed, 1);
  tok = first_token (target, 0, &ictx);
  setenv ("KRB5CCNAME", saved, 1);
  /* The authenticator is outside the acceptor's window of time. */
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_CONTEXT_EXPIRED);
  text = minor_text (m);
  ck_assert_msg (strstr (text, "skew") != NULL, "minor text: %s", text);
  free (text);
  unlink (skewed + 5);
  free (skewed);
  free (saved);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (test_replayed)
{
  gss_name_t target = target_named ("host@localhost");
  gss_ctx_id_t ictx;
  gss_buffer_desc tok = first_token (target, 0, &ictx);
  OM_uint32 m = 0;
  char *text;

  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_COMPLETE);
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN);
  text = minor_text (m);
  ck_assert_msg (strstr (text, "replay") != NULL, "minor text: %s", text);
  free (text);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("hostile");
  TCase *tc = tcase_create ("context tokens");

  if (getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_hostile: run through tests/kdc/realm.sh run\n");
      exit (77);
    }
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_ap_req_changed);
  tcase_add_test (tc, test_ap_rep_changed);
  tcase_add_test (tc, test_principal_not_in_keytab);
  tcase_add_test (tc, test_skewed_clock);
  tcase_add_test (tc, test_replayed);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
