/* unit.h - what every Check suite of libgss shares. */
#ifndef LIBGSS_TESTS_UNIT_H
#define LIBGSS_TESTS_UNIT_H

#include <config.h>
#include <check.h>
#include <stdio.h>
#include <gss.h>
#include <stdlib.h>
#include <string.h>

/* Each suite file defines this and gets a main that runs it. */
Suite *unit_suite (void);

/* A run in which no test ran fails: CK_RUN_SUITE or CK_RUN_CASE naming
   nothing (or a suite left empty) must not pass for a green one.  */
#define UNIT_MAIN                                                     \
  int main (void)                                                     \
  {                                                                   \
    SRunner *runner = srunner_create (unit_suite ());                 \
    int failed, ran;                                                  \
    srunner_run_all (runner, CK_NORMAL);                              \
    failed = srunner_ntests_failed (runner);                          \
    ran = srunner_ntests_run (runner);                                \
    srunner_free (runner);                                            \
    if (ran == 0)                                                     \
      fprintf (stderr, "no test ran\n");                              \
    return failed || ran == 0 ? EXIT_FAILURE : EXIT_SUCCESS;          \
  }

/* A buffer over a C string, without its NUL. */
static inline gss_buffer_desc
unit_buf (const char *s)
{
  gss_buffer_desc b = { strlen (s), (void *) s };
  return b;
}

/* Whether BUF holds exactly the text S. */
static inline int
unit_buf_is (const gss_buffer_desc *buf, const char *s)
{
  return buf->length == strlen (s) && memcmp (buf->value, s, buf->length) == 0;
}

#endif
