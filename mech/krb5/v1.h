/* v1.h - the per-message tokens of contexts whose key is des3-cbc-sha1
   (RFC 1964 with the SGN_ALG and SEAL_ALG values MIT and Heimdal use
   for triple DES) or arcfour-hmac (RFC 4757).  These predate RFC 4121:
   the token carries the 32-bit sequence number encrypted under a key
   of its own and a checksum over the plaintext. */
#ifndef LIBGSS_K5_V1_H
#define LIBGSS_K5_V1_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <krb5.h>
#include "mech.h"

#define V1_TOK_MIC 0x0101
#define V1_TOK_WRAP 0x0201
#define V1_CONFOUNDER 8
#define V1_MAX_CKSUM 20

/* The keys of a v1 context, the same for both directions. */
struct k5_v1_key
{
  krb5_context kctx;
  bool rc4;
  unsigned sgn_alg, seal_alg;	/* as they appear on the wire */
  krb5_cksumtype cksumtype;
  size_t cksum_len;		/* as carried in tokens */
  krb5_key key;			/* the context key, for checksums */
  krb5_key raw;			/* des3: the same key for raw CBC */
  unsigned char rc4_key[16];	/* rc4: the key octets, for RFC 4757's
				   HMAC-MD5 derivations */
};

/* Whether keys of ENCTYPE make v1 tokens. */
bool k5_v1_enctype (krb5_enctype enctype);
/* Fills the algorithm numbers and checksum length of K for ENCTYPE,
   no key; false when ENCTYPE makes no v1 tokens. */
bool k5_v1_shape (krb5_enctype enctype, struct k5_v1_key *k);
krb5_error_code k5_v1_key_init (krb5_context kctx, const krb5_keyblock *base,
				struct k5_v1_key *k);
void k5_v1_key_free (struct k5_v1_key *k);

/* The checksum of a token: over its first eight octets (TOK_ID to the
   filler), then DATA.  USAGE is RFC 4757's for arcfour (13 is asked
   for as 23, libkrb5 maps it); des3 always signs with 23. */
krb5_error_code k5_v1_checksum (struct k5_v1_key *k, krb5_keyusage usage,
				const unsigned char *hdr8,
				const void *data, size_t len,
				unsigned char *out);

/* SND_SEQ: the sequence number and direction octet, encrypted under a
   key that the token's checksum CKSUM selects. */
krb5_error_code k5_v1_seal_seq (struct k5_v1_key *k, uint32_t seq,
				unsigned char direction,
				const unsigned char *cksum,
				unsigned char out[8]);
/* The inverse; KRB5_BAD_MSIZE when the four direction octets differ. */
krb5_error_code k5_v1_open_seq (struct k5_v1_key *k,
				const unsigned char in[8],
				const unsigned char *cksum, uint32_t *seq,
				unsigned char *direction);

/* Encrypts or decrypts the confounder, message and padding of a Wrap
   token in place; arcfour keys the stream by sequence number. */
krb5_error_code k5_v1_crypt_body (struct k5_v1_key *k, bool encrypt,
				  uint32_t seq, unsigned char *data,
				  size_t len);

/* The same over pieces (v1iov.c): IOV[1 .. N-2] are the confounder
   then the message's DATA (and padding) and SIGN_ONLY pieces in their
   order; IOV[0] and IOV[N-1] are slots these functions fill (the
   first eight octets HDR8 and the checksum, or libkrb5's empty header
   and trailer).  Only the DATA pieces are encrypted. */
krb5_error_code k5_v1_checksum_iov (struct k5_v1_key *k, krb5_keyusage usage,
				    const unsigned char *hdr8,
				    krb5_crypto_iov *iov, size_t n,
				    unsigned char *out);
krb5_error_code k5_v1_crypt_iov (struct k5_v1_key *k, bool encrypt,
				 uint32_t seq, krb5_crypto_iov *iov,
				 size_t n);

/* iov.c's buffer helpers, for both token families: gives B its LEN
   octets, allocated when the caller asked so (and then recorded in
   *MINE), else checked to be there; and takes back, wiped, what was
   allocated. */
OM_uint32 k5_iov_room (OM_uint32 *minor, gss_iov_buffer_desc *b, size_t len,
		       bool *mine);
void k5_iov_unroom (gss_iov_buffer_desc *b, bool mine);

/* gss_wrap_iov, gss_unwrap_iov and gss_wrap_iov_length for these
   contexts (v1iov.c), called by iov.c's with its arguments. */
struct krb5_gss_ctx;
OM_uint32 krb5_gss_v1_wrap_iov (OM_uint32 *minor, struct krb5_gss_ctx *ctx,
				int conf_req, gss_qop_t qop, int *conf_state,
				gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 krb5_gss_v1_unwrap_iov (OM_uint32 *minor,
				  struct krb5_gss_ctx *ctx, int *conf_state,
				  gss_qop_t *qop_state,
				  gss_iov_buffer_desc *iov, int iov_count);
OM_uint32 krb5_gss_v1_wrap_iov_length (OM_uint32 *minor,
				       struct krb5_gss_ctx *ctx,
				       int conf_req, gss_qop_t qop,
				       int *conf_state,
				       gss_iov_buffer_desc *iov,
				       int iov_count);

#endif
