/* peer.c - one side of a GSS-API Kerberos 5 conversation, for interop tests.
 *
 * Built from this one source against MIT's libgssapi_krb5 (PEER_MIT,
 * program peer-mit), against Heimdal's libgssapi (PEER_HEIMDAL, program
 * peer-heimdal, when heimdal-multidev is installed) and against libgss
 * (program peer-ours), so that any library can be put on either side of
 * a conversation.  The
 * shared code uses only RFC 2744 calls and the mechanism OID.
 *
 * Transport: context and per-message tokens travel as frames on two file
 * descriptors, read from standard input and written to standard output.
 * A frame is a 4-octet big-endian length followed by that many octets.
 * tests/interop/pair.sh connects an initiator to an acceptor this way.
 *
 * Conversation:
 *  1. Establishment.  The initiator sends each token gss_init_sec_context
 *     makes and reads one reply frame whenever the call asks to continue;
 *     the acceptor reads a frame and answers with the token of each
 *     gss_accept_sec_context that makes one.  A side whose call fails
 *     still sends the token the call made (a KRB-ERROR, for example), then
 *     stops; the other side then sees the end of its input.
 *  2. With --messages on both sides, for each size of SIZES below and for
 *     conf_req_flag 0 then 1: the initiator sends a wrap token, the
 *     acceptor unwraps and checks it and sends its own wrap token, which
 *     the initiator checks; then for each size the same with get_mic and
 *     verify_mic.  Payloads are not sent: each side computes the expected
 *     octets from (size, kind, direction), so a token only verifies if
 *     both sides agree on the content.
 *  3. With --iov on both sides, for each size and each mode of IOV_MODES
 *     below, each side in turn sends a token made one way and the other
 *     takes it back another way: gss_wrap_iov against gss_unwrap,
 *     gss_wrap against gss_unwrap_iov (a STREAM, or split into HEADER,
 *     DATA, PADDING and TRAILER), SIGN_ONLY buffers on both sides, the trailer
 *     rotated into the header (RRC), and gss_wrap_aead against
 *     gss_unwrap_aead.  A frame is the token's parts end to end.
 *  4. With --mic-iov on both sides (not Heimdal), for each size: MIC
 *     tokens of SIGN_ONLY, DATA, SIGN_ONLY made with gss_get_mic_iov
 *     (allocated, or sized by gss_get_mic_iov_length) and checked with
 *     gss_verify_mic over the same octets end to end, or made with
 *     gss_get_mic and checked with gss_verify_mic_iov, each way.
 *
 * Outcome: the result of establishment is the major status of the last
 * init/accept call, compared in full with --expect-major (default 0).
 * The summary, one line per side, goes to standard error or the --log
 * file:
 *   peer-mit initiator: established flags=0x1b2 (MUTUAL,...) src=... \
 *     target=... lifetime=N messages=ok result=PASS
 *   peer-mit acceptor: failed call=accept major=0x... (text) \
 *     minor=0x... (text) expected=0x... result=PASS
 * The exit status is 0 when every expectation held, 1 when one failed,
 * 2 for a usage error.
 */
/* For dladdr.  */
#define _GNU_SOURCE 1
#include <dlfcn.h>

#if defined PEER_MIT || defined PEER_HEIMDAL
/* Heimdal's headers (first on the include path for peer-heimdal) carry
   the same names as MIT's, gss_mech_krb5 included. */
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#ifdef PEER_MIT
/* Heimdal's gssapi.h declares these extensions itself. */
#include <gssapi/gssapi_ext.h>
#endif
#ifdef PEER_MIT
#define PEER_NAME "peer-mit"
#else
#define PEER_NAME "peer-heimdal"
#endif
#define PEER_MECH ((gss_OID) gss_mech_krb5)
#else
#include <gss.h>
#define PEER_NAME "peer-ours"
#define PEER_MECH GSS_KRB5
#endif

/* --mech spnego: SPNEGO (RFC 4178, 1.3.6.1.5.5.2) around Kerberos. */
#ifdef GSS_SPNEGO_H
#define SPNEGO_OID GSS_SPNEGO
#else
static gss_OID_desc spnego_oid_desc = { 6, (void *) "\x2b\x06\x01\x05\x05\x02" };
#define SPNEGO_OID (&spnego_oid_desc)
#endif

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Frames larger than this are refused as garbage. */
#define MAX_FRAME (16u * 1024 * 1024)

static const size_t SIZES[] = { 0, 1, 15, 16, 17, 1000, 65536 };
#define N_SIZES (sizeof SIZES / sizeof SIZES[0])

enum kind
{ KIND_WRAP_INTEG = 0, KIND_WRAP_CONF = 1, KIND_MIC = 2 };
enum direction
{ I_TO_A = 0, A_TO_I = 1 };

struct options
{
  int initiate;
  int accept;
  const char *service;
  OM_uint32 req_flags;
  const char *cb;
  const char *replay_out;
  const char *replay_in;
  OM_uint32 expect_major;
  OM_uint32 require_flags;
  OM_uint32 forbid_flags;
  int require_deleg;
  int acquire_default;
  int messages;
  int sequence;
  int transfer;
  int session_key;
  int iov;
  int mic_iov;
  const char *resume;
  const char *log;
  const char *deleg_target;
  /* The mechanism asked for: PEER_MECH (Kerberos), or SPNEGO_OID. */
  gss_OID mech;
  int cred;
};

/* With --show-tokens, the first token of each kind this side makes is
   described in the summary (tests/ad/ad-realm.sh reads the format and
   the key from it). */
static int show_tokens;

static FILE *log_file;
static const char *role = "peer";

/* The summary line is built piecewise, then written at once. */
static char summary[8192];
static size_t summary_len;

static void
say (const char *fmt, ...)
{
  va_list ap;
  int n;

  if (summary_len >= sizeof summary - 1)
    return;
  va_start (ap, fmt);
  n = vsnprintf (summary + summary_len, sizeof summary - summary_len, fmt, ap);
  va_end (ap);
  if (n < 0)
    return;
  summary_len += (size_t) n;
  if (summary_len >= sizeof summary)
    summary_len = sizeof summary - 1;
}

static void
flush_summary (void)
{
  fprintf (log_file, "%s %s:%s\n", PEER_NAME, role, summary);
  fflush (log_file);
  summary_len = 0;
  summary[0] = '\0';
}

/* Status texts, every message of the chain joined by "; ". */
static void
say_status (OM_uint32 code, int type)
{
  OM_uint32 ctx = 0, major, minor;
  gss_buffer_desc text;
  int first = 1;

  say (" (");
  do
    {
      text.length = 0;
      text.value = NULL;
      major = gss_display_status (&minor, code, type, PEER_MECH, &ctx, &text);
      if (GSS_ERROR (major))
	{
	  say ("%sno text: display_status major 0x%08x", first ? "" : "; ",
	       (unsigned) major);
	  break;
	}
      say ("%s%.*s", first ? "" : "; ", (int) text.length,
	   (const char *) text.value);
      gss_release_buffer (&minor, &text);
      first = 0;
    }
  while (ctx != 0);
  say (")");
}

static void
say_failure (const char *call, OM_uint32 major, OM_uint32 minor)
{
  say (" call=%s major=0x%08x", call, (unsigned) major);
  say_status (major, GSS_C_GSS_CODE);
  say (" minor=0x%08x", (unsigned) minor);
  if (minor != 0)
    say_status (minor, GSS_C_MECH_CODE);
}

static const struct
{
  OM_uint32 bit;
  const char *name;
} FLAG_NAMES[] = {
  {1, "DELEG"}, {2, "MUTUAL"}, {4, "REPLAY"}, {8, "SEQUENCE"},
  {16, "CONF"}, {32, "INTEG"}, {64, "ANON"}, {128, "PROT_READY"},
  {256, "TRANS"},
  /* MIT extensions, named only to make logs readable. */
  {0x800, "CHANNEL_BOUND"}, {0x1000, "DCE_STYLE"}, {0x2000, "IDENTIFY"},
  {0x4000, "EXTENDED_ERROR"}, {0x8000, "DELEG_POLICY"},
};

static void
say_flags (const char *label, OM_uint32 flags)
{
  OM_uint32 left = flags;
  size_t i;
  int first = 1;

  say (" %s=0x%x (", label, (unsigned) flags);
  for (i = 0; i < sizeof FLAG_NAMES / sizeof FLAG_NAMES[0]; i++)
    if (flags & FLAG_NAMES[i].bit)
      {
	say ("%s%s", first ? "" : ",", FLAG_NAMES[i].name);
	left &= ~FLAG_NAMES[i].bit;
	first = 0;
      }
  if (left)
    say ("%s0x%x", first ? "" : ",", (unsigned) left);
  say (")");
}

static void
say_name (const char *label, gss_name_t name)
{
  OM_uint32 major, minor;
  gss_buffer_desc text = GSS_C_EMPTY_BUFFER;

  if (name == GSS_C_NO_NAME)
    {
      say (" %s=(none)", label);
      return;
    }
  major = gss_display_name (&minor, name, &text, NULL);
  if (GSS_ERROR (major))
    {
      say (" %s=(display_name failed 0x%08x)", label, (unsigned) major);
      return;
    }
  say (" %s=%.*s", label, (int) text.length, (const char *) text.value);
  gss_release_buffer (&minor, &text);
}

/* Transport. */

static int
read_all (int fd, unsigned char *p, size_t n)
{
  while (n > 0)
    {
      ssize_t r = read (fd, p, n);
      if (r < 0 && errno == EINTR)
	continue;
      if (r <= 0)
	return r == 0 ? 0 : -1;
      p += r;
      n -= (size_t) r;
    }
  return 1;
}

static int
write_all (int fd, const unsigned char *p, size_t n)
{
  while (n > 0)
    {
      ssize_t r = write (fd, p, n);
      if (r < 0 && errno == EINTR)
	continue;
      if (r < 0)
	return -1;
      p += r;
      n -= (size_t) r;
    }
  return 0;
}

/* Returns 1 with a frame in *buf (free with free), 0 at the end of input
   before a frame begins, -1 on an error (said in the summary). */
static int
read_frame (gss_buffer_desc *buf)
{
  unsigned char head[4];
  uint32_t len;
  int r;

  buf->length = 0;
  buf->value = NULL;
  r = read_all (0, head, 4);
  if (r == 0)
    return 0;
  if (r < 0)
    {
      say (" io=read:%s", strerror (errno));
      return -1;
    }
  len = ((uint32_t) head[0] << 24) | ((uint32_t) head[1] << 16)
    | ((uint32_t) head[2] << 8) | head[3];
  if (len > MAX_FRAME)
    {
      say (" io=frame-too-long:%lu", (unsigned long) len);
      return -1;
    }
  buf->value = malloc (len ? len : 1);
  if (buf->value == NULL)
    {
      say (" io=out-of-memory");
      return -1;
    }
  r = read_all (0, buf->value, len);
  if (r <= 0)
    {
      say (" io=truncated-frame");
      free (buf->value);
      buf->value = NULL;
      return -1;
    }
  buf->length = len;
  return 1;
}

static int
write_frame (const gss_buffer_desc *buf)
{
  unsigned char head[4];
  uint32_t len = (uint32_t) buf->length;

  head[0] = (unsigned char) (len >> 24);
  head[1] = (unsigned char) (len >> 16);
  head[2] = (unsigned char) (len >> 8);
  head[3] = (unsigned char) len;
  if (write_all (1, head, 4) < 0
      || write_all (1, buf->value, buf->length) < 0)
    {
      say (" io=write:%s", strerror (errno));
      return -1;
    }
  return 0;
}

static int
save_file (const char *path, const gss_buffer_desc *buf)
{
  FILE *f = fopen (path, "wb");
  int ok;

  if (f == NULL)
    return -1;
  ok = fwrite (buf->value, 1, buf->length, f) == buf->length;
  if (fclose (f) != 0)
    ok = 0;
  return ok ? 0 : -1;
}

static int
load_file (const char *path, gss_buffer_desc *buf)
{
  FILE *f = fopen (path, "rb");
  unsigned char *data = NULL;
  size_t len = 0, cap = 0, n;

  buf->length = 0;
  buf->value = NULL;
  if (f == NULL)
    return -1;
  for (;;)
    {
      if (len == cap)
	{
	  unsigned char *bigger;
	  cap = cap ? cap * 2 : 4096;
	  bigger = realloc (data, cap);
	  if (bigger == NULL)
	    {
	      free (data);
	      fclose (f);
	      return -1;
	    }
	  data = bigger;
	}
      n = fread (data + len, 1, cap - len, f);
      len += n;
      if (n == 0)
	break;
    }
  fclose (f);
  buf->value = data;
  buf->length = len;
  return 0;
}

/* The octets both sides expect for one message. */
static void
fill_payload (unsigned char *p, size_t size, size_t index, enum kind kind,
	      enum direction dir)
{
  size_t i;
  unsigned seed = (unsigned) (index * 7 + kind * 29 + dir * 53 + 1);

  for (i = 0; i < size; i++)
    p[i] = (unsigned char) ((i * 131u + seed * (1 + (i >> 8))) & 0xff);
}

static gss_name_t
import_service (const char *service)
{
  OM_uint32 major, minor;
  gss_buffer_desc buf;
  gss_name_t name = GSS_C_NO_NAME;

  buf.length = strlen (service);
  buf.value = (void *) service;
  major = gss_import_name (&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &name);
  if (GSS_ERROR (major))
    {
      say_failure ("import_name", major, minor);
      return GSS_C_NO_NAME;
    }
  return name;
}

/* Establishment. */

struct context
{
  gss_ctx_id_t ctx;
  OM_uint32 last_major;
  OM_uint32 last_minor;
  const char *last_call;
  OM_uint32 ret_flags;
  gss_name_t src;
  gss_cred_id_t deleg;
  int io_failed;
};

static void
initiate (const struct options *o, gss_channel_bindings_t cb,
	  struct context *c)
{
  gss_name_t target = import_service (o->service);
  gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out;
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  OM_uint32 major, minor;
  int first = 1;

  c->last_call = "import_name";
  c->last_major = GSS_S_FAILURE;
  if (target == GSS_C_NO_NAME)
    return;
  /* A credential acquired for no name in particular: MIT resolves it
     for the target only when no lifetime was asked for here. */
  if (o->acquire_default)
    {
      c->last_call = "acquire_cred";
      major = gss_acquire_cred (&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE,
				GSS_C_NO_OID_SET, GSS_C_INITIATE, &cred,
				NULL, NULL);
      if (GSS_ERROR (major))
	{
	  c->last_major = major;
	  c->last_minor = minor;
	  gss_release_name (&minor, &target);
	  return;
	}
    }
  c->last_call = "init_sec_context";
  for (;;)
    {
      out.length = 0;
      out.value = NULL;
      major = gss_init_sec_context (&minor, cred, &c->ctx,
				    target, o->mech, o->req_flags, 0, cb,
				    first ? GSS_C_NO_BUFFER : &in, NULL, &out,
				    &c->ret_flags, NULL);
      free (in.value);
      in.value = NULL;
      in.length = 0;
      c->last_major = major;
      c->last_minor = minor;
      if (out.length > 0)
	{
	  if (first && o->replay_out && save_file (o->replay_out, &out) < 0)
	    {
	      say (" io=cannot-write:%s", o->replay_out);
	      c->io_failed = 1;
	    }
	  if (write_frame (&out) < 0 && !GSS_ERROR (major))
	    c->io_failed = 1;
	}
      gss_release_buffer (&minor, &out);
      first = 0;
      if (GSS_ERROR (major) || c->io_failed
	  || !(major & GSS_S_CONTINUE_NEEDED))
	break;
      if (read_frame (&in) <= 0)
	{
	  say (" io=no-reply-from-acceptor");
	  c->io_failed = 1;
	  break;
	}
    }
  gss_release_name (&minor, &target);
  if (cred != GSS_C_NO_CREDENTIAL)
    gss_release_cred (&minor, &cred);
}

static void
accept_ (const struct options *o, gss_channel_bindings_t cb,
	 struct context *c)
{
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  gss_buffer_desc in, out;
  OM_uint32 major, minor;
  int first = 1, r;

  if (o->service || o->cred)
    {
      gss_name_t name = o->service ? import_service (o->service)
	: GSS_C_NO_NAME;
      gss_OID_set_desc mechs;

      c->last_call = "import_name";
      c->last_major = GSS_S_FAILURE;
      if (o->service && name == GSS_C_NO_NAME)
	return;
      mechs.count = 1;
      mechs.elements = o->mech;
      major = gss_acquire_cred (&minor, name, GSS_C_INDEFINITE, &mechs,
				GSS_C_ACCEPT, &cred, NULL, NULL);
      gss_release_name (&minor, &name);
      c->last_call = "acquire_cred";
      c->last_major = major;
      c->last_minor = minor;
      if (GSS_ERROR (major))
	return;
    }
  c->last_call = "accept_sec_context";
  for (;;)
    {
      if (first && o->replay_in)
	{
	  if (load_file (o->replay_in, &in) < 0)
	    {
	      say (" io=cannot-read:%s", o->replay_in);
	      c->io_failed = 1;
	      break;
	    }
	}
      else
	{
	  r = read_frame (&in);
	  if (r <= 0)
	    {
	      if (r == 0)
		say (" io=no-token-from-initiator");
	      c->io_failed = 1;
	      break;
	    }
	}
      first = 0;
      out.length = 0;
      out.value = NULL;
      /* The source name and the delegated credential are kept from the
         call that completes; earlier calls leave them empty. */
      major = gss_accept_sec_context (&minor, &c->ctx, cred, &in, cb,
				      &c->src, NULL, &out, &c->ret_flags,
				      NULL, &c->deleg);
      free (in.value);
      c->last_major = major;
      c->last_minor = minor;
      if (out.length > 0 && write_frame (&out) < 0 && !GSS_ERROR (major))
	c->io_failed = 1;
      gss_release_buffer (&minor, &out);
      if (GSS_ERROR (major) || c->io_failed
	  || !(major & GSS_S_CONTINUE_NEEDED))
	break;
    }
  if (cred != GSS_C_NO_CREDENTIAL)
    gss_release_cred (&minor, &cred);
}

/* Checks what gss_inquire_context says of an established context. */
static int
inquire (struct context *c, int initiator)
{
  OM_uint32 major, minor, lifetime = 0, flags = 0;
  gss_name_t src = GSS_C_NO_NAME, targ = GSS_C_NO_NAME;
  gss_OID mech = GSS_C_NO_OID;
  int local = -1, open = -1, ok = 1;

  major = gss_inquire_context (&minor, c->ctx, &src, &targ, &lifetime, &mech,
			       &flags, &local, &open);
  if (GSS_ERROR (major))
    {
      say (" inquire_context=failed");
      say_failure ("inquire_context", major, minor);
      return 0;
    }
  say_name ("src", src);
  say_name ("target", targ);
  say (" lifetime=%lu", (unsigned long) lifetime);
  if (!open || !local != !initiator)
    {
      say (" inquire=wrong(open=%d,locally_initiated=%d)", open, local);
      ok = 0;
    }
  if (mech == GSS_C_NO_OID || mech->length != PEER_MECH->length
      || memcmp (mech->elements, PEER_MECH->elements, mech->length) != 0)
    {
      say (" inquire=wrong-mech");
      ok = 0;
    }
  /* MIT sets PROT_READY in the context's flags but not always in the
     returned ones; either is right for an established context. */
  if ((flags | GSS_C_PROT_READY_FLAG) != (c->ret_flags | GSS_C_PROT_READY_FLAG))
    {
      say_flags ("inquire_flags", flags);
      ok = 0;
    }
  gss_release_name (&minor, &src);
  gss_release_name (&minor, &targ);
  return ok;
}

/* With --mech spnego, MIT and Heimdal give names of a SPNEGO context
   that their Kerberos mechanism does not take or compare (libgss gives
   Kerberos names): the delegation check then goes by the names' text. */
static int spnego_mode;

static int
same_text (gss_name_t a, gss_name_t b)
{
  gss_buffer_desc ta = GSS_C_EMPTY_BUFFER, tb = GSS_C_EMPTY_BUFFER;
  OM_uint32 minor;
  int same;

  same = !GSS_ERROR (gss_display_name (&minor, a, &ta, NULL))
    && !GSS_ERROR (gss_display_name (&minor, b, &tb, NULL))
    && ta.length == tb.length && memcmp (ta.value, tb.value, ta.length) == 0;
  gss_release_buffer (&minor, &ta);
  gss_release_buffer (&minor, &tb);
  return same;
}

/* *NAME again, as a Kerberos principal name of the same text. */
static int
renamed_as_kerberos (gss_name_t *name)
{
  gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
  gss_name_t krb = GSS_C_NO_NAME;
  OM_uint32 major, minor;

  major = gss_display_name (&minor, *name, &text, NULL);
  if (!GSS_ERROR (major))
    major = gss_import_name (&minor, &text, (gss_OID) GSS_KRB5_NT_PRINCIPAL_NAME,
			     &krb);
  gss_release_buffer (&minor, &text);
  if (GSS_ERROR (major))
    return 0;
  gss_release_name (&minor, name);
  *name = krb;
  return 1;
}

/* The acceptor uses a delegated credential to reach itself again, or
   the service DELEG_TARGET (NAME@HOST) when given, whose key is then in
   the default keytab too. */
static int
try_delegated (struct context *c, const char *deleg_target)
{
  OM_uint32 major, minor, ignored;
  gss_name_t self = GSS_C_NO_NAME, inner_src = GSS_C_NO_NAME;
  gss_ctx_id_t ictx = GSS_C_NO_CONTEXT, actx = GSS_C_NO_CONTEXT;
  gss_buffer_desc itok = GSS_C_EMPTY_BUFFER, atok = GSS_C_EMPTY_BUFFER;
  int ok = 0, same = 0, rounds;

  if (deleg_target != NULL)
    {
      self = import_service (deleg_target);
      if (self == GSS_C_NO_NAME)
	{
	  say (" deleg_init=failed");
	  return 0;
	}
    }
  else
    {
      major = gss_inquire_context (&minor, c->ctx, NULL, &self, NULL, NULL,
				   NULL, NULL, NULL);
      if (GSS_ERROR (major))
	{
	  say (" deleg_init=failed");
	  say_failure ("inquire_context", major, minor);
	  return 0;
	}
    }
  if (spnego_mode && !renamed_as_kerberos (&self))
    {
      say (" deleg_init=failed(target-name)");
      goto cleanup;
    }
  for (rounds = 0; rounds < 10; rounds++)
    {
      major = gss_init_sec_context (&minor, c->deleg, &ictx, self, PEER_MECH,
				    GSS_C_MUTUAL_FLAG, 0,
				    GSS_C_NO_CHANNEL_BINDINGS,
				    rounds ? &atok : GSS_C_NO_BUFFER, NULL,
				    &itok, NULL, NULL);
      gss_release_buffer (&ignored, &atok);
      if (GSS_ERROR (major))
	{
	  say (" deleg_init=failed");
	  say_failure ("init_sec_context(delegated)", major, minor);
	  goto cleanup;
	}
      if (itok.length == 0)
	break;
      major = gss_accept_sec_context (&minor, &actx, GSS_C_NO_CREDENTIAL,
				      &itok, GSS_C_NO_CHANNEL_BINDINGS,
				      &inner_src, NULL, &atok, NULL, NULL,
				      NULL);
      gss_release_buffer (&ignored, &itok);
      if (GSS_ERROR (major))
	{
	  say (" deleg_init=failed");
	  say_failure ("accept_sec_context(delegated)", major, minor);
	  goto cleanup;
	}
      if (atok.length == 0)
	break;
    }
  if (major != GSS_S_COMPLETE || inner_src == GSS_C_NO_NAME
      || actx == GSS_C_NO_CONTEXT)
    {
      say (" deleg_init=failed(no-context)");
      goto cleanup;
    }
  major = gss_compare_name (&minor, inner_src, c->src, &same);
  if (spnego_mode && (GSS_ERROR (major) || !same))
    same = same_text (inner_src, c->src), major = GSS_S_COMPLETE;
  if (GSS_ERROR (major) || !same)
    {
      say (" deleg_init=failed(other-name)");
      say_name ("deleg_src", inner_src);
      goto cleanup;
    }
  say (" deleg_init=ok");
  ok = 1;

cleanup:
  gss_release_buffer (&ignored, &itok);
  gss_release_buffer (&ignored, &atok);
  gss_release_name (&ignored, &self);
  gss_release_name (&ignored, &inner_src);
  if (ictx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&ignored, &ictx, GSS_C_NO_BUFFER);
  if (actx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&ignored, &actx, GSS_C_NO_BUFFER);
  return ok;
}

/* Per-message tokens. */

/* " tok-wrap=HEX/LEN": the first 20 octets of a token and its length,
   for wrap without (tok-wrap), with confidentiality (tok-conf) and MIC
   (tok-mic).  20
   octets reach past an RFC 1964 token's framing to its SGN_ALG and
   SEAL_ALG. */
static void
say_token (enum kind kind, const gss_buffer_desc *tok)
{
  static const char *const names[] = { "tok-wrap", "tok-conf", "tok-mic" };
  const unsigned char *p = tok->value;
  size_t i;

  say (" %s=", names[kind]);
  for (i = 0; i < tok->length && i < 20; i++)
    say ("%02x", p[i]);
  say ("/%lu", (unsigned long) tok->length);
}

/* What the first sealed wrap token this side made looks like, for the
   summary: "cfx:FLAGS" for an RFC 4121 token (TOK_ID 05 04, then its
   flags octet: 0x01 sent by acceptor, 0x02 sealed, 0x04 acceptor
   subkey), "v1:SEAL_ALG" for an RFC 1964 / RFC 4757 one (02 01 after
   the RFC 2743 header; SEAL_ALG 0x0002 des3, 0x0010 arcfour). */
static char wrap_format[32];

static void
note_wrap_format (const gss_buffer_desc *tok)
{
  const unsigned char *p = tok->value;
  size_t len = tok->length, i, n;

  if (wrap_format[0] != '\0' || len < 3)
    return;
  if (p[0] == 0x05 && p[1] == 0x04)
    {
      snprintf (wrap_format, sizeof wrap_format, "cfx:0x%02x", p[2]);
      return;
    }
  /* 0x60, a DER length, the mechanism OID (06 len ...), TOK_ID. */
  if (p[0] != 0x60)
    goto unknown;
  i = 2;
  if (p[1] & 0x80)
    i += p[1] & 0x7f;
  if (i + 2 > len || p[i] != 0x06)
    goto unknown;
  n = p[i + 1];
  i += 2 + n;
  if (i + 6 > len)
    goto unknown;
  snprintf (wrap_format, sizeof wrap_format, "v1:%02x%02x:0x%02x%02x",
	    p[i], p[i + 1], p[i + 5], p[i + 4]);
  return;
unknown:
  snprintf (wrap_format, sizeof wrap_format, "unknown:%02x%02x", p[0], p[1]);
}

static int
send_message (gss_ctx_id_t ctx, size_t index, enum kind kind,
	      enum direction dir)
{
  size_t size = SIZES[index];
  unsigned char *payload = malloc (size ? size : 1);
  gss_buffer_desc msg, tok = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor;
  int conf = -1, ok = 0;

  if (payload == NULL)
    return 0;
  fill_payload (payload, size, index, kind, dir);
  msg.length = size;
  msg.value = payload;
  if (kind == KIND_MIC)
    major = gss_get_mic (&minor, ctx, 0, &msg, &tok);
  else
    major = gss_wrap (&minor, ctx, kind == KIND_WRAP_CONF, 0, &msg, &conf,
		      &tok);
  if (GSS_ERROR (major))
    {
      say (" messages=failed(size=%lu,kind=%d)", (unsigned long) size, kind);
      say_failure (kind == KIND_MIC ? "get_mic" : "wrap", major, minor);
    }
  else if (kind != KIND_MIC && conf != (kind == KIND_WRAP_CONF))
    say (" messages=failed(size=%lu,kind=%d,conf_state=%d)",
	 (unsigned long) size, kind, conf);
  else if (write_frame (&tok) == 0)
    {
      if (kind == KIND_WRAP_CONF)
	note_wrap_format (&tok);
      ok = 1;
    }
  if (ok && show_tokens && index == 0)
    say_token (kind, &tok);
  gss_release_buffer (&minor, &tok);
  free (payload);
  return ok;
}

static int
receive_message (gss_ctx_id_t ctx, size_t index, enum kind kind,
		 enum direction dir)
{
  size_t size = SIZES[index];
  unsigned char *expected = malloc (size ? size : 1);
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, msg, out = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor;
  gss_qop_t qop = 12345;
  int conf = -1, ok = 0;

  if (expected == NULL)
    return 0;
  fill_payload (expected, size, index, kind, dir);
  if (read_frame (&tok) <= 0)
    {
      say (" messages=failed(size=%lu,kind=%d,no-token)",
	   (unsigned long) size, kind);
      free (expected);
      return 0;
    }
  if (kind == KIND_MIC)
    {
      msg.length = size;
      msg.value = expected;
      major = gss_verify_mic (&minor, ctx, &msg, &tok, &qop);
    }
  else
    major = gss_unwrap (&minor, ctx, &tok, &out, &conf, &qop);
  if (major != GSS_S_COMPLETE)
    {
      say (" messages=failed(size=%lu,kind=%d)", (unsigned long) size, kind);
      say_failure (kind == KIND_MIC ? "verify_mic" : "unwrap", major, minor);
    }
  else if (qop != 0)
    say (" messages=failed(size=%lu,kind=%d,qop=%lu)", (unsigned long) size,
	 kind, (unsigned long) qop);
  else if (kind != KIND_MIC && conf != (kind == KIND_WRAP_CONF))
    say (" messages=failed(size=%lu,kind=%d,conf_state=%d)",
	 (unsigned long) size, kind, conf);
  else if (kind != KIND_MIC
	   && (out.length != size
	       || (size > 0 && memcmp (out.value, expected, size) != 0)))
    say (" messages=failed(size=%lu,kind=%d,wrong-payload)",
	 (unsigned long) size, kind);
  else
    ok = 1;
  free (tok.value);
  gss_release_buffer (&minor, &out);
  free (expected);
  return ok;
}

static int
exchange_messages (gss_ctx_id_t ctx, int initiator)
{
  size_t i;
  int k;
  enum direction mine = initiator ? I_TO_A : A_TO_I;
  enum direction theirs = initiator ? A_TO_I : I_TO_A;

  for (i = 0; i < N_SIZES; i++)
    for (k = KIND_WRAP_INTEG; k <= KIND_MIC; k++)
      {
	/* The initiator speaks first in each round. */
	if (initiator)
	  {
	    if (!send_message (ctx, i, k, mine)
		|| !receive_message (ctx, i, k, theirs))
	      return 0;
	  }
	else
	  {
	    if (!receive_message (ctx, i, k, theirs)
		|| !send_message (ctx, i, k, mine))
	      return 0;
	  }
      }
  say (" messages=ok");
  return 1;
}

/* IOV and AEAD (--iov).  Each mode names how the sender makes the token
   and how the receiver takes it back. */
enum iov_mode
{
  IOV_TO_UNWRAP,		/* gss_wrap_iov, HEADER DATA TRAILER -> gss_unwrap */
  WRAP_TO_STREAM,		/* gss_wrap -> gss_unwrap_iov STREAM */
  WRAP_TO_PARTS,		/* gss_wrap -> gss_unwrap_iov HEADER DATA TRAILER */
  IOV_SIGN_ONLY,		/* SIGN_ONLY before and after the DATA, both sides */
  IOV_ROTATED,			/* no TRAILER: HEADER (with trailer) DATA */
  AEAD,				/* gss_wrap_aead -> gss_unwrap_aead, with assoc */
  N_IOV_MODES
};
/* Which modes a conversation runs (--iov, --iov-heimdal, --iov-dce,
   --iov-dce-v1). */
enum { IOV_ALL = 1, IOV_HEIMDAL = 2, IOV_DCE = 3, IOV_DCE_V1 = 4 };
static const char *const IOV_MODE_NAMES[] = {
  "iov-to-unwrap", "wrap-to-stream", "wrap-to-parts", "sign-only",
  "rotated", "aead"
};

/* Whether arrays carry a PADDING buffer, which RFC 1964 and RFC 4757
   tokens (des3-cbc-sha1, arcfour-hmac keys) need and RFC 4121 ones
   leave empty; not with Heimdal, whose cases run AES only. */
static int iov_padding = 1;

/* --iov-dce-v1 BLOCK: a DCE-style context with RFC 1964 or RFC 4757
   tokens, where the caller pads the message to BLOCK octets (8 for
   triple DES, 1 for arcfour) and the framing counts the header only. */
static size_t dce_v1_block;

static const unsigned char ASSOC1[] = "RPC header: SIGN_ONLY";
static const unsigned char ASSOC2[] = "RPC verifier";

/* The token's parts for MODE as this side would make them: the lengths
   of HEADER, PADDING and TRAILER (0 without one). */
static OM_uint32
iov_lengths (gss_ctx_id_t ctx, enum iov_mode mode, int conf, size_t size,
	     size_t *header, size_t *padding, size_t *trailer)
{
  gss_iov_buffer_desc iov[4];
  OM_uint32 major, minor;
  int n = 0, t;

  iov[n].type = GSS_IOV_BUFFER_TYPE_HEADER;
  iov[n].buffer.length = 0;
  iov[n++].buffer.value = NULL;
  iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[n].buffer.length = size;
  iov[n++].buffer.value = NULL;
  if (iov_padding)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_PADDING;
      iov[n].buffer.length = 0;
      iov[n++].buffer.value = NULL;
    }
  t = n;
  if (mode != IOV_ROTATED)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_TRAILER;
      iov[n].buffer.length = 0;
      iov[n++].buffer.value = NULL;
    }
  major = gss_wrap_iov_length (&minor, ctx, conf, 0, NULL, iov, n);
  *header = iov[0].buffer.length;
  *padding = iov_padding ? iov[2].buffer.length : 0;
  *trailer = mode != IOV_ROTATED ? iov[t].buffer.length : 0;
  return major;
}

/* The array HEADER [SIGN_ONLY] DATA [SIGN_ONLY] [PADDING] [TRAILER]
   over TOK, whose parts are HLEN, SIZE, PLEN and TLEN octets. */
static int
iov_over (gss_iov_buffer_desc *iov, enum iov_mode mode, unsigned char *tok,
	  size_t hlen, size_t size, size_t plen, size_t tlen)
{
  int n = 0;

  iov[n].type = GSS_IOV_BUFFER_TYPE_HEADER;
  iov[n].buffer.value = tok;
  iov[n++].buffer.length = hlen;
  if (mode == IOV_SIGN_ONLY)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
      iov[n].buffer.value = (void *) ASSOC1;
      iov[n++].buffer.length = sizeof ASSOC1 - 1;
    }
  iov[n].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[n].buffer.value = tok + hlen;
  iov[n++].buffer.length = size;
  if (mode == IOV_SIGN_ONLY)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
      iov[n].buffer.value = (void *) ASSOC2;
      iov[n++].buffer.length = sizeof ASSOC2 - 1;
    }
  if (iov_padding)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_PADDING;
      iov[n].buffer.value = tok + hlen + size;
      iov[n++].buffer.length = plen;
    }
  if (mode != IOV_ROTATED)
    {
      iov[n].type = GSS_IOV_BUFFER_TYPE_TRAILER;
      iov[n].buffer.value = tok + hlen + size + plen;
      iov[n++].buffer.length = tlen;
    }
  return n;
}

static int
send_iov (gss_ctx_id_t ctx, size_t index, enum iov_mode mode, int conf,
	  enum direction dir)
{
  size_t size = SIZES[index], hlen = 0, plen = 0, tlen = 0;
  unsigned char *tokbuf = NULL;
  gss_buffer_desc msg, tok = GSS_C_EMPTY_BUFFER,
    assoc = { sizeof ASSOC1 - 1, (void *) ASSOC1 };
  gss_iov_buffer_desc iov[6];
  OM_uint32 major, minor = 0;
  int state = -1, ok = 0, n;
  const char *call = "wrap_iov";

  if (mode == IOV_TO_UNWRAP || mode == IOV_SIGN_ONLY || mode == IOV_ROTATED)
    {
      major = iov_lengths (ctx, mode, conf, size, &hlen, &plen, &tlen);
      call = "wrap_iov_length";
      if (!GSS_ERROR (major))
	{
	  tokbuf = malloc (hlen + size + plen + tlen + 1);
	  if (tokbuf == NULL)
	    return 0;
	  fill_payload (tokbuf + hlen, size, index, (enum kind) conf, dir);
	  n = iov_over (iov, mode, tokbuf, hlen, size, plen, tlen);
	  major = gss_wrap_iov (&minor, ctx, conf, 0, &state, iov, n);
	  call = "wrap_iov";
	  tok.value = tokbuf;
	  tok.length = hlen + size + plen + tlen;
	}
    }
  else
    {
      tokbuf = malloc (size + 1);
      if (tokbuf == NULL)
	return 0;
      fill_payload (tokbuf, size, index, (enum kind) conf, dir);
      msg.length = size;
      msg.value = tokbuf;
      if (mode == AEAD)
	{
	  call = "wrap_aead";
	  major = gss_wrap_aead (&minor, ctx, conf, 0, &assoc, &msg, &state,
				 &tok);
	}
      else
	{
	  call = "wrap";
	  major = gss_wrap (&minor, ctx, conf, 0, &msg, &state, &tok);
	}
    }
  if (GSS_ERROR (major))
    {
      say (" iov=failed(size=%lu,mode=%s,conf=%d)", (unsigned long) size,
	   IOV_MODE_NAMES[mode], conf);
      say_failure (call, major, minor);
    }
  else if (state != conf)
    say (" iov=failed(size=%lu,mode=%s,conf_state=%d)",
	 (unsigned long) size, IOV_MODE_NAMES[mode], state);
  else if (write_frame (&tok) == 0)
    ok = 1;
  if (tok.value != tokbuf)
    gss_release_buffer (&minor, &tok);
  free (tokbuf);
  return ok;
}

static int
receive_iov (gss_ctx_id_t ctx, size_t index, enum iov_mode mode, int conf,
	     enum direction dir)
{
  size_t size = SIZES[index], hlen = 0, plen = 0, tlen = 0;
  unsigned char *expected = malloc (size ? size : 1);
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER,
    assoc = { sizeof ASSOC1 - 1, (void *) ASSOC1 };
  gss_iov_buffer_desc iov[6];
  OM_uint32 major, minor = 0;
  gss_qop_t qop = 12345;
  int state = -1, ok = 0, n;
  const char *call = "unwrap_iov";
  const unsigned char *got = NULL;

  if (expected == NULL)
    return 0;
  fill_payload (expected, size, index, (enum kind) conf, dir);
  if (read_frame (&tok) <= 0)
    {
      say (" iov=failed(size=%lu,mode=%s,no-token)", (unsigned long) size,
	   IOV_MODE_NAMES[mode]);
      free (expected);
      return 0;
    }
  /* A DCE-style v1 IOV token is framed over its header alone, which
     neither library's gss_unwrap takes (but for an empty message, when
     it is a gss_wrap token without padding): the parts are unwrapped. */
  if (mode == IOV_TO_UNWRAP && dce_v1_block && size > 0)
    {
      major = gss_unwrap (&minor, ctx, &tok, &out, &state, &qop);
      if (major != GSS_S_DEFECTIVE_TOKEN)
	{
	  say (" iov=failed(size=%lu,mode=%s,whole-token)",
	       (unsigned long) size, IOV_MODE_NAMES[mode]);
	  say_failure ("unwrap", major, minor);
	  goto cleanup;
	}
      state = -1;
      qop = 12345;
    }
  switch (mode == IOV_TO_UNWRAP && dce_v1_block ? N_IOV_MODES : mode)
    {
    case IOV_TO_UNWRAP:
      call = "unwrap";
      major = gss_unwrap (&minor, ctx, &tok, &out, &state, &qop);
      got = out.value;
      break;
    case WRAP_TO_STREAM:
      iov[0].type = GSS_IOV_BUFFER_TYPE_STREAM;
      iov[0].buffer = tok;
      iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
      iov[1].buffer.length = 0;
      iov[1].buffer.value = NULL;
      major = gss_unwrap_iov (&minor, ctx, &state, &qop, iov, 2);
      out.length = iov[1].buffer.length;
      got = iov[1].buffer.value;
      out.value = NULL;
      break;
    case AEAD:
      call = "unwrap_aead";
      major = gss_unwrap_aead (&minor, ctx, &tok, &assoc, &out, &state, &qop);
      got = out.value;
      break;
    default:
      /* The sender's parts have the lengths ours would have. */
      major = iov_lengths (ctx, mode, conf, size, &hlen, &plen, &tlen);
      if (GSS_ERROR (major))
	{
	  call = "wrap_iov_length";
	  break;
	}
      if (tok.length != hlen + size + plen + tlen)
	{
	  say (" iov=failed(size=%lu,mode=%s,token-length=%lu)",
	       (unsigned long) size, IOV_MODE_NAMES[mode],
	       (unsigned long) tok.length);
	  goto cleanup;
	}
      n = iov_over (iov, mode, tok.value, hlen, size, plen, tlen);
      major = gss_unwrap_iov (&minor, ctx, &state, &qop, iov, n);
      /* What is left in DATA, the padding taken off. */
      out.length = iov[mode == IOV_SIGN_ONLY ? 2 : 1].buffer.length;
      got = (unsigned char *) tok.value + hlen;
      break;
    }
  if (major != GSS_S_COMPLETE)
    {
      say (" iov=failed(size=%lu,mode=%s,conf=%d)", (unsigned long) size,
	   IOV_MODE_NAMES[mode], conf);
      say_failure (call, major, minor);
    }
  else if (qop != 0 || state != conf)
    say (" iov=failed(size=%lu,mode=%s,qop=%lu,conf_state=%d)",
	 (unsigned long) size, IOV_MODE_NAMES[mode], (unsigned long) qop,
	 state);
  else if (out.length != size || (size > 0 && memcmp (got, expected, size) != 0))
    say (" iov=failed(size=%lu,mode=%s,wrong-payload)", (unsigned long) size,
	 IOV_MODE_NAMES[mode]);
  else
    ok = 1;

cleanup:
  free (tok.value);
  if (out.value)
    gss_release_buffer (&minor, &out);
  free (expected);
  return ok;
}

/* With triple DES, DCE-style DATA that does not fill whole blocks is
   refused, sealed or not (MIT: KRB5_BAD_MSIZE), and nothing is sent. */
static int
dce_v1_unpadded (gss_ctx_id_t ctx)
{
  unsigned char header[128], data[15] = "fifteen octets";
  gss_iov_buffer_desc iov[2];
  OM_uint32 major, minor;
  int conf;

  for (conf = 0; conf < 2; conf++)
    {
      iov[0].type = GSS_IOV_BUFFER_TYPE_HEADER;
      iov[0].buffer.value = header;
      iov[0].buffer.length = sizeof header;
      iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
      iov[1].buffer.value = data;
      iov[1].buffer.length = sizeof data;
      major = gss_wrap_iov (&minor, ctx, conf, 0, NULL, iov, 2);
      if (major != GSS_S_FAILURE)
	{
	  say (" iov=failed(size=15,conf=%d,unpadded)", conf);
	  say_failure ("wrap_iov", major, minor);
	  return 0;
	}
    }
  return 1;
}

static int
exchange_iov (gss_ctx_id_t ctx, int initiator, int subset)
{
  enum direction mine = initiator ? I_TO_A : A_TO_I;
  enum direction theirs = initiator ? A_TO_I : I_TO_A;
  size_t i;
  int m, conf;

  if (subset == IOV_DCE_V1 && dce_v1_block > 1 && !dce_v1_unpadded (ctx))
    return 0;
  for (i = 0; i < N_SIZES; i++)
    for (m = 0; m < N_IOV_MODES; m++)
      for (conf = 0; conf < 2; conf++)
	{
	  /* DCE style v1: the PADDING buffer is optional; left out when
	     the trailer is rotated away too.  Messages are the caller's
	     to pad. */
	  iov_padding = subset != IOV_HEIMDAL
	    && !(subset == IOV_DCE_V1 && m == IOV_ROTATED);
	  if (subset == IOV_DCE_V1 && SIZES[i] % dce_v1_block != 0)
	    continue;
	  /* What Heimdal 7.8 takes: it answers EINVAL to a STREAM (and so
	     to gss_unwrap_aead), its gss_wrap rotates (RRC) so its token
	     cannot be cut into parts at fixed places, and its
	     integrity-only IOV tokens match neither MIT's nor its own
	     gss_wrap's. */
	  if (subset == IOV_HEIMDAL && (m == WRAP_TO_STREAM
					|| m == WRAP_TO_PARTS || m == AEAD
					|| conf == 0))
	    continue;
	  /* A DCE-style context takes no STREAM (so no gss_unwrap_aead
	     either, at MIT or here), and its IOV tokens have EC 16 where
	     gss_wrap's have 0, so those cannot be cut at IOV lengths. */
	  if ((subset == IOV_DCE || subset == IOV_DCE_V1)
	      && (m == WRAP_TO_STREAM || m == WRAP_TO_PARTS || m == AEAD))
	    continue;
	  if (initiator)
	    {
	      if (!send_iov (ctx, i, m, conf, mine)
		  || !receive_iov (ctx, i, m, conf, theirs))
		return 0;
	    }
	  else if (!receive_iov (ctx, i, m, conf, theirs)
		   || !send_iov (ctx, i, m, conf, mine))
	    return 0;
	}
  say (" iov=ok");
  return 1;
}

#ifndef PEER_HEIMDAL
/* MIC tokens over IOV arrays (--mic-iov, MIT's gss_get_mic_iov): the
   message is ASSOC1, the payload and ASSOC2, as SIGN_ONLY, DATA and
   SIGN_ONLY buffers on the IOV side and end to end on the other.  Each
   mode names how the sender makes the token and how the receiver
   checks it; a frame is the token. */
enum mic_iov_mode
{
  MIC_IOV_TO_VERIFY,		/* gss_get_mic_iov (allocated) -> gss_verify_mic */
  MIC_TO_VERIFY_IOV,		/* gss_get_mic -> gss_verify_mic_iov */
  MIC_IOV_TO_IOV,		/* gss_get_mic_iov (sized) -> gss_verify_mic_iov */
  N_MIC_IOV_MODES
};
static const char *const MIC_IOV_MODE_NAMES[] = {
  "mic-iov-to-verify", "mic-to-verify-iov", "mic-iov-to-iov"
};

/* The message's three pieces over PAYLOAD and the MIC_TOKEN last:
   four buffers. */
static void
mic_iov_over (gss_iov_buffer_desc *iov, unsigned char *payload, size_t size)
{
  iov[0].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
  iov[0].buffer.value = (void *) ASSOC1;
  iov[0].buffer.length = sizeof ASSOC1 - 1;
  iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[1].buffer.value = payload;
  iov[1].buffer.length = size;
  iov[2].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
  iov[2].buffer.value = (void *) ASSOC2;
  iov[2].buffer.length = sizeof ASSOC2 - 1;
  iov[3].type = GSS_IOV_BUFFER_TYPE_MIC_TOKEN;
  iov[3].buffer.value = NULL;
  iov[3].buffer.length = 0;
}

/* The same message in one buffer (SIZE + the associated data). */
static unsigned char *
mic_iov_whole (const unsigned char *payload, size_t size)
{
  unsigned char *w = malloc (sizeof ASSOC1 + size + sizeof ASSOC2);

  if (w == NULL)
    return NULL;
  memcpy (w, ASSOC1, sizeof ASSOC1 - 1);
  if (size)
    memcpy (w + sizeof ASSOC1 - 1, payload, size);
  memcpy (w + sizeof ASSOC1 - 1 + size, ASSOC2, sizeof ASSOC2 - 1);
  return w;
}

static int
send_mic_iov (gss_ctx_id_t ctx, size_t index, enum mic_iov_mode mode,
	      enum direction dir)
{
  size_t size = SIZES[index];
  unsigned char *payload = malloc (size + 1), *whole = NULL, *room = NULL;
  gss_iov_buffer_desc iov[4];
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, msg;
  OM_uint32 major, minor = 0;
  const char *call = "get_mic_iov";
  int ok = 0;

  if (payload == NULL)
    return 0;
  fill_payload (payload, size, index, KIND_MIC, dir);
  mic_iov_over (iov, payload, size);
  switch (mode)
    {
    case MIC_IOV_TO_VERIFY:
      iov[3].type |= GSS_IOV_BUFFER_FLAG_ALLOCATE;
      major = gss_get_mic_iov (&minor, ctx, 0, iov, 4);
      tok = iov[3].buffer;
      break;
    case MIC_TO_VERIFY_IOV:
      call = "get_mic";
      whole = mic_iov_whole (payload, size);
      if (whole == NULL)
	goto cleanup;
      msg.value = whole;
      msg.length = sizeof ASSOC1 - 1 + size + sizeof ASSOC2 - 1;
      major = gss_get_mic (&minor, ctx, 0, &msg, &tok);
      break;
    default:
      call = "get_mic_iov_length";
      major = gss_get_mic_iov_length (&minor, ctx, 0, iov, 4);
      if (GSS_ERROR (major))
	break;
      room = malloc (iov[3].buffer.length + 1);
      if (room == NULL)
	goto cleanup;
      iov[3].buffer.value = room;
      call = "get_mic_iov";
      major = gss_get_mic_iov (&minor, ctx, 0, iov, 4);
      tok = iov[3].buffer;
      break;
    }
  if (GSS_ERROR (major))
    {
      say (" mic_iov=failed(size=%lu,mode=%s)", (unsigned long) size,
	   MIC_IOV_MODE_NAMES[mode]);
      say_failure (call, major, minor);
    }
  else if (write_frame (&tok) == 0)
    ok = 1;
  if (mode == MIC_TO_VERIFY_IOV)
    gss_release_buffer (&minor, &tok);

cleanup:
  gss_release_iov_buffer (&minor, iov, 4);
  free (room);
  free (whole);
  free (payload);
  return ok;
}

static int
receive_mic_iov (gss_ctx_id_t ctx, size_t index, enum mic_iov_mode mode,
		 enum direction dir)
{
  size_t size = SIZES[index];
  unsigned char *payload = malloc (size + 1), *whole = NULL;
  gss_iov_buffer_desc iov[4];
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, msg;
  OM_uint32 major, minor = 0;
  gss_qop_t qop = 12345;
  const char *call = "verify_mic_iov";
  int ok = 0;

  if (payload == NULL)
    return 0;
  fill_payload (payload, size, index, KIND_MIC, dir);
  if (read_frame (&tok) <= 0)
    {
      say (" mic_iov=failed(size=%lu,mode=%s,no-token)",
	   (unsigned long) size, MIC_IOV_MODE_NAMES[mode]);
      free (payload);
      return 0;
    }
  if (mode == MIC_IOV_TO_VERIFY)
    {
      call = "verify_mic";
      whole = mic_iov_whole (payload, size);
      if (whole == NULL)
	goto cleanup;
      msg.value = whole;
      msg.length = sizeof ASSOC1 - 1 + size + sizeof ASSOC2 - 1;
      major = gss_verify_mic (&minor, ctx, &msg, &tok, &qop);
    }
  else
    {
      mic_iov_over (iov, payload, size);
      iov[3].buffer = tok;
      major = gss_verify_mic_iov (&minor, ctx, &qop, iov, 4);
    }
  if (major != GSS_S_COMPLETE)
    {
      say (" mic_iov=failed(size=%lu,mode=%s)", (unsigned long) size,
	   MIC_IOV_MODE_NAMES[mode]);
      say_failure (call, major, minor);
    }
  else if (qop != 0)
    say (" mic_iov=failed(size=%lu,mode=%s,qop=%lu)", (unsigned long) size,
	 MIC_IOV_MODE_NAMES[mode], (unsigned long) qop);
  else
    ok = 1;

cleanup:
  free (tok.value);
  free (whole);
  free (payload);
  return ok;
}

static int
exchange_mic_iov (gss_ctx_id_t ctx, int initiator)
{
  enum direction mine = initiator ? I_TO_A : A_TO_I;
  enum direction theirs = initiator ? A_TO_I : I_TO_A;
  size_t i;
  int m;

  for (i = 0; i < N_SIZES; i++)
    for (m = 0; m < N_MIC_IOV_MODES; m++)
      if (initiator)
	{
	  if (!send_mic_iov (ctx, i, m, mine)
	      || !receive_mic_iov (ctx, i, m, theirs))
	    return 0;
	}
      else if (!receive_mic_iov (ctx, i, m, theirs)
	       || !send_mic_iov (ctx, i, m, mine))
	return 0;
  say (" mic_iov=ok");
  return 1;
}
#endif

/* Replay and sequence detection across the two libraries: the sender
   makes four wrap tokens and sends them as 1 2 2 4 3; with
   GSS_C_REPLAY_FLAG and GSS_C_SEQUENCE_FLAG the receiver must see
   COMPLETE, COMPLETE, DUPLICATE_TOKEN, GAP_TOKEN, UNSEQ_TOKEN. */
static const size_t SEQUENCE_ORDER[] = { 0, 1, 1, 3, 2 };
#define SEQUENCE_EXPECTED "0,0,2,10,8"
#define N_ORDER (sizeof SEQUENCE_ORDER / sizeof SEQUENCE_ORDER[0])

static int
send_sequence (gss_ctx_id_t ctx)
{
  gss_buffer_desc toks[4], msg;
  OM_uint32 minor;
  size_t i;
  int ok = 1;

  for (i = 0; i < 4; i++)
    {
      msg.value = (void *) "sequence";
      msg.length = 8;
      if (GSS_ERROR (gss_wrap (&minor, ctx, 1, 0, &msg, NULL, &toks[i])))
	{
	  while (i-- > 0)
	    gss_release_buffer (&minor, &toks[i]);
	  say (" sequence=failed(wrap)");
	  return 0;
	}
    }
  for (i = 0; ok && i < N_ORDER; i++)
    ok = write_frame (&toks[SEQUENCE_ORDER[i]]) == 0;
  for (i = 0; i < 4; i++)
    gss_release_buffer (&minor, &toks[i]);
  return ok;
}

static int
receive_sequence (gss_ctx_id_t ctx)
{
  char seen[64] = "";
  size_t i;

  for (i = 0; i < N_ORDER; i++)
    {
      gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
      OM_uint32 major, minor;

      if (read_frame (&tok) <= 0)
	{
	  say (" sequence=failed(no-token)");
	  return 0;
	}
      major = gss_unwrap (&minor, ctx, &tok, &out, NULL, NULL);
      free (tok.value);
      gss_release_buffer (&minor, &out);
      snprintf (seen + strlen (seen), sizeof seen - strlen (seen), "%s%lx",
		i ? "," : "", (unsigned long) major);
    }
  if (strcmp (seen, SEQUENCE_EXPECTED) != 0)
    {
      say (" sequence=failed(saw %s, want %s)", seen, SEQUENCE_EXPECTED);
      return 0;
    }
  return 1;
}

static int
exchange_sequence (gss_ctx_id_t ctx, int initiator)
{
  int ok = initiator ? send_sequence (ctx) && receive_sequence (ctx)
    : receive_sequence (ctx) && send_sequence (ctx);

  if (ok)
    say (" sequence=ok");
  return ok;
}

/* Context transfer: the context goes to a file, and a new process
   image of this program imports it and carries on with the same
   descriptors.  Only the exported token crosses. */
static void
transfer (struct context *c, const struct options *o)
{
  gss_buffer_desc blob = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor;
  char path[256];
  const char *args[16];
  int n = 0;

  major = gss_export_sec_context (&minor, &c->ctx, &blob);
  if (GSS_ERROR (major))
    {
      say (" transfer=failed");
      say_failure ("export_sec_context", major, minor);
      return;
    }
  snprintf (path, sizeof path, "%s/peer-context.%ld",
	    getenv ("TMPDIR") ? getenv ("TMPDIR") : "/tmp", (long) getpid ());
  if (save_file (path, &blob) != 0)
    {
      say (" transfer=failed(save)");
      gss_release_buffer (&minor, &blob);
      return;
    }
  gss_release_buffer (&minor, &blob);
  say (" exported");
  flush_summary ();
  if (log_file != stderr)
    fclose (log_file);
  args[n++] = PEER_NAME;
  args[n++] = o->initiate ? "--initiate" : "--accept";
  args[n++] = "--resume";
  args[n++] = path;
  if (o->messages)
    args[n++] = "--messages";
  if (o->sequence)
    args[n++] = "--sequence";
  if (o->log)
    {
      args[n++] = "--log";
      args[n++] = o->log;
    }
  args[n] = NULL;
  /* The program's own file, by name: under valgrind /proc/self/exe is
     valgrind's, while reading the link gives the program. */
  {
    char self[4096];
    ssize_t len = readlink ("/proc/self/exe", self, sizeof self - 1);

    if (len > 0)
      {
	self[len] = '\0';
	execv (self, (char *const *) args);
      }
  }
  unlink (path);
  exit (1);
}

/* The other half of transfer (): import, then the message exchanges. */
static int
resume (const struct options *o)
{
  gss_buffer_desc blob = GSS_C_EMPTY_BUFFER;
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  OM_uint32 major, minor, flags = 0;
  int local = -1, open = -1, ok;

  ok = load_file (o->resume, &blob) == 0;
  unlink (o->resume);
  if (!ok)
    {
      say (" resumed=failed(load)");
      return 0;
    }
  major = gss_import_sec_context (&minor, &blob, &ctx);
  free (blob.value);
  if (GSS_ERROR (major))
    {
      say (" resumed=failed");
      say_failure ("import_sec_context", major, minor);
      return 0;
    }
  say (" resumed");
  major = gss_inquire_context (&minor, ctx, NULL, NULL, NULL, NULL, &flags,
			       &local, &open);
  /* Booleans: Heimdal answers open=2 (its flag bit). */
  ok = !GSS_ERROR (major) && open && !local == !o->initiate;
  if (!ok)
    say (" resumed-context-wrong(major=0x%08x,open=%d,locally_initiated=%d)",
	 (unsigned) major, open, local);
  if (ok && o->messages)
    ok = exchange_messages (ctx, o->initiate);
  if (ok && o->sequence)
    ok = exchange_sequence (ctx, o->initiate);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  return ok;
}

/* Prints the context's GSS_C_INQ_SSPI_SESSION_KEY answer: the key and
   the OID of its enctype, in hex, for the script to compare with the
   peer's. */
static int
say_session_key (gss_ctx_id_t ctx)
{
  gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
  OM_uint32 major, minor;
  size_t i, j;

#ifdef PEER_HEIMDAL
  /* Heimdal's library does not export the OID its header names. */
  static gss_OID_desc sspi_session_key =
    { 11, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x05\x05" };
  gss_OID object = &sspi_session_key;
#else
  gss_OID object = GSS_C_INQ_SSPI_SESSION_KEY;
#endif

  major = gss_inquire_sec_context_by_oid (&minor, ctx, object, &set);
  /* Heimdal 7.8 answers the key alone, without its enctype OID. */
  if (GSS_ERROR (major) || set == GSS_C_NO_BUFFER_SET || set->count < 1)
    {
      say (" session_key=failed");
      say_failure ("inquire_sec_context_by_oid", major, minor);
      if (set != GSS_C_NO_BUFFER_SET)
	gss_release_buffer_set (&minor, &set);
      return 0;
    }
  for (i = 0; i < 2 && i < set->count; i++)
    {
      say (i == 0 ? " session_key=" : " key_oid=");
      for (j = 0; j < set->elements[i].length; j++)
	say ("%02x", ((unsigned char *) set->elements[i].value)[j]);
    }
  gss_release_buffer_set (&minor, &set);
  return 1;
}

/* Command line. */

static void
usage (FILE *f)
{
  fprintf (f,
	   "Usage: %s --initiate|--accept [OPTION]...\n"
	   "One side of a GSS-API Kerberos 5 conversation; tokens are read\n"
	   "from standard input and written to standard output as frames of\n"
	   "a 4-octet big-endian length and the token.\n"
	   "\n"
	   "  --initiate           be the initiator (needs --service)\n"
	   "  --accept             be the acceptor\n"
	   "  --service NAME@HOST  initiator: the target; acceptor: acquire the\n"
	   "                       credential of this name (default: any key of\n"
	   "                       the default keytab)\n"
	   "  --mutual             request GSS_C_MUTUAL_FLAG\n"
	   "  --deleg              request GSS_C_DELEG_FLAG\n"
	   "  --acquire-default    initiate with gss_acquire_cred (no name)\n"
	   "  --flags HEX          request these flags as well\n"
	   "  --cb STRING          channel bindings with this application data\n"
	   "  --replay-out FILE    initiator: save the first token to FILE\n"
	   "  --replay-in FILE     acceptor: take the first token from FILE\n"
	   "  --expect-major HEX   establishment must end with this major status\n"
	   "                       (default 0)\n"
	   "  --require-flags HEX  these returned flags must be set\n"
	   "  --forbid-flags HEX   these returned flags must be clear\n"
	   "  --require-deleg      acceptor: a delegated credential must arrive\n"
	   "  --deleg-target NAME@HOST  acceptor: use the delegated credential to\n"
	   "                       reach this service (default: itself)\n"
	   "  --messages           exchange wrap and MIC tokens afterwards\n"
	   "  --iov                exchange IOV and AEAD tokens afterwards\n"
	   "  --iov-heimdal        the same, only what Heimdal 7.8 takes\n"
	   "  --iov-dce            the same, only what a DCE-style context takes\n"
	   "  --iov-dce-v1 BLOCK   the same for des3-cbc-sha1 (BLOCK 8) and\n"
	   "                       arcfour-hmac (BLOCK 1) keys: messages padded\n"
	   "                       to BLOCK by the caller, no whole-token unwrap\n"
	   "  --mic-iov            exchange MIC tokens over IOV arrays afterwards\n"
	   "                       (gss_get_mic_iov; not with Heimdal)\n"
	   "  --sequence           then send wrap tokens out of order (1 2 2 4 3)\n"
	   "                       each way; the receiver reports what it saw\n"
	   "  --show-tokens        describe the first wrap, confidential wrap and\n"
	   "                       MIC token made (size 0): first octets/length\n"
	   "  --session-key        print the session key and its enctype OID\n"
	   "                       (GSS_C_INQ_SSPI_SESSION_KEY) in hex\n"
	   "  --mech krb5|spnego   the mechanism to ask for (default krb5); the\n"
	   "                       context's is Kerberos either way\n"
	   "  --cred               (acceptor) acquire a credential for --mech\n"
	   "                       even without --service\n"
	   "  --transfer           after establishment, export the context and\n"
	   "                       go on in a new process that imports it\n"
	   "  --resume FILE        (used by --transfer) import the context in FILE\n"
	   "  --log FILE           append the summary to FILE, not stderr\n"
	   "  --help               show this\n", PEER_NAME);
}

static int
parse_hex (const char *s, OM_uint32 *v)
{
  char *end;
  unsigned long n;

  errno = 0;
  n = strtoul (s, &end, 16);
  if (errno || end == s || *end != '\0' || n > 0xffffffffUL)
    return -1;
  *v = (OM_uint32) n;
  return 0;
}

static int
parse_options (int argc, char **argv, struct options *o)
{
  int i;

  memset (o, 0, sizeof *o);
  o->req_flags = GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG;
  o->mech = PEER_MECH;
  for (i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      const char *v = i + 1 < argc ? argv[i + 1] : NULL;
      int takes = 1;

      if (strcmp (a, "--initiate") == 0)
	o->initiate = 1, takes = 0;
      else if (strcmp (a, "--accept") == 0)
	o->accept = 1, takes = 0;
      else if (strcmp (a, "--mutual") == 0)
	o->req_flags |= GSS_C_MUTUAL_FLAG, takes = 0;
      else if (strcmp (a, "--deleg") == 0)
	o->req_flags |= GSS_C_DELEG_FLAG, takes = 0;
      else if (strcmp (a, "--acquire-default") == 0)
	o->acquire_default = 1, takes = 0;
      else if (strcmp (a, "--require-deleg") == 0)
	o->require_deleg = 1, takes = 0;
      else if (strcmp (a, "--messages") == 0)
	o->messages = 1, takes = 0;
      else if (strcmp (a, "--iov") == 0)
	o->iov = IOV_ALL, takes = 0;
      else if (strcmp (a, "--iov-heimdal") == 0)
	o->iov = IOV_HEIMDAL, takes = 0;
      else if (strcmp (a, "--iov-dce") == 0)
	o->iov = IOV_DCE, takes = 0;
      else if (strcmp (a, "--mic-iov") == 0)
	o->mic_iov = 1, takes = 0;
      else if (strcmp (a, "--sequence") == 0)
	o->sequence = 1, takes = 0;
      else if (strcmp (a, "--session-key") == 0)
	o->session_key = 1, takes = 0;
      else if (strcmp (a, "--transfer") == 0)
	o->transfer = 1, takes = 0;
      else if (strcmp (a, "--show-tokens") == 0)
	show_tokens = 1, takes = 0;
      else if (strcmp (a, "--cred") == 0)
	o->cred = 1, takes = 0;
      else if (strcmp (a, "--help") == 0)
	{
	  usage (stdout);
	  exit (0);
	}
      else if (v == NULL)
	{
	  fprintf (stderr, "%s: %s needs a value or is unknown\n", PEER_NAME,
		   a);
	  return -1;
	}
      else if (strcmp (a, "--service") == 0)
	o->service = v;
      else if (strcmp (a, "--cb") == 0)
	o->cb = v;
      else if (strcmp (a, "--deleg-target") == 0)
	o->deleg_target = v;
      else if (strcmp (a, "--mech") == 0)
	{
	  if (strcmp (v, "spnego") == 0)
	    o->mech = SPNEGO_OID, spnego_mode = 1;
	  else if (strcmp (v, "krb5") == 0)
	    o->mech = PEER_MECH;
	  else
	    {
	      fprintf (stderr, "%s: --mech takes krb5 or spnego\n", PEER_NAME);
	      return -1;
	    }
	}
      else if (strcmp (a, "--iov-dce-v1") == 0)
	{
	  if (strcmp (v, "8") != 0 && strcmp (v, "1") != 0)
	    {
	      fprintf (stderr, "%s: --iov-dce-v1 takes 8 or 1\n", PEER_NAME);
	      return -1;
	    }
	  o->iov = IOV_DCE_V1;
	  dce_v1_block = (size_t) (v[0] - '0');
	}
      else if (strcmp (a, "--replay-out") == 0)
	o->replay_out = v;
      else if (strcmp (a, "--replay-in") == 0)
	o->replay_in = v;
      else if (strcmp (a, "--log") == 0)
	o->log = v;
      else if (strcmp (a, "--resume") == 0)
	o->resume = v;
      else if (strcmp (a, "--flags") == 0 || strcmp (a, "--expect-major") == 0
	       || strcmp (a, "--require-flags") == 0
	       || strcmp (a, "--forbid-flags") == 0)
	{
	  OM_uint32 n;
	  if (parse_hex (v, &n) < 0)
	    {
	      fprintf (stderr, "%s: %s: not a hexadecimal number: %s\n",
		       PEER_NAME, a, v);
	      return -1;
	    }
	  if (strcmp (a, "--flags") == 0)
	    o->req_flags |= n;
	  else if (strcmp (a, "--expect-major") == 0)
	    o->expect_major = n;
	  else if (strcmp (a, "--require-flags") == 0)
	    o->require_flags = n;
	  else
	    o->forbid_flags = n;
	}
      else
	{
	  fprintf (stderr, "%s: unknown option %s\n", PEER_NAME, a);
	  return -1;
	}
      i += takes;
    }
  if (o->initiate == o->accept)
    {
      fprintf (stderr, "%s: give one of --initiate and --accept\n",
	       PEER_NAME);
      return -1;
    }
  if (o->initiate && o->service == NULL && o->resume == NULL)
    {
      fprintf (stderr, "%s: --initiate needs --service\n", PEER_NAME);
      return -1;
    }
  if ((o->replay_out && !o->initiate) || (o->replay_in && !o->accept)
      || (o->require_deleg && !o->accept))
    {
      fprintf (stderr, "%s: --replay-out and --replay-in belong to the "
	       "initiator and the acceptor, --require-deleg to the acceptor\n",
	       PEER_NAME);
      return -1;
    }
  return 0;
}

int
main (int argc, char **argv)
{
  struct options o;
  struct gss_channel_bindings_struct bindings;
  gss_channel_bindings_t cb = GSS_C_NO_CHANNEL_BINDINGS;
  struct context c;
  OM_uint32 minor;
  int ok = 1;

  /* "--library" alone prints the file of the GSS-API library this
     program really loaded, found from the address of
     gss_init_sec_context: the tests tell the peers apart by it, not by
     their names (GNU GSS has libgss.so.3 too). */
  if (argc == 2 && strcmp (argv[1], "--library") == 0)
    {
      Dl_info info;

      if (dladdr ((void *) gss_init_sec_context, &info) == 0 || info.dli_fname == NULL)
	return 1;
      printf ("%s\n", info.dli_fname);
      return 0;
    }
  log_file = stderr;
  if (parse_options (argc, argv, &o) < 0)
    {
      usage (stderr);
      return 2;
    }
  if (o.log)
    {
      log_file = fopen (o.log, "a");
      if (log_file == NULL)
	{
	  fprintf (stderr, "%s: cannot open %s: %s\n", PEER_NAME, o.log,
		   strerror (errno));
	  return 2;
	}
    }
  role = o.initiate ? "initiator" : "acceptor";
  /* A peer that went away must show as a failed write, not kill us. */
  signal (SIGPIPE, SIG_IGN);

  if (o.cb)
    {
      memset (&bindings, 0, sizeof bindings);
      bindings.initiator_addrtype = GSS_C_AF_UNSPEC;
      bindings.acceptor_addrtype = GSS_C_AF_UNSPEC;
      bindings.application_data.length = strlen (o.cb);
      bindings.application_data.value = (void *) o.cb;
      cb = &bindings;
    }

  if (o.resume)
    {
      ok = resume (&o);
      say (" result=%s", ok ? "PASS" : "FAIL");
      flush_summary ();
      if (log_file != stderr)
	fclose (log_file);
      return ok ? 0 : 1;
    }

  memset (&c, 0, sizeof c);
  c.ctx = GSS_C_NO_CONTEXT;
  c.src = GSS_C_NO_NAME;
  c.deleg = GSS_C_NO_CREDENTIAL;
  if (o.initiate)
    initiate (&o, cb, &c);
  else
    accept_ (&o, cb, &c);

  if (c.io_failed)
    {
      say (" failed call=transport");
      ok = 0;
    }
  else if (GSS_ERROR (c.last_major))
    {
      say (" failed");
      say_failure (c.last_call, c.last_major, c.last_minor);
      say (" expected=0x%08x", (unsigned) o.expect_major);
      ok = c.last_major == o.expect_major;
    }
  else
    {
      say (" established");
      if (c.last_major != GSS_S_COMPLETE)
	say (" major=0x%08x", (unsigned) c.last_major);
      say_flags ("flags", c.ret_flags);
      if (c.last_major != o.expect_major)
	{
	  say (" expected=0x%08x", (unsigned) o.expect_major);
	  ok = 0;
	}
      if ((c.ret_flags & o.require_flags) != o.require_flags)
	{
	  say (" missing_flags=0x%x",
	       (unsigned) (o.require_flags & ~c.ret_flags));
	  ok = 0;
	}
      if (c.ret_flags & o.forbid_flags)
	{
	  say (" forbidden_flags=0x%x",
	       (unsigned) (c.ret_flags & o.forbid_flags));
	  ok = 0;
	}
      if (!inquire (&c, o.initiate))
	ok = 0;
      if (o.session_key && !say_session_key (c.ctx))
	ok = 0;
      if (o.accept)
	{
	  say (" deleg=%s", c.deleg != GSS_C_NO_CREDENTIAL ? "yes" : "no");
	  if (c.deleg != GSS_C_NO_CREDENTIAL)
	    {
	      if (!try_delegated (&c, o.deleg_target))
		ok = 0;
	    }
	  else if (o.require_deleg)
	    ok = 0;
	}
      if (ok && o.transfer)
	{
	  transfer (&c, &o);
	  ok = 0;		/* reached only when the transfer failed */
	}
      if (ok && o.messages && !exchange_messages (c.ctx, o.initiate))
	ok = 0;
      if (ok && o.iov && !exchange_iov (c.ctx, o.initiate, o.iov))
	ok = 0;
#ifndef PEER_HEIMDAL
      if (ok && o.mic_iov && !exchange_mic_iov (c.ctx, o.initiate))
	ok = 0;
#else
      if (o.mic_iov)
	{
	  say (" mic_iov=unavailable");
	  ok = 0;
	}
#endif
      if (ok && o.sequence && !exchange_sequence (c.ctx, o.initiate))
	ok = 0;
    }
  if (wrap_format[0] != '\0')
    say (" wrap=%s", wrap_format);
  say (" result=%s", ok ? "PASS" : "FAIL");
  flush_summary ();

  if (c.deleg != GSS_C_NO_CREDENTIAL)
    gss_release_cred (&minor, &c.deleg);
  if (c.src != GSS_C_NO_NAME)
    gss_release_name (&minor, &c.src);
  if (c.ctx != GSS_C_NO_CONTEXT)
    gss_delete_sec_context (&minor, &c.ctx, GSS_C_NO_BUFFER);
  if (log_file != stderr)
    fclose (log_file);
  return ok ? 0 : 1;
}
