/* version.c - gss_check_version. */
#include "internal.h"
#include <stdlib.h>

/* Parses "MAJOR.MINOR.PATCH" (missing parts count as 0); false when S
   is not of that form. */
static bool
parse_version (const char *s, unsigned long v[3])
{
  int i;

  for (i = 0; i < 3; i++)
    {
      char *end;

      v[i] = 0;
      /* Missing parts, even all three, are 0: GNU GSS accepts "". */
      if (*s == '\0')
	continue;
      if (*s < '0' || *s > '9')
	return false;
      v[i] = strtoul (s, &end, 10);
      s = end;
      if (*s == '.' && i < 2)
	s++;
      else if (*s != '\0' && i < 2)
	return false;
    }
  return true;
}

/*@ gss_check_version - check that the library is at least a given version
 *
 * @param req_version (in, optional) The oldest version the program
 *   works with, as `MAJOR.MINOR.PATCH` (missing parts count as 0, the
 *   empty string being 0.0.0 as for GNU GSS, and
 *   anything after the third number is ignored), or NULL.
 *
 * @desc
 * Programs call this at start-up, usually with GSS_VERSION, the version
 * of the gss.h they were compiled with, to make sure the shared library
 * found at run time is not older.  With NULL, it just tells the
 * library's version.
 *
 * This library carries its own version number, above the 1.0.4 of the
 * GNU GSS release it replaces, so that programs asking for GNU GSS
 * 1.0.4 or older are satisfied.
 *
 * @return the library's version string: When @req_version is NULL or
 *   not newer than the library.  The string is static: do not modify or
 *   free it.
 * @return NULL: When the library is older than @req_version, or
 *   @req_version is not of the form above.
 *
 * @see gss_indicate_mechs
 */
const char *
gss_check_version (const char *req_version)
{
  unsigned long have[3], want[3];
  int i;

  if (req_version == NULL)
    return PACKAGE_VERSION;
  if (!parse_version (PACKAGE_VERSION, have)
      || !parse_version (req_version, want))
    return NULL;
  for (i = 0; i < 3; i++)
    if (have[i] != want[i])
      return have[i] > want[i] ? PACKAGE_VERSION : NULL;
  return PACKAGE_VERSION;
}
