/* check_krb5.c - Kerberos context establishment between two of our own
   contexts, against the throwaway realm of tests/kdc (run through
   tests/kdc/realm.sh, which exports its KRB5_* variables). */
#include "unit.h"
#include <unistd.h>

static OM_uint32 minor;
/* KRB5KRB_ERR_GENERIC of MIT's krb5 error table. */
#define KRB5KRB_ERR_GENERIC_VALUE (-1765328324L)

static gss_name_t
import (const char *text, gss_OID type)
{
  gss_buffer_desc buf = unit_buf (text);
  gss_name_t name;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, type, &name), GSS_S_COMPLETE);
  return name;
}

static gss_name_t
service (void)
{
  return import ("host@localhost", GSS_C_NT_HOSTBASED_SERVICE);
}

/* Runs one establishment: returns the acceptor's major status; the
   contexts and outputs stay with the caller. */
struct exchange
{
  OM_uint32 req_flags;
  gss_channel_bindings_t init_cb, accept_cb;
  gss_cred_id_t init_cred, accept_cred;
  gss_ctx_id_t ictx, actx;
  OM_uint32 init_major, accept_major, final_major;
  OM_uint32 init_flags, accept_flags, final_flags, accept_minor;
  OM_uint32 init_time, accept_time;
  gss_name_t src;
  gss_cred_id_t deleg;
  gss_buffer_desc first, reply;
  gss_OID actual_mech, accept_mech;
  const char *target;		/* host-based; NULL for host@localhost */
};

static void
exchange_run (struct exchange *x)
{
  gss_name_t target = x->target ? import (x->target, GSS_C_NT_HOSTBASED_SERVICE)
    : service ();
  gss_buffer_desc empty = GSS_C_EMPTY_BUFFER, last;

  x->init_major = gss_init_sec_context (&minor, x->init_cred, &x->ictx, target,
					GSS_KRB5, x->req_flags, 0, x->init_cb,
					&empty, &x->actual_mech, &x->first,
					&x->init_flags, &x->init_time);
  x->accept_major = GSS_S_FAILURE;
  x->final_major = GSS_S_FAILURE;
  if (!GSS_ERROR (x->init_major))
    {
      x->accept_major = gss_accept_sec_context (&x->accept_minor, &x->actx,
						x->accept_cred, &x->first,
						x->accept_cb, &x->src,
						&x->accept_mech, &x->reply,
						&x->accept_flags,
						&x->accept_time, &x->deleg);
      x->final_major = x->init_major;
    }
  if (x->init_major == GSS_S_CONTINUE_NEEDED && x->reply.length)
    {
      x->final_major = gss_init_sec_context (&minor, x->init_cred, &x->ictx,
					     target, GSS_KRB5, x->req_flags, 0,
					     x->init_cb, &x->reply, NULL,
					     &last, &x->final_flags, NULL);
      ck_assert_uint_eq (last.length, 0);
    }
  else
    x->final_flags = x->init_flags;
  gss_release_name (&minor, &target);
}

static void
exchange_free (struct exchange *x)
{
  gss_delete_sec_context (&minor, &x->ictx, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &x->actx, GSS_C_NO_BUFFER);
  gss_release_buffer (&minor, &x->first);
  gss_release_buffer (&minor, &x->reply);
  gss_release_name (&minor, &x->src);
  gss_release_cred (&minor, &x->deleg);
}

START_TEST (test_without_mutual)
{
  struct exchange x = { .req_flags = GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG };
  gss_buffer_desc shown;

  exchange_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_COMPLETE);
  ck_assert_ptr_eq (x.actual_mech, GSS_KRB5);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ck_assert_ptr_eq (x.accept_mech, GSS_KRB5);
  ck_assert_uint_eq (x.reply.length, 0);
  ck_assert_uint_eq (x.init_flags & ~GSS_C_TRANS_FLAG,
		     GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG
		     | GSS_C_INTEG_FLAG | GSS_C_PROT_READY_FLAG);
  ck_assert_uint_eq (x.accept_flags & ~GSS_C_TRANS_FLAG, x.init_flags & ~GSS_C_TRANS_FLAG);
  ck_assert_uint_gt (x.init_time, 0);
  ck_assert_uint_gt (x.accept_time, 0);
  ck_assert_ptr_eq (x.deleg, GSS_C_NO_CREDENTIAL);
  gss_display_name (&minor, x.src, &shown, NULL);
  ck_assert_msg (shown.length > 5 && memcmp (shown.value, "user@", 5) == 0,
		 "src %.*s", (int) shown.length, (char *) shown.value);
  gss_release_buffer (&minor, &shown);
  exchange_free (&x);
}
END_TEST

START_TEST (test_mutual)
{
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG };

  exchange_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_CONTINUE_NEEDED);
  /* While continuing: the flags expected, and no PROT_READY yet. */
  ck_assert (x.init_flags & GSS_C_MUTUAL_FLAG);
  ck_assert (!(x.init_flags & GSS_C_PROT_READY_FLAG));
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ck_assert_uint_gt (x.reply.length, 0);
  ck_assert_uint_eq (x.final_major, GSS_S_COMPLETE);
  ck_assert (x.final_flags & GSS_C_MUTUAL_FLAG);
  ck_assert (x.final_flags & GSS_C_PROT_READY_FLAG);
  ck_assert (!(x.final_flags & GSS_C_ANON_FLAG));
  ck_assert (x.accept_flags & GSS_C_MUTUAL_FLAG);
  exchange_free (&x);
}
END_TEST

START_TEST (test_anonymous_not_given)
{
  struct exchange x = { .req_flags = GSS_C_ANON_FLAG };

  exchange_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_COMPLETE);
  ck_assert (!(x.init_flags & GSS_C_ANON_FLAG));
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  exchange_free (&x);
}
END_TEST

START_TEST (test_delegation)
{
  struct exchange x = { .req_flags = GSS_C_DELEG_FLAG | GSS_C_MUTUAL_FLAG };
  struct exchange again = { 0 };
  gss_name_t deleg_name;
  gss_cred_usage_t usage;
  OM_uint32 life;
  int equal;

  exchange_run (&x);
  ck_assert_uint_eq (x.final_major, GSS_S_COMPLETE);
  ck_assert (x.init_flags & GSS_C_DELEG_FLAG);
  ck_assert (x.accept_flags & GSS_C_DELEG_FLAG);
  ck_assert_ptr_ne (x.deleg, GSS_C_NO_CREDENTIAL);
  ck_assert_uint_eq (gss_inquire_cred (&minor, x.deleg, &deleg_name, &life, &usage, NULL), GSS_S_COMPLETE);
  ck_assert_int_eq (usage, GSS_C_INITIATE);
  ck_assert_uint_gt (life, 0);
  gss_compare_name (&minor, deleg_name, x.src, &equal);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &deleg_name);

  /* The delegated credential initiates a context of its own. */
  again.init_cred = x.deleg;
  again.req_flags = GSS_C_MUTUAL_FLAG;
  exchange_run (&again);
  ck_assert_uint_eq (again.final_major, GSS_S_COMPLETE);
  again.init_cred = GSS_C_NO_CREDENTIAL;
  exchange_free (&again);
  exchange_free (&x);
}
END_TEST

static struct gss_channel_bindings_struct cb_a = {
  GSS_C_AF_INET, {4, (void *) "\x7f\x00\x00\x01"}, GSS_C_AF_INET,
  {4, (void *) "\x7f\x00\x00\x01"}, {7, (void *) "binding"}
};
static struct gss_channel_bindings_struct cb_b = {
  GSS_C_AF_UNSPEC, {0, NULL}, GSS_C_AF_UNSPEC, {0, NULL},
  {7, (void *) "bindinG"}
};

START_TEST (test_channel_bindings)
{
  struct exchange match = { .req_flags = GSS_C_MUTUAL_FLAG, .init_cb = &cb_a, .accept_cb = &cb_a };
  struct exchange mismatch = { .req_flags = GSS_C_MUTUAL_FLAG, .init_cb = &cb_a, .accept_cb = &cb_b };
  struct exchange none_sent = { .req_flags = GSS_C_MUTUAL_FLAG, .accept_cb = &cb_a };
  struct exchange none_wanted = { .req_flags = GSS_C_MUTUAL_FLAG, .init_cb = &cb_b };

  exchange_run (&match);
  ck_assert_uint_eq (match.final_major, GSS_S_COMPLETE);
  exchange_run (&mismatch);
  ck_assert_uint_eq (mismatch.accept_major, GSS_S_BAD_BINDINGS);
  {
    gss_buffer_desc text;
    OM_uint32 msgctx = 0, tmp;
    gss_display_status (&tmp, mismatch.accept_minor, GSS_C_MECH_CODE, GSS_KRB5, &msgctx, &text);
    ck_assert_str_eq (text.value, "Channel bindings do not match");
    gss_release_buffer (&tmp, &text);
  }
  ck_assert_ptr_eq (mismatch.actx, GSS_C_NO_CONTEXT);
  /* The initiator learns of it through a KRB-ERROR. */
  ck_assert_uint_gt (mismatch.reply.length, 0);
  ck_assert (GSS_ERROR (mismatch.final_major));
  exchange_run (&none_sent);
  ck_assert_uint_eq (none_sent.final_major, GSS_S_COMPLETE);
  exchange_run (&none_wanted);
  ck_assert_uint_eq (none_wanted.final_major, GSS_S_COMPLETE);
  exchange_free (&match);
  exchange_free (&mismatch);
  exchange_free (&none_sent);
  exchange_free (&none_wanted);
}
END_TEST

/* Bindings with a length but no value are a calling error on either
   side, before any checksum is made or compared; no context is left. */
START_TEST (test_channel_bindings_unreadable)
{
  struct gss_channel_bindings_struct bad[3];
  int i;

  for (i = 0; i < 3; i++)
    {
      struct exchange init_side = { .req_flags = GSS_C_MUTUAL_FLAG, .init_cb = &bad[i] };
      struct exchange accept_side = { .req_flags = GSS_C_MUTUAL_FLAG, .accept_cb = &bad[i] };

      bad[i] = cb_a;
      if (i == 0)
	bad[i].initiator_address.value = NULL;
      else if (i == 1)
	bad[i].acceptor_address.value = NULL;
      else
	bad[i].application_data.value = NULL;
      exchange_run (&init_side);
      ck_assert_uint_eq (init_side.init_major, GSS_S_CALL_INACCESSIBLE_READ);
      ck_assert_ptr_eq (init_side.ictx, GSS_C_NO_CONTEXT);
      ck_assert_uint_eq (init_side.first.length, 0);
      exchange_run (&accept_side);
      ck_assert_uint_eq (accept_side.accept_major, GSS_S_CALL_INACCESSIBLE_READ);
      ck_assert_ptr_eq (accept_side.actx, GSS_C_NO_CONTEXT);
      exchange_free (&init_side);
      exchange_free (&accept_side);
    }
}
END_TEST

START_TEST (test_replay)
{
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG };
  gss_ctx_id_t second = GSS_C_NO_CONTEXT;
  gss_buffer_desc reply, out;
  OM_uint32 major, replay_minor, tmp;
  gss_buffer_desc text;
  OM_uint32 msgctx = 0;

  exchange_run (&x);
  ck_assert_uint_eq (x.final_major, GSS_S_COMPLETE);
  major = gss_accept_sec_context (&replay_minor, &second, GSS_C_NO_CREDENTIAL,
				  &x.first, NULL, NULL, NULL, &reply, NULL,
				  NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN);
  ck_assert_ptr_eq (second, GSS_C_NO_CONTEXT);
  gss_display_status (&tmp, replay_minor, GSS_C_MECH_CODE, GSS_KRB5, &msgctx, &text);
  ck_assert_msg (strstr (text.value, "replay") != NULL, "%s", (char *) text.value);
  gss_release_buffer (&tmp, &text);
  ck_assert_uint_gt (reply.length, 0);
  /* A new initiator context given that KRB-ERROR learns the reason. */
  gss_delete_sec_context (&tmp, &x.ictx, NULL);
  {
    gss_name_t target = service ();
    gss_buffer_desc first;
    ck_assert_uint_eq (gss_init_sec_context (&tmp, GSS_C_NO_CREDENTIAL, &x.ictx, target, GSS_KRB5,
					     GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &first, NULL, NULL),
		       GSS_S_CONTINUE_NEEDED);
    major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &x.ictx, target, GSS_KRB5,
				  GSS_C_MUTUAL_FLAG, 0, NULL, &reply, NULL, &out, NULL, NULL);
    ck_assert_uint_eq (major, GSS_S_FAILURE | GSS_S_DUPLICATE_TOKEN);
    ck_assert_uint_eq (minor, replay_minor);
    /* A failed later call leaves the context for the caller. */
    ck_assert_ptr_ne (x.ictx, GSS_C_NO_CONTEXT);
    gss_release_buffer (&tmp, &first);
    gss_release_name (&tmp, &target);
  }
  gss_release_buffer (&tmp, &reply);
  exchange_free (&x);
}
END_TEST

START_TEST (test_unknown_service)
{
  gss_name_t target = import ("nosuch@localhost", GSS_C_NT_HOSTBASED_SERVICE);
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out, text;
  OM_uint32 major, msgctx = 0, tmp;

  major = gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_C_NO_OID,
				0, 0, NULL, NULL, NULL, &out, NULL, NULL);
  ck_assert_uint_eq (major, GSS_S_FAILURE);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  ck_assert_uint_eq (out.length, 0);
  gss_display_status (&tmp, minor, GSS_C_MECH_CODE, GSS_C_NO_OID, &msgctx, &text);
  ck_assert_str_eq (text.value, "Server not found in Kerberos database");
  gss_release_buffer (&tmp, &text);
  gss_release_name (&tmp, &target);
}
END_TEST

START_TEST (test_inquire_context)
{
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG };
  gss_name_t target = service ();
  gss_buffer_desc out;
  gss_name_t src, targ, want_targ;
  OM_uint32 life, flags, t;
  gss_OID mech;
  int local, open, equal;

  /* Before completion. */
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &x.ictx, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL, NULL, &x.first, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_inquire_context (&minor, x.ictx, &src, &targ, &life, &mech, &flags, &local, &open),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (local, 1);
  ck_assert_int_eq (open, 0);
  ck_assert_ptr_eq (mech, GSS_KRB5);
  ck_assert (flags & GSS_C_MUTUAL_FLAG);
  ck_assert_uint_eq (gss_context_time (&minor, x.ictx, &t), GSS_S_NO_CONTEXT);
  gss_canonicalize_name (&minor, target, GSS_KRB5, &want_targ);
  gss_compare_name (&minor, targ, want_targ, &equal);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &src);
  gss_release_name (&minor, &targ);

  ck_assert_uint_eq (gss_accept_sec_context (&minor, &x.actx, GSS_C_NO_CREDENTIAL, &x.first, NULL,
					     &x.src, NULL, &x.reply, NULL, NULL, NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &x.ictx, target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, &x.reply, NULL, &out, NULL, NULL),
		     GSS_S_COMPLETE);
  /* Both sides after completion. */
  ck_assert_uint_eq (gss_inquire_context (&minor, x.ictx, &src, &targ, &life, &mech, &flags, &local, &open),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (open, 1);
  ck_assert_uint_gt (life, 0);
  gss_compare_name (&minor, src, x.src, &equal);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &src);
  gss_release_name (&minor, &targ);
  ck_assert_uint_eq (gss_inquire_context (&minor, x.actx, &src, &targ, &life, &mech, &flags, &local, &open),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (local, 0);
  ck_assert_int_eq (open, 1);
  gss_compare_name (&minor, src, x.src, &equal);
  ck_assert_int_eq (equal, 1);
  gss_compare_name (&minor, targ, want_targ, &equal);
  ck_assert_int_eq (equal, 1);
  gss_release_name (&minor, &src);
  gss_release_name (&minor, &targ);
  /* Every output is optional. */
  ck_assert_uint_eq (gss_inquire_context (&minor, x.actx, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_context_time (&minor, x.actx, &t), GSS_S_COMPLETE);
  ck_assert_uint_gt (t, 0);
  /* The Kerberos acceptor takes one token only. */
  ck_assert (GSS_ERROR (gss_accept_sec_context (&minor, &x.actx, GSS_C_NO_CREDENTIAL, &x.first, NULL,
						NULL, NULL, &out, NULL, NULL, NULL)));
  gss_release_name (&minor, &want_targ);
  gss_release_name (&minor, &target);
  exchange_free (&x);
}
END_TEST

START_TEST (test_process_context_token)
{
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG, .init_cb = &cb_a, .accept_cb = &cb_b };
  struct exchange ok = { 0 };

  exchange_run (&x);
  exchange_run (&ok);
  ck_assert_uint_gt (x.reply.length, 0);
  /* A KRB-ERROR handed to an established context reports its code. */
  ck_assert_uint_eq (gss_process_context_token (&minor, ok.ictx, &x.reply), GSS_S_FAILURE);
  ck_assert_uint_eq (minor, (OM_uint32) KRB5KRB_ERR_GENERIC_VALUE);
  ck_assert_uint_eq (gss_process_context_token (&minor, ok.ictx, &ok.first), GSS_S_DEFECTIVE_TOKEN);
  exchange_free (&x);
  exchange_free (&ok);
}
END_TEST

START_TEST (test_credentials)
{
  gss_cred_id_t init, accept, both, added;
  gss_name_t name, user, svc = service ();
  gss_OID_set mechs;
  OM_uint32 t, ilife, alife;
  gss_cred_usage_t usage;
  int present;
  const char *user_principal = getenv ("REALM_USER");

  ck_assert_ptr_nonnull (user_principal);
  user = import (user_principal, GSS_KRB5_NT_PRINCIPAL_NAME);
  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE,
				       &init, &mechs, &t), GSS_S_COMPLETE);
  ck_assert_uint_gt (t, 0);
  gss_test_oid_set_member (&minor, GSS_KRB5, mechs, &present);
  ck_assert_int_eq (present, 1);
  gss_release_oid_set (&minor, &mechs);
  ck_assert_uint_eq (gss_inquire_cred (&minor, init, &name, &t, &usage, &mechs), GSS_S_COMPLETE);
  ck_assert_int_eq (usage, GSS_C_INITIATE);
  gss_compare_name (&minor, name, user, &present);
  ck_assert_int_eq (present, 1);
  gss_release_name (&minor, &name);
  gss_release_oid_set (&minor, &mechs);
  /* The default credential is the default ccache's. */
  ck_assert_uint_eq (gss_inquire_cred (&minor, GSS_C_NO_CREDENTIAL, &name, NULL, NULL, NULL), GSS_S_COMPLETE);
  gss_compare_name (&minor, name, user, &present);
  ck_assert_int_eq (present, 1);
  gss_release_name (&minor, &name);

  /* The ccache in the collection that holds a desired name. */
  ck_assert_uint_eq (gss_acquire_cred (&minor, user, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE,
				       &both, NULL, NULL), GSS_S_COMPLETE);
  gss_release_cred (&minor, &both);

  ck_assert_uint_eq (gss_acquire_cred (&minor, svc, GSS_C_INDEFINITE, GSS_C_NO_OID_SET, GSS_C_ACCEPT,
				       &accept, NULL, &t), GSS_S_COMPLETE);
  ck_assert_uint_eq (t, GSS_C_INDEFINITE);
  ck_assert_uint_eq (gss_inquire_cred_by_mech (&minor, accept, GSS_KRB5, &name, &ilife, &alife, &usage),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (usage, GSS_C_ACCEPT);
  ck_assert_uint_eq (ilife, 0);
  ck_assert_uint_eq (alife, GSS_C_INDEFINITE);
  gss_release_name (&minor, &name);

  /* Accepting with that credential, and refusing to initiate with it. */
  {
    struct exchange x = { .accept_cred = accept, .req_flags = GSS_C_MUTUAL_FLAG };
    gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
    gss_buffer_desc out;
    exchange_run (&x);
    ck_assert_uint_eq (x.final_major, GSS_S_COMPLETE);
    x.accept_cred = GSS_C_NO_CREDENTIAL;
    exchange_free (&x);
    ck_assert_uint_eq (gss_init_sec_context (&minor, accept, &ctx, svc, GSS_KRB5, 0, 0, NULL, NULL,
					     NULL, &out, NULL, NULL), GSS_S_NO_CRED);
    ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  }

  ck_assert_uint_eq (gss_add_cred (&minor, init, GSS_C_NO_NAME, GSS_KRB5, GSS_C_INITIATE, 0, 0,
				   &added, NULL, NULL, NULL), GSS_S_DUPLICATE_ELEMENT);
  ck_assert_uint_eq (gss_add_cred (&minor, GSS_C_NO_CREDENTIAL, svc, GSS_KRB5, GSS_C_ACCEPT, 0, 0,
				   &added, &mechs, &ilife, &alife), GSS_S_COMPLETE);
  ck_assert_uint_eq (alife, GSS_C_INDEFINITE);
  gss_release_oid_set (&minor, &mechs);
  gss_release_cred (&minor, &added);

  ck_assert_uint_eq (gss_acquire_cred (&minor, svc, 0, GSS_C_NO_OID_SET, GSS_C_BOTH,
				       &both, NULL, NULL), GSS_S_NO_CRED);
  gss_release_cred (&minor, &init);
  gss_release_cred (&minor, &accept);
  gss_release_name (&minor, &svc);
  gss_release_name (&minor, &user);
}
END_TEST

START_TEST (test_no_key_for_name)
{
  gss_name_t other = import ("nosuch@localhost", GSS_C_NT_HOSTBASED_SERVICE);
  gss_cred_id_t cred;

  ck_assert_uint_eq (gss_acquire_cred (&minor, other, 0, GSS_C_NO_OID_SET, GSS_C_ACCEPT,
				       &cred, NULL, NULL), GSS_S_NO_CRED);
  ck_assert_uint_eq (minor, GSS_KRB5_S_KG_KEYTAB_NOMATCH);
  ck_assert_ptr_eq (cred, GSS_C_NO_CREDENTIAL);
  gss_release_name (&minor, &other);
}
END_TEST

/* A host that [domain_realm] does not map: the host-based name keeps
   libkrb5's referral (empty) realm and its service type, so the
   acceptor credential matches host/realmless.test@REALM (in a keytab
   of its own) by
   krb5_sname_match's rules and the initiator gets its ticket by
   referral, as with MIT's mechanism (GNU SASL servers are named so). */
START_TEST (test_host_without_domain_realm)
{
  const char *keytab = getenv ("REALM_REALMLESS_KEYTAB");
  gss_name_t name = import ("host@realmless.test", GSS_C_NT_HOSTBASED_SERVICE);
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG, .target = "host@realmless.test" };

  ck_assert_ptr_nonnull (keytab);
  setenv ("KRB5_KTNAME", keytab, 1);
  ck_assert_uint_eq (gss_acquire_cred (&minor, name, 0, GSS_C_NO_OID_SET, GSS_C_ACCEPT,
				       &x.accept_cred, NULL, NULL), GSS_S_COMPLETE);
  exchange_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ck_assert_uint_eq (x.final_major, GSS_S_COMPLETE);
  gss_release_cred (&minor, &x.accept_cred);
  exchange_free (&x);
  gss_release_name (&minor, &name);
}
END_TEST

START_TEST (test_wrong_key)
{
  const char *wrong = getenv ("REALM_WRONG_KEYTAB");
  struct exchange x = { .req_flags = GSS_C_MUTUAL_FLAG };

  ck_assert_ptr_nonnull (wrong);
  setenv ("KRB5_KTNAME", wrong, 1);
  exchange_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_CONTINUE_NEEDED);
  ck_assert (GSS_ERROR (x.accept_major));
  ck_assert_ptr_eq (x.actx, GSS_C_NO_CONTEXT);
  ck_assert_ptr_eq (x.src, GSS_C_NO_NAME);
  ck_assert_uint_ne (x.accept_minor, 0);
  ck_assert (GSS_ERROR (x.final_major));
  exchange_free (&x);
}
END_TEST

START_TEST (test_expired_ticket)
{
  const char *expired = getenv ("REALM_EXPIRED_CCACHE");
  gss_name_t target = service ();
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_cred_id_t cred;
  gss_buffer_desc out;

  ck_assert_ptr_nonnull (expired);
  setenv ("KRB5CCNAME", expired, 1);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5, 0, 0,
					   NULL, NULL, NULL, &out, NULL, NULL), GSS_S_CREDENTIALS_EXPIRED);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  ck_assert_uint_eq (gss_acquire_cred (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET, GSS_C_INITIATE,
				       &cred, NULL, NULL), GSS_S_CREDENTIALS_EXPIRED);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (test_no_ccache)
{
  gss_name_t target = service ();
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc out;

  setenv ("KRB5CCNAME", "FILE:/nonexistent/ccache", 1);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx, target, GSS_KRB5, 0, 0,
					   NULL, NULL, NULL, &out, NULL, NULL), GSS_S_NO_CRED);
  ck_assert_ptr_eq (ctx, GSS_C_NO_CONTEXT);
  gss_release_name (&minor, &target);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("krb5");
  TCase *tc = tcase_create ("context");

  if (getenv ("KRB5_CONFIG") == NULL || getenv ("REALM_USER") == NULL)
    {
      fprintf (stderr, "check_krb5: run through tests/kdc/realm.sh\n");
      exit (77);
    }
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_without_mutual);
  tcase_add_test (tc, test_mutual);
  tcase_add_test (tc, test_anonymous_not_given);
  tcase_add_test (tc, test_delegation);
  tcase_add_test (tc, test_channel_bindings);
  tcase_add_test (tc, test_channel_bindings_unreadable);
  tcase_add_test (tc, test_replay);
  tcase_add_test (tc, test_unknown_service);
  tcase_add_test (tc, test_inquire_context);
  tcase_add_test (tc, test_process_context_token);
  tcase_add_test (tc, test_credentials);
  tcase_add_test (tc, test_no_key_for_name);
  tcase_add_test (tc, test_host_without_domain_realm);
  tcase_add_test (tc, test_wrong_key);
  tcase_add_test (tc, test_expired_ticket);
  tcase_add_test (tc, test_no_ccache);
  suite_add_tcase (s, tc);
  return s;
}

UNIT_MAIN
