/* ext.c - MIT's extensions on a SPNEGO context: once negotiated, the
   session key, IOV wrapping, IOV MICs and the mechanism attributes are
   the inner mechanism's business, reached through lib/ like every other
   call. */
#include "spnego.h"
#include "mechattr.h"

OM_uint32
spnego_inquire_sec_context_by_oid (OM_uint32 *minor, const void *mctx,
				   gss_const_OID object,
				   gss_buffer_set_t *data_set)
{
  const struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_inquire_sec_context_by_oid (minor, ctx->inner, (gss_OID) object,
					 data_set);
}

OM_uint32
spnego_wrap_iov (OM_uint32 *minor, void *mctx, int conf_req, gss_qop_t qop,
		 int *conf_state, gss_iov_buffer_desc *iov, int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_wrap_iov (minor, ctx->inner, conf_req, qop, conf_state, iov,
		       iov_count);
}

OM_uint32
spnego_unwrap_iov (OM_uint32 *minor, void *mctx, int *conf_state,
		   gss_qop_t *qop_state, gss_iov_buffer_desc *iov,
		   int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_unwrap_iov (minor, ctx->inner, conf_state, qop_state, iov,
			 iov_count);
}

OM_uint32
spnego_wrap_iov_length (OM_uint32 *minor, void *mctx, int conf_req,
			gss_qop_t qop, int *conf_state,
			gss_iov_buffer_desc *iov, int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_wrap_iov_length (minor, ctx->inner, conf_req, qop, conf_state,
			      iov, iov_count);
}

OM_uint32
spnego_get_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t qop,
		    gss_iov_buffer_desc *iov, int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_get_mic_iov (minor, ctx->inner, qop, iov, iov_count);
}

OM_uint32
spnego_get_mic_iov_length (OM_uint32 *minor, void *mctx, gss_qop_t qop,
			   gss_iov_buffer_desc *iov, int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_get_mic_iov_length (minor, ctx->inner, qop, iov, iov_count);
}

OM_uint32
spnego_verify_mic_iov (OM_uint32 *minor, void *mctx, gss_qop_t *qop_state,
		       gss_iov_buffer_desc *iov, int iov_count)
{
  struct spnego_ctx *ctx = mctx;
  OM_uint32 major = spnego_check_open (minor, ctx);

  if (major)
    return major;
  return gss_verify_mic_iov (minor, ctx->inner, qop_state, iov, iov_count);
}

/* As MIT's SPNEGO: a negotiating mechanism whose first token has the
   RFC 2743 framing. */
const gss_OID_desc *const spnego_mech_attrs[] = {
  &_gss_ma_oid[GSS_MA_MECH_NEGO],
  &_gss_ma_oid[GSS_MA_ITOK_FRAMED],
  NULL
};
