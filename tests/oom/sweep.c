/* sweep.c - out of memory at every allocation of a whole context's
   life: credentials and names, establishment with mutual
   authentication, channel bindings and delegation, wrap/unwrap with and
   without confidentiality, MIC, IOV and AEAD, export and import of the
   context,
   inquiries, exported and canonical names, a status text, deletion.  tests/oom/sweep.sh runs
   it inside a throwaway realm with tests/oom/failalloc.so preloaded,
   under memcheck when it can.

   The sequence runs once to count its allocations, then once for each
   N (FIRST, FIRST + STRIDE, ...) with the Nth allocation failing, each
   run in a child process of its own (JOBS at a time), until a run goes
   through with nothing failed.  In each run, every call must
   either succeed (the failure was recovered from, or hit something
   else) or answer GSS_S_FAILURE with the minor status of out of
   memory; a failed first gss_init_sec_context or gss_accept_sec_context
   and a failed gss_import_sec_context leave GSS_C_NO_CONTEXT, a failed
   gss_export_sec_context leaves the context usable; no call may fail
   unless an allocation failed during it; every block libgss allocated
   itself during the run is freed by its end (the shim tracks them).
   Under memcheck each child ends with its leak check, which also sees
   what libkrb5 and libcrypto allocated for libgss, and its error exit
   status fails the run.

   Usage: sweep [-s STRIDE] [-f FIRST] [-l LAST] [-j JOBS] [-v]
   (-v: the allocations of each call, and every failure found right)
   Exits 0 when every run was right, 1 otherwise, 77 without the shim
   or outside a realm. */
#include <config.h>
#include <dlfcn.h>
#include <link.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>
#include <gss.h>

/* The minor status of every out-of-memory failure.  Not ENOMEM: in the
   Kerberos mechanism's numbering (RFC 1964 section 2.2.3, gss/krb5.h)
   12 is GSS_KRB5_S_KG_TGT_MISSING, and gss_display_status would say
   "Credential cache has no TGT". */
#define NOMEM_MINOR GSS_KRB5_S_G_BUFFER_ALLOC

static void (*arm) (unsigned long);
static unsigned long (*disarm) (void);
static unsigned long (*count) (void);
static unsigned long (*fired) (void);
static void (*track) (const void *, const void *);
static unsigned long (*live) (void);
/* Where libgss's code is. */
static const void *gss_lo, *gss_hi;

static bool verbose;
/* The mechanism the contexts are established with: Kerberos, or SPNEGO
   around it when OOM_MECH=spnego. */
static gss_OID sweep_mech;
static const char *service, *user;
/* For the crash handler: where the sweep is. */
static volatile unsigned long current_n;
static const char *volatile current_call = "";

/* What one run of the sequence found. */
struct run
{
  unsigned long n;		/* the allocation failed, 0: none */
  bool wrong;
  char failed_call[64];		/* the call that failed, if one did */
  char fired_in[64];		/* the call during which memory ran out */
  /* Allocations per call in the counting run. */
  bool counting;
};

/* Reports what is wrong with run R, disarmed so that printing may
   allocate. */
static void
wrong (struct run *r, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
wrong (struct run *r, const char *fmt, ...)
{
  va_list ap;

  disarm ();
  r->wrong = true;
  printf ("WRONG: N=%lu: ", r->n);
  va_start (ap, fmt);
  vprintf (fmt, ap);
  va_end (ap);
  putchar ('\n');
  fflush (stdout);
}

/* Judges the status of call WHAT, made with FIRED_BEFORE allocations
   failed before it; returns true when the sequence goes on. */
static bool
judge (struct run *r, const char *what, unsigned long fired_before,
       OM_uint32 major, OM_uint32 minor, OM_uint32 expected)
{
  bool now = fired () > fired_before;

  if (now)
    snprintf (r->fired_in, sizeof r->fired_in, "%s", what);
  if (major == expected)
    return true;
  if (!GSS_ERROR (major))
    {
      wrong (r, "%s: status %#x instead of %#x", what, (unsigned) major,
	     (unsigned) expected);
      return false;
    }
  snprintf (r->failed_call, sizeof r->failed_call, "%s", what);
  if (!now)
    {
      if (r->fired_in[0])
	wrong (r, "%s: major %#x minor %#x, after memory ran out in %s, "
	       "which succeeded", what, (unsigned) major, (unsigned) minor,
	       r->fired_in);
      else
	wrong (r, "%s: major %#x minor %#x with no allocation failed", what,
	       (unsigned) major, (unsigned) minor);
      return false;
    }
  if (major != GSS_S_FAILURE || minor != NOMEM_MINOR)
    wrong (r, "%s: major %#x minor %#x (%u) when memory ran out",
	   what, (unsigned) major, (unsigned) minor, (unsigned) minor);
  else if (verbose)
    {
      disarm ();
      printf ("ok: N=%lu: %s: GSS_S_FAILURE\n", r->n, what);
    }
  return false;
}

/* The call EXPR, named NAME, expected to answer EXPECTED: judged, and
   the sequence left (goto done) unless it goes on. */
#define CALL(name, expected, expr)					\
  do									\
    {									\
      unsigned long before_ = fired ();					\
      unsigned long count_ = count ();					\
      current_call = (name);						\
      major = (expr);							\
      if (r->counting && verbose)					\
	printf ("%-40s %6lu allocations\n", (name), count () - count_);	\
      if (!judge (r, (name), before_, major, minor, (expected)))	\
	goto done;							\
    }									\
  while (0)

/* Wraps a message on FROM, unwraps it on TO and checks it arrived. */
static bool
round_trip (struct run *r, const char *what, gss_ctx_id_t from,
	    gss_ctx_id_t to, int conf)
{
  static const char text[] = "a message that must arrive unchanged";
  gss_buffer_desc in = { sizeof text - 1, (void *) text };
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor, tmp;
  char name[64];
  int conf_state = -1;
  bool ok = false;

  snprintf (name, sizeof name, "gss_wrap (%s, conf %d)", what, conf);
  CALL (name, GSS_S_COMPLETE,
	gss_wrap (&minor, from, conf, GSS_C_QOP_DEFAULT, &in, &conf_state,
		  &tok));
  if (conf_state != conf)
    {
      wrong (r, "%s: conf_state %d", name, conf_state);
      goto done;
    }
  snprintf (name, sizeof name, "gss_unwrap (%s, conf %d)", what, conf);
  CALL (name, GSS_S_COMPLETE,
	gss_unwrap (&minor, to, &tok, &out, &conf_state, NULL));
  if (conf_state != conf || out.length != in.length
      || memcmp (out.value, in.value, in.length) != 0)
    {
      wrong (r, "%s: another message came out", name);
      goto done;
    }
  ok = true;
done:
  gss_release_buffer (&tmp, &tok);
  gss_release_buffer (&tmp, &out);
  return ok;
}

static bool
mic (struct run *r, gss_ctx_id_t from, gss_ctx_id_t to)
{
  static const char text[] = "a message with a MIC";
  gss_buffer_desc in = { sizeof text - 1, (void *) text };
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER;
  OM_uint32 major, minor, tmp;
  gss_qop_t qop;
  bool ok = false;

  CALL ("gss_get_mic", GSS_S_COMPLETE,
	gss_get_mic (&minor, from, GSS_C_QOP_DEFAULT, &in, &tok));
  CALL ("gss_verify_mic", GSS_S_COMPLETE,
	gss_verify_mic (&minor, to, &in, &tok, &qop));
  ok = true;
done:
  gss_release_buffer (&tmp, &tok);
  return ok;
}

/* The same with gss_wrap_iov and gss_unwrap_iov, HEADER, PADDING (RFC
   1964 / RFC 4757 tokens fill it) and TRAILER allocated by the library,
   then gss_wrap_aead and gss_unwrap_aead (a STREAM whose DATA is
   allocated), then gss_get_mic_iov (its MIC_TOKEN allocated) and
   gss_verify_mic_iov. */
static bool
iov_round_trip (struct run *r, gss_ctx_id_t from, gss_ctx_id_t to)
{
  static const char text[] = "a message in place";
  static const char assoc_text[] = "associated";
  char msg[sizeof text];
  gss_buffer_desc in = { sizeof text - 1, (void *) text },
    assoc = { sizeof assoc_text - 1, (void *) assoc_text };
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
  gss_iov_buffer_desc iov[4];
  OM_uint32 major, minor, tmp;
  bool ok = false;

  memcpy (msg, text, sizeof text);
  iov[0].type = GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[0].buffer.length = 0;
  iov[0].buffer.value = NULL;
  iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[1].buffer.length = sizeof text - 1;
  iov[1].buffer.value = msg;
  iov[2].type = GSS_IOV_BUFFER_TYPE_PADDING | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[2].buffer.length = 0;
  iov[2].buffer.value = NULL;
  iov[3].type = GSS_IOV_BUFFER_TYPE_TRAILER | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[3].buffer.length = 0;
  iov[3].buffer.value = NULL;
  /* SPNEGO's contexts have no IOV; the length inquiry allocates
     nothing. */
  if (gss_wrap_iov_length (&minor, from, 1, GSS_C_QOP_DEFAULT, NULL, iov, 4)
      == GSS_S_UNAVAILABLE)
    return true;
  CALL ("gss_wrap_iov", GSS_S_COMPLETE,
	gss_wrap_iov (&minor, from, 1, GSS_C_QOP_DEFAULT, NULL, iov, 4));
  CALL ("gss_unwrap_iov", GSS_S_COMPLETE,
	gss_unwrap_iov (&minor, to, NULL, NULL, iov, 4));
  if (memcmp (msg, text, sizeof text) != 0)
    {
      wrong (r, "gss_unwrap_iov: another message came out");
      goto done;
    }
  CALL ("gss_wrap_aead", GSS_S_COMPLETE,
	gss_wrap_aead (&minor, from, 1, GSS_C_QOP_DEFAULT, &assoc, &in, NULL,
		       &tok));
  CALL ("gss_unwrap_aead", GSS_S_COMPLETE,
	gss_unwrap_aead (&minor, to, &tok, &assoc, &out, NULL, NULL));
  if (out.length != in.length || memcmp (out.value, in.value, in.length) != 0)
    {
      wrong (r, "gss_unwrap_aead: another message came out");
      goto done;
    }
  /* A MIC token over SIGN_ONLY and DATA, its MIC_TOKEN allocated. */
  gss_release_iov_buffer (&tmp, iov, 4);
  iov[0].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
  iov[0].buffer = assoc;
  iov[2].type = GSS_IOV_BUFFER_TYPE_MIC_TOKEN | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[2].buffer.length = 0;
  iov[2].buffer.value = NULL;
  iov[3].type = GSS_IOV_BUFFER_TYPE_EMPTY;
  CALL ("gss_get_mic_iov", GSS_S_COMPLETE,
	gss_get_mic_iov (&minor, from, GSS_C_QOP_DEFAULT, iov, 4));
  CALL ("gss_verify_mic_iov", GSS_S_COMPLETE,
	gss_verify_mic_iov (&minor, to, NULL, iov, 4));
  ok = true;
done:
  gss_release_iov_buffer (&tmp, iov, 4);
  gss_release_buffer (&tmp, &tok);
  gss_release_buffer (&tmp, &out);
  return ok;
}

/* One whole sequence; the shim is armed by the caller. */
static void
sequence (struct run *r)
{
  gss_buffer_desc svc = { strlen (service), (void *) service };
  gss_buffer_desc usr = { strlen (user), (void *) user };
  gss_buffer_desc t1 = GSS_C_EMPTY_BUFFER, t2 = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc t3 = GSS_C_EMPTY_BUFFER, exported = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc shown = GSS_C_EMPTY_BUFFER;
  gss_name_t target = GSS_C_NO_NAME, client = GSS_C_NO_NAME;
  gss_name_t source = GSS_C_NO_NAME;
  gss_cred_id_t icred = GSS_C_NO_CREDENTIAL, acred = GSS_C_NO_CREDENTIAL;
  gss_ctx_id_t ictx = GSS_C_NO_CONTEXT, actx = GSS_C_NO_CONTEXT;
  gss_ctx_id_t imported = GSS_C_NO_CONTEXT;
  gss_cred_id_t deleg = GSS_C_NO_CREDENTIAL;
  gss_buffer_desc expname = GSS_C_EMPTY_BUFFER, text = GSS_C_EMPTY_BUFFER;
  gss_name_t dname = GSS_C_NO_NAME, src2 = GSS_C_NO_NAME;
  gss_name_t targ2 = GSS_C_NO_NAME, reimported = GSS_C_NO_NAME;
  gss_name_t canon = GSS_C_NO_NAME, dup = GSS_C_NO_NAME;
  struct gss_channel_bindings_struct cb;
  OM_uint32 flags = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG
    | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG
    | GSS_C_DELEG_FLAG;
  OM_uint32 major, minor = 0, tmp, ret_flags = 0, lifetime, max_input;
  OM_uint32 message_context;
  gss_cred_usage_t usage;
  int equal = 0;
  const char *call;
  gss_buffer_set_t keyset = GSS_C_NO_BUFFER_SET;
  gss_buffer_desc oidshown = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc oidtext = { 20, (void *) "1.2.840.113554.1.2.2" };
  gss_OID oid = GSS_C_NO_OID;
  gss_OID_set attrs = GSS_C_NO_OID_SET, known = GSS_C_NO_OID_SET;
  gss_key_value_element_desc stored_el = { "ccache", "MEMORY:oom-stored" };
  gss_key_value_set_desc stored_at = { 1, &stored_el };
  gss_key_value_element_desc keytab_el = { "keytab", getenv ("KRB5_KTNAME") };
  gss_key_value_set_desc keytab_at = { 1, &keytab_el };
  gss_cred_id_t scred = GSS_C_NO_CREDENTIAL, kcred = GSS_C_NO_CREDENTIAL;

  memset (&cb, 0, sizeof cb);
  cb.application_data.value = (void *) "oom sweep";
  cb.application_data.length = 9;

  CALL ("gss_import_name (service)", GSS_S_COMPLETE,
	gss_import_name (&minor, &svc, GSS_C_NT_HOSTBASED_SERVICE, &target));
  CALL ("gss_import_name (user)", GSS_S_COMPLETE,
	gss_import_name (&minor, &usr, GSS_KRB5_NT_PRINCIPAL_NAME, &client));
  CALL ("gss_acquire_cred (initiate)", GSS_S_COMPLETE,
	gss_acquire_cred (&minor, client, GSS_C_INDEFINITE, GSS_C_NO_OID_SET,
			  GSS_C_INITIATE, &icred, NULL, NULL));
  CALL ("gss_acquire_cred (accept)", GSS_S_COMPLETE,
	gss_acquire_cred (&minor, target, GSS_C_INDEFINITE, GSS_C_NO_OID_SET,
			  GSS_C_ACCEPT, &acred, NULL, NULL));
  CALL ("gss_init_sec_context (first)", GSS_S_CONTINUE_NEEDED,
	gss_init_sec_context (&minor, icred, &ictx, target, sweep_mech, flags,
			      0, &cb, GSS_C_NO_BUFFER, NULL, &t1, NULL,
			      NULL));
  CALL ("gss_accept_sec_context", GSS_S_COMPLETE,
	gss_accept_sec_context (&minor, &actx, acred, &t1, &cb, &source,
				NULL, &t2, &ret_flags, NULL, &deleg));
  /* A delegation is given up only when it cannot be done, never
     because memory ran out. */
  if (!(ret_flags & GSS_C_DELEG_FLAG) || deleg == GSS_C_NO_CREDENTIAL)
    {
      wrong (r, "no delegated credential (memory ran out in %s)",
	     r->fired_in[0] ? r->fired_in : "no call");
      goto done;
    }
  CALL ("gss_init_sec_context (reply)", GSS_S_COMPLETE,
	gss_init_sec_context (&minor, icred, &ictx, target, sweep_mech, flags,
			      0, &cb, &t2, NULL, &t3, NULL, NULL));
  CALL ("gss_display_name (initiator)", GSS_S_COMPLETE,
	gss_display_name (&minor, source, &shown, NULL));
  if (!round_trip (r, "initiator", ictx, actx, 0)
      || !round_trip (r, "acceptor", actx, ictx, 1)
      || !mic (r, ictx, actx)
      || !iov_round_trip (r, actx, ictx))
    goto done;
  CALL ("gss_export_sec_context", GSS_S_COMPLETE,
	gss_export_sec_context (&minor, &ictx, &exported));
  CALL ("gss_import_sec_context", GSS_S_COMPLETE,
	gss_import_sec_context (&minor, &exported, &imported));
  if (!round_trip (r, "imported", imported, actx, 1))
    goto done;

  CALL ("gss_inquire_cred (delegated)", GSS_S_COMPLETE,
	gss_inquire_cred (&minor, deleg, &dname, &lifetime, &usage, NULL));
  CALL ("gss_inquire_context", GSS_S_COMPLETE,
	gss_inquire_context (&minor, actx, &src2, &targ2, &lifetime, NULL,
			     NULL, NULL, NULL));
  CALL ("gss_wrap_size_limit", GSS_S_COMPLETE,
	gss_wrap_size_limit (&minor, actx, 1, GSS_C_QOP_DEFAULT, 4096,
			     &max_input));
  CALL ("gss_export_name", GSS_S_COMPLETE,
	gss_export_name (&minor, source, &expname));
  CALL ("gss_import_name (exported)", GSS_S_COMPLETE,
	gss_import_name (&minor, &expname, GSS_C_NT_EXPORT_NAME,
			 &reimported));
  CALL ("gss_compare_name", GSS_S_COMPLETE,
	gss_compare_name (&minor, source, reimported, &equal));
  if (!equal)
    {
      wrong (r, "the exported name came back as another");
      goto done;
    }
  CALL ("gss_canonicalize_name", GSS_S_COMPLETE,
	gss_canonicalize_name (&minor, target, GSS_KRB5, &canon));
  CALL ("gss_duplicate_name", GSS_S_COMPLETE,
	gss_duplicate_name (&minor, client, &dup));
  /* KRB5KRB_AP_ERR_SKEW: libkrb5 has the text. */
  message_context = 0;
  CALL ("gss_display_status (mechanism)", GSS_S_COMPLETE,
	gss_display_status (&minor, 0x96c73a25, GSS_C_MECH_CODE, GSS_KRB5,
			    &message_context, &text));

  /* MIT's gssapi_ext.h extensions. */
  CALL ("gss_inquire_sec_context_by_oid", GSS_S_COMPLETE,
	gss_inquire_sec_context_by_oid (&minor, actx,
					GSS_C_INQ_SSPI_SESSION_KEY, &keyset));
  /* gss_localname is left out: when memory runs out inside
     krb5_aname_to_localname, libkrb5 answers KRB5_LNAME_NOTRANS, which
     is indistinguishable from a principal without a local name. */
  CALL ("gss_str_to_oid", GSS_S_COMPLETE,
	gss_str_to_oid (&minor, &oidtext, &oid));
  CALL ("gss_oid_to_str", GSS_S_COMPLETE,
	gss_oid_to_str (&minor, oid, &oidshown));
  CALL ("gss_inquire_attrs_for_mech", GSS_S_COMPLETE,
	gss_inquire_attrs_for_mech (&minor, GSS_KRB5, &attrs, &known));
  CALL ("gss_store_cred_into", GSS_S_COMPLETE,
	gss_store_cred_into (&minor, deleg, GSS_C_INITIATE, GSS_C_NO_OID, 1,
			     0, &stored_at, NULL, NULL));
  CALL ("gss_acquire_cred_from (ccache)", GSS_S_COMPLETE,
	gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET,
			       GSS_C_INITIATE, &stored_at, &scred, NULL,
			       NULL));
  CALL ("gss_acquire_cred_from (keytab)", GSS_S_COMPLETE,
	gss_acquire_cred_from (&minor, target, 0, GSS_C_NO_OID_SET,
			       GSS_C_ACCEPT, &keytab_at, &kcred, NULL, NULL));

done:
  /* What a failed call must have left. */
  call = r->failed_call;
  if (strcmp (call, "gss_init_sec_context (first)") == 0
      && ictx != GSS_C_NO_CONTEXT)
    wrong (r, "%s failed and left a context", call);
  if (strcmp (call, "gss_accept_sec_context") == 0
      && actx != GSS_C_NO_CONTEXT)
    wrong (r, "%s failed and left a context", call);
  if (strcmp (call, "gss_import_sec_context") == 0
      && imported != GSS_C_NO_CONTEXT)
    wrong (r, "%s failed and left a context", call);
  if (strcmp (call, "gss_export_sec_context") == 0
      && ictx == GSS_C_NO_CONTEXT)
    wrong (r, "%s failed and took the context", call);
  if ((strcmp (call, "gss_import_name (service)") == 0
       && target != GSS_C_NO_NAME)
      || (strcmp (call, "gss_import_name (user)") == 0
	  && client != GSS_C_NO_NAME)
      || (strcmp (call, "gss_accept_sec_context") == 0
	  && source != GSS_C_NO_NAME)
      || (strcmp (call, "gss_inquire_cred (delegated)") == 0
	  && dname != GSS_C_NO_NAME)
      || (strcmp (call, "gss_inquire_context") == 0
	  && (src2 != GSS_C_NO_NAME || targ2 != GSS_C_NO_NAME))
      || (strcmp (call, "gss_import_name (exported)") == 0
	  && reimported != GSS_C_NO_NAME)
      || (strcmp (call, "gss_canonicalize_name") == 0
	  && canon != GSS_C_NO_NAME)
      || (strcmp (call, "gss_duplicate_name") == 0
	  && dup != GSS_C_NO_NAME))
    wrong (r, "%s failed and left a name", call);
  if ((strcmp (call, "gss_acquire_cred (initiate)") == 0
       && icred != GSS_C_NO_CREDENTIAL)
      || (strcmp (call, "gss_acquire_cred (accept)") == 0
	  && acred != GSS_C_NO_CREDENTIAL)
      || (strcmp (call, "gss_accept_sec_context") == 0
	  && deleg != GSS_C_NO_CREDENTIAL)
      || (strcmp (call, "gss_acquire_cred_from (ccache)") == 0
	  && scred != GSS_C_NO_CREDENTIAL)
      || (strcmp (call, "gss_acquire_cred_from (keytab)") == 0
	  && kcred != GSS_C_NO_CREDENTIAL))
    wrong (r, "%s failed and left a credential", call);
  if ((strcmp (call, "gss_inquire_sec_context_by_oid") == 0
       && keyset != GSS_C_NO_BUFFER_SET)
      || (strcmp (call, "gss_str_to_oid") == 0 && oid != GSS_C_NO_OID)
      || (strcmp (call, "gss_inquire_attrs_for_mech") == 0
	  && (attrs != GSS_C_NO_OID_SET || known != GSS_C_NO_OID_SET))
      || (strcmp (call, "gss_oid_to_str") == 0 && oidshown.value != NULL))
    wrong (r, "%s failed and left something", call);

  /* Releasing allocates nothing, so it cannot fail for lack of memory. */
  current_call = "release";
  if ((ictx && gss_delete_sec_context (&tmp, &ictx, GSS_C_NO_BUFFER))
      || (actx && gss_delete_sec_context (&tmp, &actx, GSS_C_NO_BUFFER))
      || (imported
	  && gss_delete_sec_context (&tmp, &imported, GSS_C_NO_BUFFER))
      || (icred && gss_release_cred (&tmp, &icred))
      || (acred && gss_release_cred (&tmp, &acred))
      || (target && gss_release_name (&tmp, &target))
      || (client && gss_release_name (&tmp, &client))
      || (source && gss_release_name (&tmp, &source))
      || (deleg && gss_release_cred (&tmp, &deleg))
      || (dname && gss_release_name (&tmp, &dname))
      || (src2 && gss_release_name (&tmp, &src2))
      || (targ2 && gss_release_name (&tmp, &targ2))
      || (reimported && gss_release_name (&tmp, &reimported))
      || (canon && gss_release_name (&tmp, &canon))
      || (dup && gss_release_name (&tmp, &dup))
      || (scred && gss_release_cred (&tmp, &scred))
      || (kcred && gss_release_cred (&tmp, &kcred))
      || gss_release_buffer_set (&tmp, &keyset)
      || gss_release_oid (&tmp, &oid))
    wrong (r, "a release or delete failed");
  gss_release_oid_set (&tmp, &attrs);
  gss_release_oid_set (&tmp, &known);
  gss_release_buffer (&tmp, &oidshown);
  gss_release_buffer (&tmp, &t1);
  gss_release_buffer (&tmp, &t2);
  gss_release_buffer (&tmp, &t3);
  gss_release_buffer (&tmp, &exported);
  gss_release_buffer (&tmp, &shown);
  gss_release_buffer (&tmp, &expname);
  gss_release_buffer (&tmp, &text);
}

static void
crashed (int sig)
{
  char buf[160];
  int len = snprintf (buf, sizeof buf,
		      "CRASH: N=%lu: signal %d in %s\n", current_n, sig,
		      current_call);

  if (len > 0)
    {
      ssize_t ignored = write (2, buf, (size_t) len);
      (void) ignored;
    }
  signal (sig, SIG_DFL);
  raise (sig);
}

/* Gives this process a copy of the ticket cache: a run that fails
   while libkrb5 reads it may fetch the ticket again from the KDC and
   store it, and the runs after it must not find a larger cache.  The
   name of the copy goes in *COPY. */
static bool
private_ccache (char *copy, size_t size)
{
  const char *name = getenv ("KRB5CCNAME");
  char buf[4096];
  FILE *in, *out;
  size_t len;
  bool ok;

  if (name == NULL || strncmp (name, "FILE:", 5) != 0)
    return false;
  name += 5;
  if ((size_t) snprintf (copy, size, "%s.%ld", name, (long) getpid ())
      >= size)
    return false;
  in = fopen (name, "rb");
  if (in == NULL)
    return false;
  out = fopen (copy, "wb");
  ok = out != NULL;
  while (ok && (len = fread (buf, 1, sizeof buf, in)) > 0)
    ok = fwrite (buf, 1, len, out) == len;
  ok = ok && !ferror (in);
  fclose (in);
  if (out && fclose (out) != 0)
    ok = false;
  if (ok)
    {
      snprintf (buf, sizeof buf, "FILE:%s", copy);
      ok = setenv ("KRB5CCNAME", buf, 1) == 0;
    }
  return ok;
}

/* Finds the executable segment of the object holding gss_import_name. */
static int
find_libgss (struct dl_phdr_info *info, size_t size, void *data)
{
  uintptr_t want = (uintptr_t) data;
  int i;

  (void) size;
  for (i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t lo = info->dlpi_addr + ph->p_vaddr;

      if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X)
	  && want >= lo && want < lo + ph->p_memsz)
	{
	  gss_lo = (const void *) lo;
	  gss_hi = (const void *) (lo + ph->p_memsz);
	  return 1;
	}
    }
  return 0;
}

/* One run of the sequence, armed to fail allocation N (0: none);
   blocks libgss allocated itself and left behind make it wrong. */
static void
run_once (struct run *r, unsigned long n)
{
  unsigned long left;

  track (gss_lo, gss_hi);
  arm (n);
  sequence (r);
  disarm ();
  left = live ();
  if (left)
    wrong (r, "libgss left %lu blocks of its own allocated (memory ran "
	   "out in %s)", left, r->fired_in[0] ? r->fired_in : "no call");
}

/* One run in a child process, so that a crash, or a libkrb5 state
   damaged by a failed allocation, ends that run only, and every run
   starts from the same state.  The child's exit status: 0 right, 1
   wrong (printed), 3 when nothing failed (the sweep is over); the
   checker's own when it found an error (memcheck's --error-exitcode,
   LeakSanitizer's 23); a signal for a crash. */
static pid_t
start_run (unsigned long n)
{
  char ccache[1024];
  struct run r;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  if (pid != 0)
    return pid;
  if (!private_ccache (ccache, sizeof ccache))
    {
      printf ("WRONG: N=%lu: cannot copy the ticket cache\n", n);
      fflush (stdout);
      _exit (1);
    }
  memset (&r, 0, sizeof r);
  r.n = current_n = n;
  run_once (&r, n);
  unlink (ccache);
  fflush (stdout);
  exit (r.wrong ? 1 : fired () == 0 ? 3 : 0);
}

static double
now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

#define MAX_JOBS 16

int
main (int argc, char **argv)
{
  unsigned long stride = 1, first = 1, last = 0, total, n, runs = 0, bad = 0;
  unsigned long jobs = 1, running = 0, i;
  unsigned long ns[MAX_JOBS];
  pid_t pids[MAX_JOBS];
  bool over = false;
  struct run r;
  double start;
  int opt;

  while ((opt = getopt (argc, argv, "s:f:l:j:v")) != -1)
    switch (opt)
      {
      case 's':
	stride = strtoul (optarg, NULL, 10);
	break;
      case 'f':
	first = strtoul (optarg, NULL, 10);
	break;
      case 'l':
	last = strtoul (optarg, NULL, 10);
	break;
      case 'j':
	jobs = strtoul (optarg, NULL, 10);
	break;
      case 'v':
	verbose = true;
	break;
      default:
	fprintf (stderr, "usage: sweep [-s STRIDE] [-f FIRST] [-l LAST] "
		 "[-j JOBS] [-v]\n");
	return 2;
      }
  if (stride == 0)
    stride = 1;
  if (first == 0)
    first = 1;
  if (jobs == 0 || jobs > MAX_JOBS)
    jobs = 1;
  arm = (void (*) (unsigned long)) dlsym (RTLD_DEFAULT, "failalloc_arm");
  disarm = (unsigned long (*) (void)) dlsym (RTLD_DEFAULT, "failalloc_disarm");
  count = (unsigned long (*) (void)) dlsym (RTLD_DEFAULT, "failalloc_count");
  fired = (unsigned long (*) (void)) dlsym (RTLD_DEFAULT, "failalloc_fired");
  track = (void (*) (const void *, const void *))
    dlsym (RTLD_DEFAULT, "failalloc_track");
  live = (unsigned long (*) (void)) dlsym (RTLD_DEFAULT, "failalloc_live");
  if (!arm || !disarm || !count || !fired || !track || !live)
    {
      fprintf (stderr, "sweep: run with failalloc.so in LD_PRELOAD\n");
      return 77;
    }
  sweep_mech = getenv ("OOM_MECH") && strcmp (getenv ("OOM_MECH"), "spnego") == 0
    ? GSS_SPNEGO : GSS_KRB5;
  service = getenv ("REALM_SERVICE");
  user = getenv ("REALM_USER");
  if (service == NULL || user == NULL)
    {
      fprintf (stderr, "sweep: run through tests/kdc/realm.sh run\n");
      return 77;
    }
  if (!dl_iterate_phdr (find_libgss, (void *) (uintptr_t) gss_import_name))
    {
      fprintf (stderr, "sweep: cannot find libgss's code\n");
      return 1;
    }
  signal (SIGSEGV, crashed);
  signal (SIGBUS, crashed);
  signal (SIGABRT, crashed);
  signal (SIGFPE, crashed);

  /* The first run brings libkrb5's lasting state (error tables, the
     parsed profile) into being, so that the children inherit it; the
     second counts. */
  memset (&r, 0, sizeof r);
  run_once (&r, 0);
  memset (&r, 0, sizeof r);
  r.counting = true;
  run_once (&r, 0);
  total = count ();
  if (r.wrong)
    {
      printf ("FAIL: the sequence fails with no allocation failed\n");
      return 1;
    }
  printf ("sweep: the sequence makes %lu allocations; failing the Nth "
	  "for N = %lu, %lu, ...\n", total, first, first + stride);

  start = now ();
  n = first;
  for (;;)
    {
      int status;
      pid_t pid;

      if (last != 0 && n > last)
	over = true;
      if (!over && running < jobs)
	{
	  pid = start_run (n);
	  if (pid < 0)
	    {
	      perror ("sweep: fork");
	      return 1;
	    }
	  pids[running] = pid;
	  ns[running++] = n;
	  n += stride;
	  continue;
	}
      if (running == 0)
	break;
      pid = wait (&status);
      if (pid < 0)
	{
	  perror ("sweep: wait");
	  return 1;
	}
      for (i = 0; i < running && pids[i] != pid; i++)
	;
      if (i == running)
	continue;
      runs++;
      if (WIFSIGNALED (status))
	{
	  printf ("WRONG: N=%lu: killed by signal %d\n", ns[i],
		  WTERMSIG (status));
	  bad++;
	}
      else if (WEXITSTATUS (status) == 3)
	over = true;
      else if (WEXITSTATUS (status) == 1)
	bad++;
      else if (WEXITSTATUS (status) != 0)
	{
	  printf ("WRONG: N=%lu: the checker found an error in process %ld "
		  "(exit status %d)\n", ns[i], (long) pid,
		  WEXITSTATUS (status));
	  bad++;
	}
      pids[i] = pids[running - 1];
      ns[i] = ns[--running];
    }
  printf ("sweep: %lu runs, %lu wrong, in %.1f s\n", runs, bad,
	  now () - start);
  return bad ? 1 : 0;
}
