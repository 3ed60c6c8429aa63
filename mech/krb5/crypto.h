/* crypto.h - per-message cryptography of the Kerberos mechanism.
 *
 * The AES enctypes of RFC 3962 and RFC 8009 run on libcrypto with
 * their derived keys and cipher and MAC objects prepared once per
 * context; every other enctype goes through libkrb5's krb5_k_*
 * functions with the same interface.
 */
#ifndef LIBGSS_K5_CRYPTO_H
#define LIBGSS_K5_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <krb5.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

/* HMAC with the inner and outer hash states computed once per key:
   per message only the two hash passes remain (RFC 2104). */
enum k5_hash { K5_SHA1, K5_SHA256, K5_SHA384 };
union k5_hash_state
{
  SHA_CTX sha1;
  SHA256_CTX sha256;
  SHA512_CTX sha512;
};
struct k5_hmac
{
  enum k5_hash hash;
  union k5_hash_state inner, outer;
};

#define K5_MAX_MAC 24		/* hmac-sha384-192 */

/* The most octets one libkrb5 call is given.  krb5_data counts in an
   unsigned int; keeping below 2^31 as well leaves no room for a signed
   intermediate in libkrb5 to wrap.  A longer message on a libkrb5 path
   is refused before any cryptography (libcrypto is fed in chunks and
   has no such bound). */
#define K5_LIBKRB5_MAX ((size_t) INT32_MAX)

/* The CBC chaining value an EVP context holds after the last message:
   the next one starts from a zero IV by XORing it out (crypto.c).  Not
   known before the first message or after a failed EVP call. */
struct k5_chain
{
  unsigned char block[16];
  bool known;
};

/* The keys of one RFC 4121 key usage, ready to use. */
struct k5_usage_key
{
  bool fast;
  size_t mac_len;		/* truncated HMAC (fast) or checksum length */
  size_t header_len;		/* confounder */
  size_t trailer_len;		/* integrity part of a ciphertext */
  /* Fast path: Ke as CBC encrypt and decrypt contexts and a one-block
     decrypt context, Ki and Kc as keyed HMACs. */
  bool etm;			/* RFC 8009: MAC over the ciphertext */
  EVP_CIPHER_CTX *enc, *dec, *ecb_dec;
  struct k5_chain enc_chain, dec_chain;
  struct k5_hmac ki, kc;
  /* Random octets for confounders, drawn ahead (k5_confounder). */
  struct k5_pool *pool;
  bool no_pool;			/* the system offers none: RAND_bytes each time */
  /* Other enctypes: the base key and the usage number. */
  krb5_context kctx;
  krb5_key key;
  krb5_keyusage usage;
};

/* What a token costs with keys of ENCTYPE, known without deriving any
   key: gss_wrap_size_limit only reads the context. */
struct k5_sizes
{
  bool fast;
  size_t mac_len, header_len, trailer_len;
};
krb5_error_code k5_sizes_of (krb5_context kctx, krb5_enctype enctype,
			     struct k5_sizes *out);

/* Whether N octets can go through one call of the cryptography of a
   path (FAST: libcrypto's).  No object is larger than PTRDIFF_MAX, so
   nothing longer can be a real message or token. */
static inline bool
k5_len_ok (bool fast, size_t n)
{
  return n <= (fast ? (size_t) PTRDIFF_MAX : K5_LIBKRB5_MAX);
}

/* Prepares the keys of USAGE from BASE; KCTX is kept for the libkrb5
   path and must outlive the key. */
krb5_error_code k5_usage_key_init (krb5_context kctx,
				   const krb5_keyblock *base,
				   krb5_keyusage usage,
				   struct k5_usage_key *out);
void k5_usage_key_free (struct k5_usage_key *k);

/* RFC 3961 encryption of DATA[0 .. len) in place.  The first
   header_len octets are the confounder space (filled here); the
   trailer_len octets after DATA + len receive the integrity part. */
krb5_error_code k5_encrypt (struct k5_usage_key *k, unsigned char *data,
			    size_t len);
/* A fresh random confounder of one block at OUT (libcrypto path). */
krb5_error_code k5_confounder (struct k5_usage_key *k, unsigned char *out);
/* The same with the confounder already in place (the libkrb5 path
   always makes its own). */
krb5_error_code k5_seal (struct k5_usage_key *k, unsigned char *data,
			 size_t len);
/* The inverse: KRB5KRB_AP_ERR_BAD_INTEGRITY when the integrity check
   fails, another code when the cryptography itself did (ENOMEM when
   memory ran out). */
krb5_error_code k5_decrypt (struct k5_usage_key *k, unsigned char *data,
			    size_t len);

/* The same three where the K5_SCRATCH octets just before DATA belong to
   the caller and may be overwritten: RFC 8009's MAC covers a zero
   block, then the ciphertext, and hashing them as one run is cheaper
   than as two. */
#define K5_SCRATCH 16
krb5_error_code k5_encrypt_scratch (struct k5_usage_key *k,
				    unsigned char *data, size_t len);
krb5_error_code k5_seal_scratch (struct k5_usage_key *k,
				 unsigned char *data, size_t len);
krb5_error_code k5_decrypt_scratch (struct k5_usage_key *k,
				    unsigned char *data, size_t len);

/* A checksum (RFC 3961 get_mic) over A then B, mac_len octets. */
krb5_error_code k5_checksum (struct k5_usage_key *k, const void *a,
			     size_t alen, const void *b, size_t blen,
			     unsigned char *out);

/* HMAC in steps, for messages in pieces: START, UPDATE for each piece,
   FINISH writes the first OUTLEN octets and wipes the state. */
void k5_hmac_start (const struct k5_hmac *m, union k5_hash_state *st);
void k5_hmac_update (const struct k5_hmac *m, union k5_hash_state *st,
		     const void *data, size_t len);
void k5_hmac_finish (const struct k5_hmac *m, union k5_hash_state *st,
		     unsigned char *out, size_t outlen);
/* What a failed libcrypto call means: ENOMEM when memory ran out,
   else KRB5_CRYPTO_INTERNAL.  Empties libcrypto's error queue. */
krb5_error_code k5_crypto_error (void);

/* The chaining helpers for segcrypto.c: K5_CHAIN_START makes CH known
   (resetting CTX's IV when it is not); XOR_BLOCK does DST ^= SRC over
   one block. */
bool k5_chain_start (EVP_CIPHER_CTX *ctx, struct k5_chain *ch);
void k5_xor_block (unsigned char *dst, const unsigned char *src);

/* Building blocks, exposed for the RFC test vectors. */
void k5_nfold (const unsigned char *in, size_t inlen, unsigned char *out,
	       size_t outlen);
bool k5_cts_encrypt (EVP_CIPHER_CTX *cbc, unsigned char *buf, size_t len);
bool k5_derive_key (krb5_enctype enctype, const unsigned char *base,
		    size_t keylen, const unsigned char *constant,
		    size_t constlen, unsigned char *out, size_t outlen);

#endif /* LIBGSS_K5_CRYPTO_H */
