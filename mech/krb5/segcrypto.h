/* segcrypto.h - RFC 3961 encryption and checksums of a message in
   pieces, done where the pieces lie (gss_wrap_iov, gss_unwrap_iov). */
#ifndef LIBGSS_K5_SEGCRYPTO_H
#define LIBGSS_K5_SEGCRYPTO_H

#include "crypto.h"
#include <gss.h>

/* One piece of a message.  A SIGN_ONLY piece is covered by the
   integrity check and never encrypted. */
struct k5_seg
{
  unsigned char *p;
  size_t len;
  bool sign_only;
};

/* Encrypts SEG[0 .. n) in place, in order, as one RFC 3961 plaintext:
   SEG[0] is the confounder (header_len octets, filled here on the
   libcrypto path), the integrity part goes to TRAILER (trailer_len
   octets).  The pieces that are encrypted must add up to at least one
   block and a bit more (RFC 4121 tokens always do: confounder and the
   header copy). */
krb5_error_code k5_encrypt_segs (struct k5_usage_key *k,
				 const struct k5_seg *seg, size_t n,
				 unsigned char *trailer);
/* The inverse; KRB5KRB_AP_ERR_BAD_INTEGRITY when TRAILER does not
   match, another code when the cryptography itself failed. */
krb5_error_code k5_decrypt_segs (struct k5_usage_key *k,
				 const struct k5_seg *seg, size_t n,
				 const unsigned char *trailer);
/* A checksum over every piece in order, mac_len octets to OUT. */
krb5_error_code k5_checksum_segs (struct k5_usage_key *k,
				  const struct k5_seg *seg, size_t n,
				  unsigned char *out);

/* The pieces of an IOV array to protect (iov.c): FIRST (a confounder,
   or NULL for none), the DATA and SIGN_ONLY buffers in their order
   (DATA's storage replaced by DATA_AT when not NULL), then LAST.  FEW
   (NFEW entries) is used when large enough, else the array is
   allocated; NULL when memory ran out. */
struct k5_seg *k5_iov_pieces (gss_iov_buffer_desc *iov, int count,
			      struct k5_seg *few, size_t nfew,
			      const struct k5_seg *first,
			      unsigned char *data_at,
			      const struct k5_seg *last, size_t *n);

#endif
