/* check_spnego.c - SPNEGO (RFC 4178) between two of our own contexts in
   a throwaway realm (tests/spnego/realm.sh): establishment with and
   without mutual authentication, delegation and channel bindings; the
   per-message calls, inquiries and transfer afterwards; a raw Kerberos
   token to an acceptor without credential; and what an attacker or a
   broken peer can do to the tokens on the way (mechListMIC and
   mechanism list changed, reject, truncation and garbling at every
   octet): the right status, no crash, no context left half-built. */
#include "../unit.h"
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
  round_trips (e.init, e.accept);
  round_trips (e.accept, e.init);
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

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("spnego");
  TCase *tc = tcase_create ("establish");

  tcase_set_timeout (tc, 120);
  tcase_add_loop_test (tc, test_establish, 0, 2);
  tcase_add_test (tc, test_delegation);
  tcase_add_loop_test (tc, test_bindings, 0, 2);
  tcase_add_test (tc, test_transfer);
  tcase_add_loop_test (tc, test_raw_kerberos, 0, 3);
  tcase_add_test (tc, test_bad_mech);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
