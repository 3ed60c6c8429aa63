/* cfx.h - the 16-octet header of RFC 4121 per-message tokens
   (section 4.2.6): TOK_ID, Flags, filler or EC/RRC, SND_SEQ. */
#ifndef LIBGSS_K5_CFX_H
#define LIBGSS_K5_CFX_H

#include <stdint.h>
#include "k5.h"

#define CFX_HEADER 16
#define CFX_TOK_MIC 0x0404
#define CFX_TOK_WRAP 0x0504
#define CFX_FLAG_SENT_BY_ACCEPTOR 0x01
#define CFX_FLAG_SEALED 0x02
#define CFX_FLAG_ACCEPTOR_SUBKEY 0x04

static inline void
cfx_put_be64 (unsigned char *p, uint64_t v)
{
  int i;
  for (i = 7; i >= 0; i--, v >>= 8)
    p[i] = (unsigned char) v;
}

static inline uint64_t
cfx_get_be64 (const unsigned char *p)
{
  uint64_t v = 0;
  int i;
  for (i = 0; i < 8; i++)
    v = v << 8 | p[i];
  return v;
}

/* Whether a received header's flags fit this context: sent by the
   other side, and naming the acceptor subkey exactly when we use one. */
static inline bool
cfx_flags_ok (const struct krb5_gss_ctx *ctx, unsigned char flags)
{
  bool from_acceptor = (flags & CFX_FLAG_SENT_BY_ACCEPTOR) != 0;
  bool subkey = (flags & CFX_FLAG_ACCEPTOR_SUBKEY) != 0;

  return from_acceptor == ctx->initiator
    && subkey == (ctx->acceptor_subkey != NULL);
}

#endif
