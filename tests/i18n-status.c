/* i18n-status.c - prints, one per line, the texts gss_display_status
   and gss_inquire_saslname_for_mech give for a few status codes and for
   the Kerberos 5 mechanism, in the language of the environment, taking
   the "gss" message catalogue from the locale tree named on the command
   line.  tests/i18n-catalogues.sh compares the lines with po/LANG.po.

   The library binds its catalogue to the installation's locale
   directory when it is loaded; binding the domain again here, before
   the first call, points it at the uninstalled build instead. */
#include <config.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <gss.h>
#include "gettext.h"

/* Every text of STATUS, in the order gss_display_status hands them out;
   false when one of the calls fails. */
static int
print_texts (OM_uint32 status, int type, gss_OID mech)
{
  OM_uint32 major, minor, context = 0;
  gss_buffer_desc text;

  do
    {
      major = gss_display_status (&minor, status, type, mech, &context,
				  &text);
      if (GSS_ERROR (major))
	{
	  fprintf (stderr, "i18n-status: gss_display_status (%#lx) failed: "
		   "%#lx\n", (unsigned long) status, (unsigned long) major);
	  return 0;
	}
      printf ("%.*s\n", (int) text.length, (char *) text.value);
      gss_release_buffer (&minor, &text);
    }
  while (context != 0);
  return 1;
}

int
main (int argc, char **argv)
{
  static const OM_uint32 majors[] = {
    GSS_S_BAD_MECH,
    GSS_S_NO_CRED,
    GSS_S_CALL_INACCESSIBLE_READ | GSS_S_DEFECTIVE_TOKEN,
    GSS_S_BAD_SIG | GSS_S_DUPLICATE_TOKEN | GSS_S_GAP_TOKEN,
    GSS_S_CONTINUE_NEEDED,
  };
  static const OM_uint32 minors[] = {
    GSS_KRB5_S_G_BAD_SERVICE_NAME,
    GSS_KRB5_S_KG_CCACHE_NOMATCH,
  };
  OM_uint32 minor;
  gss_buffer_desc description;
  size_t i;
  int ok = 1;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s LOCALE-DIRECTORY\n", argv[0]);
      return 99;
    }
#if !ENABLE_NLS
  fprintf (stderr, "i18n-status: built without native language support\n");
  return 77;
#endif
  if (setlocale (LC_ALL, "") == NULL)
    {
      fprintf (stderr, "i18n-status: the locale of the environment is not "
	       "available\n");
      return 77;
    }
  if (bindtextdomain (GETTEXT_DOMAIN, argv[1]) == NULL)
    {
      perror ("i18n-status: bindtextdomain");
      return 99;
    }

  for (i = 0; i < sizeof majors / sizeof majors[0]; i++)
    ok &= print_texts (majors[i], GSS_C_GSS_CODE, GSS_C_NO_OID);
  for (i = 0; i < sizeof minors / sizeof minors[0]; i++)
    ok &= print_texts (minors[i], GSS_C_MECH_CODE, GSS_KRB5);
  if (GSS_ERROR (gss_inquire_saslname_for_mech (&minor, GSS_KRB5, NULL, NULL,
						&description)))
    {
      fprintf (stderr, "i18n-status: gss_inquire_saslname_for_mech failed\n");
      ok = 0;
    }
  else
    {
      printf ("%.*s\n", (int) description.length, (char *) description.value);
      gss_release_buffer (&minor, &description);
    }
  if (fflush (stdout) != 0)
    ok = 0;
  return ok ? EXIT_SUCCESS : 99;
}
