/* gss.c - the gss command-line tool: lists mechanisms, explains status
   codes, establishes security contexts. */
#include <config.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include "gss-tool.h"

static void
usage (int status)
{
  if (status != EXIT_SUCCESS)
    {
      fprintf (stderr, _("Try `%s --help' for more information.\n"), "gss");
      exit (status);
    }
  printf (_("Usage: %s OPTIONS...\n"), "gss");
  fputs (_("Command line interface to GSS: lists mechanisms, explains status\n"
	   "codes and establishes security contexts.\n\n"), stdout);
  fputs (_("Mandatory arguments to long options are mandatory for short options too.\n"), stdout);
  fputs (_("  -h, --help        Print help and exit.\n"
	   "  -V, --version     Print version and exit.\n"
	   "  -l, --list-mechanisms\n"
	   "                    List information about supported mechanisms\n"
	   "                    in a human readable format.\n"
	   "  -m, --major=LONG  Describe a `major status' error code value.\n"
	   "  -a, --accept-sec-context[=MECH]\n"
	   "                    Accept a security context as server.\n"
	   "                    If MECH is not given, or is \"*\", the library\n"
	   "                    default mechanism is used.\n"
	   "  -i, --init-sec-context=MECH\n"
	   "                    Initialize a security context as client.\n"
	   "                    MECH is the SASL name of mechanism, use -l\n"
	   "                    to list supported mechanisms, or SPNEGO.\n"
	   "  -n, --server-name=SERVICE@HOSTNAME\n"
	   "                    For -i and -a, set the name of the remote host.\n"
	   "                    For example, \"imap@mail.example.com\".\n"
	   "  -q, --quiet       Silent operation (default=off).\n\n"), stdout);
  fputs (_("Context tokens are written to standard output and read from\n"
	   "standard input, base64 encoded, one per line; messages go to\n"
	   "standard error.\n\n"), stdout);
  printf (_("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
  exit (EXIT_SUCCESS);
}

static void
version (void)
{
  printf ("gss (%s) %s\n", PACKAGE_NAME, PACKAGE_VERSION);
  fputs (_("Copyright (C) 2026 The libgss authors.\n"
	   "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	   "This is free software: you are free to change and redistribute it.\n"
	   "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
  exit (EXIT_SUCCESS);
}

static int
list_mechanisms (bool quiet)
{
  OM_uint32 major, minor;
  gss_OID_set mechs;
  size_t i;

  major = gss_indicate_mechs (&minor, &mechs);
  if (GSS_ERROR (major))
    {
      tool_report ("gss_indicate_mechs", major, minor);
      return 1;
    }
  if (!quiet)
    printf (_("Found %lu supported mechanisms.\n"), (unsigned long) mechs->count);
  for (i = 0; i < mechs->count; i++)
    {
      gss_buffer_desc sasl, name, desc;

      major = gss_inquire_saslname_for_mech (&minor, &mechs->elements[i],
					     &sasl, &name, &desc);
      if (GSS_ERROR (major))
	{
	  tool_report ("gss_inquire_saslname_for_mech", major, minor);
	  continue;
	}
      printf (_("\nMechanism %lu:\n"), (unsigned long) i);
      printf (_("\tMechanism name: %.*s\n"), (int) name.length, (char *) name.value);
      printf (_("\tMechanism description: %.*s\n"), (int) desc.length,
	      (char *) desc.value);
      if (sasl.length == 0)
	/* SPNEGO: RFC 5801 keeps it out of GS2. */
	printf (_("\tSASL Mechanism name: (none)\n"));
      else
	printf (_("\tSASL Mechanism name: %.*s\n"), (int) sasl.length,
		(char *) sasl.value);
      gss_release_buffer (&minor, &sasl);
      gss_release_buffer (&minor, &name);
      gss_release_buffer (&minor, &desc);
    }
  gss_release_oid_set (&minor, &mechs);
  return 0;
}

int
main (int argc, char **argv)
{
  static const struct option options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"list-mechanisms", no_argument, NULL, 'l'},
    {"major", required_argument, NULL, 'm'},
    {"accept-sec-context", optional_argument, NULL, 'a'},
    {"init-sec-context", required_argument, NULL, 'i'},
    {"server-name", required_argument, NULL, 'n'},
    {"quiet", no_argument, NULL, 'q'},
    {NULL, 0, NULL, 0}
  };
  enum { NOTHING, LIST, MAJOR, INITIATE, ACCEPT } action = NOTHING;
  const char *mech = NULL, *server = NULL;
  OM_uint32 major = 0;
  bool quiet = false;
  int c;

  setlocale (LC_ALL, "");
#if ENABLE_NLS
  bindtextdomain (GETTEXT_DOMAIN, LOCALEDIR);
  textdomain (GETTEXT_DOMAIN);
#endif

  while ((c = getopt_long (argc, argv, "hVlm:a::i:n:q", options, NULL)) != -1)
    switch (c)
      {
      case 'h':
	usage (EXIT_SUCCESS);
	break;
      case 'V':
	version ();
	break;
      case 'l':
	action = LIST;
	break;
      case 'm':
	{
	  char *end;
	  unsigned long v;

	  errno = 0;
	  v = strtoul (optarg, &end, 0);
	  if (errno || *end || end == optarg || v > 0xffffffffUL)
	    {
	      fprintf (stderr, _("gss: `%s' is not a status code\n"), optarg);
	      return EXIT_FAILURE;
	    }
	  major = (OM_uint32) v;
	  action = MAJOR;
	}
	break;
      case 'a':
	action = ACCEPT;
	mech = optarg;
	break;
      case 'i':
	action = INITIATE;
	mech = optarg;
	break;
      case 'n':
	server = optarg;
	break;
      case 'q':
	quiet = true;
	break;
      default:
	usage (EXIT_FAILURE);
      }
  if (optind < argc)
    {
      fprintf (stderr, _("gss: unexpected argument `%s'\n"), argv[optind]);
      usage (EXIT_FAILURE);
    }

  switch (action)
    {
    case LIST:
      return list_mechanisms (quiet);
    case MAJOR:
      return tool_explain_major (major, quiet);
    case INITIATE:
      return tool_initiate (mech, server, quiet);
    case ACCEPT:
      return tool_accept (mech, server, quiet);
    default:
      usage (EXIT_SUCCESS);
    }
  return EXIT_SUCCESS;
}
