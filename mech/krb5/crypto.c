/* crypto.c - RFC 3961 encryption and checksums for per-message tokens.
 *
 * aes128/aes256-cts-hmac-sha1-96 (RFC 3962) and aes128-cts-hmac-sha256-128
 * / aes256-cts-hmac-sha384-192 (RFC 8009) are done here on libcrypto:
 * Debian's libk5crypto has no AES-NI code, and preparing the derived
 * keys once per context saves a key derivation per message.  Every
 * other enctype uses libkrb5's krb5_k_* functions.
 */
#include <config.h>
/* The SHA block functions keep their state in plain structures that a
   copy can restore: the fastest HMAC on OpenSSL 3. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "crypto.h"
#include <errno.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define BLOCK 16

struct k5_pool;
static void pool_free (struct k5_pool *pool);

/* RFC 3961 section 5.3 / RFC 8009 section 5: the last octet of a
   derivation constant picks the key. */
#define DERIVE_KC 0x99
#define DERIVE_KE 0xAA
#define DERIVE_KI 0x55

struct aes_profile
{
  krb5_enctype enctype;
  size_t key_len;		/* of the base key and Ke */
  size_t ki_len;		/* of Ki and Kc */
  size_t mac_len;		/* truncated HMAC */
  bool etm;			/* RFC 8009 */
  const char *cbc, *ecb, *digest;
  enum k5_hash hash;
};

static const struct aes_profile profiles[] = {
  {ENCTYPE_AES128_CTS_HMAC_SHA1_96, 16, 16, 12, false, "AES-128-CBC", "AES-128-ECB", "SHA1", K5_SHA1},
  {ENCTYPE_AES256_CTS_HMAC_SHA1_96, 32, 32, 12, false, "AES-256-CBC", "AES-256-ECB", "SHA1", K5_SHA1},
  {ENCTYPE_AES128_CTS_HMAC_SHA256_128, 16, 16, 16, true, "AES-128-CBC", "AES-128-ECB", "SHA256", K5_SHA256},
  {ENCTYPE_AES256_CTS_HMAC_SHA384_192, 32, 24, 24, true, "AES-256-CBC", "AES-256-ECB", "SHA384", K5_SHA384},
};

/* The three hash functions behind one interface. */
static size_t
hash_block (enum k5_hash h)
{
  return h == K5_SHA384 ? 128 : 64;
}

static void
hash_init (enum k5_hash h, void *ctx)
{
  if (h == K5_SHA1)
    SHA1_Init (ctx);
  else if (h == K5_SHA256)
    SHA256_Init (ctx);
  else
    SHA384_Init (ctx);
}

static void
hash_update (enum k5_hash h, void *ctx, const void *data, size_t len)
{
  if (len == 0)
    return;
  if (h == K5_SHA1)
    SHA1_Update (ctx, data, len);
  else if (h == K5_SHA256)
    SHA256_Update (ctx, data, len);
  else
    SHA384_Update (ctx, data, len);
}

static size_t
hash_final (enum k5_hash h, void *ctx, unsigned char *out)
{
  if (h == K5_SHA1)
    return SHA1_Final (out, ctx), SHA_DIGEST_LENGTH;
  if (h == K5_SHA256)
    return SHA256_Final (out, ctx), SHA256_DIGEST_LENGTH;
  return SHA384_Final (out, ctx), SHA384_DIGEST_LENGTH;
}

/* RFC 2104 with a key no longer than a block (Ki and Kc are at most 32
   octets). */
static void
hmac_key (struct k5_hmac *m, enum k5_hash h, const unsigned char *key,
	  size_t keylen)
{
  unsigned char pad[128];
  size_t block = hash_block (h), i;

  m->hash = h;
  for (i = 0; i < block; i++)
    pad[i] = (unsigned char) ((i < keylen ? key[i] : 0) ^ 0x36);
  hash_init (h, &m->inner);
  hash_update (h, &m->inner, pad, block);
  for (i = 0; i < block; i++)
    pad[i] = (unsigned char) ((i < keylen ? key[i] : 0) ^ 0x5c);
  hash_init (h, &m->outer);
  hash_update (h, &m->outer, pad, block);
  OPENSSL_cleanse (pad, sizeof pad);
}

static const struct aes_profile *
find_profile (krb5_enctype enctype)
{
  size_t i;

  for (i = 0; i < sizeof profiles / sizeof profiles[0]; i++)
    if (profiles[i].enctype == enctype)
      return &profiles[i];
  return NULL;
}

/* The 8 bits of the cyclic bit string S (LEN octets) that start at bit
   offset BIT. */
static unsigned char
byte_at (const unsigned char *s, size_t len, size_t bit)
{
  size_t i = bit / 8, shift = bit % 8;

  if (shift == 0)
    return s[i];
  return (unsigned char) (s[i] << shift | s[(i + 1) % len] >> (8 - shift));
}

static size_t
gcd (size_t a, size_t b)
{
  while (b)
    {
      size_t t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/* RFC 3961 section 5.1: copies of IN, each rotated 13 bits further
   right than the last, filling lcm(inlen, outlen) octets, then added up
   OUTLEN octets at a time in ones' complement. */
void
k5_nfold (const unsigned char *in, size_t inlen, unsigned char *out,
	  size_t outlen)
{
  size_t total = inlen / gcd (inlen, outlen) * outlen;
  size_t inbits = inlen * 8, copy, i;
  unsigned carry = 0;
  unsigned char chunk_byte;

  memset (out, 0, outlen);
  /* Walk the long string from its last octet back, adding each octet
     into its place of OUT with the carry moving left. */
  for (i = total; i-- > 0;)
    {
      /* Octet i % inlen of copy COPY, which is IN rotated right by
	 13 * COPY bits: it starts 13 * COPY bits earlier in IN. */
      copy = i / inlen;
      chunk_byte = byte_at (in, inlen,
			    ((i % inlen) * 8 + inbits - (13 * copy) % inbits)
			    % inbits);
      carry += out[i % outlen] + chunk_byte;
      out[i % outlen] = carry & 0xff;
      carry >>= 8;
    }
  /* End-around carry. */
  while (carry)
    {
      for (i = outlen; i-- > 0 && carry;)
	{
	  carry += out[i];
	  out[i] = carry & 0xff;
	  carry >>= 8;
	}
    }
}

static EVP_CIPHER_CTX *
cipher_ctx (const char *name, const unsigned char *key, int enc)
{
  EVP_CIPHER *cipher = EVP_CIPHER_fetch (NULL, name, NULL);
  EVP_CIPHER_CTX *ctx = cipher ? EVP_CIPHER_CTX_new () : NULL;
  static const unsigned char zero_iv[BLOCK];

  if (ctx && (EVP_CipherInit_ex (ctx, cipher, NULL, key, zero_iv, enc) != 1
	      || EVP_CIPHER_CTX_set_padding (ctx, 0) != 1))
    {
      EVP_CIPHER_CTX_free (ctx);
      ctx = NULL;
    }
  EVP_CIPHER_free (cipher);
  return ctx;
}

static EVP_MAC_CTX *
hmac_ctx (const char *digest, const unsigned char *key, size_t keylen)
{
  EVP_MAC *mac = EVP_MAC_fetch (NULL, "HMAC", NULL);
  EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new (mac) : NULL;
  OSSL_PARAM params[2];

  params[0] = OSSL_PARAM_construct_utf8_string (OSSL_MAC_PARAM_DIGEST,
						(char *) digest, 0);
  params[1] = OSSL_PARAM_construct_end ();
  if (ctx && EVP_MAC_init (ctx, key, keylen, params) != 1)
    {
      EVP_MAC_CTX_free (ctx);
      ctx = NULL;
    }
  EVP_MAC_free (mac);
  return ctx;
}

bool
k5_derive_key (krb5_enctype enctype, const unsigned char *base,
	       size_t keylen, const unsigned char *constant, size_t constlen,
	       unsigned char *out, size_t outlen)
{
  const struct aes_profile *p = find_profile (enctype);

  if (p == NULL || keylen != p->key_len)
    return false;
  if (!p->etm)
    {
      /* RFC 3961 section 5.1: DR is E() iterated from the n-folded
	 constant; random-to-key is the identity for AES. */
      EVP_CIPHER_CTX *ecb = cipher_ctx (p->ecb, base, 1);
      unsigned char block[BLOCK];
      size_t done;
      int len;
      bool ok = ecb != NULL;

      k5_nfold (constant, constlen, block, BLOCK);
      for (done = 0; ok && done < outlen; done += BLOCK)
	{
	  ok = EVP_CipherUpdate (ecb, block, &len, block, BLOCK) == 1
	    && len == BLOCK;
	  memcpy (out + done, block, outlen - done < BLOCK ? outlen - done : BLOCK);
	}
      OPENSSL_cleanse (block, sizeof block);
      EVP_CIPHER_CTX_free (ecb);
      return ok;
    }
  else
    {
      /* RFC 8009 section 3: KDF-HMAC-SHA2 (SP 800-108 counter mode
	 with one round). */
      unsigned char msg[4 + 32 + 1 + 4], mac[EVP_MAX_MD_SIZE];
      size_t maclen = 0, bits = outlen * 8, n = 0;
      EVP_MAC_CTX *ctx = hmac_ctx (p->digest, base, keylen);
      bool ok;

      if (ctx == NULL || constlen > 32)
	{
	  EVP_MAC_CTX_free (ctx);
	  return false;
	}
      msg[n++] = 0; msg[n++] = 0; msg[n++] = 0; msg[n++] = 1;
      memcpy (msg + n, constant, constlen);
      n += constlen;
      msg[n++] = 0;
      msg[n++] = (unsigned char) (bits >> 24);
      msg[n++] = (unsigned char) (bits >> 16);
      msg[n++] = (unsigned char) (bits >> 8);
      msg[n++] = (unsigned char) bits;
      ok = EVP_MAC_update (ctx, msg, n) == 1
	&& EVP_MAC_final (ctx, mac, &maclen, sizeof mac) == 1
	&& maclen >= outlen;
      if (ok)
	memcpy (out, mac, outlen);
      OPENSSL_cleanse (mac, sizeof mac);
      EVP_MAC_CTX_free (ctx);
      return ok;
    }
}

static bool
derive (const struct aes_profile *p, const krb5_keyblock *base,
	krb5_keyusage usage, unsigned char which, unsigned char *out,
	size_t outlen)
{
  unsigned char constant[5] = {
    (unsigned char) (usage >> 24), (unsigned char) (usage >> 16),
    (unsigned char) (usage >> 8), (unsigned char) usage, which
  };

  return k5_derive_key (p->enctype, base->contents, base->length, constant,
			sizeof constant, out, outlen);
}

/* RFC 4121 section 1: DES, triple DES and RC4 keep the RFC 1964 and
   RFC 4757 token formats, which these functions do not make. */
static bool
legacy_enctype (krb5_enctype enctype)
{
  return enctype == ENCTYPE_DES3_CBC_SHA1
    || enctype == ENCTYPE_ARCFOUR_HMAC
    || enctype == ENCTYPE_ARCFOUR_HMAC_EXP
    || enctype == ENCTYPE_DES_CBC_CRC
    || enctype == ENCTYPE_DES_CBC_MD4 || enctype == ENCTYPE_DES_CBC_MD5;
}

krb5_error_code
k5_sizes_of (krb5_context kctx, krb5_enctype enctype, struct k5_sizes *out)
{
  const struct aes_profile *p = find_profile (enctype);
  krb5_error_code code;
  unsigned int len = 0;

  memset (out, 0, sizeof *out);
  if (p)
    {
      out->fast = true;
      out->mac_len = p->mac_len;
      out->header_len = BLOCK;
      out->trailer_len = p->mac_len;
      return 0;
    }
  if (legacy_enctype (enctype))
    return KRB5_BAD_ENCTYPE;
  code = krb5_c_crypto_length (kctx, enctype, KRB5_CRYPTO_TYPE_HEADER, &len);
  out->header_len = len;
  if (!code)
    code = krb5_c_crypto_length (kctx, enctype, KRB5_CRYPTO_TYPE_TRAILER,
				 &len);
  out->trailer_len = len;
  if (!code)
    code = krb5_c_crypto_length (kctx, enctype, KRB5_CRYPTO_TYPE_CHECKSUM,
				 &len);
  out->mac_len = len;
  /* RFC 4121 tokens need a cipher without padding. */
  if (!code)
    code = krb5_c_padding_length (kctx, enctype, 1, &len);
  if (!code && (len != 0 || out->mac_len > K5_MAX_MAC))
    code = KRB5_BAD_ENCTYPE;
  return code;
}

krb5_error_code
k5_usage_key_init (krb5_context kctx, const krb5_keyblock *base,
		   krb5_keyusage usage, struct k5_usage_key *k)
{
  const struct aes_profile *p = find_profile (base->enctype);
  unsigned char ke[32], ki[32], kc[32];
  struct k5_sizes sizes;
  krb5_error_code code;
  bool ok;

  memset (k, 0, sizeof *k);
  k->kctx = kctx;
  k->usage = usage;
  code = k5_sizes_of (kctx, base->enctype, &sizes);
  if (code)
    return code;
  k->mac_len = sizes.mac_len;
  k->header_len = sizes.header_len;
  k->trailer_len = sizes.trailer_len;
  if (!sizes.fast)
    {
      code = krb5_k_create_key (kctx, base, &k->key);
      if (code)
	k5_usage_key_free (k);
      return code;
    }
  if (base->length != p->key_len)
    return KRB5_BAD_KEYSIZE;
  ok = derive (p, base, usage, DERIVE_KE, ke, p->key_len)
    && derive (p, base, usage, DERIVE_KI, ki, p->ki_len)
    && derive (p, base, usage, DERIVE_KC, kc, p->ki_len);
  if (ok)
    {
      k->enc = cipher_ctx (p->cbc, ke, 1);
      k->dec = cipher_ctx (p->cbc, ke, 0);
      k->ecb_dec = cipher_ctx (p->ecb, ke, 0);
      hmac_key (&k->ki, p->hash, ki, p->ki_len);
      hmac_key (&k->kc, p->hash, kc, p->ki_len);
    }
  OPENSSL_cleanse (ke, sizeof ke);
  OPENSSL_cleanse (ki, sizeof ki);
  OPENSSL_cleanse (kc, sizeof kc);
  if (!ok || !k->enc || !k->dec || !k->ecb_dec)
    {
      k5_usage_key_free (k);
      /* A profile's ciphers always exist: only memory can lack. */
      return ENOMEM;
    }
  k->fast = true;
  k->etm = p->etm;
  return 0;
}

void
k5_usage_key_free (struct k5_usage_key *k)
{
  pool_free (k->pool);
  EVP_CIPHER_CTX_free (k->enc);
  EVP_CIPHER_CTX_free (k->dec);
  EVP_CIPHER_CTX_free (k->ecb_dec);
  if (k->key)
    krb5_k_free_key (k->kctx, k->key);
  memset (k, 0, sizeof *k);
}

static const unsigned char zero_iv[BLOCK];

/* EVP counts in int: a message past 2^31 octets goes through in
   chunks, whole blocks each, the chaining carried by the context. */
#define CBC_CHUNK ((size_t) 1 << 30)

void
k5_xor_block (unsigned char *dst, const unsigned char *src)
{
  size_t i;

  for (i = 0; i < BLOCK; i++)
    dst[i] ^= src[i];
}

bool
k5_chain_start (EVP_CIPHER_CTX *ctx, struct k5_chain *ch)
{
  if (ch->known)
    return true;
  if (EVP_CipherInit_ex (ctx, NULL, NULL, NULL, zero_iv, -1) != 1)
    return false;
  memset (ch->block, 0, BLOCK);
  ch->known = true;
  return true;
}

/* Plaintext to be hashed as it is encrypted: the first LEN octets go
   into ST, an HMAC under M. */
struct plain_mac
{
  const struct k5_hmac *m;
  union k5_hash_state *st;
  size_t len;
};

/* When the plaintext is hashed too, it goes through in steps of this
   many octets, each hashed just before it is encrypted.  CBC
   encryption is a chain of dependent AES rounds that leaves most of
   the processor idle, and SHA-1 on the step before fills it: a quarter
   less time at 1 KiB than hashing the whole message, then encrypting
   it.  (Decryption is not a chain and gains nothing.) */
#define MAC_STEP 128

/* CBC over LEN octets (whole blocks) from a zero IV, hashing the
   plaintext first when MAC is not NULL (encryption only).  The context
   keeps the chaining value of the message before in CH: the first
   plaintext block is XORed with it on the way in (ENCRYPT), the first
   output block on the way out (decrypt), which is a CBC from a zero IV
   without EVP_CipherInit_ex (a third of a small message's cost on
   OpenSSL 3, for its parameter lookups). */
static bool
cbc (EVP_CIPHER_CTX *ctx, struct k5_chain *ch, bool encrypt,
     unsigned char *buf, size_t len, const struct plain_mac *mac)
{
  unsigned char last[BLOCK], *p = buf;
  size_t n, rest = len, step = mac ? MAC_STEP : CBC_CHUNK, done;
  int outl;

  if (!k5_chain_start (ctx, ch))
    return false;
  /* Unknown until the EVP calls below all succeed. */
  ch->known = false;
  if (!encrypt)
    memcpy (last, buf + len - BLOCK, BLOCK);
  for (; rest > 0; p += n, rest -= n)
    {
      n = rest < step ? rest : step;
      done = (size_t) (p - buf);
      if (mac && done < mac->len)
	k5_hmac_update (mac->m, mac->st, p,
			mac->len - done < n ? mac->len - done : n);
      if (encrypt && p == buf)
	k5_xor_block (buf, ch->block);
      if (EVP_CipherUpdate (ctx, p, &outl, p, (int) n) != 1
	  || (size_t) outl != n)
	return false;
    }
  if (encrypt)
    memcpy (ch->block, buf + len - BLOCK, BLOCK);
  else
    {
      k5_xor_block (buf, ch->block);
      memcpy (ch->block, last, BLOCK);
    }
  ch->known = true;
  return true;
}

/* CBC with ciphertext stealing as RFC 3962 section 5 defines it (the
   last two blocks swapped even when the last is full), hashing the
   plaintext on the way when MAC is not NULL.  BUF holds LEN >= 16
   octets and has room for 15 more. */
static bool
cts_encrypt (EVP_CIPHER_CTX *ctx, struct k5_chain *ch, unsigned char *buf,
	     size_t len, const struct plain_mac *mac)
{
  size_t blocks = (len + BLOCK - 1) / BLOCK, last = len - (blocks - 1) * BLOCK;
  unsigned char prev[BLOCK];

  memset (buf + len, 0, blocks * BLOCK - len);
  if (!cbc (ctx, ch, true, buf, blocks * BLOCK, mac))
    return false;
  if (blocks == 1)
    return true;
  memcpy (prev, buf + (blocks - 2) * BLOCK, BLOCK);
  memmove (buf + (blocks - 2) * BLOCK, buf + (blocks - 1) * BLOCK, BLOCK);
  memcpy (buf + (blocks - 1) * BLOCK, prev, last);
  return true;
}

bool
k5_cts_encrypt (EVP_CIPHER_CTX *ctx, unsigned char *buf, size_t len)
{
  struct k5_chain fresh = { .known = false };

  return cts_encrypt (ctx, &fresh, buf, len, NULL);
}

static bool
cts_decrypt (struct k5_usage_key *k, unsigned char *buf, size_t len)
{
  size_t blocks = (len + BLOCK - 1) / BLOCK, last = len - (blocks - 1) * BLOCK, i;
  unsigned char dn[BLOCK], *cn = buf + (blocks - 2) * BLOCK,
    *tail = buf + (blocks - 1) * BLOCK;
  int outl = 0;

  if (len < BLOCK)
    return false;
  if (blocks == 1)
    return cbc (k->dec, &k->dec_chain, false, buf, BLOCK, NULL);
  /* The full last block decrypts to the padded last plaintext XOR the
     second-to-last ciphertext block, whose stolen tail it gives back. */
  if (EVP_CipherUpdate (k->ecb_dec, dn, &outl, cn, BLOCK) != 1)
    return false;
  memcpy (cn, tail, last);
  memcpy (cn + last, dn + last, BLOCK - last);
  for (i = 0; i < last; i++)
    tail[i] = dn[i] ^ cn[i];
  return cbc (k->dec, &k->dec_chain, false, buf, (blocks - 1) * BLOCK,
	      NULL);
}

/* The part of the union the hash uses: copying and wiping the whole
   of it (a SHA-512 state) for SHA-1 cost a small message's wrap and
   unwrap a tenth of their time. */
static size_t
state_size (enum k5_hash h)
{
  return h == K5_SHA1 ? sizeof (SHA_CTX)
    : h == K5_SHA256 ? sizeof (SHA256_CTX) : sizeof (SHA512_CTX);
}

void
k5_hmac_start (const struct k5_hmac *m, union k5_hash_state *st)
{
  memcpy (st, &m->inner, state_size (m->hash));
}

void
k5_hmac_update (const struct k5_hmac *m, union k5_hash_state *st,
		const void *data, size_t len)
{
  hash_update (m->hash, st, data, len);
}

void
k5_hmac_finish (const struct k5_hmac *m, union k5_hash_state *st,
		unsigned char *out, size_t outlen)
{
  unsigned char inner[SHA512_DIGEST_LENGTH], full[SHA512_DIGEST_LENGTH];
  size_t n;

  n = hash_final (m->hash, st, inner);
  memcpy (st, &m->outer, state_size (m->hash));
  hash_update (m->hash, st, inner, n);
  hash_final (m->hash, st, full);
  memcpy (out, full, outlen);
  explicit_bzero (st, state_size (m->hash));
}

static bool
hmac (struct k5_hmac *m, const void *a, size_t alen, const void *b,
      size_t blen, unsigned char *out, size_t outlen)
{
  union k5_hash_state ctx;

  k5_hmac_start (m, &ctx);
  hash_update (m->hash, &ctx, a, alen);
  hash_update (m->hash, &ctx, b, blen);
  k5_hmac_finish (m, &ctx, out, outlen);
  return true;
}

/* The libkrb5 view of an in-place ciphertext: confounder, data, and
   the integrity part after LEN. */
static void
iov_layout (const struct k5_usage_key *k, unsigned char *data, size_t len,
	    krb5_crypto_iov iov[3])
{
  iov[0].flags = KRB5_CRYPTO_TYPE_HEADER;
  iov[0].data.data = (char *) data;
  iov[0].data.length = k->header_len;
  iov[1].flags = KRB5_CRYPTO_TYPE_DATA;
  iov[1].data.data = (char *) data + k->header_len;
  iov[1].data.length = len - k->header_len;
  iov[2].flags = KRB5_CRYPTO_TYPE_TRAILER;
  iov[2].data.data = (char *) data + len;
  iov[2].data.length = k->trailer_len;
}

/* What a failed libcrypto call means: ENOMEM when memory ran out
   (ERR_R_MALLOC_FAILURE is queued, though not always last), else
   KRB5_CRYPTO_INTERNAL.  The queue is left empty. */
krb5_error_code
k5_crypto_error (void)
{
  krb5_error_code code = KRB5_CRYPTO_INTERNAL;
  unsigned long e;

  while ((e = ERR_get_error ()) != 0)
    if (ERR_GET_REASON (e) == ERR_R_MALLOC_FAILURE)
      code = ENOMEM;
  return code;
}

/* Confounders come from a pool of random octets that one RAND_bytes
   call fills for 1023 messages: a call for each message cost more than
   the rest of a small message's wrap and unwrap together (the DRBG's
   locking and fork check).  The pool is four pages that the kernel
   empties in a forked child (MADV_WIPEONFORK), so that parent and child
   never take the same octets; where that cannot be had, each message
   calls RAND_bytes as before. */
#define POOL_SIZE 16384
struct k5_pool
{
  size_t left;			/* 0 after a fork: the pages read as zeros */
  unsigned char octets[POOL_SIZE - 2 * sizeof (size_t)];
};

static struct k5_pool *
pool_new (void)
{
#if defined MADV_WIPEONFORK
  void *p = mmap (NULL, POOL_SIZE, PROT_READ | PROT_WRITE,
		  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

  if (p == MAP_FAILED)
    return NULL;
  if (madvise (p, POOL_SIZE, MADV_WIPEONFORK) != 0)
    {
      munmap (p, POOL_SIZE);
      return NULL;
    }
  return p;
#else
  return NULL;
#endif
}

static void
pool_free (struct k5_pool *pool)
{
  if (pool == NULL)
    return;
  OPENSSL_cleanse (pool, POOL_SIZE);
  munmap (pool, POOL_SIZE);
}

krb5_error_code
k5_confounder (struct k5_usage_key *k, unsigned char *out)
{
  struct k5_pool *pool;
  size_t usable;

  if (k->pool == NULL && !k->no_pool)
    {
      k->pool = pool_new ();
      k->no_pool = k->pool == NULL;
    }
  pool = k->pool;
  if (pool == NULL)
    return RAND_bytes (out, BLOCK) == 1 ? 0 : k5_crypto_error ();
  usable = sizeof pool->octets / BLOCK * BLOCK;
  if (pool->left < BLOCK || pool->left > usable)
    {
      if (RAND_bytes (pool->octets, (int) usable) != 1)
	{
	  pool->left = 0;
	  return k5_crypto_error ();
	}
      pool->left = usable;
    }
  /* Taken from the end, and wiped once taken. */
  pool->left -= BLOCK;
  memcpy (out, pool->octets + pool->left, BLOCK);
  explicit_bzero (pool->octets + pool->left, BLOCK);
  return 0;
}

static krb5_error_code seal (struct k5_usage_key *k, unsigned char *data,
			      size_t len, bool scratch);

static krb5_error_code
encrypt (struct k5_usage_key *k, unsigned char *data, size_t len,
	 bool scratch)
{
  if (k->fast)
    {
      krb5_error_code code = k5_confounder (k, data);
      if (code)
	return code;
    }
  return seal (k, data, len, scratch);
}

krb5_error_code
k5_encrypt (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return encrypt (k, data, len, false);
}

krb5_error_code
k5_encrypt_scratch (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return encrypt (k, data, len, true);
}

krb5_error_code
k5_seal (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return seal (k, data, len, false);
}

krb5_error_code
k5_seal_scratch (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return seal (k, data, len, true);
}

/* RFC 8009's MAC over the cipher state (a zero block) and the
   ciphertext of LEN octets at DATA, to OUT.  With SCRATCH the zero
   block is written just before DATA and the two are hashed as one run:
   a hash fed a block and then a run that no longer starts on its block
   boundary buffers and copies the whole run (about 30 ns a call with
   SHA-384 at 1 KiB). */
static void
etm_mac (struct k5_usage_key *k, unsigned char *data, size_t len,
	 bool scratch, unsigned char *out)
{
  if (scratch)
    {
      memset (data - K5_SCRATCH, 0, K5_SCRATCH);
      hmac (&k->ki, data - K5_SCRATCH, K5_SCRATCH + len, NULL, 0, out,
	    k->mac_len);
    }
  else
    hmac (&k->ki, zero_iv, BLOCK, data, len, out, k->mac_len);
}

static krb5_error_code
seal (struct k5_usage_key *k, unsigned char *data, size_t len, bool scratch)
{
  union k5_hash_state st;
  struct plain_mac mac = { &k->ki, &st, len };
  bool ok;

  if (!k->fast)
    {
      krb5_crypto_iov iov[3];
      /* The callers refuse such lengths first; this is the backstop. */
      if (!k5_len_ok (false, len))
	return KRB5_BAD_MSIZE;
      iov_layout (k, data, len, iov);
      return krb5_k_encrypt_iov (k->kctx, k->key, k->usage, NULL, iov, 3);
    }
  if (k->etm)
    {
      /* RFC 8009 section 5: the MAC covers the cipher state and the
	 ciphertext. */
      if (!cts_encrypt (k->enc, &k->enc_chain, data, len, NULL))
	return KRB5_CRYPTO_INTERNAL;
      etm_mac (k, data, len, scratch, data + len);
      return 0;
    }
  /* RFC 3961 section 5.3: the MAC covers confounder and plaintext,
     hashed as they are encrypted (MAC_STEP). */
  k5_hmac_start (&k->ki, &st);
  ok = cts_encrypt (k->enc, &k->enc_chain, data, len, &mac);
  k5_hmac_finish (&k->ki, &st, data + len, k->mac_len);
  return ok ? 0 : KRB5_CRYPTO_INTERNAL;
}

static krb5_error_code
decrypt (struct k5_usage_key *k, unsigned char *data, size_t len,
	 bool scratch)
{
  unsigned char mac[K5_MAX_MAC];

  if (len < k->header_len)
    return KRB5_BAD_MSIZE;
  if (!k->fast)
    {
      krb5_crypto_iov iov[3];
      if (!k5_len_ok (false, len))
	return KRB5_BAD_MSIZE;
      iov_layout (k, data, len, iov);
      return krb5_k_decrypt_iov (k->kctx, k->key, k->usage, NULL, iov, 3);
    }
  if (k->etm)
    {
      etm_mac (k, data, len, scratch, mac);
      if (CRYPTO_memcmp (mac, data + len, k->mac_len) != 0)
	return KRB5KRB_AP_ERR_BAD_INTEGRITY;
      return cts_decrypt (k, data, len) ? 0 : k5_crypto_error ();
    }
  if (!cts_decrypt (k, data, len))
    return k5_crypto_error ();
  hmac (&k->ki, data, len, NULL, 0, mac, k->mac_len);
  return CRYPTO_memcmp (mac, data + len, k->mac_len) == 0
    ? 0 : KRB5KRB_AP_ERR_BAD_INTEGRITY;
}

krb5_error_code
k5_decrypt (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return decrypt (k, data, len, false);
}

krb5_error_code
k5_decrypt_scratch (struct k5_usage_key *k, unsigned char *data, size_t len)
{
  return decrypt (k, data, len, true);
}

krb5_error_code
k5_checksum (struct k5_usage_key *k, const void *a, size_t alen,
	     const void *b, size_t blen, unsigned char *out)
{
  if (!k->fast)
    {
      krb5_crypto_iov iov[3];
      if (alen > K5_LIBKRB5_MAX || blen > K5_LIBKRB5_MAX - alen)
	return KRB5_BAD_MSIZE;
      iov[0].flags = KRB5_CRYPTO_TYPE_DATA;
      iov[0].data.data = (char *) a;
      iov[0].data.length = alen;
      iov[1].flags = KRB5_CRYPTO_TYPE_DATA;
      iov[1].data.data = (char *) b;
      iov[1].data.length = blen;
      iov[2].flags = KRB5_CRYPTO_TYPE_CHECKSUM;
      iov[2].data.data = (char *) out;
      iov[2].data.length = k->mac_len;
      return krb5_k_make_checksum_iov (k->kctx, 0, k->key, k->usage, iov, 3);
    }
  return hmac (&k->kc, a, alen, b, blen, out, k->mac_len)
    ? 0 : KRB5_CRYPTO_INTERNAL;
}
