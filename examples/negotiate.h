/* negotiate.h - what the HTTP Negotiate (RFC 4559) example client and
   server share: base64, one HTTP message read from a socket, the
   Negotiate field of a header, status reports and names.

   The same sources build against libgss and, with NEGOTIATE_MIT
   defined, against MIT's GSS-API library: the tests use that build as
   the reference peer, so that a failure can be told apart from a
   mistake of the harness.  */
#ifndef EXAMPLES_NEGOTIATE_H
#define EXAMPLES_NEGOTIATE_H

#include <stddef.h>
#ifdef NEGOTIATE_MIT
# include <gssapi/gssapi.h>
# include <gssapi/gssapi_krb5.h>
# define NEGOTIATE_KRB5 ((gss_OID) gss_mech_krb5)
#else
# include <gss.h>
# define NEGOTIATE_KRB5 GSS_KRB5
#endif

/* SPNEGO, 1.3.6.1.5.5.2 (RFC 4178), spelled out here as curl does, so
   that the example needs nothing beyond the GSS-API of RFC 2744 (libgss
   also exports it as GSS_SPNEGO).  */
extern gss_OID_desc negotiate_spnego;

/* Limits on what a peer may send: a Kerberos AP-REQ with a forwarded
   ticket in base64 is a few kilobytes; nothing here needs more.  */
#define NEGOTIATE_MAX_HEAD (64 * 1024)
#define NEGOTIATE_MAX_BODY (1024 * 1024)

/* One end of an HTTP connection: the socket and what was read from it
   beyond the last message.  */
struct http_conn
{
  int fd;
  size_t len;
  char buf[NEGOTIATE_MAX_HEAD];
};

/* One HTTP message: the start line and header fields (CRLFs kept,
   NUL-terminated) and the body, both malloc'd.  */
struct http_msg
{
  char *head;
  char *body;
  size_t body_len;
};

/* Reads one message from CONN.  The body is Content-Length octets; when
   there is no Content-Length it is empty for a request and runs to the
   end of the stream for a response (RESPONSE nonzero).  Returns 0, 1 at
   a clean end of stream before the message, -1 after printing why.  */
int http_read (const char *prog, struct http_conn *conn, int response,
	       struct http_msg *msg);

/* Frees what http_read stored in MSG.  */
void http_msg_free (struct http_msg *msg);

/* Sends LEN octets of TEXT.  Returns 0, or -1 after printing why.  */
int http_send (const char *prog, int fd, const char *text, size_t len);

/* The status code of a response, or -1 when the status line is not
   HTTP/1.x followed by three digits.  */
int http_status (const struct http_msg *msg);

/* Looks for a header field FIELD (case-insensitive) whose value is the
   scheme "Negotiate", alone or followed by a token.  Returns 0 when
   there is none, 1 when there is one; then *TOKEN is the base64 token
   (malloc'd), or NULL when the scheme stands alone.  -1 when memory ran
   out.  */
int http_negotiate (const struct http_msg *msg, const char *field,
		    char **token);

/* The base64 (RFC 4648, with padding) of LEN octets of DATA, malloc'd
   and NUL-terminated, or NULL when memory ran out.  */
char *base64_encode (const void *data, size_t len);

/* Decodes TEXT into OUT (value malloc'd).  Returns 0, or -1 when TEXT is
   not canonical base64 or memory ran out.  */
int base64_decode (const char *text, gss_buffer_desc *out);

/* Prints every text gss_display_status has for MAJOR and for the minor
   status MINOR, each line prefixed by PROG and WHAT.  */
void negotiate_report (const char *prog, const char *what, OM_uint32 major,
		       OM_uint32 minor);

/* Prints "PROG: LABEL NAME" on standard error.  Returns 0, or -1 after
   reporting the failure.  */
int negotiate_print_name (const char *prog, const char *label,
			  gss_name_t name);

/* A word for MECH: "SPNEGO", "Kerberos" or "other".  */
const char *negotiate_mech_name (const gss_OID_desc *mech);

/* The mechanism an initial context token names in its RFC 2743 section
   3.1 header: "SPNEGO", "Kerberos", "Kerberos (Microsoft OID)", or
   "unknown" for anything else, an NTLM message among them.  */
const char *negotiate_token_mech (const gss_buffer_desc *token);

#endif /* EXAMPLES_NEGOTIATE_H */
