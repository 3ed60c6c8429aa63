/* gss/iov.h - per-message protection over scattered buffers (IOV) and
   with associated data (AEAD), with the names, signatures and values of
   MIT krb5's gssapi_ext.h, so that programs written for MIT build
   against libgss unchanged. */
#ifndef GSS_IOV_H_
#define GSS_IOV_H_

/* RFC 4121 and MS-KILE: a context established with the DCE-style
   three-leg exchange, whose wrap tokens DCE/RPC carries with the
   trailer rotated into the header (MIT's gssapi.h value). */
#ifndef GSS_C_DCE_STYLE
#define GSS_C_DCE_STYLE 0x1000
#endif

typedef struct gss_iov_buffer_desc_struct
{
  OM_uint32 type;
  gss_buffer_desc buffer;
} gss_iov_buffer_desc, *gss_iov_buffer_t;

#define GSS_C_NO_IOV_BUFFER ((gss_iov_buffer_t) 0)

#define GSS_IOV_BUFFER_TYPE_EMPTY 0
#define GSS_IOV_BUFFER_TYPE_DATA 1	/* message: encrypted, signed */
#define GSS_IOV_BUFFER_TYPE_HEADER 2	/* token header */
#define GSS_IOV_BUFFER_TYPE_MECH_PARAMS 3	/* ignored by Kerberos */
#define GSS_IOV_BUFFER_TYPE_TRAILER 7	/* token trailer */
#define GSS_IOV_BUFFER_TYPE_PADDING 9	/* always empty with RFC 4121 */
#define GSS_IOV_BUFFER_TYPE_STREAM 10	/* a whole token, to unwrap */
#define GSS_IOV_BUFFER_TYPE_SIGN_ONLY 11	/* associated data: signed */
#define GSS_IOV_BUFFER_TYPE_MIC_TOKEN 12	/* a MIC token (gss_get_mic_iov) */

#define GSS_IOV_BUFFER_FLAG_MASK 0xFFFF0000
#define GSS_IOV_BUFFER_FLAG_ALLOCATE 0x00010000	/* the library allocates */
#define GSS_IOV_BUFFER_FLAG_ALLOCATED 0x00020000	/* the caller releases */

#define GSS_IOV_BUFFER_TYPE(_type) ((_type) & ~(GSS_IOV_BUFFER_FLAG_MASK))
#define GSS_IOV_BUFFER_FLAGS(_type) ((_type) & GSS_IOV_BUFFER_FLAG_MASK)

extern OM_uint32 gss_wrap_iov (OM_uint32 *minor_status,
			       gss_ctx_id_t context_handle,
			       int conf_req_flag, gss_qop_t qop_req,
			       int *conf_state, gss_iov_buffer_desc *iov,
			       int iov_count);
extern OM_uint32 gss_unwrap_iov (OM_uint32 *minor_status,
				 gss_ctx_id_t context_handle,
				 int *conf_state, gss_qop_t *qop_state,
				 gss_iov_buffer_desc *iov, int iov_count);
extern OM_uint32 gss_wrap_iov_length (OM_uint32 *minor_status,
				      gss_ctx_id_t context_handle,
				      int conf_req_flag, gss_qop_t qop_req,
				      int *conf_state,
				      gss_iov_buffer_desc *iov, int iov_count);
extern OM_uint32 gss_release_iov_buffer (OM_uint32 *minor_status,
					 gss_iov_buffer_desc *iov,
					 int iov_count);
extern OM_uint32 gss_wrap_aead (OM_uint32 *minor_status,
				gss_ctx_id_t context_handle,
				int conf_req_flag, gss_qop_t qop_req,
				gss_buffer_t input_assoc_buffer,
				gss_buffer_t input_payload_buffer,
				int *conf_state,
				gss_buffer_t output_message_buffer);
extern OM_uint32 gss_unwrap_aead (OM_uint32 *minor_status,
				  gss_ctx_id_t context_handle,
				  gss_buffer_t input_message_buffer,
				  gss_buffer_t input_assoc_buffer,
				  gss_buffer_t output_payload_buffer,
				  int *conf_state, gss_qop_t *qop_state);

/* MIC tokens over scattered buffers (MIT krb5 1.12): the DATA and
   SIGN_ONLY buffers in order are the message, one MIC_TOKEN buffer the
   token. */
extern OM_uint32 gss_get_mic_iov (OM_uint32 *minor_status,
				  gss_ctx_id_t context_handle,
				  gss_qop_t qop_req,
				  gss_iov_buffer_desc *iov, int iov_count);
extern OM_uint32 gss_get_mic_iov_length (OM_uint32 *minor_status,
					 gss_ctx_id_t context_handle,
					 gss_qop_t qop_req,
					 gss_iov_buffer_desc *iov,
					 int iov_count);
extern OM_uint32 gss_verify_mic_iov (OM_uint32 *minor_status,
				     gss_ctx_id_t context_handle,
				     gss_qop_t *qop_state,
				     gss_iov_buffer_desc *iov, int iov_count);

#endif /* GSS_IOV_H_ */
