/* check_spnego.c - SPNEGO (RFC 4178) between two of our own contexts in
   a throwaway realm (tests/spnego/realm.sh): establishment with and
   without mutual authentication, delegation and channel bindings; the
   per-message calls, inquiries and transfer afterwards; a raw Kerberos
   token to an acceptor without credential; and what an attacker or a
   broken peer can do to the tokens on the way (mechListMIC and
   mechanism list changed, reject, truncation and garbling at every
   octet): the right status, no crash, no context left half-built. */
#include "../unit.h"
#include "spnego.h"
#include <stdbool.h>

static OM_uint32 minor;

static gss_name_t
target_name (void)
{
  gss_buffer_desc name = unit_buf ("host@localhost");
  gss_name_t target;

  ck_assert_uint_eq (gss_import_name (&minor, &name,
				      GSS_C_NT_HOSTBASED_SERVICE, &target),
		     GSS_S_COMPLETE);
  return target;
}

/* What one establishment gave. */
struct est
{
  gss_ctx_id_t init, accept;
  gss_name_t src;
  gss_cred_id_t deleg;
  gss_OID init_mech, accept_mech;
  OM_uint32 init_flags, accept_flags, init_time, accept_time;
  int legs;
};

static void
est_free (struct est *e)
{
  gss_delete_sec_context (&minor, &e->init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &e->accept, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &e->src);
  gss_release_cred (&minor, &e->deleg);
}

/* A hook that may change a token on its way: LEG counts from 0 (the
   NegTokenInit). */
typedef void (*tamper_fn) (int leg, gss_buffer_t token);

/* Run the loop both ways until both sides are done or one fails;
   returns the first error (the side in *WHO: 'i' or 'a'), or
   GSS_S_COMPLETE. */
static OM_uint32
establish (struct est *e, OM_uint32 flags, gss_channel_bindings_t icb,
	   gss_channel_bindings_t acb, tamper_fn tamper, char *who)
{
  gss_name_t target = target_name ();
  gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out;
  OM_uint32 imaj = GSS_S_CONTINUE_NEEDED, amaj = GSS_S_CONTINUE_NEEDED;
  OM_uint32 result = GSS_S_COMPLETE;
  int guard;

  memset (e, 0, sizeof *e);
  *who = 0;
  for (guard = 0; guard < 10; guard++)
    {
      if (imaj == GSS_S_CONTINUE_NEEDED)
	{
	  imaj = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &e->init,
				       target, GSS_SPNEGO, flags, 0, icb,
				       &in, &e->init_mech, &out,
				       &e->init_flags, &e->init_time);
	  gss_release_buffer (&minor, &in);
	  if (GSS_ERROR (imaj))
	    {
	      gss_release_buffer (&minor, &out);
	      *who = 'i';
	      result = imaj;
	      break;
	    }
	  if (out.length == 0)
	    {
	      if (imaj == GSS_S_COMPLETE && amaj == GSS_S_COMPLETE)
		break;
	      ck_assert_uint_eq (imaj, GSS_S_COMPLETE);
	      ck_assert_uint_eq (amaj, GSS_S_COMPLETE);
	      break;
	    }
	  if (tamper)
	    tamper (e->legs, &out);
	  e->legs++;
	  in = out;
	}
      else if (in.length == 0)
	break;
      ck_assert_msg (amaj == GSS_S_CONTINUE_NEEDED,
		     "a token for a complete acceptor");
      amaj = gss_accept_sec_context (&minor, &e->accept, GSS_C_NO_CREDENTIAL,
				     &in, acb, &e->src, &e->accept_mech, &out,
				     &e->accept_flags, &e->accept_time,
				     &e->deleg);
      gss_release_buffer (&minor, &in);
      if (GSS_ERROR (amaj))
	{
	  /* A reject token may still go back, for the initiator to
	     learn from. */
	  *who = 'a';
	  result = amaj;
	  if (out.length && imaj == GSS_S_CONTINUE_NEEDED && e->init)
	    {
	      gss_buffer_desc ignored;
	      OM_uint32 r = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL,
						  &e->init, target, GSS_SPNEGO,
						  flags, 0, icb, &out, NULL,
						  &ignored, NULL, NULL);
	      ck_assert_msg (GSS_ERROR (r), "the initiator took a reject");
	      gss_release_buffer (&minor, &ignored);
	    }
	  gss_release_buffer (&minor, &out);
	  break;
	}
      if (out.length == 0)
	{
	  ck_assert_uint_eq (amaj, GSS_S_COMPLETE);
	  ck_assert_msg (imaj == GSS_S_COMPLETE, "initiator left waiting");
	  break;
	}
      if (tamper)
	tamper (e->legs, &out);
      e->legs++;
      in = out;
      if (imaj == GSS_S_COMPLETE)
	ck_abort_msg ("a token for a complete initiator");
    }
  gss_release_buffer (&minor, &in);
  gss_release_name (&minor, &target);
  if (result == GSS_S_COMPLETE)
    {
      ck_assert_uint_eq (imaj, GSS_S_COMPLETE);
      ck_assert_uint_eq (amaj, GSS_S_COMPLETE);
    }
  return result;
}

static void
established (struct est *e, OM_uint32 flags, gss_channel_bindings_t cb)
{
  char who;
  OM_uint32 major = establish (e, flags, cb, cb, NULL, &who);

  ck_assert_msg (major == GSS_S_COMPLETE, "failed on %c: %#x (minor %u)",
		 who, major, minor);
}

static void
round_trips (gss_ctx_id_t a, gss_ctx_id_t b)
{
  gss_buffer_desc msg = unit_buf ("SPNEGO carries the inner context"), tok,
    back;
  int conf;
  gss_qop_t qop;

  ck_assert_uint_eq (gss_wrap (&minor, a, 1, 0, &msg, &conf, &tok),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (conf, 1);
  ck_assert_uint_eq (gss_unwrap (&minor, b, &tok, &back, &conf, &qop),
		     GSS_S_COMPLETE);
  ck_assert (back.length == msg.length
	     && memcmp (back.value, msg.value, msg.length) == 0);
  gss_release_buffer (&minor, &tok);
  gss_release_buffer (&minor, &back);
  ck_assert_uint_eq (gss_get_mic (&minor, a, 0, &msg, &tok), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_verify_mic (&minor, b, &msg, &tok, &qop),
		     GSS_S_COMPLETE);
  /* The same MIC again is a replay for the inner context. */
  ck_assert_uint_eq (gss_verify_mic (&minor, b, &msg, &tok, &qop),
		     GSS_S_DUPLICATE_TOKEN);
  gss_release_buffer (&minor, &tok);
}

static void
check_names (gss_ctx_id_t ctx, bool initiator)
{
  gss_name_t src, targ;
  gss_buffer_desc text;
  gss_OID mech, type;
  OM_uint32 lifetime, flags;
  int local, open;

  ck_assert_uint_eq (gss_inquire_context (&minor, ctx, &src, &targ,
					  &lifetime, &mech, &flags, &local,
					  &open), GSS_S_COMPLETE);
  ck_assert (gss_oid_equal (mech, GSS_KRB5));
  ck_assert_int_eq (local, initiator);
  ck_assert_int_eq (open, 1);
  ck_assert_uint_gt (lifetime, 0);
  ck_assert (flags & GSS_C_TRANS_FLAG);
  ck_assert_uint_eq (gss_display_name (&minor, src, &text, &type),
		     GSS_S_COMPLETE);
  ck_assert_msg (unit_buf_is (&text, "user@LIBGSS.TEST"), "src %.*s",
		 (int) text.length, (char *) text.value);
  gss_release_buffer (&minor, &text);
  ck_assert_uint_eq (gss_display_name (&minor, targ, &text, NULL),
		     GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&text, "host/localhost@LIBGSS.TEST"));
  gss_release_buffer (&minor, &text);
  /* They are Kerberos names: they export as such. */
  ck_assert_uint_eq (gss_export_name (&minor, src, &text), GSS_S_COMPLETE);
  ck_assert_uint_ge (text.length, 15);
  ck_assert (memcmp ((char *) text.value + 4, "\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02", 11) == 0);
  gss_release_buffer (&minor, &text);
  gss_release_name (&minor, &src);
  gss_release_name (&minor, &targ);
}

static const OM_uint32 base = GSS_C_INTEG_FLAG | GSS_C_CONF_FLAG
  | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG;

START_TEST (test_establish)
{
  /* _i: 0 without mutual, 1 with. */
  OM_uint32 flags = base | (_i ? GSS_C_MUTUAL_FLAG : 0);
  struct est e;
  gss_buffer_desc text;
  OM_uint32 t;

  established (&e, flags, GSS_C_NO_CHANNEL_BINDINGS);
  /* NegTokenInit and NegTokenResp, plus nothing: the optimistic token
     carried the AP-REQ, the answer the AP-REP when asked for. */
  ck_assert_int_eq (e.legs, 2);
  ck_assert (gss_oid_equal (e.init_mech, GSS_KRB5));
  ck_assert (gss_oid_equal (e.accept_mech, GSS_KRB5));
  ck_assert_uint_eq (e.init_flags & GSS_C_MUTUAL_FLAG, _i ? GSS_C_MUTUAL_FLAG : 0);
  ck_assert (e.init_flags & GSS_C_PROT_READY_FLAG);
  ck_assert (e.accept_flags & GSS_C_PROT_READY_FLAG);
  ck_assert_uint_eq (e.accept_flags & GSS_C_DELEG_FLAG, 0);
  ck_assert_uint_gt (e.init_time, 0);
  ck_assert_uint_gt (e.accept_time, 0);
  ck_assert_ptr_eq (e.deleg, GSS_C_NO_CREDENTIAL);
  ck_assert_uint_eq (gss_display_name (&minor, e.src, &text, NULL),
		     GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&text, "user@LIBGSS.TEST"));
  gss_release_buffer (&minor, &text);
  check_names (e.init, true);
  check_names (e.accept, false);
  ck_assert_uint_eq (gss_context_time (&minor, e.init, &t), GSS_S_COMPLETE);
  ck_assert_uint_gt (t, 0);
  /* The inner context's limit. */
  ck_assert_uint_eq (gss_wrap_size_limit (&minor, e.init, 1, 0, 1000, &t),
		     GSS_S_COMPLETE);
  ck_assert (t > 900 && t < 1000);
  round_trips (e.init, e.accept);
  round_trips (e.accept, e.init);
  est_free (&e);
}
END_TEST

/* MIT's extensions on SPNEGO contexts reach the inner context: the same
   session key at both ends, IOV tokens that gss_unwrap reads, IOV MIC
   tokens that are gss_get_mic's, and
   SPNEGO's own RFC 5587 attributes. */
START_TEST (test_extensions)
{
  struct est e;
  gss_buffer_set_t ik = GSS_C_NO_BUFFER_SET, ak = GSS_C_NO_BUFFER_SET;
  gss_iov_buffer_desc iov[3];
  char data[] = "protected in place";
  gss_OID_set attrs = GSS_C_NO_OID_SET;
  gss_buffer_desc whole, mic;
  size_t mic_len;
  int conf, present;
  gss_qop_t qop;

  established (&e, base | GSS_C_MUTUAL_FLAG, GSS_C_NO_CHANNEL_BINDINGS);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, e.init, GSS_C_INQ_SSPI_SESSION_KEY, &ik),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, e.accept, GSS_C_INQ_SSPI_SESSION_KEY, &ak),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (ik->count, 2);
  ck_assert_uint_eq (ak->count, 2);
  ck_assert_uint_gt (ik->elements[0].length, 0);
  ck_assert (ik->elements[0].length == ak->elements[0].length
	     && memcmp (ik->elements[0].value, ak->elements[0].value,
			ak->elements[0].length) == 0);
  gss_release_buffer_set (&minor, &ik);
  gss_release_buffer_set (&minor, &ak);

  iov[0].type = GSS_IOV_BUFFER_TYPE_HEADER | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[0].buffer = (gss_buffer_desc) GSS_C_EMPTY_BUFFER;
  iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[1].buffer.value = data;
  iov[1].buffer.length = sizeof data - 1;
  iov[2].type = GSS_IOV_BUFFER_TYPE_TRAILER | GSS_IOV_BUFFER_FLAG_ALLOCATE;
  iov[2].buffer = (gss_buffer_desc) GSS_C_EMPTY_BUFFER;
  ck_assert_uint_eq (gss_wrap_iov (&minor, e.init, 1, 0, &conf, iov, 3),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (conf, 1);
  ck_assert (memcmp (data, "protected in place", sizeof data - 1) != 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, e.accept, &conf, &qop, iov, 3),
		     GSS_S_COMPLETE);
  ck_assert (memcmp (data, "protected in place", sizeof data - 1) == 0);
  gss_release_iov_buffer (&minor, iov, 3);
  /* Integrity only, the other way. */
  ck_assert_uint_eq (gss_wrap_iov (&minor, e.accept, 0, 0, &conf, iov, 3),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (conf, 0);
  ck_assert_uint_eq (gss_unwrap_iov (&minor, e.init, &conf, &qop, iov, 3),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (conf, 0);
  gss_release_iov_buffer (&minor, iov, 3);

  /* MIC tokens over IOV: gss_verify_mic takes gss_get_mic_iov's token
     of SIGN_ONLY then DATA, and the other way; a changed octet of the
     SIGN_ONLY buffer is refused. */
  iov[0].type = GSS_IOV_BUFFER_TYPE_SIGN_ONLY;
  iov[0].buffer.value = data;
  iov[0].buffer.length = 10;
  iov[1].type = GSS_IOV_BUFFER_TYPE_DATA;
  iov[1].buffer.value = data + 10;
  iov[1].buffer.length = sizeof data - 11;
  iov[2].type = GSS_IOV_BUFFER_TYPE_MIC_TOKEN;
  iov[2].buffer = (gss_buffer_desc) GSS_C_EMPTY_BUFFER;
  ck_assert_uint_eq (gss_get_mic_iov_length (&minor, e.init, 0, iov, 3),
		     GSS_S_COMPLETE);
  mic_len = iov[2].buffer.length;
  iov[2].type |= GSS_IOV_BUFFER_FLAG_ALLOCATE;
  ck_assert_uint_eq (gss_get_mic_iov (&minor, e.init, 0, iov, 3),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (iov[2].buffer.length, mic_len);
  whole.value = data;
  whole.length = sizeof data - 1;
  ck_assert_uint_eq (gss_verify_mic (&minor, e.accept, &whole,
				     &iov[2].buffer, &qop), GSS_S_COMPLETE);
  gss_release_iov_buffer (&minor, iov, 3);
  ck_assert_uint_eq (gss_get_mic (&minor, e.accept, 0, &whole, &mic),
		     GSS_S_COMPLETE);
  iov[2].type = GSS_IOV_BUFFER_TYPE_MIC_TOKEN;
  iov[2].buffer = mic;
  data[3] ^= 1;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, e.init, &qop, iov, 3),
		     GSS_S_BAD_SIG);
  data[3] ^= 1;
  ck_assert_uint_eq (gss_verify_mic_iov (&minor, e.init, &qop, iov, 3),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &mic);

  ck_assert_uint_eq (gss_inquire_attrs_for_mech (&minor, GSS_SPNEGO, &attrs,
						 NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_test_oid_set_member (&minor, GSS_C_MA_MECH_NEGO,
					      attrs, &present),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (present, 1);
  gss_release_oid_set (&minor, &attrs);
  est_free (&e);
}
END_TEST

START_TEST (test_delegation)
{
  struct est e;
  gss_name_t target = target_name ();
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out;
  gss_OID_set mechs;
  OM_uint32 major;

  established (&e, base | GSS_C_MUTUAL_FLAG | GSS_C_DELEG_FLAG,
	       GSS_C_NO_CHANNEL_BINDINGS);
  ck_assert (e.init_flags & GSS_C_DELEG_FLAG);
  ck_assert (e.accept_flags & GSS_C_DELEG_FLAG);
  ck_assert_ptr_ne (e.deleg, GSS_C_NO_CREDENTIAL);
  /* The delegated credential is a Kerberos one, usable as it is. */
  ck_assert_uint_eq (gss_inquire_cred (&minor, e.deleg, NULL, NULL, NULL,
				       &mechs), GSS_S_COMPLETE);
  ck_assert_uint_eq (mechs->count, 1);
  ck_assert (gss_oid_equal (&mechs->elements[0], GSS_KRB5));
  gss_release_oid_set (&minor, &mechs);
  major = gss_init_sec_context (&minor, e.deleg, &ctx, target, GSS_KRB5, 0,
				0, NULL, NULL, NULL, &out, NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_COMPLETE);
  gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  /* And through SPNEGO again. */
  major = gss_init_sec_context (&minor, e.deleg, &ctx, target, GSS_SPNEGO, 0,
				0, NULL, NULL, NULL, &out, NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_CONTINUE_NEEDED);
  gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
  est_free (&e);
}
END_TEST

static struct gss_channel_bindings_struct cb_a = {
  0, { 0, NULL }, 0, { 0, NULL }, { 13, (void *) "tls-unique:AA" }
}, cb_b = {
  0, { 0, NULL }, 0, { 0, NULL }, { 13, (void *) "tls-unique:BB" }
};

START_TEST (test_bindings)
{
  struct est e;
  char who;

  established (&e, base | (_i ? GSS_C_MUTUAL_FLAG : 0), &cb_a);
  round_trips (e.init, e.accept);
  est_free (&e);
  ck_assert_uint_eq (establish (&e, base | (_i ? GSS_C_MUTUAL_FLAG : 0),
				&cb_a, &cb_b, NULL, &who), GSS_S_BAD_BINDINGS);
  ck_assert_int_eq (who, 'a');
  ck_assert_ptr_eq (e.accept, GSS_C_NO_CONTEXT);
  est_free (&e);
}
END_TEST

START_TEST (test_transfer)
{
  struct est e;
  gss_buffer_desc token;
  gss_ctx_id_t imported = GSS_C_NO_CONTEXT;
  gss_OID mech;
  int side;

  established (&e, base | GSS_C_MUTUAL_FLAG, GSS_C_NO_CHANNEL_BINDINGS);
  for (side = 0; side < 2; side++)
    {
      gss_ctx_id_t *ctx = side ? &e.accept : &e.init;
      ck_assert_uint_eq (gss_export_sec_context (&minor, ctx, &token),
			 GSS_S_COMPLETE);
      ck_assert_ptr_eq (*ctx, GSS_C_NO_CONTEXT);
      ck_assert_uint_eq (gss_import_sec_context (&minor, &token, &imported),
			 GSS_S_COMPLETE);
      gss_release_buffer (&minor, &token);
      ck_assert_uint_eq (gss_inquire_context (&minor, imported, NULL, NULL,
					      NULL, &mech, NULL, NULL, NULL),
			 GSS_S_COMPLETE);
      ck_assert (gss_oid_equal (mech, GSS_KRB5));
      *ctx = imported;
      imported = GSS_C_NO_CONTEXT;
    }
  round_trips (e.init, e.accept);
  round_trips (e.accept, e.init);
  est_free (&e);
}
END_TEST

/* An acceptor with no credential takes a raw Kerberos token too, and
   one with a SPNEGO or a Kerberos credential takes both kinds. */
START_TEST (test_raw_kerberos)
{
  gss_name_t target = target_name ();
  gss_OID_desc spnego_set_oid = *GSS_SPNEGO;
  gss_OID_set_desc spnego_set = { 1, &spnego_set_oid };
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  int kind;

  if (_i == 1)
    ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0,
					 &spnego_set, GSS_C_ACCEPT, &cred,
					 NULL, NULL), GSS_S_COMPLETE);
  if (_i == 2)
    ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0,
					 GSS_C_NO_OID_SET, GSS_C_ACCEPT,
					 &cred, NULL, NULL), GSS_S_COMPLETE);
  for (kind = 0; kind < 2; kind++)
    {
      gss_ctx_id_t init = GSS_C_NO_CONTEXT, acc = GSS_C_NO_CONTEXT;
      gss_buffer_desc tok, reply;
      gss_OID mech;
      gss_name_t src;
      OM_uint32 major;

      major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
				    target, kind ? GSS_SPNEGO : GSS_KRB5,
				    base, 0, NULL, NULL, NULL, &tok, NULL,
				    NULL);
      ck_assert (!GSS_ERROR (major));
      major = gss_accept_sec_context (&minor, &acc, cred, &tok, NULL, &src,
				      &mech, &reply, NULL, NULL, NULL);
      ck_assert_msg (major == GSS_S_COMPLETE, "kind %d cred %d: %#x", kind,
		     _i, major);
      ck_assert (gss_oid_equal (mech, GSS_KRB5));
      gss_release_buffer (&minor, &tok);
      if (kind)
	ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL,
						 &init, target, GSS_SPNEGO,
						 base, 0, NULL, &reply, NULL,
						 &tok, NULL, NULL),
			   GSS_S_COMPLETE);
      else
	ck_assert_uint_eq (reply.length, 0);
      round_trips (init, acc);
      gss_release_buffer (&minor, &tok);
      gss_release_buffer (&minor, &reply);
      gss_release_name (&minor, &src);
      gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
      gss_delete_sec_context (&minor, &acc, GSS_C_NO_BUFFER);
    }
  gss_release_cred (&minor, &cred);
  gss_release_name (&minor, &target);
}
END_TEST

/* An initiator credential acquired for SPNEGO: described as SPNEGO's,
   with the Kerberos principal, and usable for SPNEGO and Kerberos. */
/* A SPNEGO credential from a credential store: the acceptor's keytab
   named in the store, not the environment, as an HTTP server with a
   keytab per virtual host has it. */
START_TEST (test_cred_store)
{
  gss_OID_desc spnego_oid = *GSS_SPNEGO;
  gss_OID_set_desc set = { 1, &spnego_oid };
  gss_key_value_element_desc el = { "keytab", getenv ("KRB5_KTNAME") };
  gss_key_value_set_desc store = { 1, &el };
  gss_key_value_element_desc bad_el = { "keytab", "FILE:/nonexistent/keytab" };
  gss_key_value_set_desc bad = { 1, &bad_el };
  gss_cred_id_t acred = GSS_C_NO_CREDENTIAL;
  gss_OID_set mechs = GSS_C_NO_OID_SET;
  gss_ctx_id_t ictx = GSS_C_NO_CONTEXT, actx = GSS_C_NO_CONTEXT;
  gss_name_t target = target_name ();
  gss_buffer_desc itok = GSS_C_EMPTY_BUFFER, atok = GSS_C_EMPTY_BUFFER;
  char *saved = getenv ("KRB5_KTNAME") ? strdup (getenv ("KRB5_KTNAME")) : NULL;

  ck_assert_ptr_nonnull (saved);
  el.value = saved;
  /* The environment no longer names the keytab: only the store does. */
  unsetenv ("KRB5_KTNAME");
  ck_assert_uint_eq (gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, &set,
					    GSS_C_ACCEPT, &bad, &acred,
					    NULL, NULL), GSS_S_NO_CRED);
  ck_assert_uint_eq (gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, &set,
					    GSS_C_ACCEPT, &store, &acred,
					    &mechs, NULL), GSS_S_COMPLETE);
  ck_assert (mechs->count == 1 && gss_oid_equal (mechs->elements, GSS_SPNEGO));
  gss_release_oid_set (&minor, &mechs);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ictx,
					   target, GSS_SPNEGO, 0, 0, NULL,
					   NULL, NULL, &itok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &actx, acred, &itok,
					     NULL, NULL, NULL, &atok, NULL,
					     NULL, NULL), GSS_S_COMPLETE);
  setenv ("KRB5_KTNAME", saved, 1);
  free (saved);
  gss_release_buffer (&minor, &itok);
  gss_release_buffer (&minor, &atok);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &actx, GSS_C_NO_BUFFER);
  gss_release_cred (&minor, &acred);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (test_initiator_cred)
{
  gss_OID_desc spnego_oid = *GSS_SPNEGO;
  gss_OID_set_desc set = { 1, &spnego_oid };
  gss_OID_set mechs;
  gss_cred_id_t cred;
  gss_name_t name, target = target_name ();
  gss_buffer_desc text;
  OM_uint32 lifetime;
  int kind;

  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, &set,
				       GSS_C_INITIATE, &cred, &mechs, NULL),
		     GSS_S_COMPLETE);
  ck_assert (mechs->count == 1 && gss_oid_equal (mechs->elements, GSS_SPNEGO));
  gss_release_oid_set (&minor, &mechs);
  ck_assert_uint_eq (gss_inquire_cred (&minor, cred, &name, &lifetime, NULL,
				       &mechs), GSS_S_COMPLETE);
  ck_assert_uint_gt (lifetime, 0);
  ck_assert (gss_oid_equal (mechs->elements, GSS_SPNEGO));
  gss_release_oid_set (&minor, &mechs);
  ck_assert_uint_eq (gss_display_name (&minor, name, &text, NULL),
		     GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&text, "user@LIBGSS.TEST"));
  gss_release_buffer (&minor, &text);
  gss_release_name (&minor, &name);
  for (kind = 0; kind < 2; kind++)
    {
      gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
      gss_buffer_desc out;
      ck_assert (!GSS_ERROR (gss_init_sec_context (&minor, cred, &ctx, target,
						   kind ? GSS_KRB5 : GSS_SPNEGO,
						   0, 0, NULL, NULL, NULL,
						   &out, NULL, NULL)));
      gss_release_buffer (&minor, &out);
      gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
    }
  gss_release_cred (&minor, &cred);
  gss_release_name (&minor, &target);
}
END_TEST

/* Anything but the two mechanisms is refused. */
START_TEST (test_bad_mech)
{
  gss_OID_desc other = { 6, (void *) "\x2b\x06\x01\x05\x05\x0e" };
  gss_name_t target = target_name ();
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out;
  gss_OID_set mechs;
  int member;

  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx,
					   target, &other, 0, 0, NULL, NULL,
					   NULL, &out, NULL, NULL),
		     GSS_S_BAD_MECH);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  ck_assert_uint_eq (gss_indicate_mechs (&minor, &mechs), GSS_S_COMPLETE);
  ck_assert_uint_eq (mechs->count, 2);
  gss_test_oid_set_member (&minor, GSS_SPNEGO, mechs, &member);
  ck_assert_int_eq (member, 1);
  gss_release_oid_set (&minor, &mechs);
  gss_release_name (&minor, &target);
}
END_TEST


/* Hostile and broken peers.  The test plays one side by hand, with a
   raw Kerberos context and mech/spnego/asn1.c, to say what a real
   library would not. */

static const gss_OID_desc bogus = { 6, (void *) "\x2b\x06\x01\x05\x05\x0e" };
static const gss_OID_desc krb5_oid =
  { 9, (void *) "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02" };
static const gss_OID_desc ms_krb5_oid =
  { 9, (void *) "\x2a\x86\x48\x82\xf7\x12\x01\x02\x02" };

static void
flip_last (gss_buffer_t b)
{
  ((unsigned char *) b->value)[b->length - 1] ^= 0x01;
}

/* A hand-made initiator offering [bogus, Kerberos]: our acceptor picks
   the second, so both MICs are required (RFC 4178 section 5).  TAMPER
   changes the initiator's MIC on its way.  Returns the acceptor's last
   status; the acceptor's MIC is checked here. */
static OM_uint32
hand_initiator (bool mutual, bool tamper, gss_ctx_id_t *acc,
		gss_ctx_id_t *kout)
{
  gss_OID_desc offer[2] = { bogus, krb5_oid };
  gss_name_t target = target_name ();
  gss_ctx_id_t k = GSS_C_NO_CONTEXT;
  gss_buffer_desc aptok, init, list, reply, resp, mic;
  struct spnego_resp_token r;
  OM_uint32 major, flags = base | (mutual ? GSS_C_MUTUAL_FLAG : 0);

  *acc = GSS_C_NO_CONTEXT;
  ck_assert_uint_eq (spnego_encode_init (&minor, offer, 2, GSS_C_NO_BUFFER,
					 &init, &list), GSS_S_COMPLETE);
  major = gss_accept_sec_context (&minor, acc, GSS_C_NO_CREDENTIAL, &init,
				  NULL, NULL, NULL, &reply, NULL, NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (spnego_decode_resp (&minor, reply.value, reply.length,
					 &r), GSS_S_COMPLETE);
  ck_assert_int_eq (r.neg_state, NEG_REQUEST_MIC);
  ck_assert (r.has_mech && gss_oid_equal (&r.mech, &krb5_oid));
  ck_assert (!r.has_token && !r.has_mic);
  gss_release_buffer (&minor, &reply);

  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &k, target,
				GSS_KRB5, flags, 0, NULL, NULL, NULL, &aptok,
				NULL, NULL);
  ck_assert_uint_eq (major, mutual ? GSS_S_CONTINUE_NEEDED : GSS_S_COMPLETE);
  mic.length = 0;
  mic.value = NULL;
  if (!mutual)
    {
      ck_assert_uint_eq (gss_get_mic (&minor, k, 0, &list, &mic),
			 GSS_S_COMPLETE);
      if (tamper)
	flip_last (&mic);
    }
  ck_assert_uint_eq (spnego_encode_resp (&minor, NEG_NONE, GSS_C_NO_OID,
					 &aptok, mutual ? NULL : &mic, &resp),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &aptok);
  gss_release_buffer (&minor, &mic);
  major = gss_accept_sec_context (&minor, acc, GSS_C_NO_CREDENTIAL, &resp,
				  NULL, NULL, NULL, &reply, NULL, NULL, NULL);
  gss_release_buffer (&minor, &resp);
  if (!mutual)
    {
      /* Its MIC came with our acceptor's accept-completed. */
      if (!GSS_ERROR (major))
	{
	  ck_assert_uint_eq (major, GSS_S_COMPLETE);
	  ck_assert_uint_eq (spnego_decode_resp (&minor, reply.value,
						 reply.length, &r),
			     GSS_S_COMPLETE);
	  ck_assert_int_eq (r.neg_state, NEG_ACCEPT_COMPLETED);
	  ck_assert (r.has_mic && !r.has_token);
	  ck_assert_uint_eq (gss_verify_mic (&minor, k, &list, &r.mic, NULL),
			     GSS_S_COMPLETE);
	}
      goto done;
    }
  /* Mutual: the AP-REP and the acceptor's MIC first, then ours. */
  ck_assert_uint_eq (major, GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (spnego_decode_resp (&minor, reply.value, reply.length,
					 &r), GSS_S_COMPLETE);
  ck_assert_int_eq (r.neg_state, NEG_ACCEPT_INCOMPLETE);
  ck_assert (r.has_token && r.has_mic);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &k,
					   target, GSS_KRB5, flags, 0, NULL,
					   &r.token, NULL, &aptok, NULL, NULL),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &aptok);
  ck_assert_uint_eq (gss_verify_mic (&minor, k, &list, &r.mic, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_get_mic (&minor, k, 0, &list, &mic), GSS_S_COMPLETE);
  if (tamper)
    flip_last (&mic);
  ck_assert_uint_eq (spnego_encode_resp (&minor, NEG_NONE, GSS_C_NO_OID,
					 NULL, &mic, &resp), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &mic);
  gss_release_buffer (&minor, &reply);
  major = gss_accept_sec_context (&minor, acc, GSS_C_NO_CREDENTIAL, &resp,
				  NULL, NULL, NULL, &reply, NULL, NULL, NULL);
  gss_release_buffer (&minor, &resp);
  if (!GSS_ERROR (major))
    ck_assert_uint_eq (reply.length, 0);

done:
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &init);
  gss_release_buffer (&minor, &list);
  *kout = k;
  gss_release_name (&minor, &target);
  return major;
}

START_TEST (test_acceptor_mics)
{
  gss_ctx_id_t acc, k;
  bool mutual = _i & 1, tamper = _i & 2;
  OM_uint32 major = hand_initiator (mutual, tamper, &acc, &k);

  if (tamper)
    {
      /* A later call failed: the context stays, for the caller to
	 delete, and it is not usable. */
      ck_assert_msg (GSS_ERROR (major), "a changed MIC was taken: %#x", major);
      ck_assert_ptr_ne (acc, GSS_C_NO_CONTEXT);
      ck_assert_uint_eq (gss_context_time (&minor, acc, &(OM_uint32) { 0 }),
			 GSS_S_NO_CONTEXT);
    }
  else
    {
      ck_assert_uint_eq (major, GSS_S_COMPLETE);
      round_trips (k, acc);
      round_trips (acc, k);
    }
  gss_delete_sec_context (&minor, &acc, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &k, GSS_C_NO_BUFFER);
}
END_TEST

/* How a hand-made acceptor answers our initiator's NegTokenInit. */
enum answer
{
  ANSWER_MIC,			/* request-mic, then MICs both ways */
  ANSWER_MIC_TAMPERED,		/* the same, its MIC changed on the way */
  ANSWER_MIC_MISSING,		/* request-mic, and no MIC ever */
  ANSWER_ECHO,			/* Windows 2000: the AP-REP again as MIC */
  ANSWER_MS_OID,		/* Kerberos by Windows' OID */
  ANSWER_OTHER_MECH,		/* a mechanism that was not offered */
  ANSWER_REJECT,
  ANSWER_COUNT
};

START_TEST (test_initiator_answers)
{
  enum answer how = _i;
  gss_name_t target = target_name ();
  gss_ctx_id_t init = GSS_C_NO_CONTEXT, k = GSS_C_NO_CONTEXT;
  gss_buffer_desc tok, body, reply, mic = GSS_C_EMPTY_BUFFER, aprep, list;
  struct spnego_init_token n;
  struct spnego_resp_token r;
  OM_uint32 major, flags = base | GSS_C_MUTUAL_FLAG;
  gss_const_OID chosen = how == ANSWER_MS_OID ? &ms_krb5_oid
    : how == ANSWER_OTHER_MECH ? &bogus : &krb5_oid;
  int state = how == ANSWER_REJECT ? NEG_REJECT
    : how <= ANSWER_MIC_MISSING ? NEG_REQUEST_MIC : NEG_ACCEPT_COMPLETED;

  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
					   target, GSS_SPNEGO, flags, 0, NULL,
					   NULL, NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_decapsulate_token (&tok, GSS_SPNEGO, &body),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (spnego_decode_init (&minor, body.value, body.length, &n),
		     GSS_S_COMPLETE);
  /* Kerberos, alone: the table's other mechanism is SPNEGO itself. */
  ck_assert_uint_eq (n.mech_count, 1);
  ck_assert (gss_oid_equal (&n.mechs[0], &krb5_oid));
  ck_assert (n.has_mech_token && !n.has_mic);
  list = n.mech_list_der;
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &k, GSS_C_NO_CREDENTIAL,
					     &n.mech_token, NULL, NULL, NULL,
					     &aprep, NULL, NULL, NULL),
		     GSS_S_COMPLETE);
  if (how == ANSWER_MIC || how == ANSWER_MIC_TAMPERED)
    {
      ck_assert_uint_eq (gss_get_mic (&minor, k, 0, &list, &mic),
			 GSS_S_COMPLETE);
      if (how == ANSWER_MIC_TAMPERED)
	flip_last (&mic);
    }
  ck_assert_uint_eq (spnego_encode_resp (&minor, state,
					 how == ANSWER_REJECT ? NULL : chosen,
					 how == ANSWER_REJECT ? NULL : &aprep,
					 how == ANSWER_ECHO ? &aprep
					 : mic.length ? &mic : NULL, &reply),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &mic);
  gss_release_buffer (&minor, &tok);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init, target,
				GSS_SPNEGO, flags, 0, NULL, &reply, NULL, &tok,
				NULL, NULL);
  gss_release_buffer (&minor, &reply);
  switch (how)
    {
    case ANSWER_MIC:
      /* Its MIC checked, ours sent: done on this side. */
      ck_assert_uint_eq (major, GSS_S_COMPLETE);
      ck_assert_uint_eq (spnego_decode_resp (&minor, tok.value, tok.length,
					     &r), GSS_S_COMPLETE);
      ck_assert (r.has_mic && !r.has_token);
      ck_assert_uint_eq (gss_verify_mic (&minor, k, &list, &r.mic, NULL),
			 GSS_S_COMPLETE);
      round_trips (init, k);
      break;
    case ANSWER_ECHO:
    case ANSWER_MS_OID:
      ck_assert_uint_eq (major, GSS_S_COMPLETE);
      ck_assert_uint_eq (tok.length, 0);
      round_trips (init, k);
      break;
    case ANSWER_MIC_TAMPERED:
      ck_assert_msg (major == GSS_S_BAD_SIG || major == GSS_S_DEFECTIVE_TOKEN,
		     "a changed MIC: %#x", major);
      break;
    case ANSWER_MIC_MISSING:
      ck_assert_uint_eq (major, GSS_S_DEFECTIVE_TOKEN);
      break;
    case ANSWER_OTHER_MECH:
    case ANSWER_REJECT:
      ck_assert_uint_eq (major, GSS_S_BAD_MECH);
      break;
    default:
      break;
    }
  if (GSS_ERROR (major))
    {
      /* Not usable, and still there for the caller to delete. */
      ck_assert_ptr_ne (init, GSS_C_NO_CONTEXT);
      ck_assert_uint_eq (gss_wrap (&minor, init, 1, 0, &list, NULL, &reply),
			 GSS_S_NO_CONTEXT);
    }
  gss_release_buffer (&minor, &tok);
  gss_release_buffer (&minor, &body);
  gss_release_buffer (&minor, &aprep);
  gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &k, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

/* An acceptor that ignores the optimistic token and asks for the
   mechanism again (request-mic, no token): our initiator starts Kerberos
   anew, and the MICs go both ways. */
START_TEST (test_initiator_restart)
{
  bool mutual = _i;
  OM_uint32 flags = base | (mutual ? GSS_C_MUTUAL_FLAG : 0), major;
  gss_name_t target = target_name ();
  gss_ctx_id_t init = GSS_C_NO_CONTEXT, k = GSS_C_NO_CONTEXT;
  gss_buffer_desc tok, body, reply, list, aprep = GSS_C_EMPTY_BUFFER, mic;
  struct spnego_init_token n;
  struct spnego_resp_token r;

  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
					   target, GSS_SPNEGO, flags, 0, NULL,
					   NULL, NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_decapsulate_token (&tok, GSS_SPNEGO, &body),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (spnego_decode_init (&minor, body.value, body.length, &n),
		     GSS_S_COMPLETE);
  list = n.mech_list_der;
  gss_release_buffer (&minor, &tok);
  ck_assert_uint_eq (spnego_encode_resp (&minor, NEG_REQUEST_MIC, &krb5_oid,
					 NULL, NULL, &reply), GSS_S_COMPLETE);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init, target,
				GSS_SPNEGO, flags, 0, NULL, &reply, NULL, &tok,
				NULL, NULL);
  gss_release_buffer (&minor, &reply);
  ck_assert_uint_eq (major, GSS_S_CONTINUE_NEEDED);
  /* A new AP-REQ, with our MIC when Kerberos is already done. */
  ck_assert_uint_eq (spnego_decode_resp (&minor, tok.value, tok.length, &r),
		     GSS_S_COMPLETE);
  ck_assert (r.has_token);
  ck_assert_int_eq (r.has_mic, !mutual);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &k, GSS_C_NO_CREDENTIAL,
					     &r.token, NULL, NULL, NULL,
					     &aprep, NULL, NULL, NULL),
		     GSS_S_COMPLETE);
  if (!mutual)
    ck_assert_uint_eq (gss_verify_mic (&minor, k, &list, &r.mic, NULL),
		       GSS_S_COMPLETE);
  gss_release_buffer (&minor, &tok);
  ck_assert_uint_eq (gss_get_mic (&minor, k, 0, &list, &mic), GSS_S_COMPLETE);
  ck_assert_uint_eq (spnego_encode_resp (&minor, mutual ? NEG_ACCEPT_INCOMPLETE
					 : NEG_ACCEPT_COMPLETED, GSS_C_NO_OID,
					 mutual ? &aprep : NULL, &mic, &reply),
		     GSS_S_COMPLETE);
  gss_release_buffer (&minor, &mic);
  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init, target,
				GSS_SPNEGO, flags, 0, NULL, &reply, NULL, &tok,
				NULL, NULL);
  gss_release_buffer (&minor, &reply);
  ck_assert_uint_eq (major, GSS_S_COMPLETE);
  if (mutual)
    {
      /* Our MIC last. */
      ck_assert_uint_eq (spnego_decode_resp (&minor, tok.value, tok.length,
					     &r), GSS_S_COMPLETE);
      ck_assert (r.has_mic && !r.has_token);
      ck_assert_uint_eq (gss_verify_mic (&minor, k, &list, &r.mic, NULL),
			 GSS_S_COMPLETE);
    }
  else
    ck_assert_uint_eq (tok.length, 0);
  round_trips (init, k);
  round_trips (k, init);
  gss_release_buffer (&minor, &tok);
  gss_release_buffer (&minor, &body);
  gss_release_buffer (&minor, &aprep);
  gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &k, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

/* The mechanism list changed on the way, from [Kerberos] to [bogus,
   Kerberos]: the acceptor now picks its second, the MICs are required,
   and they cannot verify, since each side covers its own list. */
static void
downgrade (int leg, gss_buffer_t token)
{
  gss_OID_desc offer[2] = { bogus, krb5_oid };
  struct spnego_init_token n;
  gss_buffer_desc body, list, changed;

  if (leg != 0)
    return;
  ck_assert_uint_eq (gss_decapsulate_token (token, GSS_SPNEGO, &body),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (spnego_decode_init (&minor, body.value, body.length, &n),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (spnego_encode_init (&minor, offer, 2, &n.mech_token,
					 &changed, &list), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &body);
  gss_release_buffer (&minor, &list);
  gss_release_buffer (&minor, token);
  *token = changed;
}

/* Windows names Kerberos by its own OID: the list rewritten so is the
   same mechanism, and needs no MIC. */
static void
ms_oid (int leg, gss_buffer_t token)
{
  unsigned char *p = token->value;
  size_t i;

  if (leg != 0)
    return;
  for (i = 0; i + 11 <= token->length; i++)
    if (memcmp (p + i, "\x30\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12", 10) == 0)
      {
	p[i + 7] = 0x82;
	return;
      }
  ck_abort_msg ("no mechanism list");
}

START_TEST (test_list_changed)
{
  struct est e;
  char who;
  OM_uint32 major;

  major = establish (&e, base | (_i ? GSS_C_MUTUAL_FLAG : 0),
		     GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_CHANNEL_BINDINGS,
		     downgrade, &who);
  /* Without mutual authentication the acceptor checks the initiator's
     MIC first; with it, the initiator checks the acceptor's. */
  ck_assert_msg (major == GSS_S_BAD_SIG, "%#x on %c", major, who);
  ck_assert_int_eq (who, _i ? 'i' : 'a');
  est_free (&e);

  established (&e, base | (_i ? GSS_C_MUTUAL_FLAG : 0),
	       GSS_C_NO_CHANNEL_BINDINGS);
  est_free (&e);
  major = establish (&e, base | (_i ? GSS_C_MUTUAL_FLAG : 0),
		     GSS_C_NO_CHANNEL_BINDINGS, GSS_C_NO_CHANNEL_BINDINGS,
		     ms_oid, &who);
  ck_assert_msg (major == GSS_S_COMPLETE, "%#x on %c", major, who);
  ck_assert_int_eq (e.legs, 2);
  round_trips (e.init, e.accept);
  est_free (&e);
}
END_TEST

/* No mechanism in common: a reject back, no context. */
START_TEST (test_reject)
{
  gss_OID_desc offer[1] = { bogus };
  gss_buffer_desc init, list, reply;
  gss_ctx_id_t acc = GSS_C_NO_CONTEXT;
  struct spnego_resp_token r;

  ck_assert_uint_eq (spnego_encode_init (&minor, offer, 1, GSS_C_NO_BUFFER,
					 &init, &list), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &acc,
					     GSS_C_NO_CREDENTIAL, &init, NULL,
					     NULL, NULL, &reply, NULL, NULL,
					     NULL), GSS_S_BAD_MECH);
  ck_assert_ptr_eq (acc, GSS_C_NO_CONTEXT);
  ck_assert_uint_eq (spnego_decode_resp (&minor, reply.value, reply.length,
					 &r), GSS_S_COMPLETE);
  ck_assert_int_eq (r.neg_state, NEG_REJECT);
  ck_assert (!r.has_mech && !r.has_token && !r.has_mic);
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &init);
  gss_release_buffer (&minor, &list);
}
END_TEST

/* Every prefix and every octet changed of our NegTokenInit, to a fresh
   acceptor: a failure leaves no context, a success a whole one. */
START_TEST (test_init_mangled)
{
  gss_name_t target = target_name ();
  gss_ctx_id_t init = GSS_C_NO_CONTEXT;
  gss_buffer_desc tok, copy;
  size_t i, failed = 0;
  int pass;

  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
					   target, GSS_SPNEGO, base, 0, NULL,
					   NULL, NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  copy.value = malloc (tok.length);
  for (pass = 0; pass < 2; pass++)
    for (i = 0; i < tok.length; i++)
      {
	gss_ctx_id_t acc = GSS_C_NO_CONTEXT;
	gss_buffer_desc out;
	OM_uint32 major;
	memcpy (copy.value, tok.value, tok.length);
	copy.length = pass ? tok.length : i;
	if (pass)
	  ((unsigned char *) copy.value)[i] ^= 0xff;
	major = gss_accept_sec_context (&minor, &acc, GSS_C_NO_CREDENTIAL,
					&copy, NULL, NULL, NULL, &out, NULL,
					NULL, NULL);
	gss_release_buffer (&minor, &out);
	if (GSS_ERROR (major))
	  {
	    ck_assert_msg (acc == GSS_C_NO_CONTEXT, "half a context at %zu", i);
	    failed++;
	  }
	else
	  {
	    ck_assert_msg (pass == 1, "a prefix of %zu octets taken", i);
	    ck_assert_ptr_ne (acc, GSS_C_NO_CONTEXT);
	    gss_delete_sec_context (&minor, &acc, GSS_C_NO_BUFFER);
	  }
      }
  /* Only the Kerberos token's unprotected octets may change unseen. */
  ck_assert_uint_ge (failed, tok.length * 2 - tok.length / 4);
  free (copy.value);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);
}
END_TEST

/* Every prefix and every octet changed of the acceptor's NegTokenResp
   (with the AP-REP), each to an initiator of its own. */
START_TEST (test_resp_mangled)
{
  gss_name_t target = target_name ();
  size_t i, len = 0, failed = 0, tried = 0;
  int pass;

  for (pass = 0; pass < 2; pass++)
    for (i = 0; pass == 0 ? i == 0 || i < len : i < len; i++)
      {
	gss_ctx_id_t init = GSS_C_NO_CONTEXT, acc = GSS_C_NO_CONTEXT;
	gss_buffer_desc tok, reply, out;
	OM_uint32 major;
	ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL,
						 &init, target, GSS_SPNEGO,
						 base | GSS_C_MUTUAL_FLAG, 0,
						 NULL, NULL, NULL, &tok, NULL,
						 NULL), GSS_S_CONTINUE_NEEDED);
	ck_assert_uint_eq (gss_accept_sec_context (&minor, &acc,
						   GSS_C_NO_CREDENTIAL, &tok,
						   NULL, NULL, NULL, &reply,
						   NULL, NULL, NULL),
			   GSS_S_COMPLETE);
	len = reply.length;
	if (pass)
	  ((unsigned char *) reply.value)[i] ^= 0xff;
	else
	  reply.length = i;
	major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &init,
				      target, GSS_SPNEGO,
				      base | GSS_C_MUTUAL_FLAG, 0, NULL, &reply,
				      NULL, &out, NULL, NULL);
	reply.length = len;
	tried++;
	if (GSS_ERROR (major))
	  {
	    failed++;
	    ck_assert_ptr_ne (init, GSS_C_NO_CONTEXT);
	    ck_assert_uint_eq (gss_get_mic (&minor, init, 0, &reply, &out),
			       GSS_S_NO_CONTEXT);
	  }
	else
	  {
	    ck_assert_msg (pass == 1 && major == GSS_S_COMPLETE,
			   "prefix of %zu: %#x", i, major);
	    fprintf (stderr, "octet %zu of %zu changed unseen\n", i, len);
	  }
	gss_release_buffer (&minor, &out);
	gss_release_buffer (&minor, &tok);
	gss_release_buffer (&minor, &reply);
	gss_delete_sec_context (&minor, &init, GSS_C_NO_BUFFER);
	gss_delete_sec_context (&minor, &acc, GSS_C_NO_BUFFER);
      }
  /* (The AP-REP's length varies by an octet with its timestamp.) */
  ck_assert_uint_ge (tried, 2 * 150);
  /* The AP-REP is encrypted, and the DER around it is checked whole:
     no octet may change unseen. */
  ck_assert_uint_eq (failed, tried);
  gss_release_name (&minor, &target);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("spnego");
  TCase *tc = tcase_create ("establish");

  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_establish, 0, 2);
  tcase_add_test (tc, test_extensions);
  tcase_add_test (tc, test_delegation);
  tcase_add_loop_test (tc, test_bindings, 0, 2);
  tcase_add_test (tc, test_transfer);
  tcase_add_loop_test (tc, test_raw_kerberos, 0, 3);
  tcase_add_test (tc, test_initiator_cred);
  tcase_add_test (tc, test_cred_store);
  tcase_add_test (tc, test_bad_mech);
  suite_add_tcase (s, tc);
  tc = tcase_create ("hostile");
  tcase_set_timeout (tc, 600);
  tcase_add_loop_test (tc, test_acceptor_mics, 0, 4);
  tcase_add_loop_test (tc, test_initiator_answers, 0, ANSWER_COUNT);
  tcase_add_loop_test (tc, test_initiator_restart, 0, 2);
  tcase_add_loop_test (tc, test_list_changed, 0, 2);
  tcase_add_test (tc, test_reject);
  tcase_add_test (tc, test_init_mangled);
  tcase_add_test (tc, test_resp_mangled);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
