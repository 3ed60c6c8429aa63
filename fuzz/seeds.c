/* seeds.c - makes the seed corpora of the fuzz targets from real
   tokens, inside a throwaway realm (tests/kdc/realm.sh run):
     seeds DIR LABEL
   writes DIR/accept/ (AP-REQs), DIR/init_reply/ (an AP-REP and a
   KRB-ERROR), DIR/decapsulate/ (every framed token), DIR/import_name/
   (exported names), DIR/import_context/ (exported contexts),
   DIR/unwrap-LABEL/ (Wrap and MIC tokens from an initiator) and
   DIR/context-LABEL (the matching acceptor context, for FUZZ_CONTEXT),
   DIR/spnego_accept/ (NegTokenInits) and DIR/spnego_init_reply/
   (NegTokenResps).
   LABEL names the realm's enctype family. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <gss.h>

#define MIC_MESSAGE "fuzz message"

static const char *dir;
static OM_uint32 minor;

static void
check (OM_uint32 major, OM_uint32 want, const char *what)
{
  if (major != want)
    {
      fprintf (stderr, "seeds: %s: major %#x, minor %#x\n", what,
	       (unsigned) major, (unsigned) minor);
      exit (1);
    }
}

static void
save (const char *sub, const char *name, const gss_buffer_t b)
{
  char path[4096];
  FILE *f;

  snprintf (path, sizeof path, "%s/%s", dir, sub);
  if (mkdir (path, 0777) != 0 && errno != EEXIST)
    {
      perror (path);
      exit (1);
    }
  snprintf (path, sizeof path, "%s/%s/%s", dir, sub, name);
  f = fopen (path, "wb");
  if (f == NULL || fwrite (b->value, 1, b->length, f) != b->length
      || fclose (f) != 0)
    {
      perror (path);
      exit (1);
    }
}

static gss_name_t
service (const char *text)
{
  gss_buffer_desc b = { strlen (text), (void *) text };
  gss_name_t name;

  check (gss_import_name (&minor, &b, GSS_C_NT_HOSTBASED_SERVICE, &name),
	 GSS_S_COMPLETE, "import_name");
  return name;
}

/* Establishes a context pair with FLAGS, saving its tokens under NAME
   when SAVE_TOKENS. */
static void
establish (gss_name_t target, OM_uint32 flags, const char *name,
	   int save_tokens, gss_ctx_id_t *init, gss_ctx_id_t *acc)
{
  gss_buffer_desc first, reply = GSS_C_EMPTY_BUFFER, last;
  OM_uint32 major;

  *init = *acc = GSS_C_NO_CONTEXT;
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, init, target,
				GSS_KRB5, flags, 0, NULL, NULL, NULL, &first,
				NULL, NULL);
  check (major, flags & GSS_C_MUTUAL_FLAG ? GSS_S_CONTINUE_NEEDED
	 : GSS_S_COMPLETE, "init_sec_context");
  check (gss_accept_sec_context (&minor, acc, GSS_C_NO_CREDENTIAL, &first,
				 NULL, NULL, NULL, &reply, NULL, NULL, NULL),
	 GSS_S_COMPLETE, "accept_sec_context");
  if (flags & GSS_C_MUTUAL_FLAG)
    check (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, init, target,
				 GSS_KRB5, flags, 0, NULL, &reply, NULL,
				 &last, NULL, NULL), GSS_S_COMPLETE,
	   "init_sec_context (reply)");
  if (save_tokens)
    {
      char file[256];

      save ("accept", name, &first);
      snprintf (file, sizeof file, "apreq-%s", name);
      save ("decapsulate", file, &first);
      if (reply.length)
	{
	  save ("init_reply", name, &reply);
	  snprintf (file, sizeof file, "aprep-%s", name);
	  save ("decapsulate", file, &reply);
	}
    }
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
}

/* A KRB-ERROR: the acceptor refuses bindings that differ, and answers
   an initiator waiting for a reply with an error token. */
static void
error_token (gss_name_t target)
{
  struct gss_channel_bindings_struct a = { 0 }, b = { 0 };
  gss_buffer_desc first, reply = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t init = GSS_C_NO_CONTEXT, acc = GSS_C_NO_CONTEXT;

  a.application_data.value = (void *) "one";
  a.application_data.length = 3;
  b.application_data.value = (void *) "two";
  b.application_data.length = 3;
  check (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init, target,
			       GSS_KRB5, GSS_C_MUTUAL_FLAG, 0, &a, NULL,
			       NULL, &first, NULL, NULL),
	 GSS_S_CONTINUE_NEEDED, "init_sec_context (bindings)");
  check (gss_accept_sec_context (&minor, &acc, GSS_C_NO_CREDENTIAL, &first,
				 &b, NULL, NULL, &reply, NULL, NULL, NULL),
	 GSS_S_BAD_BINDINGS, "accept_sec_context (bindings)");
  if (reply.length == 0)
    {
      fprintf (stderr, "seeds: no error token\n");
      exit (1);
    }
  save ("init_reply", "krb-error", &reply);
  save ("decapsulate", "krb-error", &reply);
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_delete_sec_context (&minor, &init, NULL);
  gss_delete_sec_context (&minor, &acc, NULL);
}

/* SPNEGO exchanges with FLAGS: the NegTokenInit for spnego_accept, the
   acceptor's NegTokenResp for spnego_init_reply, both for decapsulate
   (which must refuse them: they are not Kerberos tokens).  With
   BINDINGS the acceptor refuses and its error reply is the seed.  */
static void
spnego (gss_name_t target, OM_uint32 flags, int bindings, const char *name)
{
  struct gss_channel_bindings_struct a = { 0 }, b = { 0 };
  gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t init = GSS_C_NO_CONTEXT, acc = GSS_C_NO_CONTEXT;
  OM_uint32 major, amajor = GSS_S_CONTINUE_NEEDED;
  char file[256];
  int leg;

  a.application_data.value = (void *) "one";
  a.application_data.length = 3;
  b.application_data.value = (void *) "two";
  b.application_data.length = 3;
  for (leg = 0;; leg++)
    {
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
				    target, GSS_SPNEGO, flags, 0,
				    bindings ? &a : NULL, &in, NULL, &out,
				    NULL, NULL);
      gss_release_buffer (&minor, &in);
      if (GSS_ERROR (major))
	check (major, GSS_S_COMPLETE, "init_sec_context (SPNEGO)");
      if (out.length == 0)
	break;
      snprintf (file, sizeof file, "%s-%d", name, leg);
      if (leg == 0)
	save ("spnego_accept", file, &out);
      snprintf (file, sizeof file, "spnego-init-%s-%d", name, leg);
      save ("decapsulate", file, &out);
      amajor = gss_accept_sec_context (&minor, &acc, GSS_C_NO_CREDENTIAL,
				       &out, bindings ? &b : NULL, NULL, NULL,
				       &in, NULL, NULL, NULL);
      gss_release_buffer (&minor, &out);
      if (in.length != 0)
	{
	  snprintf (file, sizeof file, "%s-%d", name, leg);
	  save ("spnego_init_reply", file, &in);
	  snprintf (file, sizeof file, "spnego-resp-%s-%d", name, leg);
	  save ("decapsulate", file, &in);
	}
      if (bindings)
	{
	  check (GSS_ERROR (amajor) ? GSS_S_FAILURE : amajor, GSS_S_FAILURE,
		 "accept_sec_context (SPNEGO, bindings)");
	  break;
	}
      check (GSS_ERROR (amajor) ? amajor : GSS_S_COMPLETE, GSS_S_COMPLETE,
	     "accept_sec_context (SPNEGO)");
      if (major == GSS_S_COMPLETE || in.length == 0)
	break;
    }
  gss_release_buffer (&minor, &in);
  if (!bindings && (major != GSS_S_COMPLETE || amajor != GSS_S_COMPLETE))
    {
      fprintf (stderr, "seeds: SPNEGO %s did not complete\n", name);
      exit (1);
    }
  gss_delete_sec_context (&minor, &init, NULL);
  gss_delete_sec_context (&minor, &acc, NULL);
}

static void
names (gss_name_t target)
{
  gss_name_t canon;
  gss_buffer_desc out;

  check (gss_canonicalize_name (&minor, target, GSS_KRB5, &canon),
	 GSS_S_COMPLETE, "canonicalize_name");
  check (gss_export_name (&minor, canon, &out), GSS_S_COMPLETE,
	 "export_name");
  save ("import_name", "host", &out);
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &canon);
}

/* Per-message tokens from the initiator, then the acceptor context
   that reads them. */
static void
messages (gss_name_t target, const char *label)
{
  static const size_t sizes[] = { 0, 1, 15, 16, 17, 100, 1000 };
  gss_ctx_id_t init, acc;
  gss_buffer_desc m, tok, blob;
  char sub[256], file[256];
  unsigned char *text;
  size_t i;
  int conf;

  establish (target, GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
	     | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG,
	     label, 0, &init, &acc);
  snprintf (sub, sizeof sub, "unwrap-%s", label);
  text = malloc (1000);
  for (i = 0; i < 1000; i++)
    text[i] = (unsigned char) (i * 31 + 7);
  for (conf = 0; conf < 2; conf++)
    for (i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
      {
	m.value = text;
	m.length = sizes[i];
	check (gss_wrap (&minor, init, conf, 0, &m, NULL, &tok),
	       GSS_S_COMPLETE, "wrap");
	snprintf (file, sizeof file, "wrap-conf%d-%zu", conf, sizes[i]);
	save (sub, file, &tok);
	if (i == 2)
	  {
	    snprintf (file, sizeof file, "wrap-%s-conf%d", label, conf);
	    save ("decapsulate", file, &tok);
	  }
	gss_release_buffer (&minor, &tok);
      }
  m.value = (void *) MIC_MESSAGE;
  m.length = strlen (MIC_MESSAGE);
  check (gss_get_mic (&minor, init, 0, &m, &tok), GSS_S_COMPLETE, "get_mic");
  save (sub, "mic", &tok);
  gss_release_buffer (&minor, &tok);
  free (text);

  check (gss_export_sec_context (&minor, &acc, &blob), GSS_S_COMPLETE,
	 "export_sec_context");
  snprintf (file, sizeof file, "context-%s", label);
  save (".", file, &blob);
  snprintf (file, sizeof file, "acceptor-%s", label);
  save ("import_context", file, &blob);
  gss_release_buffer (&minor, &blob);
  check (gss_export_sec_context (&minor, &init, &blob), GSS_S_COMPLETE,
	 "export_sec_context");
  snprintf (file, sizeof file, "initiator-%s", label);
  save ("import_context", file, &blob);
  gss_release_buffer (&minor, &blob);
}

int
main (int argc, char **argv)
{
  gss_name_t target;
  gss_ctx_id_t a, b;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DIR LABEL\n", argv[0]);
      return 2;
    }
  dir = argv[1];
  target = service ("host@localhost");
  establish (target, 0, "plain", 1, &a, &b);
  gss_delete_sec_context (&minor, &a, NULL);
  gss_delete_sec_context (&minor, &b, NULL);
  establish (target, GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
	     | GSS_C_SEQUENCE_FLAG, "mutual", 1, &a, &b);
  gss_delete_sec_context (&minor, &a, NULL);
  gss_delete_sec_context (&minor, &b, NULL);
  establish (target, GSS_C_MUTUAL_FLAG | GSS_C_DELEG_FLAG, "deleg", 1, &a,
	     &b);
  gss_delete_sec_context (&minor, &a, NULL);
  gss_delete_sec_context (&minor, &b, NULL);
  error_token (target);
  spnego (target, 0, 0, "plain");
  spnego (target, GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
	  | GSS_C_SEQUENCE_FLAG, 0, "mutual");
  spnego (target, GSS_C_MUTUAL_FLAG | GSS_C_DELEG_FLAG, 0, "deleg");
  spnego (target, GSS_C_MUTUAL_FLAG, 1, "bindings");
  names (target);
  messages (target, argv[2]);
  gss_release_name (&minor, &target);
  return 0;
}
