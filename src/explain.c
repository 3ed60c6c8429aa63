/* explain.c - gss -m: a major status code, field by field. */
#include <config.h>
#include <stdio.h>
#include "gss-tool.h"

/* Each text gss_display_status gives for STATUS of type GSS_C_GSS_CODE,
   one per line. */
static void
print_texts (OM_uint32 status)
{
  OM_uint32 major, minor, context = 0;
  gss_buffer_desc text;

  do
    {
      major = gss_display_status (&minor, status, GSS_C_GSS_CODE,
				  GSS_C_NO_OID, &context, &text);
      if (GSS_ERROR (major))
	{
	  printf ("%s\n", _("(no text: not a defined status code)"));
	  break;
	}
      printf ("%.*s\n", (int) text.length, (char *) text.value);
      gss_release_buffer (&minor, &text);
    }
  while (context != 0);
}

static void
print_bits (unsigned long value, int from, int to)
{
  int bit;

  for (bit = from; bit >= to; bit--)
    printf (" %d", (int) ((value >> bit) & 1));
  printf (" |");
}

static void
print_field (const char *label, OM_uint32 masked, int offset)
{
  printf (label, (unsigned long) masked, (unsigned long) masked,
	  (unsigned long) (masked >> offset), (unsigned long) (masked >> offset));
  printf ("\n");
  print_texts (masked);
  printf ("\n");
}

int
tool_explain_major (OM_uint32 status, bool quiet)
{
  if (quiet)
    {
      print_texts (status);
      return 0;
    }
  printf (_("GSS-API major status code %lu (0x%lx).\n"),
	  (unsigned long) status, (unsigned long) status);
  printf ("\n   MSB                                                          "
	  "       LSB\n");
  printf ("   +-----------------+-----------------+-------------------------"
	  "--------+\n");
  /* TRANSLATORS: the column headings of the diagram of a major status
     code.  The first two cells are 17 columns wide, the last one 33:
     keep each bar in its column. */
  printf ("   %s\n   |", _("|  Calling Error  |  Routine Error  |"
			      "       Supplementary Info        |"));
  print_bits (status, 31, 24);
  print_bits (status, 23, 16);
  print_bits (status, 15, 0);
  printf ("\n   +-----------------+-----------------+-------------------------"
	  "--------+\n");
  printf ("Bit 31            24  23            16  15                        "
	  "     0\n\n");

  if (GSS_ROUTINE_ERROR (status))
    print_field (_("Masked routine error %lu (0x%lx) shifted into %lu (0x%lx):"),
		 GSS_ROUTINE_ERROR (status), GSS_C_ROUTINE_ERROR_OFFSET);
  if (GSS_CALLING_ERROR (status))
    print_field (_("Masked calling error %lu (0x%lx) shifted into %lu (0x%lx):"),
		 GSS_CALLING_ERROR (status), GSS_C_CALLING_ERROR_OFFSET);
  if (GSS_SUPPLEMENTARY_INFO (status))
    print_field (_("Masked supplementary info %lu (0x%lx) shifted into %lu (0x%lx):"),
		 GSS_SUPPLEMENTARY_INFO (status), GSS_C_SUPPLEMENTARY_OFFSET);
  if (status == GSS_S_COMPLETE)
    print_texts (status);
  return 0;
}
