/* seqwin.h - replay and sequence detection for per-message tokens
   (RFC 2743 section 1.2.3, RFC 4121 section 4.2.3). */
#ifndef LIBGSS_K5_SEQWIN_H
#define LIBGSS_K5_SEQWIN_H

#include <stdbool.h>
#include <stdint.h>
#include <gss.h>

#define K5_SEQWIN_SIZE 64

struct k5_seqwin
{
  bool replay, sequence;	/* which detections the context offers */
  uint64_t mask;		/* numbers wrap at mask + 1 */
  uint64_t next;		/* the number expected next */
  uint64_t seen;		/* bit i: next - 1 - i has arrived */
};

/* BITS is the width of the sequence numbers on the wire, 32 or 64. */
void k5_seqwin_init (struct k5_seqwin *w, uint64_t first, bool replay,
		     bool sequence, unsigned bits);
/* The supplementary status of a verified token numbered SEQ, recording
   it; GSS_S_COMPLETE when it is the one expected. */
OM_uint32 k5_seqwin_check (struct k5_seqwin *w, uint64_t seq);

#endif
