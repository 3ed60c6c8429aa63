/* negotiate-client.c - an HTTP Negotiate client (RFC 4559) on the
   GSS-API, over a plain socket.

   Usage: negotiate-client [-d] [-m spnego|krb5] [-N] [-p PORT]
			   [-s SERVICE] HOST PATH

   Sends GET PATH to HOST (port 80 unless -p); when the answer is 401
   with "WWW-Authenticate: Negotiate", establishes a context with
   SERVICE (default HTTP@HOST) from the user's ticket cache (kinit
   first) with the SPNEGO mechanism (-m krb5: raw Kerberos 5), and
   repeats the request with "Authorization: Negotiate <base64 token>"
   for as many legs as the server asks.  The token of the final
   "WWW-Authenticate: Negotiate" field completes mutual authentication:
   without it, or when it does not verify, the server's answer is not
   trusted (-N asks for no mutual authentication; -d delegates the
   user's ticket-granting ticket to the server).  The body goes to
   standard output; the status, the server's name, the mechanism and
   the flags go to standard error.  Exits 0 after a 200 from an
   authenticated server, 1 otherwise, 2 on a usage error.  */
#define _GNU_SOURCE
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include "negotiate.h"

static const char prog[] = "negotiate-client";

/* Legs a server may ask for before the client gives up: SPNEGO with
   Kerberos needs one, a mechanism list renegotiation two.  */
#define MAX_LEGS 5

struct request
{
  const char *host;
  const char *port;
  const char *path;
};

static void
usage (void)
{
  fprintf (stderr, "Usage: %s [-d] [-m spnego|krb5] [-N] [-p PORT] "
	   "[-s SERVICE] HOST PATH\n", prog);
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

/* Sends GET for REQ on CONN, with an Authorization field when TOKEN is
   given, and reads the response into MSG.  A connection the server
   closed is opened again: RFC 4559 section 6 lets each leg travel on
   its own, though a server keeping context per connection needs the
   same one.  */
static int
exchange (struct http_conn *conn, const struct request *req,
	  const gss_buffer_desc *token, struct http_msg *msg)
{
  char *b64 = NULL, *text = NULL;
  int len, ret = -1, attempt;

  if (token != NULL)
    {
      b64 = base64_encode (token->value, token->length);
      if (b64 == NULL)
	{
	  fprintf (stderr, "%s: out of memory\n", prog);
	  goto cleanup;
	}
    }
  len = asprintf (&text, "GET %s HTTP/1.1\r\nHost: %s:%s\r\n"
		  "User-Agent: %s\r\n%s%s%s\r\n", req->path, req->host,
		  req->port, prog, b64 ? "Authorization: Negotiate " : "",
		  b64 ? b64 : "", b64 ? "\r\n" : "");
  if (len < 0)
    {
      text = NULL;
      fprintf (stderr, "%s: out of memory\n", prog);
      goto cleanup;
    }
  for (attempt = 0; attempt < 2; attempt++)
    {
      int rc;

      if (conn->fd < 0)
	{
	  conn->fd = connect_to (req->host, req->port);
	  conn->len = 0;
	  if (conn->fd < 0)
	    goto cleanup;
	}
      if (http_send (prog, conn->fd, text, (size_t) len) == 0)
	{
	  rc = http_read (prog, conn, 1, msg);
	  if (rc == 0)
	    {
	      ret = 0;
	      break;
	    }
	  if (rc < 0)
	    goto cleanup;
	}
      /* Closed between two requests: once more on a new connection.  */
      close (conn->fd);
      conn->fd = -1;
    }
  if (ret != 0)
    fprintf (stderr, "%s: the server closed the connection\n", prog);

cleanup:
  free (text);
  free (b64);
  return ret;
}

/* What the library established, once it is complete.  */
static int
print_context (gss_ctx_id_t ctx)
{
  OM_uint32 major, minor, flags;
  gss_name_t target = GSS_C_NO_NAME;
  gss_OID mech = GSS_C_NO_OID;
  int ret;

  major = gss_inquire_context (&minor, ctx, NULL, &target, NULL, &mech,
			       &flags, NULL, NULL);
  if (GSS_ERROR (major))
    {
      negotiate_report (prog, "gss_inquire_context", major, minor);
      return -1;
    }
  ret = negotiate_print_name (prog, "server", target);
  fprintf (stderr, "%s: mechanism %s\n", prog, negotiate_mech_name (mech));
  fprintf (stderr, "%s: mutual authentication %s\n", prog,
	   flags & GSS_C_MUTUAL_FLAG ? "yes" : "no");
  fprintf (stderr, "%s: delegation %s\n", prog,
	   flags & GSS_C_DELEG_FLAG ? "yes" : "no");
  gss_release_name (&minor, &target);
  return ret;
}

int
main (int argc, char **argv)
{
  OM_uint32 major = GSS_S_FAILURE, minor, ignored, flags = 0;
  OM_uint32 req_flags = GSS_C_MUTUAL_FLAG;
  struct request req = { NULL, "80", NULL };
  struct http_conn *conn = NULL;
  struct http_msg msg = { NULL, NULL, 0 };
  const char *service = NULL;
  char *service_buf = NULL, *offer = NULL;
  gss_OID mech = &negotiate_spnego;
  gss_name_t target = GSS_C_NO_NAME;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc buf, in = { 0, NULL }, out = { 0, NULL };
  int c, code, found, legs, status = 1;

  while ((c = getopt (argc, argv, "dm:Np:s:")) != -1)
    switch (c)
      {
      case 'd':
	req_flags |= GSS_C_DELEG_FLAG;
	break;
      case 'm':
	if (strcmp (optarg, "spnego") == 0)
	  mech = &negotiate_spnego;
	else if (strcmp (optarg, "krb5") == 0)
	  mech = NEGOTIATE_KRB5;
	else
	  usage ();
	break;
      case 'N':
	req_flags &= ~(OM_uint32) GSS_C_MUTUAL_FLAG;
	break;
      case 'p':
	req.port = optarg;
	break;
      case 's':
	service = optarg;
	break;
      default:
	usage ();
      }
  if (argc - optind != 2)
    usage ();
  req.host = argv[optind];
  req.path = argv[optind + 1];
  if (service == NULL)
    {
      if (asprintf (&service_buf, "HTTP@%s", req.host) < 0)
	{
	  service_buf = NULL;
	  fprintf (stderr, "%s: out of memory\n", prog);
	  goto cleanup;
	}
      service = service_buf;
    }

  conn = malloc (sizeof *conn);
  if (conn == NULL)
    {
      fprintf (stderr, "%s: out of memory\n", prog);
      goto cleanup;
    }
  conn->fd = -1;
  conn->len = 0;
  if (exchange (conn, &req, NULL, &msg) != 0)
    goto cleanup;
  code = http_status (&msg);
  found = http_negotiate (&msg, "WWW-Authenticate", &offer);
  if (code != 401 || found != 1)
    {
      fprintf (stderr, "%s: status %d without a Negotiate offer\n", prog,
	       code);
      goto cleanup;
    }

  buf.value = (void *) service;
  buf.length = strlen (service);
  major = gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &target);
  if (GSS_ERROR (major))
    {
      negotiate_report (prog, "gss_import_name", major, minor);
      goto cleanup;
    }

  /* RFC 2744 section 5.19: call again with each token the server sends
     until the library says complete.  */
  for (legs = 0;; legs++)
    {
      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx,
				    target, mech, req_flags, 0,
				    GSS_C_NO_CHANNEL_BINDINGS, &in, NULL,
				    &out, &flags, NULL);
      free (in.value);
      in.value = NULL;
      in.length = 0;
      if (GSS_ERROR (major))
	{
	  negotiate_report (prog, "gss_init_sec_context", major, minor);
	  goto cleanup;
	}
      if (out.length == 0)
	break;
      if (legs == MAX_LEGS)
	{
	  fprintf (stderr, "%s: still not authenticated after %d legs\n",
		   prog, legs);
	  goto cleanup;
	}
      http_msg_free (&msg);
      free (offer);
      offer = NULL;
      if (exchange (conn, &req, &out, &msg) != 0)
	goto cleanup;
      gss_release_buffer (&ignored, &out);
      code = http_status (&msg);
      found = http_negotiate (&msg, "WWW-Authenticate", &offer);
      if (found < 0)
	{
	  fprintf (stderr, "%s: out of memory\n", prog);
	  goto cleanup;
	}
      if (offer != NULL && base64_decode (offer, &in) != 0)
	{
	  fprintf (stderr, "%s: the server's Negotiate token is not "
		   "base64\n", prog);
	  goto cleanup;
	}
      if (!(major & GSS_S_CONTINUE_NEEDED))
	{
	  /* A server may answer a complete context with a token only to
	     reject it; there is nothing more to verify then.  */
	  if (in.length != 0)
	    fprintf (stderr, "%s: ignoring a token after completion\n",
		     prog);
	  break;
	}
      if (in.length == 0)
	{
	  /* 401 with a bare Negotiate: the server refused the token.  */
	  if (code == 401)
	    fprintf (stderr, "%s: status 401: the server refused the "
		     "authentication\n", prog);
	  else
	    fprintf (stderr, "%s: status %d and no token to complete mutual "
		     "authentication: the answer is not trusted\n", prog,
		     code);
	  goto cleanup;
	}
    }

  /* Only a complete context vouches for the server.  */
  if (major != GSS_S_COMPLETE)
    {
      fprintf (stderr, "%s: status %d before the context was complete\n",
	       prog, code);
      goto cleanup;
    }
  fprintf (stderr, "%s: status %d\n", prog, code);
  if (print_context (ctx) != 0)
    goto cleanup;
  if ((req_flags & GSS_C_MUTUAL_FLAG) && !(flags & GSS_C_MUTUAL_FLAG))
    {
      fprintf (stderr, "%s: the context lacks mutual authentication\n",
	       prog);
      goto cleanup;
    }
  if (fwrite (msg.body, 1, msg.body_len, stdout) != msg.body_len
      || fflush (stdout) != 0)
    {
      fprintf (stderr, "%s: writing the body: %s\n", prog, strerror (errno));
      goto cleanup;
    }
  if (code == 200)
    status = 0;

cleanup:
  free (in.value);
  gss_release_buffer (&ignored, &out);
  if (ctx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&ignored, &ctx, GSS_C_NO_BUFFER);
  gss_release_name (&ignored, &target);
  http_msg_free (&msg);
  free (offer);
  free (service_buf);
  if (conn != NULL && conn->fd >= 0)
    close (conn->fd);
  free (conn);
  return status;
}
