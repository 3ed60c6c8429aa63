/* i18n-shim.c - loaded with LD_PRELOAD by tests/i18n-catalogues.sh:
   whoever binds the "gss" message catalogue (the library when it is
   loaded, the gss tool in main) gets the locale tree named by the
   environment variable I18N_SHIM_LOCALEDIR instead of the installation's
   directory, so the uninstalled build can be heard in another language.
   Every other call goes through unchanged. */
#define _GNU_SOURCE 1
#include <config.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef char *bind_function (const char *domain, const char *directory);

char *bindtextdomain (const char *domain, const char *directory);

char *
bindtextdomain (const char *domain, const char *directory)
{
  bind_function *next = (bind_function *) dlsym (RTLD_NEXT, "bindtextdomain");
  const char *tree = getenv ("I18N_SHIM_LOCALEDIR");

  if (next == NULL)
    {
      fputs ("i18n-shim: no bindtextdomain to forward to\n", stderr);
      abort ();
    }
  if (domain != NULL && directory != NULL && tree != NULL
      && strcmp (domain, GETTEXT_DOMAIN) == 0)
    directory = tree;
  return next (domain, directory);
}
