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
      if (*s == '\0' && i > 0)
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
