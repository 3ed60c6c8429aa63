/* realm-pair.h - two of our own contexts, initiator and acceptor,
   established against the throwaway realm (tests/kdc/realm.sh), for the
   suites that protect messages between them. */
#ifndef LIBGSS_TESTS_REALM_PAIR_H
#define LIBGSS_TESTS_REALM_PAIR_H

#include "unit.h"
#include <stdbool.h>

struct pair
{
  gss_ctx_id_t init, accept;
};

/* With GSS_C_MUTUAL_FLAG in FLAGS, three legs (AP-REQ, AP-REP);
   without, one. */
static inline struct pair
pair_establish (OM_uint32 flags)
{
  struct pair p = { GSS_C_NO_CONTEXT, GSS_C_NO_CONTEXT };
  gss_buffer_desc name = unit_buf ("host@localhost"), first, reply, last;
  gss_name_t target;
  OM_uint32 minor;
  bool mutual = (flags & GSS_C_MUTUAL_FLAG) != 0;

  ck_assert_uint_eq (gss_import_name (&minor, &name, GSS_C_NT_HOSTBASED_SERVICE, &target), GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					   flags, 0, NULL, NULL, NULL, &first, NULL, NULL),
		     mutual ? GSS_S_CONTINUE_NEEDED : GSS_S_COMPLETE);
  ck_assert_uint_eq (gss_accept_sec_context (&minor, &p.accept, GSS_C_NO_CREDENTIAL, &first, NULL,
					     NULL, NULL, &reply, NULL, NULL, NULL), GSS_S_COMPLETE);
  if (mutual)
    ck_assert_uint_eq (gss_init_sec_context (&minor, GSS_C_NO_CREDENTIAL, &p.init, target, GSS_KRB5,
					     flags, 0, NULL, &reply, NULL, &last, NULL, NULL),
		       GSS_S_COMPLETE);
  gss_release_buffer (&minor, &first);
  gss_release_buffer (&minor, &reply);
  gss_release_name (&minor, &target);
  return p;
}

static inline void
pair_free (struct pair *p)
{
  OM_uint32 minor;

  gss_delete_sec_context (&minor, &p->init, GSS_C_NO_BUFFER);
  gss_delete_sec_context (&minor, &p->accept, GSS_C_NO_BUFFER);
}

/* The major status of unwrapping TOK with CTX; the message is dropped. */
static inline OM_uint32
unwrap_status (gss_ctx_id_t ctx, gss_buffer_t tok)
{
  gss_buffer_desc out;
  OM_uint32 minor, major = gss_unwrap (&minor, ctx, tok, &out, NULL, NULL);

  gss_release_buffer (&minor, &out);
  return major;
}

#endif
