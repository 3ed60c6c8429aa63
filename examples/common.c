/* common.c - token frames, status reports, names and flags for the
   example client and server.  */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include "common.h"

/* A peer that has gone away must produce an error here, not a SIGPIPE
   that kills the process before it can say what happened.  */
#ifdef MSG_NOSIGNAL
# define SEND_FLAGS MSG_NOSIGNAL
#else
# define SEND_FLAGS 0
#endif

static int
write_all (int fd, const unsigned char *p, size_t len)
{
  while (len > 0)
    {
      ssize_t n = send (fd, p, len, SEND_FLAGS);

      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	return -1;
      p += n;
      len -= (size_t) n;
    }
  return 0;
}

/* Returns 0 when LEN octets were read, 1 at a clean end of stream before
   the first octet, -1 otherwise (errno tells, 0 for a truncated frame).  */
static int
read_all (int fd, unsigned char *p, size_t len)
{
  size_t got = 0;

  while (got < len)
    {
      ssize_t n = read (fd, p + got, len - got);

      if (n < 0 && errno == EINTR)
	continue;
      if (n < 0)
	return -1;
      if (n == 0)
	{
	  if (got == 0)
	    return 1;
	  errno = 0;
	  return -1;
	}
      got += (size_t) n;
    }
  return 0;
}

int
send_token (const char *prog, int fd, const gss_buffer_desc *token)
{
  unsigned char header[4];

  if (token->length > EXAMPLE_MAX_TOKEN)
    {
      fprintf (stderr, "%s: token of %lu octets is too long to send\n", prog,
	       (unsigned long) token->length);
      return -1;
    }
  /* Big-endian by hand: the frame format must not depend on the host.  */
  header[0] = (unsigned char) (token->length >> 24);
  header[1] = (unsigned char) (token->length >> 16);
  header[2] = (unsigned char) (token->length >> 8);
  header[3] = (unsigned char) token->length;
  if (write_all (fd, header, sizeof header) != 0
      || write_all (fd, token->value, token->length) != 0)
    {
      fprintf (stderr, "%s: sending a token: %s\n", prog, strerror (errno));
      return -1;
    }
  return 0;
}

int
recv_token (const char *prog, int fd, gss_buffer_desc *token)
{
  unsigned char header[4];
  uint32_t len;
  unsigned char *value;
  int rc;

  token->length = 0;
  token->value = NULL;
  rc = read_all (fd, header, sizeof header);
  if (rc == 1)
    {
      fprintf (stderr, "%s: the peer closed the connection\n", prog);
      return -1;
    }
  if (rc != 0)
    goto failed;
  len = ((uint32_t) header[0] << 24) | ((uint32_t) header[1] << 16)
    | ((uint32_t) header[2] << 8) | header[3];
  if (len > EXAMPLE_MAX_TOKEN)
    {
      fprintf (stderr, "%s: the peer announced a token of %lu octets\n",
	       prog, (unsigned long) len);
      return -1;
    }
  /* One octet more than needed, so that an empty token still has a
     pointer that free accepts and nobody mistakes for "no buffer".  */
  value = malloc (len + 1);
  if (value == NULL)
    {
      fprintf (stderr, "%s: %s\n", prog, strerror (ENOMEM));
      return -1;
    }
  rc = read_all (fd, value, len);
  if (rc != 0)
    {
      free (value);
      if (rc == 1)
	errno = 0;
      goto failed;
    }
  token->length = len;
  token->value = value;
  return 0;

failed:
  fprintf (stderr, "%s: receiving a token: %s\n", prog,
	   errno ? strerror (errno) : "the connection closed in mid-token");
  return -1;
}

/* One status code may have several texts (a major status holds a
   routine error, a calling error and supplementary bits): the message
   context says whether more follow.  */
static void
report_one (const char *prog, const char *what, OM_uint32 code, int type)
{
  OM_uint32 major, minor, message_context = 0;
  gss_buffer_desc text;

  do
    {
      major = gss_display_status (&minor, code, type, GSS_KRB5,
				  &message_context, &text);
      if (GSS_ERROR (major))
	{
	  fprintf (stderr, "%s: %s: status %lu (no text available)\n", prog,
		   what, (unsigned long) code);
	  return;
	}
      fprintf (stderr, "%s: %s: %.*s\n", prog, what, (int) text.length,
	       (const char *) text.value);
      gss_release_buffer (&minor, &text);
    }
  while (message_context != 0);
}

void
report (const char *prog, const char *what, OM_uint32 major, OM_uint32 minor)
{
  report_one (prog, what, major, GSS_C_GSS_CODE);
  /* A zero minor status carries no information from the mechanism.  */
  if (minor != 0)
    report_one (prog, what, minor, GSS_C_MECH_CODE);
}

int
print_name (const char *prog, const char *label, gss_name_t name)
{
  OM_uint32 major, minor;
  gss_buffer_desc text;

  major = gss_display_name (&minor, name, &text, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_display_name", major, minor);
      return -1;
    }
  printf ("%s: %s %.*s\n", prog, label, (int) text.length,
	  (const char *) text.value);
  gss_release_buffer (&minor, &text);
  return 0;
}

void
print_flags (const char *prog, OM_uint32 flags)
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
    {GSS_C_TRANS_FLAG, "TRANS"}
  };
  size_t i;

  printf ("%s: flags %#lx:", prog, (unsigned long) flags);
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (flags & names[i].bit)
      printf (" %s", names[i].name);
  printf ("\n");
}
