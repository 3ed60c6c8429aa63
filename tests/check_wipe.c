/* check_wipe.c - gss_release_buffer overwrites what it frees: exported
   contexts hold keys, and so may any buffer.  The program's own free()
   sees the storage as it is handed back (the dynamic linker binds the
   library's free to the program's), then passes it to glibc. */
#include "unit.h"

#if defined __SANITIZE_ADDRESS__
# define SANITIZED 1
#elif defined __has_feature
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif

extern void __libc_free (void *);

static const void *watched;
static size_t watched_len;
static int wiped = -1;

void
free (void *p)
{
  if (p != NULL && p == watched)
    {
      const unsigned char *c = p;
      size_t i;

      wiped = 1;
      for (i = 0; i < watched_len; i++)
	if (c[i] != 0)
	  wiped = 0;
      watched = NULL;
    }
  __libc_free (p);
}

static void
check_release (gss_buffer_t buf)
{
  OM_uint32 minor;

  ck_assert_uint_gt (buf->length, 0);
  watched = buf->value;
  watched_len = buf->length;
  wiped = -1;
  ck_assert_uint_eq (gss_release_buffer (&minor, buf), GSS_S_COMPLETE);
  ck_assert_msg (wiped == 1, wiped == 0 ? "freed without being wiped"
		 : "gss_release_buffer did not free the storage");
}

START_TEST (test_library_buffer)
{
  gss_buffer_desc text;
  OM_uint32 minor, ctx = 0;

  ck_assert_uint_eq (gss_display_status (&minor, GSS_S_BAD_SIG, GSS_C_GSS_CODE, GSS_C_NO_OID,
					 &ctx, &text), GSS_S_COMPLETE);
  check_release (&text);
}
END_TEST

START_TEST (test_application_buffer)
{
  gss_buffer_desc b = { 300, malloc (300) };

  memset (b.value, 0xa5, b.length);
  check_release (&b);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("wipe");
  TCase *tc = tcase_create ("release");

#ifdef SANITIZED
  /* AddressSanitizer's free must stay the only one. */
  fprintf (stderr, "check_wipe: not with AddressSanitizer\n");
  exit (77);
#endif
  tcase_add_test (tc, test_library_buffer);
  tcase_add_test (tc, test_application_buffer);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
