/* fuzz.h - what the libFuzzer targets share.  Each target is one file
   defining LLVMFuzzerTestOneInput (and, where it needs state from a
   throwaway realm, LLVMFuzzerInitialize); fuzz/run.sh prepares the
   realm, the seeds and the environment the targets read. */
#ifndef LIBGSS_FUZZ_H
#define LIBGSS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <gss.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* The bytes of DATA as a GSS buffer, without copying. */
static inline gss_buffer_desc
fuzz_buffer (const uint8_t *data, size_t size)
{
  gss_buffer_desc b;

  b.length = size;
  b.value = (void *) data;
  return b;
}

/* The value of the environment variable NAME, or exit: a target run
   without the set-up of fuzz/run.sh would only test its own failure. */
static inline const char *
fuzz_env (const char *name)
{
  const char *v = getenv (name);

  if (v == NULL || *v == '\0')
    {
      fprintf (stderr, "fuzz: %s is not set; run through fuzz/run.sh\n",
	       name);
      exit (2);
    }
  return v;
}

/* Reads the whole file PATH into a malloc'd buffer, or exits. */
static inline gss_buffer_desc
fuzz_read_file (const char *path)
{
  gss_buffer_desc b = GSS_C_EMPTY_BUFFER;
  FILE *f = fopen (path, "rb");
  long n;

  if (f == NULL || fseek (f, 0, SEEK_END) != 0 || (n = ftell (f)) < 0
      || fseek (f, 0, SEEK_SET) != 0)
    {
      perror (path);
      exit (2);
    }
  b.length = (size_t) n;
  b.value = malloc (b.length + 1);
  if (b.value == NULL || fread (b.value, 1, b.length, f) != b.length)
    {
      perror (path);
      exit (2);
    }
  fclose (f);
  return b;
}

#endif
