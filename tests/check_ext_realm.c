/* check_ext_realm.c - the extensions of gssapi_ext.h that need a KDC:
   session keys, credential stores, passwords, local names.  Run by
   tests/ext-realm.sh inside a throwaway realm (tests/kdc/realm.sh), with
   a krb5.conf in front that maps other@LIBGSS.TEST to the local user
   $EXT_ME and a k5login_directory holding a .k5login for $EXT_ME that
   lists user@LIBGSS.TEST only; $EXT_STORED names the FILE ccache the
   delegated credential is stored into, for the script to check with
   klist(1) and a second process. */
#include "unit.h"
#include <unistd.h>

static OM_uint32 minor;

/* MIT's error table (krb5/krb5.h), fixed numbers. */
#define KDC_ERR_C_PRINCIPAL_UNKNOWN ((OM_uint32) -1765328378L)
#define KDC_ERR_PREAUTH_FAILED ((OM_uint32) -1765328360L)
#define AP_ERR_BAD_INTEGRITY ((OM_uint32) -1765328353L)

static const char *
env (const char *name)
{
  const char *v = getenv (name);
  ck_assert_msg (v != NULL && *v, "%s is not set", name);
  return v;
}

static gss_name_t
import (const char *text, gss_OID type)
{
  gss_buffer_desc buf = unit_buf (text);
  gss_name_t name;

  ck_assert_uint_eq (gss_import_name (&minor, &buf, type, &name),
		     GSS_S_COMPLETE);
  return name;
}

struct ex
{
  gss_cred_id_t icred, acred;
  OM_uint32 flags;
  gss_ctx_id_t ictx, actx;
  gss_name_t src;
  gss_cred_id_t deleg;
  OM_uint32 init_major, accept_major;
};

/* One establishment with the given credentials; a mutual exchange has
   its third leg. */
static void
ex_run (struct ex *x)
{
  gss_name_t target = import ("host@localhost", GSS_C_NT_HOSTBASED_SERVICE);
  gss_buffer_desc first = GSS_C_EMPTY_BUFFER, reply = GSS_C_EMPTY_BUFFER;
  gss_buffer_desc last = GSS_C_EMPTY_BUFFER;

  x->ictx = x->actx = GSS_C_NO_CONTEXT;
  x->src = GSS_C_NO_NAME;
  x->deleg = GSS_C_NO_CREDENTIAL;
  x->accept_major = GSS_S_FAILURE;
  x->init_major = gss_init_sec_context (&minor, x->icred, &x->ictx, target,
					GSS_KRB5, x->flags, 0, NULL, NULL,
					NULL, &first, NULL, NULL);
  if (!GSS_ERROR (x->init_major))
    x->accept_major = gss_accept_sec_context (&minor, &x->actx, x->acred,
					      &first, NULL, &x->src, NULL,
					      &reply, NULL, NULL, &x->deleg);
  if (x->accept_major == GSS_S_COMPLETE
      && x->init_major == GSS_S_CONTINUE_NEEDED)
    x->init_major = gss_init_sec_context (&minor, x->icred, &x->ictx,
					  target, GSS_KRB5, x->flags, 0, NULL,
					  &reply, NULL, &last, NULL, NULL);
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_buffer (&minor, &last);
  gss_release_name (&minor, &target);
}

static void
ex_free (struct ex *x)
{
  gss_delete_sec_context (&minor, &x->ictx, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &x->actx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &x->src);
  gss_release_cred (&minor, &x->deleg);
}

/* Session keys. */

static gss_buffer_set_t
session_key (gss_ctx_id_t ctx)
{
  gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;

  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, ctx, GSS_C_INQ_SSPI_SESSION_KEY, &set),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (set->count, 2);
  return set;
}

static void
check_same_key (OM_uint32 flags)
{
  struct ex x = { .flags = flags };
  gss_buffer_set_t a, b;
  const unsigned char *oid;

  ex_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_COMPLETE);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  a = session_key (x.ictx);
  b = session_key (x.actx);
  ck_assert_uint_ge (a->elements[0].length, 16);
  ck_assert_uint_eq (a->elements[0].length, b->elements[0].length);
  ck_assert (memcmp (a->elements[0].value, b->elements[0].value,
		     a->elements[0].length) == 0);
  /* 1.2.840.113554.1.2.2.4.ENCTYPE, the enctype one octet here. */
  ck_assert_uint_eq (a->elements[1].length, 11);
  oid = a->elements[1].value;
  ck_assert (memcmp (oid, "\x2a\x86\x48\x86\xf7\x12\x01\x02\x02\x04", 10)
	     == 0);
  ck_assert (oid[10] == 17 || oid[10] == 18 || oid[10] == 19
	     || oid[10] == 20 || oid[10] == 23 || oid[10] == 16);
  ck_assert_uint_eq (b->elements[1].length, 11);
  ck_assert (memcmp (a->elements[1].value, b->elements[1].value, 11) == 0);
  gss_release_buffer_set (&minor, &a);
  gss_release_buffer_set (&minor, &b);
  ex_free (&x);
}

START_TEST (session_key_same)
{
  check_same_key (0);
  check_same_key (GSS_C_MUTUAL_FLAG);
}
END_TEST

START_TEST (session_key_refusals)
{
  gss_name_t target = import ("host@localhost", GSS_C_NT_HOSTBASED_SERVICE);
  gss_ctx_id_t ctx = GSS_C_NO_CONTEXT;
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER;
  gss_buffer_set_t set = (gss_buffer_set_t) 1;
  gss_OID_desc other = { 3, (void *) "\x2a\x03\x04" };
  struct ex x = { .flags = 0 };

  /* Half way through a mutual exchange: no key yet. */
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &ctx,
					   target, GSS_KRB5,
					   GSS_C_MUTUAL_FLAG, 0, NULL, NULL,
					   NULL, &tok, NULL, NULL),
		     GSS_S_CONTINUE_NEEDED);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid
		     (&minor, ctx, GSS_C_INQ_SSPI_SESSION_KEY, &set),
		     GSS_S_NO_CONTEXT);
  ck_assert_ptr_null (set);
  gss_release_buffer (&minor, &tok);
  gss_delete_sec_context (&minor, &ctx, GSS_C_NO_BUFFER);
  gss_release_name (&minor, &target);

  ex_run (&x);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid (&minor, x.ictx, &other,
						     &set),
		     GSS_S_UNAVAILABLE);
  ck_assert_uint_eq (gss_inquire_sec_context_by_oid (&minor, x.ictx, NULL,
						     &set),
		     GSS_S_CALL_INACCESSIBLE_READ);
  ex_free (&x);
}
END_TEST

/* Passwords. */

static gss_cred_id_t
password_cred (const char *principal, const char *password, OM_uint32 *major)
{
  gss_name_t name = import (principal, GSS_C_NT_USER_NAME);
  gss_buffer_desc pw = { strlen (password), (void *) password };
  gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;
  gss_OID_set mechs = GSS_C_NO_OID_SET;
  OM_uint32 t = 0;

  *major = gss_acquire_cred_with_password (&minor, name, &pw, 0,
					   GSS_C_NO_OID_SET, GSS_C_INITIATE,
					   &cred, &mechs, &t);
  if (*major == GSS_S_COMPLETE)
    {
      ck_assert_uint_gt (t, 0);
      ck_assert_uint_eq (mechs->count, 1);
      gss_release_oid_set (&minor, &mechs);
    }
  else
    {
      ck_assert_ptr_null (cred);
      ck_assert_ptr_null (mechs);
      ck_assert_uint_eq (t, 0);
    }
  {
    OM_uint32 keep = minor;	/* the caller checks the call's minor */
    gss_release_name (&minor, &name);
    minor = keep;
  }
  return cred;
}

START_TEST (password_good)
{
  OM_uint32 major;
  gss_cred_id_t cred = password_cred (env ("REALM_USER"),
				      env ("REALM_PASSWORD"), &major);
  gss_name_t name;
  gss_buffer_desc shown;
  struct ex x = { .flags = GSS_C_MUTUAL_FLAG };

  ck_assert_uint_eq (major, GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_inquire_cred (&minor, cred, &name, NULL, NULL,
				       NULL), GSS_S_COMPLETE);
  gss_display_name (&minor, name, &shown, NULL);
  ck_assert (unit_buf_is (&shown, "user@LIBGSS.TEST"));
  gss_release_buffer (&minor, &shown);
  gss_release_name (&minor, &name);
  /* The ticket-granting ticket works: a context with it. */
  x.icred = cred;
  ex_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_COMPLETE);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ex_free (&x);
  gss_release_cred (&minor, &cred);
}
END_TEST

START_TEST (password_refused)
{
  OM_uint32 major, m, ctx = 0;
  gss_buffer_desc text;
  char *wrong;

  /* A wrong password: GSS_S_FAILURE with the reason, whichever side
     finds it (the KDC with preauthentication, the client without). */
  wrong = malloc (strlen (env ("REALM_PASSWORD")) + 2);
  sprintf (wrong, "%sx", env ("REALM_PASSWORD"));
  password_cred (env ("REALM_USER"), wrong, &major);
  free (wrong);
  ck_assert_uint_eq (major, GSS_S_FAILURE);
  ck_assert_msg (minor == KDC_ERR_PREAUTH_FAILED
		 || minor == AP_ERR_BAD_INTEGRITY, "minor 0x%x",
		 (unsigned) minor);
  ck_assert_uint_eq (gss_display_status (&m, minor, GSS_C_MECH_CODE,
					 GSS_KRB5, &ctx, &text),
		     GSS_S_COMPLETE);
  ck_assert_uint_gt (text.length, 0);
  gss_release_buffer (&m, &text);

  password_cred ("nobody@LIBGSS.TEST", "secret", &major);
  ck_assert_uint_eq (major, GSS_S_FAILURE);
  ck_assert_uint_eq (minor, KDC_ERR_C_PRINCIPAL_UNKNOWN);
  ck_assert_uint_eq (gss_display_status (&m, minor, GSS_C_MECH_CODE,
					 GSS_KRB5, &ctx, &text),
		     GSS_S_COMPLETE);
  /* libkrb5's text of the code; the principal's name in MIT's longer
     text is not kept. */
  ck_assert_msg (strstr (text.value, "not found") != NULL, "%s",
		 (char *) text.value);
  gss_release_buffer (&m, &text);

  /* No prompt, and no password cut at a NUL. */
  password_cred (env ("REALM_USER"), "", &major);
  ck_assert_uint_eq (major, GSS_S_FAILURE);
  {
    gss_name_t name = import (env ("REALM_USER"), GSS_C_NT_USER_NAME);
    gss_buffer_desc pw = { strlen (env ("REALM_PASSWORD")) + 2, NULL };
    gss_cred_id_t cred;
    char *p = calloc (1, pw.length + 1);

    strcpy (p, env ("REALM_PASSWORD"));	/* then "\0x" */
    p[pw.length - 1] = 'x';
    pw.value = p;
    ck_assert_uint_eq (gss_acquire_cred_with_password
		       (&minor, name, &pw, 0, NULL, GSS_C_INITIATE, &cred,
			NULL, NULL), GSS_S_FAILURE);
    free (p);
    gss_release_name (&minor, &name);
  }
}
END_TEST

/* Credential stores. */

static gss_key_value_element_desc kv[3];
static gss_key_value_set_desc store;

static gss_const_key_value_set_t
store_of (const char *k1, const char *v1, const char *k2, const char *v2)
{
  kv[0].key = k1, kv[0].value = v1;
  kv[1].key = k2, kv[1].value = v2;
  store.count = k2 ? 2 : 1;
  store.elements = kv;
  return &store;
}

static OM_uint32
acquire_from (gss_cred_usage_t usage, gss_const_key_value_set_t s,
	      gss_cred_id_t *cred)
{
  return gss_acquire_cred_from (&minor, GSS_C_NO_NAME, 0, GSS_C_NO_OID_SET,
				usage, s, cred, NULL, NULL);
}

START_TEST (store_keytab_is_used)
{
  struct ex x = { .flags = 0 };
  gss_cred_id_t acred;

  /* The right keys: accepted. */
  ck_assert_uint_eq (acquire_from (GSS_C_ACCEPT,
				   store_of ("keytab", env ("KRB5_KTNAME"),
					     "unknown-key", "ignored"),
				   &acred), GSS_S_COMPLETE);
  x.acred = acred;
  ex_run (&x);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ex_free (&x);
  gss_release_cred (&minor, &acred);

  /* Keys that cannot decrypt the ticket: the store's keytab, not the
     default one, was used. */
  ck_assert_uint_eq (acquire_from (GSS_C_ACCEPT,
				   store_of ("keytab",
					     env ("REALM_WRONG_KEYTAB"), NULL,
					     NULL), &acred), GSS_S_COMPLETE);
  x.acred = acred;
  ex_run (&x);
  ck_assert (GSS_ERROR (x.accept_major));
  ex_free (&x);
  gss_release_cred (&minor, &acred);
}
END_TEST

START_TEST (store_ccache_is_used)
{
  gss_cred_id_t cred;
  OM_uint32 t = 0;

  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_INITIATE,
		      store_of ("ccache", env ("KRB5CCNAME"), NULL, NULL),
		      &cred, NULL, &t), GSS_S_COMPLETE);
  ck_assert_uint_gt (t, 0);
  gss_release_cred (&minor, &cred);
  /* The expired cache, named in the store, is the one read. */
  ck_assert_uint_eq (acquire_from (GSS_C_INITIATE,
				   store_of ("ccache",
					     env ("REALM_EXPIRED_CCACHE"),
					     NULL, NULL), &cred),
		     GSS_S_CREDENTIALS_EXPIRED);
  ck_assert_ptr_null (cred);
  ck_assert_uint_eq (acquire_from (GSS_C_INITIATE,
				   store_of ("ccache", env ("KRB5CCNAME"),
					     "ccache", env ("KRB5CCNAME")),
				   &cred), GSS_S_DUPLICATE_ELEMENT);
}
END_TEST

START_TEST (store_client_keytab)
{
  struct ex x = { .flags = GSS_C_MUTUAL_FLAG };
  gss_name_t user = import (env ("REALM_USER"), GSS_C_NT_USER_NAME);
  gss_cred_id_t cred;

  /* A TGT from the client keytab into a private memory cache, though
     the named cache holds nothing. */
  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, user, 0, NULL, GSS_C_INITIATE,
		      store_of ("client_keytab", env ("REALM_USER_KEYTAB"),
				NULL, NULL), &cred, NULL, NULL),
		     GSS_S_COMPLETE);
  x.icred = cred;
  ex_run (&x);
  ck_assert_uint_eq (x.init_major, GSS_S_COMPLETE);
  ex_free (&x);
  gss_release_cred (&minor, &cred);

  ck_assert_uint_eq (gss_acquire_cred_from
		     (&minor, GSS_C_NO_NAME, 0, NULL, GSS_C_INITIATE,
		      store_of ("client_keytab", env ("REALM_USER_KEYTAB"),
				"ccache", "MEMORY:ext-client-keytab"), &cred,
		      NULL, NULL), GSS_S_COMPLETE);
  gss_release_cred (&minor, &cred);
  gss_release_name (&minor, &user);
}
END_TEST

START_TEST (store_rcache_none)
{
  gss_name_t target = import ("host@localhost", GSS_C_NT_HOSTBASED_SERVICE);
  gss_ctx_id_t ictx = GSS_C_NO_CONTEXT, a1 = GSS_C_NO_CONTEXT,
    a2 = GSS_C_NO_CONTEXT;
  gss_buffer_desc tok = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
  gss_cred_id_t none, dflt;

  ck_assert_uint_eq (acquire_from (GSS_C_ACCEPT,
				   store_of ("rcache", "none:", NULL, NULL),
				   &none), GSS_S_COMPLETE);
  ck_assert_uint_eq (acquire_from (GSS_C_ACCEPT,
				   store_of ("rcache", "dfl:", NULL, NULL),
				   &dflt), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL,
					   &ictx, target, GSS_KRB5, 0, 0,
					   NULL, NULL, NULL, &tok, NULL,
					   NULL), GSS_S_COMPLETE);
  /* Without a replay cache the same AP-REQ is taken twice... */
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a1, none, &tok, NULL,
					     NULL, NULL, &out, NULL, NULL,
					     NULL), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &out);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a2, none, &tok, NULL,
					     NULL, NULL, &out, NULL, NULL,
					     NULL), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &a1, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &a2, GSS_C_NO_BUFFER);
  /* ...and with the default one, once only. */
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &a1, dflt, &tok, NULL,
					     NULL, NULL, &out, NULL, NULL,
					     NULL), GSS_S_COMPLETE);
  gss_release_buffer (&minor, &out);
  ck_assert (GSS_ERROR (gss_accept_sec_context (&minor, &a2, dflt, &tok,
						NULL, NULL, NULL, &out, NULL,
						NULL, NULL)));
  gss_release_buffer (&minor, &out);
  gss_delete_sec_context (&minor, &a1, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &a2, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &ictx, GSS_C_NO_BUFFER);
  gss_release_buffer (&minor, &tok);
  gss_release_cred (&minor, &none);
  gss_release_cred (&minor, &dflt);
  gss_release_name (&minor, &target);
}
END_TEST

START_TEST (store_delegated)
{
  struct ex x = { .flags = GSS_C_DELEG_FLAG | GSS_C_MUTUAL_FLAG };
  struct ex again = { .flags = 0 };
  gss_const_key_value_set_t s;
  gss_OID_set stored = GSS_C_NO_OID_SET;
  gss_cred_usage_t usage = 0;
  gss_cred_id_t back;
  int present = 0;

  ex_run (&x);
  ck_assert_uint_eq (x.accept_major, GSS_S_COMPLETE);
  ck_assert_ptr_nonnull (x.deleg);
  s = store_of ("ccache", env ("EXT_STORED"), "keytab", "not-for-storing");
  ck_assert_uint_eq (gss_store_cred_into (&minor, x.deleg, GSS_C_INITIATE,
					  GSS_C_NO_OID, 1, 0, s, &stored,
					  &usage), GSS_S_COMPLETE);
  ck_assert_int_eq (usage, GSS_C_INITIATE);
  gss_test_oid_set_member (&minor, (gss_OID) GSS_KRB5, stored, &present);
  ck_assert (present);
  gss_release_oid_set (&minor, &stored);
  /* Already there: refused unless overwriting. */
  ck_assert_uint_eq (gss_store_cred_into (&minor, x.deleg, GSS_C_INITIATE,
					  GSS_C_NO_OID, 0, 0, s, NULL, NULL),
		     GSS_S_DUPLICATE_ELEMENT);
  ck_assert_uint_eq (gss_store_cred_into (&minor, x.deleg, GSS_C_BOTH,
					  (gss_OID) GSS_KRB5, 1, 0, s, NULL,
					  NULL), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_store_cred_into (&minor, x.deleg, GSS_C_ACCEPT,
					  GSS_C_NO_OID, 1, 0, s, NULL, NULL),
		     GSS_S_FAILURE);
  ck_assert_uint_eq (gss_store_cred_into (&minor, x.deleg, GSS_C_INITIATE,
					  GSS_C_NT_USER_NAME, 1, 0, s, NULL,
					  NULL), GSS_S_BAD_MECH);
  /* The stored cache initiates, even after the delegated credential
     (and its memory cache) is gone. */
  ex_free (&x);
  ck_assert_uint_eq (acquire_from (GSS_C_INITIATE,
				   store_of ("ccache", env ("EXT_STORED"),
					     NULL, NULL), &back),
		     GSS_S_COMPLETE);
  again.icred = back;
  ex_run (&again);
  ck_assert_uint_eq (again.init_major, GSS_S_COMPLETE);
  ck_assert_uint_eq (again.accept_major, GSS_S_COMPLETE);
  ex_free (&again);
  gss_release_cred (&minor, &back);
}
END_TEST

/* gss_store_cred: into the default cache ($KRB5CCNAME, read at each
   call), which must not be overwritten unasked. */
START_TEST (store_default)
{
  struct ex x = { .flags = GSS_C_DELEG_FLAG };
  char *saved = strdup (env ("KRB5CCNAME"));
  char path[4096];
  gss_cred_id_t back;

  ex_run (&x);
  ck_assert_ptr_nonnull (x.deleg);
  snprintf (path, sizeof path, "FILE:%s/default-store.ccache",
	    env ("REALM_DIR"));
  setenv ("KRB5CCNAME", path, 1);
  ck_assert_uint_eq (gss_store_cred (&minor, x.deleg, GSS_C_INITIATE,
				     GSS_C_NO_OID, 0, 1, NULL, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_store_cred (&minor, x.deleg, GSS_C_INITIATE,
				     GSS_C_NO_OID, 0, 0, NULL, NULL),
		     GSS_S_DUPLICATE_ELEMENT);
  ck_assert_uint_eq (gss_store_cred (&minor, x.deleg, GSS_C_INITIATE,
				     GSS_C_NO_OID, 1, 0, NULL, NULL),
		     GSS_S_COMPLETE);
  ck_assert_uint_eq (acquire_from (GSS_C_INITIATE,
				   store_of ("ccache", path, NULL, NULL),
				   &back), GSS_S_COMPLETE);
  gss_release_cred (&minor, &back);
  setenv ("KRB5CCNAME", saved, 1);
  free (saved);
  ex_free (&x);
}
END_TEST

START_TEST (store_acceptor_cred_refused)
{
  gss_cred_id_t acred;

  ck_assert_uint_eq (acquire_from (GSS_C_ACCEPT, GSS_C_NO_CRED_STORE,
				   &acred), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_store_cred (&minor, acred, GSS_C_INITIATE,
				     GSS_C_NO_OID, 1, 0, NULL, NULL),
		     GSS_S_NO_CRED);
  gss_release_cred (&minor, &acred);
}
END_TEST

/* Local names. */

static void
check_localname (const char *principal, OM_uint32 want, const char *local)
{
  gss_name_t name = import (principal, GSS_C_NT_USER_NAME);
  gss_buffer_desc out = { 3, (void *) "old" };

  ck_assert_uint_eq (gss_localname (&minor, name, GSS_C_NO_OID, &out), want);
  if (local)
    {
      ck_assert (unit_buf_is (&out, local));
      ck_assert_int_eq (((char *) out.value)[out.length], '\0');
    }
  else
    ck_assert_uint_eq (out.length, 0);
  gss_release_buffer (&minor, &out);
  gss_release_name (&minor, &name);
}

START_TEST (localname_rules)
{
  struct ex x = { .flags = 0 };
  gss_buffer_desc out;

  /* The default rule, the krb5.conf rule, and no rule at all. */
  check_localname ("user@LIBGSS.TEST", GSS_S_COMPLETE, "user");
  check_localname ("other@LIBGSS.TEST", GSS_S_COMPLETE, env ("EXT_ME"));
  check_localname ("user@FOREIGN.TEST", GSS_S_UNAVAILABLE, NULL);
  check_localname ("a/b@LIBGSS.TEST", GSS_S_UNAVAILABLE, NULL);
  /* The authenticated name of a context. */
  ex_run (&x);
  ck_assert_uint_eq (gss_localname (&minor, x.src, (gss_OID) GSS_KRB5,
				    &out), GSS_S_COMPLETE);
  ck_assert (unit_buf_is (&out, "user"));
  gss_release_buffer (&minor, &out);
  ex_free (&x);
}
END_TEST

static OM_uint32
authorize (const char *principal, const char *user)
{
  gss_name_t name = import (principal, GSS_C_NT_USER_NAME);
  gss_name_t local = import (user, GSS_C_NT_USER_NAME);
  OM_uint32 major = gss_authorize_localname (&minor, name, local);

  gss_release_name (&minor, &name);
  gss_release_name (&minor, &local);
  return major;
}

START_TEST (authorize_k5login)
{
  const char *me = env ("EXT_ME");
  gss_name_t other = import ("other@LIBGSS.TEST", GSS_C_NT_USER_NAME);
  uid_t uid = (uid_t) -1;

  /* The .k5login lists user@, so user@ may act as me... */
  ck_assert_uint_eq (authorize ("user@LIBGSS.TEST", me), GSS_S_COMPLETE);
  /* ...and only it: the auth_to_local rule that maps other@ to me does
     not count beside a .k5login. */
  ck_assert_uint_eq (authorize ("other@LIBGSS.TEST", me),
		     GSS_S_UNAUTHORIZED);
  ck_assert_uint_eq (authorize ("user@LIBGSS.TEST", "no-such-account-x"),
		     GSS_S_UNAUTHORIZED);
  ck_assert_uint_eq (gss_pname_to_uid (&minor, other, GSS_C_NO_OID, &uid),
		     GSS_S_COMPLETE);
  ck_assert_int_eq (uid, getuid ());
  gss_release_name (&minor, &other);
  other = import ("user@FOREIGN.TEST", GSS_C_NT_USER_NAME);
  ck_assert_uint_eq (gss_pname_to_uid (&minor, other, GSS_C_NO_OID, &uid),
		     GSS_S_UNAVAILABLE);
  gss_release_name (&minor, &other);
}
END_TEST

Suite *
unit_suite (void)
{
  Suite *s = suite_create ("ext_realm");
  TCase *t = tcase_create ("session_key");

  tcase_set_timeout (t, 60);
  tcase_add_test (t, session_key_same);
  tcase_add_test (t, session_key_refusals);
  suite_add_tcase (s, t);
  t = tcase_create ("password");
  tcase_set_timeout (t, 60);
  tcase_add_test (t, password_good);
  tcase_add_test (t, password_refused);
  suite_add_tcase (s, t);
  t = tcase_create ("store");
  tcase_set_timeout (t, 60);
  tcase_add_test (t, store_keytab_is_used);
  tcase_add_test (t, store_ccache_is_used);
  tcase_add_test (t, store_client_keytab);
  tcase_add_test (t, store_rcache_none);
  tcase_add_test (t, store_delegated);
  tcase_add_test (t, store_default);
  tcase_add_test (t, store_acceptor_cred_refused);
  suite_add_tcase (s, t);
  t = tcase_create ("localname");
  tcase_set_timeout (t, 60);
  tcase_add_test (t, localname_rules);
  tcase_add_test (t, authorize_k5login);
  suite_add_tcase (s, t);
  return s;
}

UNIT_MAIN
