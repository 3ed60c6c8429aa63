/* negotiate.c - base64, HTTP messages on a socket, the Negotiate field,
   status reports and names for the HTTP Negotiate examples.  */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#include "negotiate.h"

gss_OID_desc negotiate_spnego = { 6, (void *) "\x2b\x06\x01\x05\x05\x02" };

static const gss_OID_desc krb5_ms = {
  9, (void *) "\x2a\x86\x48\x82\xf7\x12\x01\x02\x02"
};

/* A peer that has gone away must produce an error here, not a SIGPIPE
   that kills the process before it can say what happened.  */
#ifdef MSG_NOSIGNAL
# define SEND_FLAGS MSG_NOSIGNAL
#else
# define SEND_FLAGS 0
#endif

int
http_send (const char *prog, int fd, const char *text, size_t len)
{
  while (len > 0)
    {
      ssize_t n = send (fd, text, len, SEND_FLAGS);

      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	{
	  fprintf (stderr, "%s: send: %s\n", prog,
		   n < 0 ? strerror (errno) : "nothing sent");
	  return -1;
	}
      text += n;
      len -= (size_t) n;
    }
  return 0;
}

/* Reads more octets into CONN's buffer.  Returns the number read, 0 at
   the end of the stream, -1 after printing why.  */
static ssize_t
fill (const char *prog, struct http_conn *conn)
{
  ssize_t n;

  if (conn->len == sizeof conn->buf)
    {
      fprintf (stderr, "%s: HTTP header longer than %lu octets\n", prog,
	       (unsigned long) sizeof conn->buf);
      return -1;
    }
  do
    n = read (conn->fd, conn->buf + conn->len, sizeof conn->buf - conn->len);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    fprintf (stderr, "%s: read: %s\n", prog, strerror (errno));
  else
    conn->len += (size_t) n;
  return n;
}

/* Removes the first LEN octets of CONN's buffer.  */
static void
consume (struct http_conn *conn, size_t len)
{
  memmove (conn->buf, conn->buf + len, conn->len - len);
  conn->len -= len;
}

/* The value of header field NAME in HEAD (its first occurrence), or NULL;
   *LEN is its length without surrounding blanks.  */
static const char *
field_value (const char *head, const char *name, size_t *len)
{
  size_t name_len = strlen (name);
  const char *line = strstr (head, "\r\n");

  while (line != NULL && line[2] != '\0')
    {
      const char *start = line + 2, *end = strstr (start, "\r\n");

      if (end == NULL)
	break;
      if ((size_t) (end - start) > name_len && start[name_len] == ':'
	  && strncasecmp (start, name, name_len) == 0)
	{
	  const char *v = start + name_len + 1;

	  while (v < end && (*v == ' ' || *v == '\t'))
	    v++;
	  while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
	    end--;
	  *len = (size_t) (end - v);
	  return v;
	}
      line = end;
    }
  return NULL;
}

/* Parses a Content-Length value; -1 when it is not a plain decimal
   within NEGOTIATE_MAX_BODY.  */
static long
content_length (const char *v, size_t len)
{
  long n = 0;
  size_t i;

  if (len == 0)
    return -1;
  for (i = 0; i < len; i++)
    {
      if (v[i] < '0' || v[i] > '9')
	return -1;
      n = n * 10 + (v[i] - '0');
      if (n > NEGOTIATE_MAX_BODY)
	return -1;
    }
  return n;
}

/* Reads the body of a message whose header has been taken from CONN:
   LENGTH octets, or all until the end of the stream when LENGTH is -1.  */
static int
read_body (const char *prog, struct http_conn *conn, long length,
	   struct http_msg *msg)
{
  size_t want = length < 0 ? NEGOTIATE_MAX_BODY : (size_t) length;

  msg->body = malloc (want + 1);
  if (msg->body == NULL)
    {
      fprintf (stderr, "%s: out of memory\n", prog);
      return -1;
    }
  msg->body_len = 0;
  while (msg->body_len < want)
    {
      size_t take = conn->len < want - msg->body_len
	? conn->len : want - msg->body_len;

      memcpy (msg->body + msg->body_len, conn->buf, take);
      msg->body_len += take;
      consume (conn, take);
      if (msg->body_len == want)
	break;
      ssize_t n = fill (prog, conn);
      if (n < 0)
	return -1;
      if (n == 0)
	{
	  if (length < 0)
	    break;
	  fprintf (stderr, "%s: the body ends after %lu of %ld octets\n",
		   prog, (unsigned long) msg->body_len, length);
	  return -1;
	}
    }
  msg->body[msg->body_len] = '\0';
  return 0;
}

int
http_read (const char *prog, struct http_conn *conn, int response,
	   struct http_msg *msg)
{
  char *end;
  size_t head_len, len;
  const char *v;
  long length;
  int ret = -1;

  msg->head = msg->body = NULL;
  msg->body_len = 0;
  for (;;)
    {
      end = conn->len >= 4 ? memmem (conn->buf, conn->len, "\r\n\r\n", 4)
	: NULL;
      if (end != NULL)
	break;
      ssize_t n = fill (prog, conn);
      if (n < 0)
	return -1;
      if (n == 0)
	{
	  if (conn->len == 0)
	    return 1;
	  fprintf (stderr, "%s: the connection closed within a header\n",
		   prog);
	  return -1;
	}
    }
  head_len = (size_t) (end - conn->buf) + 4;
  msg->head = malloc (head_len + 1);
  if (msg->head == NULL)
    {
      fprintf (stderr, "%s: out of memory\n", prog);
      goto cleanup;
    }
  memcpy (msg->head, conn->buf, head_len);
  msg->head[head_len] = '\0';
  consume (conn, head_len);
  if (strlen (msg->head) != head_len)
    {
      fprintf (stderr, "%s: NUL in an HTTP header\n", prog);
      goto cleanup;
    }
  if (field_value (msg->head, "Transfer-Encoding", &len) != NULL)
    {
      fprintf (stderr, "%s: Transfer-Encoding is not supported\n", prog);
      goto cleanup;
    }
  v = field_value (msg->head, "Content-Length", &len);
  length = v != NULL ? content_length (v, len) : response ? -1 : 0;
  if (v != NULL && length < 0)
    {
      fprintf (stderr, "%s: bad or too large Content-Length: %.*s\n", prog,
	       (int) len, v);
      goto cleanup;
    }
  if (read_body (prog, conn, length, msg) != 0)
    goto cleanup;
  ret = 0;

cleanup:
  if (ret != 0)
    http_msg_free (msg);
  return ret;
}

void
http_msg_free (struct http_msg *msg)
{
  free (msg->head);
  free (msg->body);
  msg->head = msg->body = NULL;
  msg->body_len = 0;
}

int
http_status (const struct http_msg *msg)
{
  const char *h = msg->head;

  if (strncmp (h, "HTTP/1.", 7) != 0 || h[7] < '0' || h[7] > '9'
      || h[8] != ' ')
    return -1;
  for (int i = 9; i < 12; i++)
    if (h[i] < '0' || h[i] > '9')
      return -1;
  if (h[12] != ' ' && h[12] != '\r')
    return -1;
  return (h[9] - '0') * 100 + (h[10] - '0') * 10 + (h[11] - '0');
}

int
http_negotiate (const struct http_msg *msg, const char *field, char **token)
{
  static const char scheme[] = "Negotiate";
  size_t field_len = strlen (field), scheme_len = sizeof scheme - 1;
  const char *line = strstr (msg->head, "\r\n");

  *token = NULL;
  /* Several fields may offer schemes; the first Negotiate one counts.  */
  while (line != NULL && line[2] != '\0')
    {
      const char *start = line + 2, *end = strstr (start, "\r\n"), *v;

      if (end == NULL)
	break;
      line = end;
      if ((size_t) (end - start) <= field_len || start[field_len] != ':'
	  || strncasecmp (start, field, field_len) != 0)
	continue;
      v = start + field_len + 1;
      while (v < end && (*v == ' ' || *v == '\t'))
	v++;
      while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
	end--;
      if ((size_t) (end - v) < scheme_len
	  || strncasecmp (v, scheme, scheme_len) != 0
	  || (v + scheme_len < end && v[scheme_len] != ' '))
	continue;
      v += scheme_len;
      while (v < end && *v == ' ')
	v++;
      if (v == end)
	return 1;
      *token = strndup (v, (size_t) (end - v));
      return *token != NULL ? 1 : -1;
    }
  return 0;
}

static const char b64[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *
base64_encode (const void *data, size_t len)
{
  const unsigned char *p = data;
  char *out, *o;
  size_t i;

  if (len > (SIZE_MAX - 1) / 4 * 3 - 2)
    return NULL;
  out = malloc ((len + 2) / 3 * 4 + 1);
  if (out == NULL)
    return NULL;
  o = out;
  for (i = 0; i + 2 < len; i += 3)
    {
      *o++ = b64[p[i] >> 2];
      *o++ = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
      *o++ = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
      *o++ = b64[p[i + 2] & 63];
    }
  if (i < len)
    {
      *o++ = b64[p[i] >> 2];
      if (i + 1 < len)
	{
	  *o++ = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
	  *o++ = b64[(p[i + 1] & 15) << 2];
	}
      else
	{
	  *o++ = b64[(p[i] & 3) << 4];
	  *o++ = '=';
	}
      *o++ = '=';
    }
  *o = '\0';
  return out;
}

int
base64_decode (const char *text, gss_buffer_desc *out)
{
  size_t len = strlen (text), i, o = 0;
  unsigned char *buf;
  unsigned int acc = 0;

  out->length = 0;
  out->value = NULL;
  if (len == 0 || len % 4 != 0)
    return -1;
  buf = malloc (len / 4 * 3);
  if (buf == NULL)
    return -1;
  for (i = 0; i < len; i++)
    {
      const char *c = strchr (b64, text[i]);

      /* Padding only as the last one or two characters.  */
      if (text[i] == '=' && i >= len - 2
	  && (i == len - 1 || text[len - 1] == '='))
	acc <<= 6;
      else if (c == NULL)
	goto bad;
      else
	acc = (acc << 6) | (unsigned int) (c - b64);
      if (i % 4 == 3)
	{
	  buf[o++] = (unsigned char) (acc >> 16);
	  buf[o++] = (unsigned char) (acc >> 8);
	  buf[o++] = (unsigned char) acc;
	  acc = 0;
	}
    }
  /* The last group: one '=' leaves two octets, two leave one, and the
     bits that padding covers must be zero for the text to be canonical. */
  if (text[len - 1] == '=')
    {
      size_t pad = text[len - 2] == '=' ? 2 : 1;
      unsigned int group = ((unsigned int) buf[o - 3] << 16)
	| ((unsigned int) buf[o - 2] << 8) | buf[o - 1];

      if ((pad == 1 && (group & 0xff) != 0)
	  || (pad == 2 && (group & 0xffff) != 0))
	goto bad;
      o -= pad;
    }
  out->value = buf;
  out->length = o;
  return 0;

bad:
  free (buf);
  return -1;
}

static void
report_one (const char *prog, const char *what, OM_uint32 code, int type)
{
  OM_uint32 major, minor, message_context = 0;
  gss_buffer_desc text;

  do
    {
      major = gss_display_status (&minor, code, type, GSS_C_NO_OID,
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
negotiate_report (const char *prog, const char *what, OM_uint32 major,
		  OM_uint32 minor)
{
  report_one (prog, what, major, GSS_C_GSS_CODE);
  /* A zero minor status carries no information from the mechanism.  */
  if (minor != 0)
    report_one (prog, what, minor, GSS_C_MECH_CODE);
}

int
negotiate_print_name (const char *prog, const char *label, gss_name_t name)
{
  OM_uint32 major, minor;
  gss_buffer_desc text;

  major = gss_display_name (&minor, name, &text, NULL);
  if (GSS_ERROR (major))
    {
      negotiate_report (prog, "gss_display_name", major, minor);
      return -1;
    }
  fprintf (stderr, "%s: %s %.*s\n", prog, label, (int) text.length,
	   (const char *) text.value);
  gss_release_buffer (&minor, &text);
  return 0;
}

static int
same_oid (const gss_OID_desc *a, const gss_OID_desc *b)
{
  return a->length == b->length
    && memcmp (a->elements, b->elements, a->length) == 0;
}

const char *
negotiate_mech_name (const gss_OID_desc *mech)
{
  if (mech == GSS_C_NO_OID)
    return "none";
  if (same_oid (mech, &negotiate_spnego))
    return "SPNEGO";
  if (same_oid (mech, NEGOTIATE_KRB5) || same_oid (mech, &krb5_ms))
    return "Kerberos";
  return "other";
}

const char *
negotiate_token_mech (const gss_buffer_desc *token)
{
  const unsigned char *p = token->value;
  size_t len = token->length, i = 1, body;
  gss_OID_desc oid;

  /* [APPLICATION 0] with a definite length, then the OBJECT IDENTIFIER. */
  if (len < 2 || p[0] != 0x60)
    return "unknown";
  if (p[i] < 0x80)
    body = p[i++];
  else
    {
      size_t n = p[i++] & 0x7f;

      if (n == 0 || n > sizeof (size_t) || n > len - i)
	return "unknown";
      for (body = 0; n > 0; n--)
	body = (body << 8) | p[i++];
    }
  if (body != len - i || len - i < 2 || p[i] != 0x06 || p[i + 1] >= 0x80
      || p[i + 1] > len - i - 2)
    return "unknown";
  oid.length = p[i + 1];
  oid.elements = (void *) (p + i + 2);
  if (same_oid (&oid, &negotiate_spnego))
    return "SPNEGO";
  if (same_oid (&oid, NEGOTIATE_KRB5))
    return "Kerberos";
  if (same_oid (&oid, &krb5_ms))
    return "Kerberos (Microsoft OID)";
  return "unknown";
}
