/* exchange.c - gss -i and gss -a: establish a security context with a
   peer, one base64 token per line on standard output and input.
   Tokens alone go to standard output, so two of these tools can be
   wired to each other; everything said to a person goes to standard
   error. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "base64.h"
#include "gss-tool.h"

void
tool_report (const char *what, OM_uint32 major, OM_uint32 minor)
{
  OM_uint32 tmp, context = 0;
  gss_buffer_desc text;

  /* TRANSLATORS: %s is the name of a GSS-API function. */
  fprintf (stderr, _("gss: %s failed (major %#lx, minor %lu)\n"), what,
	   (unsigned long) major, (unsigned long) minor);
  do
    {
      if (GSS_ERROR (gss_display_status (&tmp, major, GSS_C_GSS_CODE,
					 GSS_C_NO_OID, &context, &text)))
	break;
      fprintf (stderr, "gss:   %.*s\n", (int) text.length, (char *) text.value);
      gss_release_buffer (&tmp, &text);
    }
  while (context != 0);
  context = 0;
  if (minor != 0
      && !GSS_ERROR (gss_display_status (&tmp, minor, GSS_C_MECH_CODE,
					 GSS_C_NO_OID, &context, &text)))
    {
      fprintf (stderr, "gss:   %.*s\n", (int) text.length, (char *) text.value);
      gss_release_buffer (&tmp, &text);
    }
}

static bool
write_token (const gss_buffer_desc *token)
{
  char *text = NULL;
  idx_t len;

  len = base64_encode_alloc (token->value, (idx_t) token->length, &text);
  if (text == NULL)
    return false;
  printf ("%.*s\n", (int) len, text);
  fflush (stdout);
  free (text);
  return !ferror (stdout);
}

/* Reads one base64 line into TOKEN (released with free ()). */
static bool
read_token (gss_buffer_desc *token, bool quiet)
{
  char *line = NULL, *data = NULL;
  size_t size = 0;
  ssize_t n;
  idx_t len = 0;

  if (!quiet)
    fprintf (stderr, "%s\n", _("Input context token:"));
  n = getline (&line, &size, stdin);
  if (n <= 0)
    {
      free (line);
      fprintf (stderr, "%s\n", _("gss: no context token on standard input"));
      return false;
    }
  while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
    line[--n] = '\0';
  if (!base64_decode_alloc (line, n, &data, &len) || data == NULL)
    {
      free (line);
      fprintf (stderr, "%s\n", _("gss: the context token is not base64"));
      return false;
    }
  free (line);
  token->value = data;
  token->length = (size_t) len;
  return true;
}

static void
print_flags (OM_uint32 flags)
{
  static const struct
  {
    OM_uint32 bit;
    const char *name;
  } names[] = {
    {GSS_C_DELEG_FLAG, "DELEG"}, {GSS_C_MUTUAL_FLAG, "MUTUAL"},
    {GSS_C_REPLAY_FLAG, "REPLAY"}, {GSS_C_SEQUENCE_FLAG, "SEQUENCE"},
    {GSS_C_CONF_FLAG, "CONF"}, {GSS_C_INTEG_FLAG, "INTEG"},
    {GSS_C_ANON_FLAG, "ANON"}, {GSS_C_PROT_READY_FLAG, "PROT_READY"},
    {GSS_C_TRANS_FLAG, "TRANS"},
  };
  size_t i;

  fprintf (stderr, _("Context flags: %#lx"), (unsigned long) flags);
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (flags & names[i].bit)
      fprintf (stderr, " %s", names[i].name);
  fprintf (stderr, "\n");
}

static void
print_name (const char *label, gss_name_t name)
{
  OM_uint32 minor;
  gss_buffer_desc text;

  if (gss_display_name (&minor, name, &text, NULL) == GSS_S_COMPLETE)
    {
      fprintf (stderr, label, (int) text.length, (char *) text.value);
      gss_release_buffer (&minor, &text);
    }
}

/* The mechanism OID of a SASL name; "*" or NULL is the default. */
static bool
mech_of (const char *sasl, gss_OID *mech)
{
  gss_buffer_desc name;
  OM_uint32 major, minor;

  *mech = GSS_C_NO_OID;
  if (sasl == NULL || strcmp (sasl, "*") == 0)
    return true;
  /* SPNEGO has no SASL name (RFC 5801 section 14): it goes by its own. */
  if (strcasecmp (sasl, "SPNEGO") == 0)
    {
      *mech = GSS_SPNEGO;
      return true;
    }
  name.value = (void *) sasl;
  name.length = strlen (sasl);
  major = gss_inquire_mech_for_saslname (&minor, &name, mech);
  if (GSS_ERROR (major))
    {
      fprintf (stderr, _("gss: unknown mechanism `%s' (see gss -l)\n"), sasl);
      return false;
    }
  return true;
}

static bool
import_server (const char *server, gss_name_t *name, bool quiet)
{
  gss_buffer_desc text = { strlen (server), (void *) server };
  OM_uint32 major, minor;

  if (!quiet)
    fprintf (stderr, _("Importing name \"%s\"...\n"), server);
  major = gss_import_name (&minor, &text, GSS_C_NT_HOSTBASED_SERVICE, name);
  if (GSS_ERROR (major))
    {
      tool_report ("gss_import_name", major, minor);
      return false;
    }
  return true;
}

int
tool_initiate (const char *sasl, const char *server, bool quiet)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out;
  gss_name_t target = GSS_C_NO_NAME;
  gss_OID mech;
  OM_uint32 major, minor, flags = 0;
  OM_uint32 req = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG
    | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;
  int status = 1;

  if (server == NULL)
    {
      fprintf (stderr, "%s\n",
	       _("gss: -i needs the server's name (-n SERVICE@HOSTNAME)"));
      return 1;
    }
  if (!mech_of (sasl, &mech) || !import_server (server, &target, quiet))
    return 1;
  for (;;)
    {
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target,
				    mech, req, 0, GSS_C_NO_CHANNEL_BINDINGS,
				    &in, NULL, &out, &flags, NULL);
      free (in.value);
      in.value = NULL;
      in.length = 0;
      if (out.length)
	{
	  if (!quiet)
	    fprintf (stderr, "%s\n", (flags & GSS_C_PROT_READY_FLAG)
		     ? _("Context token (protection is available):")
		     : _("Context token:"));
	  if (!write_token (&out))
	    major = GSS_S_FAILURE;
	  gss_release_buffer (&minor, &out);
	}
      if (GSS_ERROR (major))
	{
	  tool_report ("gss_init_sec_context", major, minor);
	  break;
	}
      if (!(major & GSS_S_CONTINUE_NEEDED))
	{
	  if (!quiet)
	    {
	      fprintf (stderr, "%s\n", _("Context has been initialized."));
	      print_flags (flags);
	    }
	  status = 0;
	  break;
	}
      if (!read_token (&in, quiet))
	break;
    }
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
  return status;
}

int
tool_accept (const char *sasl, const char *server, bool quiet)
{
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  gss_buffer_desc in, out;
  gss_name_t name = GSS_C_NO_NAME, src = GSS_C_NO_NAME;
  gss_OID mech;
  OM_uint32 major, minor, flags = 0;
  int status = 1;

  if (!mech_of (sasl, &mech))
    return 1;
  if (server)
    {
      gss_OID_set_desc mechs = { 1, mech };

      if (!import_server (server, &name, quiet))
	return 1;
      if (!quiet)
	fprintf (stderr, "%s\n", _("Acquiring credentials..."));
      major = gss_acquire_cred (&minor, name, GSS_C_INDEFINITE,
				mech ? &mechs : GSS_C_NO_OID_SET, GSS_C_ACCEPT,
				&cred, NULL, NULL);
      if (GSS_ERROR (major))
	{
	  tool_report ("gss_acquire_cred", major, minor);
	  gss_release_name (&minor, &name);
	  return 1;
	}
    }
  for (;;)
    {
      if (!read_token (&in, quiet))
	break;
      major = gss_accept_sec_context (&minor, &ctx, cred, &in,
				      GSS_C_NO_CHANNEL_BINDINGS, &src, NULL,
				      &out, &flags, NULL, NULL);
      free (in.value);
      if (out.length)
	{
	  if (!quiet)
	    fprintf (stderr, "%s\n", GSS_ERROR (major)
		     ? _("Error token for the client:")
		     : _("Context has been accepted.  Final context token:"));
	  if (!write_token (&out))
	    major = GSS_S_FAILURE;
	  gss_release_buffer (&minor, &out);
	}
      if (GSS_ERROR (major))
	{
	  tool_report ("gss_accept_sec_context", major, minor);
	  break;
	}
      if (!(major & GSS_S_CONTINUE_NEEDED))
	{
	  if (!quiet)
	    {
	      fprintf (stderr, "%s\n", _("Context has been accepted."));
	      print_name (_("Client: %.*s\n"), src);
	      print_flags (flags);
	    }
	  status = 0;
	  break;
	}
    }
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  gss_release_cred (&minor, &cred);
  gss_release_name (&minor, &name);
  gss_release_name (&minor, &src);
  return status;
}
