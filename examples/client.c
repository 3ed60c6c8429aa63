/* client.c - an example GSS-API client over TCP with the Kerberos 5
   mechanism.

   Usage: client [-p PORT] HOST SERVICE@HOST MESSAGE

   Connects to HOST, establishes a security context with the service
   SERVICE@HOST (for example host@server.example.com) using the ticket
   cache of the user (kinit first), prints the service's name and the
   context flags, sends MESSAGE wrapped with confidentiality and prints
   the server's wrapped reply.  Tokens travel in frames: a 4-octet
   big-endian length, then the token.  */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include <gss.h>
#include "common.h"

static const char prog[] = "client";

/* Mutual authentication is what lets the client say who the server is;
   replay and sequence detection protect the messages that follow.  */
#define REQUESTED_FLAGS (GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG \
			 | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG \
			 | GSS_C_INTEG_FLAG)

static void
usage (void)
{
  fprintf (stderr, "Usage: %s [-p PORT] HOST SERVICE@HOST MESSAGE\n", prog);
  exit (2);
}

/* Tries each address HOST has (localhost may be ::1 and 127.0.0.1) until
   one accepts the connection.  */
static int
connect_to (const char *host, const char *port)
{
  struct addrinfo hints, *list, *ai;
  int fd = -1, rc, saved = 0;

  memset (&hints, 0, sizeof hints);
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  rc = getaddrinfo (host, port, &hints, &list);
  if (rc != 0)
    {
      fprintf (stderr, "%s: %s port %s: %s\n", prog, host, port,
	       gai_strerror (rc));
      return -1;
    }
  for (ai = list; ai != NULL; ai = ai->ai_next)
    {
      fd = socket (ai->ai_family, ai->ai_socktype, ai->ai_protocol);
      if (fd < 0)
	{
	  saved = errno;
	  continue;
	}
      if (connect (fd, ai->ai_addr, ai->ai_addrlen) == 0)
	break;
      saved = errno;
      close (fd);
      fd = -1;
    }
  freeaddrinfo (list);
  if (fd < 0)
    fprintf (stderr, "%s: %s port %s: %s\n", prog, host, port,
	     strerror (saved));
  return fd;
}

/* The initiator's loop of RFC 2744 section 5.19 (gss_init_sec_context):
   send what the library produced, and read an answer only while it says
   it needs one.  */
static int
establish_context (int fd, gss_name_t target, gss_ctx_id_t *ctx,
		   OM_uint32 *flags)
{
  OM_uint32 major, minor, ignored;
  gss_buffer_desc in = { 0, NULL }, out;
  int ret = -1;

  for (;;)
    {
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, ctx, target,
				    GSS_KRB5, REQUESTED_FLAGS, 0,
				    GSS_C_NO_CHANNEL_BINDINGS, &in, NULL,
				    &out, flags, NULL);
      free (in.value);
      in.value = NULL;
      in.length = 0;
      if (out.length != 0)
	{
	  int sent = send_token (prog, fd, &out);

	  gss_release_buffer (&ignored, &out);
	  if (sent != 0 && !GSS_ERROR (major))
	    goto cleanup;
	}
      if (GSS_ERROR (major))
	{
	  report (prog, "gss_init_sec_context", major, minor);
	  goto cleanup;
	}
      if (!(major & GSS_S_CONTINUE_NEEDED))
	break;
      if (recv_token (prog, fd, &in) != 0)
	goto cleanup;
    }
  ret = 0;

cleanup:
  free (in.value);
  return ret;
}

/* The name the library authenticated, rather than the one we asked for:
   with mutual authentication it is the principal that proved it holds
   the service key.  */
static int
print_target (gss_ctx_id_t ctx)
{
  OM_uint32 major, minor;
  gss_name_t target = GSS_C_NO_NAME;
  int ret;

  major = gss_inquire_context (&minor, ctx, NULL, &target, NULL, NULL,
			       NULL, NULL, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_inquire_context", major, minor);
      return -1;
    }
  ret = print_name (prog, "server", target);
  gss_release_name (&minor, &target);
  return ret;
}

int
main (int argc, char **argv)
{
  OM_uint32 major, minor, flags = 0;
  const char *port = EXAMPLE_DEFAULT_PORT, *host, *service, *text;
  gss_name_t target = GSS_C_NO_NAME;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc buf, wrapped = { 0, NULL }, reply = { 0, NULL };
  gss_buffer_desc message = { 0, NULL };
  int c, fd = -1, conf_state, status = 1;

  while ((c = getopt (argc, argv, "p:")) != -1)
    switch (c)
      {
      case 'p':
	port = optarg;
	break;
      default:
	usage ();
      }
  if (argc - optind != 3)
    usage ();
  host = argv[optind];
  service = argv[optind + 1];
  text = argv[optind + 2];

  buf.value = (void *) service;
  buf.length = strlen (service);
  major = gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &target);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_import_name", major, minor);
      goto cleanup;
    }

  fd = connect_to (host, port);
  if (fd < 0)
    goto cleanup;
  if (establish_context (fd, target, &ctx, &flags) != 0)
    goto cleanup;
  if (print_target (ctx) != 0)
    goto cleanup;
  print_flags (prog, flags);
  /* Without these the name printed above or the secrecy of MESSAGE
     would be a claim nobody checked.  */
  if ((flags & (GSS_C_MUTUAL_FLAG | GSS_C_CONF_FLAG))
      != (GSS_C_MUTUAL_FLAG | GSS_C_CONF_FLAG))
    {
      fprintf (stderr, "%s: the context lacks mutual authentication or "
	       "confidentiality\n", prog);
      goto cleanup;
    }

  buf.value = (void *) text;
  buf.length = strlen (text);
  major = gss_wrap (&minor, ctx, 1, GSS_C_QOP_DEFAULT, &buf, &conf_state,
		    &wrapped);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_wrap", major, minor);
      goto cleanup;
    }
  if (!conf_state)
    {
      fprintf (stderr, "%s: the message could not be encrypted\n", prog);
      goto cleanup;
    }
  if (send_token (prog, fd, &wrapped) != 0)
    goto cleanup;
  printf ("%s: sent: %s\n", prog, text);
  fflush (stdout);

  if (recv_token (prog, fd, &reply) != 0)
    goto cleanup;
  major = gss_unwrap (&minor, ctx, &reply, &message, &conf_state, NULL);
  if (GSS_ERROR (major))
    {
      report (prog, "gss_unwrap", major, minor);
      goto cleanup;
    }
  if (!conf_state)
    {
      fprintf (stderr, "%s: the reply was not encrypted\n", prog);
      goto cleanup;
    }
  printf ("%s: received: %.*s\n", prog, (int) message.length,
	  (const char *) message.value);
  status = 0;

cleanup:
  if (fd >= 0)
    close (fd);
  free (reply.value);
  gss_release_buffer (&minor, &wrapped);
  gss_release_buffer (&minor, &message);
  gss_release_name (&minor, &target);
  if (ctx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return status;
}
