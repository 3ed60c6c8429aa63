/* select.c - which ccache an initiator uses when the application named
   no identity: as MIT's mechanism does, krb5_cc_select() is asked with
   the target (the cache of the target's realm in a DIR or KCM
   collection, a ~/.k5identity rule, ...), and the default cache is the
   answer only when no rule decides. */
#include "k5.h"

OM_uint32
krb5_gss_select_initiator (OM_uint32 *minor, krb5_context kctx,
			   krb5_principal server, struct krb5_gss_cred **out)
{
  krb5_ccache cc = NULL;
  krb5_principal client = NULL;
  krb5_error_code code;
  OM_uint32 major;

  *out = NULL;
  code = krb5_cc_select (kctx, server, &cc, &client);
  if (code == KRB5_CC_NOTFOUND && client != NULL)
    /* A rule named an identity that no cache of the collection holds:
       MIT then looks for it once more and reports that search's
       failure (KRB5_CC_NOTFOUND, "Can't find client principal ... in
       cache collection"), as GSS_S_NO_CRED. */
    code = krb5_cc_cache_match (kctx, client, &cc);
  else if (code == KRB5_CC_NOTFOUND)
    code = krb5_cc_default (kctx, &cc);
  if (code)
    {
      major = krb5_gss_fail_as (minor, code, GSS_S_NO_CRED);
      goto cleanup;
    }
  major = krb5_gss_cred_from_ccache (minor, kctx, cc, false, out);
  if (!major)
    (*out)->default_identity = true;

cleanup:
  if (cc)
    krb5_cc_close (kctx, cc);
  krb5_free_principal (kctx, client);
  return major;
}
