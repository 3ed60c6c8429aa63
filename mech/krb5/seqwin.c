/* seqwin.c - which per-message tokens are duplicates, too old, out of
   order or follow a gap, over a window of the last 64 numbers.
   Numbers are compared modulo the width of the token's field (32 bits
   for RFC 1964 and RFC 4757, 64 for RFC 4121): a sender's counter wraps
   there, and the number after the largest is the smallest. */
#include <config.h>
#include "seqwin.h"

void
k5_seqwin_init (struct k5_seqwin *w, uint64_t first, bool replay,
		bool sequence, unsigned bits)
{
  w->replay = replay;
  w->sequence = sequence;
  w->mask = bits >= 64 ? UINT64_MAX : ((uint64_t) 1 << bits) - 1;
  w->next = first & w->mask;
  w->seen = 0;
}

OM_uint32
k5_seqwin_check (struct k5_seqwin *w, uint64_t seq)
{
  uint64_t ahead, behind;

  if (!w->replay && !w->sequence)
    return GSS_S_COMPLETE;

  /* Up to half the number space forward counts as ahead; the rest is
     behind, as RFC 4121 section 4.2.3's window expects of a sender
     that never runs that far ahead. */
  ahead = (seq - w->next) & w->mask;
  if (ahead <= w->mask >> 1)
    {
      w->seen = ahead >= K5_SEQWIN_SIZE - 1 ? 0 : w->seen << (ahead + 1);
      w->seen |= 1;
      w->next = (seq + 1) & w->mask;
      return ahead && w->sequence ? GSS_S_GAP_TOKEN : GSS_S_COMPLETE;
    }

  behind = (w->next - 1 - seq) & w->mask;
  if (behind >= K5_SEQWIN_SIZE)
    return GSS_S_OLD_TOKEN;
  if (w->seen & ((uint64_t) 1 << behind))
    return w->replay ? GSS_S_DUPLICATE_TOKEN : GSS_S_UNSEQ_TOKEN;
  w->seen |= (uint64_t) 1 << behind;
  return w->sequence ? GSS_S_UNSEQ_TOKEN : GSS_S_COMPLETE;
}
