/* check_hostile.c - context tokens that a peer or the network changed,
   and AP-REQs an acceptor must refuse, in a throwaway realm
   (tests/realm-checks.sh): every single-octet change and truncation of
   an AP-REQ and of an AP-REP fails, no half-built context is left
   behind, and an AP-REQ for a principal missing from the keytab, from a
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

START_TEST (test_ap_req_changed)
{
  gss_name_t target = target_named ("host@localhost");
  gss_ctx_id_t ictx;
  gss_buffer_desc tok = first_token (target, GSS_C_MUTUAL_FLAG, &ictx), bad;
  unsigned char *copy = malloc (tok.length);
  OM_uint32 m;
  size_t i;

  /* The genuine token goes first: a change to an octet nothing
     authenticates (such as an ap-options bit) then meets the replay
     cache, as it would if an attacker replayed a changed copy. */
  ck_assert_uint_eq (accept_refused (&tok, &m), GSS_S_COMPLETE);
  for (i = 0; i < tok.length; i++)
    {
      memcpy (copy, tok.value, tok.length);
      copy[i] ^= 0x01;
      bad.value = copy;
      bad.length = tok.length;
      ck_assert_msg (GSS_ERROR (accept_refused (&bad, &m)), "octet %zu changed was accepted", i);
    }
  for (i = 0; i < tok.length; i++)
    {
      bad.value = tok.value;
      bad.length = i;
      ck_assert_msg (GSS_ERROR (accept_refused (&bad, &m)), "truncation to %zu accepted", i);
    }
  free (copy);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

/* Each changed AP-REP goes to an initiator waiting for exactly that
   reply, so only the change can make it fail. */
START_TEST (test_ap_rep_changed)
{
  gss_name_t target = target_named ("host@localhost");
  size_t i, len = 0;
  int truncate;

  for (truncate = 0; truncate < 2; truncate++)
    for (i = 0; i == 0 || i < len; i++)
      {
	gss_ctx_id_t ictx, actx = GSS_C_NO_CONTEXT;
	gss_buffer_desc first = first_token (target, GSS_C_MUTUAL_FLAG, &ictx), reply, out;
	OM_uint32 major;

	ck_assert_uint_eq (gss_accept_sec_context (&minor, &actx, GSS_C_NO_CREDENTIAL, &first, NULL,
						   NULL, NULL, &reply, NULL, NULL, NULL),
			   GSS_S_COMPLETE);
	len = reply.length;
	if (truncate)
	  reply.length = i;
	else
	  ((unsigned char *) reply.value)[i] ^= 0x01;
	major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ictx, target, GSS_KRB5,
				      GSS_C_MUTUAL_FLAG, 0, NULL, &reply, NULL, &out, NULL, NULL);
	ck_assert_msg (GSS_ERROR (major), "%s %zu accepted",
		       truncate ? "truncation to" : "octet changed:", i);
	ck_assert_uint_eq (out.length, 0);
	/* A failed later call leaves the context to the caller. */
	ck_assert_ptr_ne (ictx, GSS_C_NO_CONTEXT);
	reply.length = len;
	gss_release_buffer (&minor, &reply);
	gss_release_buffer (&minor, &first);
	gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
	gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);
      }
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
