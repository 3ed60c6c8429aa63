/* negotiate-server.c - an HTTP Negotiate acceptor (RFC 4559) on the
   GSS-API.

   Usage: negotiate-server [-c] [-p PORT] [-n CONNECTIONS] [-t SECONDS]

   Listens on 127.0.0.1 (PORT 0, the default, lets the system choose;
   the port is printed as "negotiate-server: listening on 127.0.0.1 port
   N") and answers every request on a connection: without an
   "Authorization: Negotiate" field, 401 with "WWW-Authenticate:
   Negotiate"; with one, the token goes to gss_accept_sec_context with
   GSS_C_NO_CREDENTIAL, so that any key of the keytab ($KRB5_KTNAME)
   serves and the library tells a SPNEGO token from a raw Kerberos one.
   A complete context gets 200, the final token in "WWW-Authenticate:
   Negotiate" for mutual authentication, and a body naming the client;
   one that needs more gets 401 with the next token.  Connections are
   served one after another; after CONNECTIONS of them (default 1) the
   server exits: 0 when each ended with an authenticated request, 1
   otherwise.  It never runs longer than SECONDS (default 60).  What it
   accepts is printed on standard output.  -c (for tests) changes the
   last octet of the final token, which a client that asked for mutual
   authentication must then refuse to trust.  */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include "negotiate.h"

static const char prog[] = "negotiate-server";

/* -c: the final token is forged.  */
static int corrupt_final;

static void
usage (void)
{
  fprintf (stderr, "Usage: %s [-c] [-p PORT] [-n CONNECTIONS] "
	   "[-t SECONDS]\n", prog);
  exit (2);
}

static int
listen_on (unsigned short port)
{
  struct sockaddr_in addr;
  socklen_t len = sizeof addr;
  int fd, one = 1;

  fd = socket (AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    {
      fprintf (stderr, "%s: socket: %s\n", prog, strerror (errno));
      return -1;
    }
  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  memset (&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons (port);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (bind (fd, (struct sockaddr *) &addr, sizeof addr) != 0
      || listen (fd, 4) != 0
      || getsockname (fd, (struct sockaddr *) &addr, &len) != 0)
    {
      fprintf (stderr, "%s: 127.0.0.1 port %u: %s\n", prog, port,
	       strerror (errno));
      close (fd);
      return -1;
    }
  printf ("%s: listening on 127.0.0.1 port %u\n", prog,
	  ntohs (addr.sin_port));
  fflush (stdout);
  return fd;
}

/* Sends a response with STATUS, an optional Negotiate TOKEN in
   WWW-Authenticate (bare when OFFER and no token) and BODY.  */
static int
respond (int fd, int status, int offer, const gss_buffer_desc *token,
	 const char *body)
{
  char *b64 = NULL, *text = NULL;
  int len, ret = -1;

  if (token != NULL && token->length != 0)
    {
      b64 = base64_encode (token->value, token->length);
      if (b64 == NULL)
	{
	  fprintf (stderr, "%s: out of memory\n", prog);
	  goto cleanup;
	}
    }
  len = asprintf (&text, "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\n"
		  "Content-Length: %lu\r\n%s%s%s%s%s",
		  status, status == 200 ? "OK" : status == 401
		  ? "Unauthorized" : "Bad Request",
		  (unsigned long) strlen (body),
		  offer || b64 ? "WWW-Authenticate: Negotiate" : "",
		  b64 ? " " : "", b64 ? b64 : "",
		  offer || b64 ? "\r\n" : "", "\r\n");
  if (len < 0)
    {
      text = NULL;
      fprintf (stderr, "%s: out of memory\n", prog);
      goto cleanup;
    }
  if (http_send (prog, fd, text, (size_t) len) != 0
      || http_send (prog, fd, body, strlen (body)) != 0)
    goto cleanup;
  ret = 0;

cleanup:
  free (text);
  free (b64);
  return ret;
}

/* Takes one Negotiate token of a request into *CTX and answers it.
   Returns 1 when the client is now authenticated, 0 when the exchange
   goes on or was refused (*REFUSED set), -1 when the connection broke. */
static int
accept_token (int fd, const char *b64, gss_ctx_id_t *ctx, int *refused)
{
  OM_uint32 major, minor, ignored, flags = 0;
  gss_buffer_desc in = { 0, NULL }, out = { 0, NULL }, text = { 0, NULL };
  gss_name_t client = GSS_C_NO_NAME;
  gss_OID mech = GSS_C_NO_OID;
  char *body = NULL;
  int ret = -1;

  if (base64_decode (b64, &in) != 0)
    {
      fprintf (stderr, "%s: the Negotiate token is not base64\n", prog);
      *refused = 1;
      ret = respond (fd, 400, 0, NULL, "bad Negotiate token\n") == 0 ? 0 : -1;
      goto cleanup;
    }
  if (*ctx == GSS_C_NO_CONTEXT)
    printf ("%s: initial token for %s, %lu octets\n", prog,
	    negotiate_token_mech (&in), (unsigned long) in.length);
  major = gss_accept_sec_context (&minor, ctx, GSS_C_NO_CREDENTIAL, &in,
				  GSS_C_NO_CHANNEL_BINDINGS, &client, &mech,
				  &out, &flags, NULL, NULL);
  if (GSS_ERROR (major))
    {
      negotiate_report (prog, "gss_accept_sec_context", major, minor);
      *refused = 1;
      /* An error token, if any, tells the client why.  */
      ret = respond (fd, 401, 1, &out, "authentication failed\n") == 0
	? 0 : -1;
      goto cleanup;
    }
  if (major & GSS_S_CONTINUE_NEEDED)
    {
      ret = respond (fd, 401, 1, &out, "continue\n") == 0 ? 0 : -1;
      goto cleanup;
    }
  major = gss_display_name (&minor, client, &text, NULL);
  if (GSS_ERROR (major))
    {
      negotiate_report (prog, "gss_display_name", major, minor);
      *refused = 1;
      ret = respond (fd, 401, 1, NULL, "no name\n") == 0 ? 0 : -1;
      goto cleanup;
    }
  printf ("%s: client %.*s\n", prog, (int) text.length,
	  (const char *) text.value);
  printf ("%s: mechanism %s\n", prog, negotiate_mech_name (mech));
  printf ("%s: mutual authentication %s\n", prog,
	  flags & GSS_C_MUTUAL_FLAG ? "yes" : "no");
  fflush (stdout);
  if (asprintf (&body, "Hello, %.*s\n", (int) text.length,
		(const char *) text.value) < 0)
    {
      body = NULL;
      fprintf (stderr, "%s: out of memory\n", prog);
      goto cleanup;
    }
  if (corrupt_final && out.length != 0)
    ((unsigned char *) out.value)[out.length - 1] ^= 0x01;
  ret = respond (fd, 200, 0, &out, body) == 0 ? 1 : -1;

cleanup:
  free (in.value);
  free (body);
  gss_release_buffer (&ignored, &out);
  gss_release_buffer (&ignored, &text);
  gss_release_name (&ignored, &client);
  /* A context is per authentication: after success or refusal the next
     request starts afresh.  */
  if (ret != 0 || *refused)
    gss_delete_sec_context (&ignored, ctx, GSS_C_NO_BUFFER);
  return ret;
}

/* Serves the requests of one connection until the client closes it.
   Returns 1 when the last of them was authenticated, 0 otherwise.  */
static int
serve (int fd)
{
  struct http_conn *conn;
  struct http_msg msg = { NULL, NULL, 0 };
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  OM_uint32 ignored;
  int authenticated = 0;

  conn = malloc (sizeof *conn);
  if (conn == NULL)
    {
      fprintf (stderr, "%s: out of memory\n", prog);
      return 0;
    }
  conn->fd = fd;
  conn->len = 0;
  for (;;)
    {
      char *token = NULL;
      int found, refused = 0, rc;

      if (http_read (prog, conn, 0, &msg) != 0)
	break;
      found = http_negotiate (&msg, "Authorization", &token);
      if (found == 1 && token != NULL)
	{
	  rc = accept_token (fd, token, &ctx, &refused);
	  authenticated = rc == 1;
	}
      else
	{
	  rc = found < 0 ? -1
	    : respond (fd, 401, 1, NULL, "authentication required\n");
	  authenticated = 0;
	}
      free (token);
      http_msg_free (&msg);
      if (rc < 0 || refused)
	break;
    }
  if (ctx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&ignored, &ctx, GSS_C_NO_BUFFER);
  free (conn);
  return authenticated;
}

int
main (int argc, char **argv)
{
  unsigned long port = 0, count = 1, seconds = 60;
  int c, fd, all = 1;
  char *end;

  while ((c = getopt (argc, argv, "cp:n:t:")) != -1)
    {
      unsigned long *dst = c == 'p' ? &port : c == 'n' ? &count : &seconds;

      if (c == 'c')
	{
	  corrupt_final = 1;
	  continue;
	}
      if (c == '?')
	usage ();
      errno = 0;
      *dst = strtoul (optarg, &end, 10);
      if (errno != 0 || *end != '\0' || end == optarg
	  || (c == 'p' && port > 65535) || (c != 'p' && *dst == 0))
	usage ();
    }
  if (optind != argc)
    usage ();
  /* The bounded lifetime: a client that never comes cannot keep the
     server around.  */
  alarm ((unsigned int) seconds);
  signal (SIGPIPE, SIG_IGN);
  fd = listen_on ((unsigned short) port);
  if (fd < 0)
    return 1;
  for (; count > 0; count--)
    {
      int client = accept (fd, NULL, NULL);

      if (client < 0)
	{
	  if (errno == EINTR)
	    {
	      count++;
	      continue;
	    }
	  fprintf (stderr, "%s: accept: %s\n", prog, strerror (errno));
	  all = 0;
	  break;
	}
      if (!serve (client))
	all = 0;
      close (client);
    }
  close (fd);
  return all ? 0 : 1;
}
