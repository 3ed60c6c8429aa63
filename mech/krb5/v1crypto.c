/* v1crypto.c - the cryptography of RFC 1964 (triple DES) and RFC 4757
   (arcfour) per-message tokens.  Checksums and triple-DES CBC go
   through libkrb5; the arcfour derivations are HMAC-MD5 on libcrypto's
   MD5 block functions, which never allocate (so a token never fails
   for want of memory), and the RC4 stream is computed here, because
   OpenSSL 3 only offers RC4 in its legacy provider. */
#include <config.h>
#define OPENSSL_SUPPRESS_DEPRECATED
#include "v1.h"
#include "crypto.h"
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/md5.h>

/* The SGN_ALG and SEAL_ALG numbers of the two families. */
#define SGN_HMAC_SHA1_DES3_KD 0x0004
#define SEAL_DES3_KD 0x0002
#define SGN_HMAC_MD5 0x0011
#define SEAL_RC4 0x0010

static krb5_data
data_of (void *p, size_t len)
{
  krb5_data d;

  d.magic = KV5M_DATA;
  d.length = (unsigned int) len;
  d.data = p;
  return d;
}

bool
k5_v1_enctype (krb5_enctype enctype)
{
  return enctype == ENCTYPE_DES3_CBC_SHA1 || enctype == ENCTYPE_ARCFOUR_HMAC;
}

void
k5_v1_key_free (struct k5_v1_key *k)
{
  if (k->key)
    krb5_k_free_key (k->kctx, k->key);
  if (k->raw)
    krb5_k_free_key (k->kctx, k->raw);
  OPENSSL_cleanse (k->rc4_key, sizeof k->rc4_key);
  k->key = k->raw = NULL;
}

bool
k5_v1_shape (krb5_enctype enctype, struct k5_v1_key *k)
{
  memset (k, 0, sizeof *k);
  if (enctype == ENCTYPE_DES3_CBC_SHA1)
    {
      k->sgn_alg = SGN_HMAC_SHA1_DES3_KD;
      k->seal_alg = SEAL_DES3_KD;
      k->cksumtype = CKSUMTYPE_HMAC_SHA1_DES3;
      k->cksum_len = 20;
      return true;
    }
  if (enctype == ENCTYPE_ARCFOUR_HMAC)
    {
      k->rc4 = true;
      k->sgn_alg = SGN_HMAC_MD5;
      k->seal_alg = SEAL_RC4;
      k->cksumtype = CKSUMTYPE_HMAC_MD5_ARCFOUR;
      k->cksum_len = 8;
      return true;
    }
  return false;
}

krb5_error_code
k5_v1_key_init (krb5_context kctx, const krb5_keyblock *base,
		struct k5_v1_key *k)
{
  krb5_keyblock raw;
  krb5_error_code code = 0;

  if (!k5_v1_shape (base->enctype, k)
      || base->length != (k->rc4 ? 16u : 24u))
    return KRB5_BAD_ENCTYPE;
  k->kctx = kctx;
  if (k->rc4)
    memcpy (k->rc4_key, base->contents, 16);
  else
    {
      /* The sequence number and the message are plain CBC under the
	 context key itself, not under a derived one. */
      raw = *base;
      raw.enctype = ENCTYPE_DES3_CBC_RAW;
      code = krb5_k_create_key (kctx, &raw, &k->raw);
    }
  if (!code)
    code = krb5_k_create_key (kctx, base, &k->key);
  if (code)
    k5_v1_key_free (k);
  return code;
}

krb5_error_code
k5_v1_checksum (struct k5_v1_key *k, krb5_keyusage usage,
		const unsigned char *hdr8, const void *data, size_t len,
		unsigned char *out)
{
  unsigned char full[V1_MAX_CKSUM];
  krb5_crypto_iov iov[3];
  krb5_error_code code;

  /* v1token.c refuses such messages first; this is the backstop. */
  if (len > K5_LIBKRB5_MAX - 8)
    return KRB5_BAD_MSIZE;
  iov[0].flags = KRB5_CRYPTO_TYPE_DATA;
  iov[0].data = data_of ((void *) hdr8, 8);
  iov[1].flags = KRB5_CRYPTO_TYPE_DATA;
  iov[1].data = data_of ((void *) data, len);
  iov[2].flags = KRB5_CRYPTO_TYPE_CHECKSUM;
  /* HMAC-MD5 gives 16 octets; tokens carry the first 8. */
  iov[2].data = data_of (full, k->rc4 ? 16 : 20);
  code = krb5_k_make_checksum_iov (k->kctx, k->cksumtype, k->key, usage,
				   iov, 3);
  if (!code)
    memcpy (out, full, k->cksum_len);
  OPENSSL_cleanse (full, sizeof full);
  return code;
}

/* An RC4 stream, so that one key stream can run over several
   buffers. */
struct rc4_state
{
  unsigned char s[256];
  unsigned i, j;
};

static void
rc4_init (struct rc4_state *st, const unsigned char key[16])
{
  unsigned char t;
  unsigned i, j;

  for (i = 0; i < 256; i++)
    st->s[i] = (unsigned char) i;
  for (i = j = 0; i < 256; i++)
    {
      j = (j + st->s[i] + key[i % 16]) & 0xff;
      t = st->s[i];
      st->s[i] = st->s[j];
      st->s[j] = t;
    }
  st->i = st->j = 0;
}

static void
rc4_run (struct rc4_state *st, unsigned char *buf, size_t len)
{
  unsigned char t, *s = st->s;
  unsigned i = st->i, j = st->j;
  size_t n;

  for (n = 0; n < len; n++)
    {
      i = (i + 1) & 0xff;
      j = (j + s[i]) & 0xff;
      t = s[i];
      s[i] = s[j];
      s[j] = t;
      buf[n] ^= s[(s[i] + s[j]) & 0xff];
    }
  st->i = i;
  st->j = j;
}

/* RC4 over BUF in place with a 16-octet KEY. */
static void
rc4 (const unsigned char key[16], unsigned char *buf, size_t len)
{
  struct rc4_state st;

  rc4_init (&st, key);
  rc4_run (&st, buf, len);
  OPENSSL_cleanse (&st, sizeof st);
}

/* RFC 2104 HMAC-MD5 with a 16-octet key. */
static void
hmac_md5 (const unsigned char key[16], const void *data, size_t len,
	  unsigned char out[16])
{
  unsigned char pad[64];
  MD5_CTX ctx;
  size_t i;

  for (i = 0; i < sizeof pad; i++)
    pad[i] = (unsigned char) ((i < 16 ? key[i] : 0) ^ 0x36);
  MD5_Init (&ctx);
  MD5_Update (&ctx, pad, sizeof pad);
  MD5_Update (&ctx, data, len);
  MD5_Final (out, &ctx);
  for (i = 0; i < sizeof pad; i++)
    pad[i] = (unsigned char) ((i < 16 ? key[i] : 0) ^ 0x5c);
  MD5_Init (&ctx);
  MD5_Update (&ctx, pad, sizeof pad);
  MD5_Update (&ctx, out, 16);
  MD5_Final (out, &ctx);
  OPENSSL_cleanse (pad, sizeof pad);
  OPENSSL_cleanse (&ctx, sizeof ctx);
}

/* RFC 4757 section 7.3: the stream key of a token is
   HMAC-MD5(HMAC-MD5(BASE, usage 0), SALT), SALT being the checksum for
   SND_SEQ and the sequence number for the message. */
static void
rc4_stream_key (const unsigned char base[16], const unsigned char *salt,
		size_t salt_len, unsigned char out[16])
{
  static const unsigned char usage0[4] = { 0, 0, 0, 0 };
  unsigned char usage_key[16];

  hmac_md5 (base, usage0, sizeof usage0, usage_key);
  hmac_md5 (usage_key, salt, salt_len, out);
  OPENSSL_cleanse (usage_key, sizeof usage_key);
}

static krb5_error_code
rc4_crypt (const unsigned char base[16], const unsigned char *salt,
	   size_t salt_len, unsigned char *buf, size_t len)
{
  unsigned char key[16];

  rc4_stream_key (base, salt, salt_len, key);
  rc4 (key, buf, len);
  OPENSSL_cleanse (key, sizeof key);
  return 0;
}

/* Triple-DES CBC in place, with the IV given or zero. */
static krb5_error_code
des3_crypt (struct k5_v1_key *k, bool encrypt, const unsigned char *iv,
	    unsigned char *buf, size_t len)
{
  krb5_crypto_iov iov[3];
  krb5_data ivec;
  unsigned char ivbuf[8];

  if (len > K5_LIBKRB5_MAX)
    return KRB5_BAD_MSIZE;
  iov[0].flags = KRB5_CRYPTO_TYPE_HEADER;
  iov[0].data = data_of (NULL, 0);
  iov[1].flags = KRB5_CRYPTO_TYPE_DATA;
  iov[1].data = data_of (buf, len);
  iov[2].flags = KRB5_CRYPTO_TYPE_TRAILER;
  iov[2].data = data_of (NULL, 0);
  if (iv)
    memcpy (ivbuf, iv, 8);
  else
    memset (ivbuf, 0, 8);
  /* libkrb5 updates the IV it is given; a copy keeps the caller's. */
  ivec = data_of (ivbuf, 8);
  return encrypt ? krb5_k_encrypt_iov (k->kctx, k->raw, 0, &ivec, iov, 3)
    : krb5_k_decrypt_iov (k->kctx, k->raw, 0, &ivec, iov, 3);
}

krb5_error_code
k5_v1_seal_seq (struct k5_v1_key *k, uint32_t seq, unsigned char direction,
		const unsigned char *cksum, unsigned char out[8])
{
  int i;

  /* Microsoft's tokens carry the number big-endian, RFC 1964's
     little-endian. */
  for (i = 0; i < 4; i++)
    out[k->rc4 ? 3 - i : i] = (unsigned char) (seq >> (8 * i));
  memset (out + 4, direction, 4);
  return k->rc4 ? rc4_crypt (k->rc4_key, cksum, 8, out, 8)
    : des3_crypt (k, true, cksum, out, 8);
}

krb5_error_code
k5_v1_open_seq (struct k5_v1_key *k, const unsigned char in[8],
		const unsigned char *cksum, uint32_t *seq,
		unsigned char *direction)
{
  unsigned char plain[8];
  krb5_error_code code;
  int i;

  memcpy (plain, in, 8);
  code = k->rc4 ? rc4_crypt (k->rc4_key, cksum, 8, plain, 8)
    : des3_crypt (k, false, cksum, plain, 8);
  if (code)
    return code;
  if (plain[4] != plain[5] || plain[4] != plain[6] || plain[4] != plain[7])
    return KRB5_BAD_MSIZE;
  *seq = 0;
  for (i = 0; i < 4; i++)
    *seq |= (uint32_t) plain[k->rc4 ? 3 - i : i] << (8 * i);
  *direction = plain[4];
  return 0;
}

krb5_error_code
k5_v1_crypt_body (struct k5_v1_key *k, bool encrypt, uint32_t seq,
		  unsigned char *data, size_t len)
{
  unsigned char seal_key[16], be_seq[4];
  krb5_error_code code;
  int i;

  if (!k->rc4)
    return des3_crypt (k, encrypt, NULL, data, len);
  /* RFC 4757: the message stream starts from the key XOR F0. */
  for (i = 0; i < 16; i++)
    seal_key[i] = k->rc4_key[i] ^ 0xf0;
  for (i = 0; i < 4; i++)
    be_seq[i] = (unsigned char) (seq >> (24 - 8 * i));
  code = rc4_crypt (seal_key, be_seq, 4, data, len);
  OPENSSL_cleanse (seal_key, sizeof seal_key);
  return code;
}

krb5_error_code
k5_v1_checksum_iov (struct k5_v1_key *k, krb5_keyusage usage,
		    const unsigned char *hdr8, krb5_crypto_iov *iov, size_t n,
		    unsigned char *out)
{
  unsigned char full[V1_MAX_CKSUM];
  krb5_error_code code;
  size_t i, total = 8;

  for (i = 1; i + 1 < n; i++)
    {
      if (iov[i].data.length > K5_LIBKRB5_MAX - total)
	return KRB5_BAD_MSIZE;
      total += iov[i].data.length;
    }
  iov[0].flags = KRB5_CRYPTO_TYPE_SIGN_ONLY;
  iov[0].data = data_of ((void *) hdr8, 8);
  iov[n - 1].flags = KRB5_CRYPTO_TYPE_CHECKSUM;
  iov[n - 1].data = data_of (full, k->rc4 ? 16 : 20);
  code = krb5_k_make_checksum_iov (k->kctx, k->cksumtype, k->key, usage,
				   iov, n);
  if (!code)
    memcpy (out, full, k->cksum_len);
  OPENSSL_cleanse (full, sizeof full);
  return code;
}

krb5_error_code
k5_v1_crypt_iov (struct k5_v1_key *k, bool encrypt, uint32_t seq,
		 krb5_crypto_iov *iov, size_t n)
{
  unsigned char seal_key[16], be_seq[4], key[16], ivbuf[8];
  struct rc4_state st;
  krb5_data ivec;
  size_t i, total = 0;
  int b;

  for (i = 1; i + 1 < n; i++)
    if (iov[i].flags == KRB5_CRYPTO_TYPE_DATA)
      {
	if (iov[i].data.length > K5_LIBKRB5_MAX - total)
	  return KRB5_BAD_MSIZE;
	total += iov[i].data.length;
      }
  if (!k->rc4)
    {
      iov[0].flags = KRB5_CRYPTO_TYPE_HEADER;
      iov[0].data = data_of (NULL, 0);
      iov[n - 1].flags = KRB5_CRYPTO_TYPE_TRAILER;
      iov[n - 1].data = data_of (NULL, 0);
      memset (ivbuf, 0, sizeof ivbuf);
      ivec = data_of (ivbuf, sizeof ivbuf);
      return encrypt ? krb5_k_encrypt_iov (k->kctx, k->raw, 0, &ivec, iov, n)
	: krb5_k_decrypt_iov (k->kctx, k->raw, 0, &ivec, iov, n);
    }
  /* The same stream as k5_v1_crypt_body, run across the pieces. */
  for (b = 0; b < 16; b++)
    seal_key[b] = k->rc4_key[b] ^ 0xf0;
  for (b = 0; b < 4; b++)
    be_seq[b] = (unsigned char) (seq >> (24 - 8 * b));
  rc4_stream_key (seal_key, be_seq, 4, key);
  rc4_init (&st, key);
  for (i = 1; i + 1 < n; i++)
    if (iov[i].flags == KRB5_CRYPTO_TYPE_DATA)
      rc4_run (&st, (unsigned char *) iov[i].data.data, iov[i].data.length);
  OPENSSL_cleanse (&st, sizeof st);
  OPENSSL_cleanse (key, sizeof key);
  OPENSSL_cleanse (seal_key, sizeof seal_key);
  return 0;
}
