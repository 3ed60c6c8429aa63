/* handle.c - recognising live handles of each kind. */
#include "internal.h"

bool
_gss_name_ok (const struct gss_name_struct *name)
{
  return name != NULL && name->magic == GSS_MAGIC_NAME;
}

bool
_gss_cred_ok (const struct gss_cred_id_struct *cred)
{
  return cred != NULL && cred->magic == GSS_MAGIC_CRED && cred->mech;
}

bool
_gss_ctx_ok (const struct gss_ctx_id_struct *ctx)
{
  return ctx != NULL && ctx->magic == GSS_MAGIC_CTX && ctx->mech;
}
