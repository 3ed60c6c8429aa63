/* server.c - an example GSS-API server over TCP with the Kerberos 5
   mechanism.

   Usage: server [-p PORT] [-n COUNT] SERVICE@HOST

   Listens on 127.0.0.1 (PORT 0 lets the system pick one; the port is
   printed either way), serves COUNT connections (default 1) one after the
   other, and exits.  On each connection it accepts a security context,
   prints the client's name and the context flags, unwraps one message,
   and answers with a wrapped greeting.  Every token travels in a frame:
   a 4-octet big-endian length, then the token.

   The service keys come from the keytab libkrb5 is configured with
   (KRB5_KTNAME, or default_keytab_name in krb5.conf).  */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>
#include <gss.h>
#include "common.h"

static const char prog[] = "server";

static void
usage (void)
{
  fprintf (stderr, "Usage: %s [-p PORT] [-n COUNT] SERVICE@HOST\n", prog);
  exit (2);
}

/* Parses a decimal number in [MIN, MAX] or exits with the usage text.  */
static unsigned long
parse_number (const char *s, unsigned long min, unsigned long max)
{
  char *end;
  unsigned long n;

  errno = 0;
  n = strtoul (s, &end, 10);
  if (errno != 0 || end == s || *end != '\0' || *s == '-' || n < min
      || n > max)
    usage ();
  return n;
}

/* A credential for exactly SERVICE@HOST: without one, the acceptor would
   take a ticket for any principal of the keytab, and a client could not
   be sure which service it was talking to.  */
static int
acquire_service_cred (const char *service, gss_cred_id_t *cred)
{
  OM_uint32 major, minor;
  gss_buffer_desc text;
  gss_name_t name = GSS_C_NO_NAME;
  gss_OID_set_desc mechs;
  int ret = -1;

  text.value = (void *) service;
  text.length = strlen (service);
  major = gss_import_name (&minor, &text, GSS_C_NT_HOSTBASED_SERVICE, &name);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_import_name", major, minor);
      goto cleanup;
    }
  mechs.count = 1;
  mechs.elements = GSS_KRB5;
  major = gss_acquire_cred (&minor, name, GSS_C_INDEFINITE, &mechs,
			    GSS_C_ACCEPT, cred, NULL, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_acquire_cred", major, minor);
      goto cleanup;
    }
  ret = 0;

cleanup:
  gss_release_name (&minor, &name);
  return ret;
}

/* The acceptor's half of the loop of RFC 2744 section 5.1: whatever
   token gss_accept_sec_context produces is sent before its status is
   looked at, because a failing call may still hand back an error token
   that tells the client why.  */
static int
accept_context (int fd, gss_cred_id_t cred, gss_ctx_id_t *ctx,
		gss_name_t *client, OM_uint32 *flags)
{
  OM_uint32 major, minor, ignored;
  gss_buffer_desc in, out;

  do
    {
      if (recv_token (prog, fd, &in) != 0)
	return -1;
      major = gss_accept_sec_context (&minor, ctx, cred, &in,
				      GSS_C_NO_CHANNEL_BINDINGS, client,
				      NULL, &out, flags, NULL, NULL);
      free (in.value);
      if (out.length != 0)
	{
	  int sent = send_token (prog, fd, &out);

	  gss_release_buffer (&ignored, &out);
	  if (sent != 0 && !GSS_ERROR (major))
	    return -1;
	}
      if (GSS_ERROR (major))
	{
	  report (prog, "gss_accept_sec_context", major, minor);
	  return -1;
	}
    }
  while (major & GSS_S_CONTINUE_NEEDED);
  return 0;
}

/* The reply names the client as the library authenticated it, so the
   client sees that the server knows who it is.  Returns a malloc'd
   string, or NULL after printing why.  */
static char *
make_greeting (gss_name_t client, size_t received)
{
  static const char format[] = "Hello, %.*s: %lu octets received.";
  OM_uint32 major, minor;
  gss_buffer_desc text;
  char *greeting = NULL;
  int len;

  major = gss_display_name (&minor, client, &text, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_display_name", major, minor);
      return NULL;
    }
  len = snprintf (NULL, 0, format, (int) text.length,
		  (const char *) text.value, (unsigned long) received);
  if (len >= 0)
    greeting = malloc ((size_t) len + 1);
  if (greeting != NULL)
    snprintf (greeting, (size_t) len + 1, format, (int) text.length,
	      (const char *) text.value, (unsigned long) received);
  else
    fprintf (stderr, "%s: %s\n", prog, strerror (ENOMEM));
  gss_release_buffer (&minor, &text);
  return greeting;
}

/* Serves one client; returns 0 when the whole exchange succeeded.  */
static int
serve (int fd, gss_cred_id_t cred)
{
  OM_uint32 major, minor, flags = 0;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_name_t client = GSS_C_NO_NAME;
  gss_buffer_desc wrapped = { 0, NULL }, message = { 0, NULL };
  gss_buffer_desc reply_text, reply = { 0, NULL };
  char *greeting = NULL;
  int conf_state, ret = -1;

  if (accept_context (fd, cred, &ctx, &client, &flags) != 0)
    goto cleanup;
  if (print_name (prog, "client", client) != 0)
    goto cleanup;
  print_flags (prog, flags);
  /* The flags are the mechanism's promise for this context; a message
     sent in the clear must not be taken for a secret one.  */
  if (!(flags & GSS_C_CONF_FLAG))
    {
      fprintf (stderr, "%s: the context offers no confidentiality\n", prog);
      goto cleanup;
    }

  if (recv_token (prog, fd, &wrapped) != 0)
    goto cleanup;
  major = gss_unwrap (&minor, ctx, &wrapped, &message, &conf_state, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_unwrap", major, minor);
      goto cleanup;
    }
  if (!conf_state)
    {
      fprintf (stderr, "%s: the message was not encrypted\n", prog);
      goto cleanup;
    }
  printf ("%s: received: %.*s\n", prog, (int) message.length,
	  (const char *) message.value);

  greeting = make_greeting (client, message.length);
  if (greeting == NULL)
    goto cleanup;
  reply_text.value = greeting;
  reply_text.length = strlen (greeting);
  major = gss_wrap (&minor, ctx, 1, GSS_C_QOP_DEFAULT, &reply_text,
		    &conf_state, &reply);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_wrap", major, minor);
      goto cleanup;
    }
  if (!conf_state)
    {
      fprintf (stderr, "%s: the reply could not be encrypted\n", prog);
      goto cleanup;
    }
  if (send_token (prog, fd, &reply) != 0)
    goto cleanup;
  printf ("%s: sent: %s\n", prog, greeting);
  ret = 0;

cleanup:
  free (wrapped.value);
  free (greeting);
  gss_release_buffer (&minor, &message);
  gss_release_buffer (&minor, &reply);
  gss_release_name (&minor, &client);
  if (ctx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  fflush (stdout);
  return ret;
}

/* Only the loopback address: this is a demonstration, not a service
   that anybody on the network should reach.  */
static int
listen_on_loopback (unsigned long port)
{
  struct sockaddr_in addr;
  socklen_t addrlen = sizeof addr;
  int fd, one = 1;

  fd = socket (AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    {
      fprintf (stderr, "%s: socket: %s\n", prog, strerror (errno));
      return -1;
    }
  /* A fixed port can be reused at once after a previous run.  */
  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  memset (&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons ((unsigned short) port);
  if (bind (fd, (struct sockaddr *) &addr, sizeof addr) != 0
      || listen (fd, 4) != 0
      || getsockname (fd, (struct sockaddr *) &addr, &addrlen) != 0)
    {
      fprintf (stderr, "%s: port %lu: %s\n", prog, port, strerror (errno));
      close (fd);
      return -1;
    }
  /* Whoever started us with port 0 learns the port from this line, so
     it must leave the buffer before the first accept blocks.  */
  printf ("%s: listening on 127.0.0.1 port %u\n", prog,
	  (unsigned) ntohs (addr.sin_port));
  fflush (stdout);
  return fd;
}

int
main (int argc, char **argv)
{
  OM_uint32 minor;
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  unsigned long port, count = 1, served = 0;
  const char *port_text = EXAMPLE_DEFAULT_PORT;
  int c, listener = -1, failures = 0;

  while ((c = getopt (argc, argv, "p:n:")) != -1)
    switch (c)
      {
      case 'p':
	port_text = optarg;
	break;
      case 'n':
	count = parse_number (optarg, 1, 1000000);
	break;
      default:
	usage ();
      }
  if (argc - optind != 1)
    usage ();
  port = parse_number (port_text, 0, 65535);

  /* The keytab is read before listening, so a server that cannot accept
     anything fails before any client waits for it.  */
  if (acquire_service_cred (argv[optind], &cred) != 0)
    return 1;
  listener = listen_on_loopback (port);
  if (listener < 0)
    {
      gss_release_cred (&minor, &cred);
      return 1;
    }

  while (served < count)
    {
      /* A client that connects and then says nothing must not hold the
	 server forever.  */
      struct timeval limit = { 30, 0 };
      int fd = accept (listener, NULL, NULL);

      if (fd < 0)
	{
	  if (errno == EINTR)
	    continue;
	  fprintf (stderr, "%s: accept: %s\n", prog, strerror (errno));
	  failures++;
	  break;
	}
      served++;
      setsockopt (fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
      if (serve (fd, cred) != 0)
	failures++;
      close (fd);
    }

  close (listener);
  gss_release_cred (&minor, &cred);
  return failures == 0 ? 0 : 1;
}
