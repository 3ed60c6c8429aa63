/* segcrypto.c - RFC 3961 encryption of a message in pieces.
 *
 * On the libcrypto path the pieces are encrypted and MACed where they
 * lie: runs of whole blocks inside a piece go to AES-CBC in place, a
 * block that straddles two pieces is gathered into 16 octets and
 * scattered back, and the last two blocks, which ciphertext stealing
 * (RFC 3962 section 5) swaps, are done in a 32-octet buffer.  Other
 * enctypes hand the pieces to libkrb5's krb5_k_*_iov functions.
 */
#include <config.h>
#include "segcrypto.h"
#include <errno.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 16
/* EVP counts in int. */
#define CBC_CHUNK ((size_t) 1 << 30)

static const unsigned char zero_iv[BLOCK];

/* A position in the encrypted pieces (the SIGN_ONLY ones skipped). */
struct cursor
{
  const struct k5_seg *seg;
  size_t n, i, off;
};

static void
skip (struct cursor *c)
{
  while (c->i < c->n
	 && (c->seg[c->i].sign_only || c->off == c->seg[c->i].len))
    {
      c->i++;
      c->off = 0;
    }
}

/* Copies LEN octets from the pieces to BUF (GATHER) or back. */
static void
move (struct cursor *c, unsigned char *buf, size_t len, bool gather)
{
  while (len > 0)
    {
      size_t m;
      unsigned char *p;

      skip (c);
      m = c->seg[c->i].len - c->off;
      if (m > len)
	m = len;
      p = c->seg[c->i].p + c->off;
      if (gather)
	memcpy (buf, p, m);
      else
	memcpy (p, buf, m);
      buf += m;
      len -= m;
      c->off += m;
    }
}

/* The plaintext hashed as it is encrypted (RFC 3961's MAC over the
   plaintext; see MAC_STEP in crypto.c for why): every piece in order,
   the SIGN_ONLY ones included, up to the position it has reached. */
struct hasher
{
  const struct k5_seg *seg;
  size_t n, i, off;
  size_t done;			/* octets hashed */
  const struct k5_hmac *m;
  union k5_hash_state *st;
};
#define MAC_STEP 128
/* The hash's block: hashing ends on a multiple of it when it can, so
   that the hash takes the pieces where they lie and buffers nothing. */
#define HASH_BLOCK 64

static void
hash_piece (struct hasher *h, size_t len)
{
  k5_hmac_update (h->m, h->st, h->seg[h->i].p + h->off, len);
  h->off += len;
  h->done += len;
}

/* Hashes what lies between H's position and offset OFF of piece I,
   then on to the next multiple of HASH_BLOCK (hashing ahead of the
   encryption is harmless: only what is already encrypted must not
   be). */
static void
hash_to (struct hasher *h, size_t i, size_t off)
{
  for (; h->i < i && h->i < h->n; h->i++, h->off = 0)
    hash_piece (h, h->seg[h->i].len - h->off);
  if (h->i == i && i < h->n && off > h->off)
    hash_piece (h, off - h->off);
  while (h->done % HASH_BLOCK != 0 && h->i < h->n)
    {
      size_t left = h->seg[h->i].len - h->off, want;

      if (left == 0)
	{
	  h->i++;
	  h->off = 0;
	  continue;
	}
      want = HASH_BLOCK - h->done % HASH_BLOCK;
      hash_piece (h, left < want ? left : want);
    }
}

/* CBC over the next LEN octets (whole blocks), the chaining carried by
   CTX from the call before; with H, each octet is hashed before it is
   encrypted. */
static bool
cbc_pieces (EVP_CIPHER_CTX *ctx, struct cursor *c, size_t len,
	    struct hasher *h)
{
  unsigned char blk[BLOCK];
  int outl;

  while (len > 0)
    {
      size_t avail;

      skip (c);
      avail = c->seg[c->i].len - c->off;
      if (avail >= BLOCK)
	{
	  unsigned char *p = c->seg[c->i].p + c->off;
	  size_t m = (avail < len ? avail : len) / BLOCK * BLOCK;

	  if (m > CBC_CHUNK)
	    m = CBC_CHUNK;
	  if (h && m > MAC_STEP)
	    m = MAC_STEP;
	  if (h)
	    hash_to (h, c->i, c->off + m);
	  if (EVP_CipherUpdate (ctx, p, &outl, p, (int) m) != 1
	      || (size_t) outl != m)
	    return false;
	  c->off += m;
	  len -= m;
	}
      else
	{
	  struct cursor at = *c;

	  move (c, blk, BLOCK, true);
	  if (h)
	    hash_to (h, c->i, c->off);
	  if (EVP_CipherUpdate (ctx, blk, &outl, blk, BLOCK) != 1
	      || outl != BLOCK)
	    return false;
	  move (&at, blk, BLOCK, false);
	  len -= BLOCK;
	}
    }
  return true;
}

static size_t
encrypted_length (const struct k5_seg *seg, size_t n)
{
  size_t total = 0, i;

  for (i = 0; i < n; i++)
    if (!seg[i].sign_only)
      total += seg[i].len;
  return total;
}

/* The lengths of the plain CBC part and of the stolen tail. */
static void
split (size_t total, size_t *head, size_t *tail)
{
  size_t blocks = (total + BLOCK - 1) / BLOCK;

  *head = (blocks - 2) * BLOCK;
  *tail = total - *head;
}

/* The chaining value of the message before is XORed out of the first
   block, which is always SEG[0], the confounder (see cbc in crypto.c).
   With H, every piece is hashed, each octet before it is encrypted. */
static bool
cts_encrypt_pieces (EVP_CIPHER_CTX *ctx, struct k5_chain *ch,
		    const struct k5_seg *seg, size_t n, size_t total,
		    struct hasher *h)
{
  struct cursor c = { seg, n, 0, 0 }, at;
  unsigned char t[2 * BLOCK], swap[BLOCK];
  size_t head, tail;
  int outl;
  bool ok;

  split (total, &head, &tail);
  if (!k5_chain_start (ctx, ch))
    return false;
  ch->known = false;
  if (h)
    hash_to (h, 0, seg[0].len);
  k5_xor_block (seg[0].p, ch->block);
  if (!cbc_pieces (ctx, &c, head, h))
    return false;
  at = c;
  move (&c, t, tail, true);
  if (h)
    hash_to (h, n, 0);
  memset (t + tail, 0, sizeof t - tail);
  ok = EVP_CipherUpdate (ctx, t, &outl, t, sizeof t) == 1
    && outl == (int) sizeof t;
  memcpy (ch->block, t + BLOCK, BLOCK);
  ch->known = ok;
  /* RFC 3962: the last two ciphertext blocks swap places, the one that
     ends up last cut to the length of the plaintext's last block. */
  memcpy (swap, t, BLOCK);
  memcpy (t, t + BLOCK, BLOCK);
  memcpy (t + BLOCK, swap, tail - BLOCK);
  move (&at, t, tail, false);
  explicit_bzero (t, sizeof t);
  explicit_bzero (swap, sizeof swap);
  return ok;
}

static bool
cts_decrypt_pieces (struct k5_usage_key *k, const struct k5_seg *seg,
		    size_t n, size_t total)
{
  struct cursor c = { seg, n, 0, 0 }, at;
  unsigned char t[2 * BLOCK], dn[BLOCK], cn[BLOCK], before[BLOCK];
  struct k5_chain *ch = &k->dec_chain;
  size_t head, tail, last, i;
  int outl;
  bool ok;

  split (total, &head, &tail);
  if (!k5_chain_start (k->dec, ch))
    return false;
  ch->known = false;
  memcpy (before, ch->block, BLOCK);
  if (!cbc_pieces (k->dec, &c, head, NULL))
    return false;
  at = c;
  move (&c, t, tail, true);
  last = tail - BLOCK;
  /* The full block decrypts to the zero-padded last plaintext block
     XOR the second-to-last ciphertext block, whose stolen tail it
     gives back; that block then decrypts in the CBC chain. */
  ok = EVP_CipherUpdate (k->ecb_dec, dn, &outl, t, BLOCK) == 1;
  memcpy (cn, t + BLOCK, last);
  memcpy (cn + last, dn + last, BLOCK - last);
  for (i = 0; i < last; i++)
    t[BLOCK + i] = dn[i] ^ cn[i];
  ok = ok && EVP_CipherUpdate (k->dec, t, &outl, cn, BLOCK) == 1;
  if (ok)
    {
      memcpy (ch->block, cn, BLOCK);
      ch->known = true;
      move (&at, t, tail, false);
      k5_xor_block (seg[0].p, before);
    }
  explicit_bzero (t, sizeof t);
  explicit_bzero (dn, sizeof dn);
  return ok;
}

static void
mac_pieces (struct k5_hmac *m, const unsigned char *prefix,
	    const struct k5_seg *seg, size_t n, unsigned char *out,
	    size_t outlen)
{
  union k5_hash_state st;
  size_t i;

  k5_hmac_start (m, &st);
  if (prefix)
    k5_hmac_update (m, &st, prefix, BLOCK);
  for (i = 0; i < n; i++)
    k5_hmac_update (m, &st, seg[i].p, seg[i].len);
  k5_hmac_finish (m, &st, out, outlen);
}

/* The pieces as libkrb5 sees them, in IOV (N + 1 entries). */
static krb5_error_code
krb5_view (const struct k5_usage_key *k, const struct k5_seg *seg, size_t n,
	   unsigned char *trailer, krb5_cryptotype first, krb5_crypto_iov *iov)
{
  size_t i, total = 0;

  for (i = 0; i < n; i++)
    {
      if (seg[i].len > K5_LIBKRB5_MAX - total)
	return KRB5_BAD_MSIZE;
      total += seg[i].len;
      iov[i].flags = i == 0 ? first : seg[i].sign_only
	? KRB5_CRYPTO_TYPE_SIGN_ONLY : KRB5_CRYPTO_TYPE_DATA;
      iov[i].data.data = (char *) seg[i].p;
      iov[i].data.length = (unsigned int) seg[i].len;
    }
  iov[n].flags = first == KRB5_CRYPTO_TYPE_HEADER ? KRB5_CRYPTO_TYPE_TRAILER
    : KRB5_CRYPTO_TYPE_CHECKSUM;
  iov[n].data.data = (char *) trailer;
  iov[n].data.length = (unsigned int) (first == KRB5_CRYPTO_TYPE_HEADER
				       ? k->trailer_len : k->mac_len);
  return 0;
}

/* Room for the libkrb5 view of N pieces: on the stack when few. */
#define FEW 16
static krb5_crypto_iov *
view_room (krb5_crypto_iov *few, size_t n)
{
  if (n + 1 <= FEW)
    return few;
  if (n + 1 > SIZE_MAX / sizeof *few)
    return NULL;
  return malloc ((n + 1) * sizeof *few);
}

static krb5_error_code
libkrb5_crypt (struct k5_usage_key *k, const struct k5_seg *seg, size_t n,
	       unsigned char *trailer, bool encrypt)
{
  krb5_crypto_iov few[FEW], *iov = view_room (few, n);
  krb5_error_code code;

  if (iov == NULL)
    return ENOMEM;
  code = krb5_view (k, seg, n, trailer, KRB5_CRYPTO_TYPE_HEADER, iov);
  if (!code)
    code = encrypt
      ? krb5_k_encrypt_iov (k->kctx, k->key, k->usage, NULL, iov, n + 1)
      : krb5_k_decrypt_iov (k->kctx, k->key, k->usage, NULL, iov, n + 1);
  if (iov != few)
    free (iov);
  return code;
}

krb5_error_code
k5_encrypt_segs (struct k5_usage_key *k, const struct k5_seg *seg, size_t n,
		 unsigned char *trailer)
{
  size_t total = encrypted_length (seg, n);
  union k5_hash_state st;
  struct hasher h = { seg, n, 0, 0, 0, &k->ki, &st };
  krb5_error_code code;
  bool ok;

  if (!k->fast)
    return libkrb5_crypt (k, seg, n, trailer, true);
  /* The confounder is the first block, whole (see cts_*_pieces). */
  if (total <= BLOCK || seg[0].len != BLOCK)
    return KRB5_BAD_MSIZE;
  code = k5_confounder (k, seg[0].p);
  if (code)
    return code;
  if (k->etm)
    {
      /* RFC 8009 section 5: the MAC covers the cipher state and the
	 ciphertext (the SIGN_ONLY pieces as they are). */
      if (!cts_encrypt_pieces (k->enc, &k->enc_chain, seg, n, total, NULL))
	return k5_crypto_error ();
      mac_pieces (&k->ki, zero_iv, seg, n, trailer, k->mac_len);
      return 0;
    }
  /* RFC 3961 section 5.3: the MAC covers the plaintext, hashed as it
     is encrypted. */
  k5_hmac_start (&k->ki, &st);
  ok = cts_encrypt_pieces (k->enc, &k->enc_chain, seg, n, total, &h);
  k5_hmac_finish (&k->ki, &st, trailer, k->mac_len);
  return ok ? 0 : k5_crypto_error ();
}

krb5_error_code
k5_decrypt_segs (struct k5_usage_key *k, const struct k5_seg *seg, size_t n,
		 const unsigned char *trailer)
{
  unsigned char mac[K5_MAX_MAC];
  size_t total = encrypted_length (seg, n);

  if (!k->fast)
    return libkrb5_crypt (k, seg, n, (unsigned char *) trailer, false);
  /* The confounder is the first block, whole (see cts_*_pieces). */
  if (total <= BLOCK || seg[0].len != BLOCK)
    return KRB5_BAD_MSIZE;
  if (k->etm)
    {
      mac_pieces (&k->ki, zero_iv, seg, n, mac, k->mac_len);
      if (CRYPTO_memcmp (mac, trailer, k->mac_len) != 0)
	return KRB5KRB_AP_ERR_BAD_INTEGRITY;
      return cts_decrypt_pieces (k, seg, n, total) ? 0 : k5_crypto_error ();
    }
  if (!cts_decrypt_pieces (k, seg, n, total))
    return k5_crypto_error ();
  mac_pieces (&k->ki, NULL, seg, n, mac, k->mac_len);
  return CRYPTO_memcmp (mac, trailer, k->mac_len) == 0
    ? 0 : KRB5KRB_AP_ERR_BAD_INTEGRITY;
}

krb5_error_code
k5_checksum_segs (struct k5_usage_key *k, const struct k5_seg *seg, size_t n,
		  unsigned char *out)
{
  krb5_crypto_iov few[FEW], *iov;
  krb5_error_code code;

  if (k->fast)
    {
      mac_pieces (&k->kc, NULL, seg, n, out, k->mac_len);
      return 0;
    }
  iov = view_room (few, n);
  if (iov == NULL)
    return ENOMEM;
  code = krb5_view (k, seg, n, out, KRB5_CRYPTO_TYPE_DATA, iov);
  if (!code)
    code = krb5_k_make_checksum_iov (k->kctx, 0, k->key, k->usage, iov,
				     n + 1);
  if (iov != few)
    free (iov);
  return code;
}
