/* seqwin.c - which per-message tokens are duplicates, too old, out of
   order or follow a gap, over a window of the last 64 numbers. */
#include <config.h>
#include "seqwin.h"

void
k5_seqwin_init (struct k5_seqwin *w, uint64_t first, bool replay,
		bool sequence)
{
  w->replay = replay;
  w->sequence = sequence;
  w->next = first;
  w->seen = 0;
}

OM_uint32
k5_seqwin_check (struct k5_seqwin *w, uint64_t seq)
{
  uint64_t behind, ahead;

  if (!w->replay && !w->sequence)
    return GSS_S_COMPLETE;

  if (seq >= w->next)
    {
      /* Numbers are 64 bits wide and start below 2^32: no wrap. */
      ahead = seq - w->next;
      w->seen = ahead >= K5_SEQWIN_SIZE - 1 ? 0 : w->seen << (ahead + 1);
      w->seen |= 1;
      w->next = seq + 1;
      return ahead && w->sequence ? GSS_S_GAP_TOKEN : GSS_S_COMPLETE;
    }

  behind = w->next - 1 - seq;
  if (behind >= K5_SEQWIN_SIZE)
    return GSS_S_OLD_TOKEN;
  if (w->seen & ((uint64_t) 1 << behind))
    return w->replay ? GSS_S_DUPLICATE_TOKEN : GSS_S_UNSEQ_TOKEN;
  w->seen |= (uint64_t) 1 << behind;
  return w->sequence ? GSS_S_UNSEQ_TOKEN : GSS_S_COMPLETE;
}
